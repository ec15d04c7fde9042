// Fitting the review session's screen to the terminal, with plain lines: nothing drawn is ever taller than it.
import { describe, expect, it } from 'vitest';
import { fitScreen, rowsOf, type ScreenParts } from '../../../src/cli/review/screen.js';

const marks = { above: (n: number) => `^${n}`, below: (n: number) => `v${n}` };
const body = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1}`);
const parts = (lines: string[]): ScreenParts => ({ top: ['header'], body: lines, bottom: ['keys'] });

describe('fitting the screen to the terminal', () => {
  it('shows all of a screen that fits, with a row left for the cursor below it', () => {
    expect(fitScreen(parts(body(3)), { columns: 80, rows: 6 }, 0, marks)).toEqual({
      lines: ['header', 'line 1', 'line 2', 'line 3', 'keys'],
      scroll: 0,
      shown: 3,
      above: 0,
      below: 0,
    });
    expect(fitScreen(parts(body(4)), { columns: 80, rows: 6 }, 0, marks).lines).toEqual(['header', 'line 1', 'line 2', 'v2', 'keys']);
  });

  it('keeps the top and the bottom and shows a window on the body, saying how many lines are cut above and below', () => {
    const size = { columns: 80, rows: 8 };
    expect(fitScreen(parts(body(10)), size, 0, marks)).toMatchObject({
      lines: ['header', 'line 1', 'line 2', 'line 3', 'line 4', 'v6', 'keys'],
      below: 6,
    });
    expect(fitScreen(parts(body(10)), size, 3, marks)).toMatchObject({
      lines: ['header', '^3', 'line 4', 'line 5', 'line 6', 'v4', 'keys'],
      shown: 3,
    });
    // Past the end, the window stops at the body's last line.
    expect(fitScreen(parts(body(10)), size, 99, marks)).toMatchObject({
      lines: ['header', '^6', 'line 7', 'line 8', 'line 9', 'line 10', 'keys'],
      scroll: 6,
      below: 0,
    });
    expect(fitScreen(parts(body(10)), size, -5, marks).scroll).toBe(0);
  });

  it('counts a line wider than the terminal as the rows it folds into', () => {
    expect(rowsOf('x'.repeat(81), 80)).toBe(2);
    expect(rowsOf('', 80)).toBe(1);
    expect(rowsOf('漢'.repeat(40), 80)).toBe(1);
    const wide = fitScreen(parts(['y'.repeat(100), 'line 2', 'line 3']), { columns: 80, rows: 6 }, 0, marks);
    expect(wide.lines).toEqual(['header', 'y'.repeat(100), 'v2', 'keys']);
  });

  it('cuts a line taller than the whole window, so that scrolling moves past it', () => {
    const fitted = fitScreen(parts(['z'.repeat(1000), 'after']), { columns: 80, rows: 6 }, 0, marks);
    expect(fitted.lines).toHaveLength(4);
    expect(fitted.lines[1]).toMatch(/^z+…$/);
    expect(rowsOf(fitted.lines[1]!, 80)).toBe(2);
    expect(fitted.lines[2]).toBe('v1');
  });

  it('in a terminal too short for a window, keeps the last rows: the keys', () => {
    expect(fitScreen(parts(body(10)), { columns: 80, rows: 3 }, 0, marks).lines).toEqual(['line 10', 'keys']);
    expect(fitScreen(parts(body(10)), { columns: 80, rows: 1 }, 0, marks).lines).toEqual(['keys']);
  });
});
