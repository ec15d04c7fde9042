// One screen of the review session, fitted to the terminal before log-update draws it. A terminal can only
// redraw what is in its viewport: a frame taller than that would leave copies of its top in the scrollback
// (log-update clips such a frame itself, but from the top, which would drop the card's question). So the frame
// is made to fit here: the header and the keys stay, and the card's body shows a window with how much is cut.
import { truncate, visibleWidth } from './markdown-text.js';

/** A screen's lines: `top` and `bottom` always shown, `body` the part that scrolls when it does not fit. */
export interface ScreenParts {
  top: string[];
  body: string[];
  bottom: string[];
}

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** The lines that say how many of the body's lines are cut off above and below the window. */
export interface CutMarks {
  above(lines: number): string;
  below(lines: number): string;
}

export interface FittedScreen {
  lines: string[];
  /** The body's first line shown (the scroll asked for, kept within the body). */
  scroll: number;
  /** Body lines shown; the whole body when nothing is cut. */
  shown: number;
  /** Body lines cut above and below the window. */
  above: number;
  below: number;
}

/** Rows a line takes on the terminal: a word longer than the terminal is wide (a URL) folds onto the next. */
export function rowsOf(line: string, columns: number): number {
  return Math.max(1, Math.ceil(visibleWidth(line) / Math.max(1, columns)));
}

function rowsOfAll(lines: string[], columns: number): number {
  return lines.reduce((sum, line) => sum + rowsOf(line, columns), 0);
}

/**
 * The screen's lines within `rows - 1` terminal rows (log-update leaves the cursor on the row below its frame):
 * all of it when it fits, else the top, a window on the body from line `scroll` with a mark for what is cut
 * above and below it, and the bottom. A terminal too short even for that keeps the bottom (the keys).
 */
export function fitScreen(parts: ScreenParts, size: TerminalSize, scroll: number, marks: CutMarks): FittedScreen {
  const { top, body, bottom } = parts;
  const columns = Math.max(1, size.columns);
  const height = Math.max(1, size.rows - 1);
  const room = height - rowsOfAll(top, columns) - rowsOfAll(bottom, columns);
  if (rowsOfAll(body, columns) <= room) {
    return { lines: keepLast([...top, ...body, ...bottom], height, columns), scroll: 0, shown: body.length, above: 0, below: 0 };
  }
  // A window needs a row for a mark and one for a line at least.
  if (room < 2) return { lines: keepLast([...top, ...body, ...bottom], height, columns), scroll: 0, shown: 0, above: 0, below: 0 };

  // The last start whose window reaches the body's end, with the mark above it.
  let lastStart = body.length;
  for (let used = 1; lastStart > 0 && used + rowsOf(body[lastStart - 1]!, columns) <= room; lastStart--)
    used += rowsOf(body[lastStart - 1]!, columns);
  const start = Math.max(0, Math.min(Math.round(scroll), lastStart));

  const window: string[] = [];
  let used = start > 0 ? 1 : 0;
  let end = start;
  while (end < body.length) {
    const line = body[end]!;
    const markBelow = end + 1 < body.length ? 1 : 0;
    const free = room - used - markBelow;
    if (rowsOf(line, columns) > free) {
      // A line taller than the whole window (a very long URL) is cut to it, so that the window moves on.
      if (window.length === 0 && free > 0) {
        window.push(truncate(line, free * columns - 1));
        end++;
      }
      break;
    }
    window.push(line);
    used += rowsOf(line, columns);
    end++;
  }
  const above = start;
  const below = body.length - end;
  const lines = [...top, ...(above > 0 ? [marks.above(above)] : []), ...window, ...(below > 0 ? [marks.below(below)] : []), ...bottom];
  return { lines: keepLast(lines, height, columns), scroll: start, shown: window.length, above, below };
}

/** The last lines that fit in `height` rows: a last guard, so that no frame is ever taller than the terminal. */
function keepLast(lines: string[], height: number, columns: number): string[] {
  let used = 0;
  let first = lines.length;
  while (first > 0 && used + rowsOf(lines[first - 1]!, columns) <= height) used += rowsOf(lines[--first]!, columns);
  return lines.slice(first);
}
