// Write-back as a pure plan: the file's text + each entry's state -> the same text with its task markers set.
// Only marker characters change: every other byte (line endings, BOM, indentation, escapes) stays as written.
import type { MarkerText, SkippedAs } from '../../contract/write-back.js';
import type { EntryKind, ParsedChecklist, TaskMarker, TopicsMode, TopicState } from '../checklist/model.js';
import { markerOfCharacter, markerOfState, markerText, TASK_MARKER, usesObsidianMarkers } from '../checklist/task-markers.js';

export type { MarkerText, SkippedAs } from '../../contract/write-back.js';

export interface WriteBackOptions {
  /** Give every study topic a marker, `[ ]` when it has none and is not known. */
  all: boolean;
  skipped: SkippedAs;
}

/** The state wanted in the file for one parsed entry, and the stored topic it is (null when not stored yet). */
export interface EntryState {
  state: TopicState;
  topicId: number | null;
}

export interface MarkerEdit {
  /** 1-based line in the file; the line's other characters are left as they are. */
  line: number;
  /** 0-based column of the marker's `[` (UTF-16 code units, a BOM not counted). */
  column: number;
  entryIndex: number;
  topicId: number | null;
  /** The topic's plain-text title, for reports. */
  title: string;
  from: MarkerText;
  to: MarkerText;
}

export interface WriteBack {
  text: string;
  edits: MarkerEdit[];
  /** Entries whose marker should change but could not be written, one line each. */
  warnings: string[];
}

/**
 * The marker an entry should carry: `[x]` when known, `[ ]` otherwise; in a file that uses Obsidian's `[/]` and
 * `[-]` (`obsidian`), those for learning and skipped. A skipped one as `skipped` says (`keep`: `[-]` in such a
 * file, else as the file has it). An entry without a marker gets one only if it is a study topic and known (or
 * `all` is set): goals and books never get new markers, and no marker is ever removed.
 */
export function wantedMarker(kind: EntryKind, current: TaskMarker, state: TopicState, options: WriteBackOptions, obsidian: boolean): TaskMarker {
  let wanted: TaskMarker;
  if (state === 'skipped' && options.skipped !== 'keep') wanted = options.skipped;
  else if (state === 'skipped' && !obsidian) wanted = current;
  else wanted = markerOfState(state, obsidian);
  if (current !== 'none') return wanted === 'none' ? current : wanted;
  if (kind !== 'topic') return 'none';
  if (wanted === 'done') return 'done';
  return options.all ? (wanted === 'none' ? 'open' : wanted) : 'none';
}

const LINE_BREAK = /(\r\n|\r|\n)/;

/**
 * Sets each entry's task marker to match its state. `states[i]` is the state of `parsed.entries[i]`; `parsed`
 * must be `parseChecklist(text)`. Unchanged markers keep their case (`[X]` stays `[X]`).
 */
export function writeBack(text: string, parsed: ParsedChecklist, states: EntryState[], options: WriteBackOptions): WriteBack {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  // Lines at even indices, their line breaks at odd ones: joined again, they are the text, byte for byte.
  const parts = text.slice(bom.length).split(LINE_BREAK);
  const edits: MarkerEdit[] = [];
  const warnings: string[] = [];
  const headings: string[] = [];
  const obsidian = usesObsidianMarkers(parsed.entries.map((entry) => entry.marker));

  for (const entry of parsed.entries) {
    const target = states[entry.index];
    if (!target) continue;
    const wanted = wantedMarker(entry.kind, entry.marker, target.state, options, obsidian);
    if (wanted === entry.marker) continue;
    const where = `line ${entry.lines.start} (${entry.text})`;
    if (entry.heading) {
      headings.push(where);
      continue;
    }
    const start = entry.textStart;
    const line = start ? parts[(start.line - 1) * 2] : undefined;
    if (!start || line === undefined) {
      warnings.push(`${where}: could not find where its text starts; its marker was left as it is`);
      continue;
    }
    const present = TASK_MARKER.exec(line.slice(start.column));
    const from: MarkerText = present ? (`[${present[1]}]` as MarkerText) : '';
    if ((from === '') !== (entry.marker === 'none')) {
      warnings.push(`${where}: its marker is not where it was read; left as it is`);
      continue;
    }
    if (from === '' && start.line !== entry.lines.start) {
      warnings.push(`${where}: its text starts on the line after its bullet; no marker added`);
      continue;
    }
    const to = markerText(wanted) as MarkerText;
    edits.push({ line: start.line, column: start.column, entryIndex: entry.index, topicId: target.topicId, title: entry.text, from, to });
  }

  if (headings.length > 0) warnings.push(headingsNotice(headings));

  // Right to left, so that an insertion never shifts a column still to be edited on the same line.
  const ordered = [...edits].sort((a, b) => a.line - b.line || b.column - a.column);
  for (const edit of ordered) {
    const index = (edit.line - 1) * 2;
    const line = parts[index]!;
    parts[index] =
      edit.from === ''
        ? `${line.slice(0, edit.column)}${edit.to} ${line.slice(edit.column)}`
        : `${line.slice(0, edit.column + 1)}${edit.to[1]}${line.slice(edit.column + 2)}`;
  }
  edits.sort((a, b) => a.line - b.line);
  return { text: edits.length === 0 ? text : bom + parts.join(''), edits, warnings };
}

/**
 * Read by headings, a topic is a heading: a marker there would change the heading's text and the anchor that links
 * to it (a table of contents, other pages). Said once for them all, the first few named.
 */
function headingsNotice(where: string[]): string {
  const named = where.slice(0, 3).join(', ') + (where.length > 3 ? ` and ${where.length - 3} more` : '');
  const [count, their] = where.length === 1 ? ['1 topic is a heading', 'its'] : [`${where.length} topics are headings`, 'their'];
  return `${count} (the file is read by headings), and prepdeck writes no marker into a heading, which would change its text and its links' anchor; ${their} state stays in prepdeck: ${named}`;
}

/** The marker an entry carries after the write-back: the one written, or the one it had. */
export function markerAfter(entryIndex: number, before: TaskMarker, edits: MarkerEdit[]): TaskMarker {
  const edit = edits.find((e) => e.entryIndex === entryIndex);
  if (!edit) return before;
  return markerOfText(edit.to);
}

/** The marker a written `[.]` stands for ('' for none). */
export function markerOfText(text: MarkerText): TaskMarker {
  return text === '' ? 'none' : markerOfCharacter(text[1]!);
}

/**
 * Re-reading the written text must give the same entries, in the same sections and lines, each with the marker
 * written: anything else would change what prepdeck tracks. Returns what differs, or null.
 */
export function checkWriteBack(
  before: ParsedChecklist,
  after: ParsedChecklist,
  edits: MarkerEdit[],
  /**
   * Where a line of the file is after lines were inserted (cards written in). Then an entry's last line is not
   * compared: blank lines at its end may go to the lines inserted after it.
   */
  lineAfter?: (line: number) => number,
): string | null {
  if (after.entries.length !== before.entries.length) {
    return `the file would be read with ${after.entries.length} entries instead of ${before.entries.length}`;
  }
  const byEntry = new Map(edits.map((e) => [e.entryIndex, e]));
  for (const [index, old] of before.entries.entries()) {
    const now = after.entries[index]!;
    const edit = byEntry.get(index);
    const marker = edit ? markerOfText(edit.to) : old.marker;
    const same =
      now.text === old.text &&
      now.kind === old.kind &&
      now.sectionIndex === old.sectionIndex &&
      now.parentIndex === old.parentIndex &&
      now.lines.start === (lineAfter ? lineAfter(old.lines.start) : old.lines.start) &&
      (lineAfter !== undefined || now.lines.end === old.lines.end) &&
      now.marker === marker;
    if (!same) return `line ${old.lines.start} (${old.text}) would be read differently`;
  }
  return null;
}

/**
 * The reading a sync should ask for: the one `--topics` chose at the last import, else the automatic one.
 * (The import records its reason; an explicit choice is the one that starts with `--topics`.)
 */
export function requestedTopics(checklist: { topicsMode: TopicsMode; topicsModeReason: string }): TopicsMode | 'auto' {
  return checklist.topicsModeReason.startsWith('--topics ') ? checklist.topicsMode : 'auto';
}
