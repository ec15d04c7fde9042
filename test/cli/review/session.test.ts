// The terminal review session driven as a user drives it: keys into a fake TTY, the screen read back, a real
// SQLite store underneath and a clock the test moves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { closeApp, openApp, type AppContext } from '../../../src/app/context.js';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { answerCard, reviewQueue, undoReview } from '../../../src/app/review/review.js';
import { updateReviewSettings } from '../../../src/app/review/settings.js';
import { writeTopicNotes } from '../../../src/app/topics/topics.js';
import type { ReviewCardJson, ReviewQueueJson } from '../../../src/contract/review.js';
import {
  formatDuration,
  formatWait,
  parseKeys,
  runReviewSession,
  type Rating,
  type ReviewSessionOptions,
  type ReviewSource,
  type ReviewSummary,
  type Timers,
} from '../../../src/cli/review/session.js';
import { renderMarkdown, sanitize, visibleWidth, wrap } from '../../../src/cli/review/markdown-text.js';

const CHECKLIST = `# Python
## Data model
- descriptors and how \`@property\` is built on them

  A descriptor defines \`__get__\`, \`__set__\` or \`__delete__\`.
  - [HOWTO](https://docs.python.org/3/howto/descriptor.html)
- metaclasses
# Базы данных
- индексы и B-деревья
# Goals
- full remote
`;
const START = Date.parse('2026-11-20T09:00:00.000Z');
const ESC = '\u001b';
const noColor = pc.createColors(false);

// ---- a fake terminal ----

class Keyboard extends PassThrough {
  isTTY = true;
  isRaw = false;
  /** Every raw-mode switch, in order. */
  readonly modes: boolean[] = [];
  setRawMode(mode: boolean): this {
    this.isRaw = mode;
    this.modes.push(mode);
    return this;
  }
}

/**
 * A terminal of `columns` × `rows`: it reads what the session writes (text, line feeds, and the cursor moves,
 * erases and styles that log-update and the session send) into the lines it shows, the scrollback above them
 * included, so that a test reads the screen as a user would, and sees the copies a bad redraw would leave.
 */
class Screen extends Writable {
  isTTY = true;
  columns = 80;
  rows = 24;
  raw = '';
  /** Every line since the start: the scrollback, then the screen's rows. */
  private lines: string[] = [''];
  private row = 0;
  private col = 0;
  /** Lines scrolled off the top of the screen into the scrollback. */
  scrolled = 0;

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    const text = chunk.toString();
    this.raw += text;
    for (const m of text.matchAll(/\u001b\[([?0-9;]*)([@-~])|[^\u001b]/gu)) {
      if (m[2] !== undefined) this.control(m[1] ?? '', m[2]);
      else if (m[0] === '\n') this.lineFeed();
      else if (m[0] === '\r') this.col = 0;
      else this.put(m[0]);
    }
    callback();
  }

  private control(params: string, final: string): void {
    const n = Number(params) || 1;
    if (params.startsWith('?') || final === 'm') return; // cursor shown or hidden, synchronized output, styles
    if (final === 'A') this.row = Math.max(this.scrolled, this.row - n);
    else if (final === 'B') this.row = Math.min(this.scrolled + this.rows - 1, this.row + n);
    else if (final === 'G') this.col = 0;
    else if (final === 'H') [this.row, this.col] = [this.scrolled, 0];
    else if (final === 'K' && params === '2') this.setLine('');
    else if (final === 'K') this.setLine(this.line().slice(0, this.col));
    else if (final === 'J') {
      this.setLine(this.line().slice(0, this.col));
      this.lines.length = this.row + 1;
    } else throw new Error(`the fake terminal does not know ESC[${params}${final}`);
    while (this.lines.length <= this.row) this.lines.push('');
  }

  private line(): string {
    return this.lines[this.row] ?? '';
  }

  private setLine(text: string): void {
    this.lines[this.row] = text;
  }

  private lineFeed(): void {
    this.row++;
    this.col = 0;
    if (this.row >= this.scrolled + this.rows) this.scrolled = this.row - this.rows + 1;
    while (this.lines.length <= this.row) this.lines.push('');
  }

  private put(ch: string): void {
    if (this.col >= this.columns) this.lineFeed(); // autowrap: a line longer than the terminal folds
    this.setLine(this.line().padEnd(this.col).slice(0, this.col) + ch + this.line().slice(this.col + 1));
    this.col++;
  }

  /** Everything the terminal holds, the scrollback included, as text. */
  get text(): string {
    return this.lines.join('\n');
  }

  /** The rows on the screen now (the scrollback left out), trailing blank rows dropped. */
  get visible(): string[] {
    const rows = this.lines.slice(this.scrolled, this.scrolled + this.rows);
    while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
    return rows;
  }

  /** The line of keys at the bottom of the session's screen. */
  get footer(): string {
    return this.visible[this.visible.length - 1] ?? '';
  }

  /** The terminal changes size, as a window resized by its user. */
  resize(columns: number, rows: number): void {
    [this.columns, this.rows] = [columns, rows];
    this.emit('resize');
  }
}

/** Waits for `check`; `what` says what was awaited, and what the screen shows then. */
async function until(check: () => boolean, what: string | (() => string)): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Timers the test fires by hand. */
class ManualTimers implements Timers {
  pending: Array<{ fn: () => void; ms: number }> = [];
  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { fn, ms };
    this.pending.push(timer);
    return timer;
  }
  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((t) => t !== handle);
  }
  fire(): void {
    const all = this.pending;
    this.pending = [];
    for (const t of all) t.fn();
  }
}

interface Answer {
  cardId: number;
  rating: Rating;
  durationMs: number;
}

interface Running {
  keyboard: Keyboard;
  screen: Screen;
  answers: Answer[];
  done: Promise<ReviewSummary>;
  /** Types keys, then waits until the screen matches. */
  press(keys: string, expected: RegExp): Promise<void>;
  /** The screen now: the session's one screen, redrawn in place. */
  latest(): string;
}

interface World {
  ctx: AppContext;
  clock: { ms: number };
  start: (options?: Partial<ReviewSessionOptions> & { source?: ReviewSource }) => Running;
}

async function withWorld(fn: (world: World) => Promise<void>, checklist = CHECKLIST): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'prepdeck-review-session-'));
  const clock = { ms: START };
  const ctx = await openApp(join(dir, 'prepdeck.db'), () => new Date(clock.ms).toISOString());
  try {
    await importChecklist(ctx, { file: checklistFromUpload(checklist, 'prep.md') });
    await updateReviewSettings(ctx, 'prep', { timeZone: 'UTC' });
    const start: World['start'] = (options = {}) => {
      const keyboard = new Keyboard();
      const screen = new Screen();
      const answers: Answer[] = [];
      const source: ReviewSource = options.source ?? {
        queue: () => reviewQueue(ctx, { checklist: 'prep' }),
        answer: (cardId, rating, durationMs, shownReps) => {
          answers.push({ cardId, rating, durationMs });
          return answerCard(ctx, cardId, rating, durationMs, shownReps);
        },
        undo: (cardId) => undoReview(ctx, 'prep', cardId),
      };
      const done = runReviewSession({ input: keyboard, output: screen, colors: noColor, now: () => clock.ms, timeZone: 'UTC', ...options, source });
      return {
        keyboard,
        screen,
        answers,
        done,
        latest: () => screen.visible.join('\n'),
        async press(keys, expected) {
          keyboard.write(keys);
          await until(
            () => expected.test(screen.text),
            () => `${expected} after ${JSON.stringify(keys)}; the screen shows:\n${screen.text}`,
          );
        },
      };
    };
    await fn({ ctx, clock, start });
  } finally {
    await closeApp(ctx);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function shown(running: Running, expected: RegExp): Promise<void> {
  await until(
    () => expected.test(running.screen.text),
    () => `${expected}; the screen shows:\n${running.screen.text}`,
  );
}

describe('the review session', () => {
  it('shows the checklist, the counts, the section path and the front; space shows details, notes, resources and the four ratings', () =>
    withWorld(async ({ start }) => {
      const s = start();
      await shown(s, /space show answer/);
      expect(s.screen.text).toContain('prep  3 new · 0 learning · 0 review');
      expect(s.screen.text).toContain('Python › Data model');
      expect(s.screen.text).toContain('Explain: descriptors and how @property is built on them');
      expect(s.screen.text).not.toContain('__get__');
      await s.press(' ', /1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy \d+d/);
      expect(s.latest()).toContain('A descriptor defines __get__, __set__ or __delete__.');
      expect(s.latest()).toMatch(/Resources\n\s+↗ HOWTO https:\/\/docs\.python\.org\/3\/howto\/descriptor\.html/);
      // The back replaces the front: the question stays at the top, once.
      expect(s.latest().match(/Explain: descriptors/g)).toHaveLength(1);
      expect(s.screen.footer).toBe('1 again · 2 hard · 3 good · 4 easy · u undo · q quit');
      await s.press('q', /Reviewed|No cards/);
      await s.done;
    }));

  it('rating saves the answer with the time since the card was shown, then shows the next card with the counts updated', () =>
    withWorld(async ({ start, clock }) => {
      const s = start();
      await shown(s, /space show answer/);
      clock.ms += 1500;
      await s.press(' ', /3 Good 10m/);
      clock.ms += 2700;
      await s.press('3', /Explain: metaclasses/);
      expect(s.answers).toEqual([{ cardId: 1, rating: 3, durationMs: 4200 }]);
      expect(s.latest()).toMatch(/✓ Good · next in 10m/);
      // The card just learnt waits its 10 minutes while the new ones go on.
      expect(s.latest()).toContain('prep  2 new · 1 learning · 0 review');
      await s.press('q', /Reviewed/);
      await s.done;
    }));

  it('Cyrillic stays intact: section path, title and notes', () =>
    withWorld(async ({ ctx, start }) => {
      await writeTopicNotes(ctx, 'индексы', 'Заметка: *кластерный* индекс\n\n- B+ дерево\n- хеш');
      const s = start({ source: undefined });
      await shown(s, /space show answer/);
      for (const next of [/Explain: metaclasses/, /Explain: индексы и B-деревья/]) {
        await s.press(' ', /1 Again/);
        await s.press('3', next);
      }
      expect(s.latest()).toContain('Базы данных');
      await s.press(' ', /1 Again/);
      expect(s.latest()).toMatch(/Notes\n\s+Заметка: кластерный индекс\n\n\s+• B\+ дерево\n\s+• хеш/);
      await s.press('q', /Reviewed 2 cards/);
      await s.done;
    }));

  it('u undoes the last answer and shows that card again, unrevealed; the summary no longer counts it', () =>
    withWorld(async ({ ctx, start }) => {
      const s = start();
      await shown(s, /space show answer/);
      await s.press(' ', /1 Again/);
      await s.press('4', /Explain: metaclasses/);
      await s.press('u', /Explain: descriptors/);
      // The undo is said in the screen, in place of the card it takes back: nothing of that card is left, above or below.
      expect(s.screen.text).not.toContain('metaclasses');
      expect(s.latest()).toMatch(
        /^prep {2}3 new · 0 learning · 0 review\nPython › Data model\n─+\n↶ Undid Easy on descriptors and how @property is built on them\n\n {2}Explain: descriptors/,
      );
      expect(s.screen.footer).toBe('space show answer · q quit');
      expect((await reviewQueue(ctx, { checklist: 'prep' })).doneToday).toEqual({ new: 0, review: 0 });
      await s.press('u', /nothing to undo in this session/);
      await s.press('q', /No cards reviewed/);
      expect((await s.done).reviewed).toBe(0);
    }));

  it('q, Escape and Ctrl+C quit with a summary: cards, each rating, time spent; raw mode is put back', { timeout: 30_000 }, async () => {
    for (const quit of ['q', ESC, '\u0003', 'й']) {
      await withWorld(async ({ start, clock }) => {
        const s = start();
        await shown(s, /space show answer/);
        await s.press(' ', /1 Again/);
        clock.ms += 65_000;
        await s.press('1', /Explain: metaclasses/);
        await s.press(' ', /1 Again/);
        await s.press('3', /Explain: индексы/);
        await s.press(quit, /Reviewed/);
        const summary = await s.done;
        expect(summary).toMatchObject({ reviewed: 2, ratings: { again: 1, hard: 0, good: 1, easy: 0 }, elapsedMs: 65_000, ended: 'quit' });
        expect(s.latest()).toContain('Reviewed 2 cards in 1m 05s: 1 again · 0 hard · 1 good · 0 easy');
        expect(s.latest()).toMatch(/cards? left for today; every answer is saved/);
        // The last screen stays above the summary, without the keys that no longer work.
        expect(s.latest()).toMatch(/Explain: индексы и B-деревья\n\nReviewed 2 cards/);
        expect(s.latest()).not.toContain('q quit');
        expect(s.keyboard.modes).toEqual([true, false]);
        expect(s.screen.raw.endsWith('\n')).toBe(true);
        expect(s.screen.raw).toContain(`${ESC}[?25h`);
      });
    }
  });

  it('redraws one screen in place: the back replaces the front, the next card the back, nothing scrolls into the scrollback', () =>
    withWorld(async ({ start }) => {
      const s = start();
      await shown(s, /space show answer/);
      const front = s.latest();
      expect(front).toBe(
        [
          'prep  3 new · 0 learning · 0 review',
          'Python › Data model',
          '─'.repeat(60),
          '',
          '  Explain: descriptors and how @property is built on them',
          '',
          'space show answer · q quit',
        ].join('\n'),
      );
      await s.press(' ', /1 Again/);
      expect(s.latest().startsWith(front.slice(0, front.lastIndexOf('\n')))).toBe(true);
      await s.press('3', /Explain: metaclasses/);
      expect(s.screen.text).not.toContain('descriptors');
      expect(s.latest()).toMatch(
        /^prep {2}2 new · 1 learning · 0 review\nPython › Data model\n─+\n {2}✓ Good · next in 10m\n\n {2}Explain: metaclasses\n\n/,
      );
      expect(s.screen.footer).toBe('space show answer · u undo · q quit');
      expect(s.screen.scrolled).toBe(0);
      await s.press('q', /Reviewed 1 card/);
      await s.done;
    }));

  it('a card taller than the terminal keeps its question and the keys on the screen, says how much is cut, and scrolls with ↓ ↑ PgDn PgUp', () =>
    withWorld(async ({ ctx, start }) => {
      const notes = Array.from({ length: 30 }, (_, i) => `- note line ${i + 1}`).join('\n');
      await writeTopicNotes(ctx, 'descriptors', notes);
      const s = start();
      s.screen.rows = 16;
      await shown(s, /space show answer/);
      await s.press(' ', /1 Again/);
      const fits = () => {
        // The whole session fits the screen: no row pushed into the scrollback, where a redraw could not erase it.
        expect(s.screen.scrolled).toBe(0);
        expect(s.screen.visible.length).toBeLessThan(16);
        expect(s.screen.text.match(/^prep {2}\d+ new/gm)).toHaveLength(1);
      };
      fits();
      expect(s.latest()).toContain('Explain: descriptors');
      expect(s.latest()).toContain('• note line 1\n');
      expect(s.latest()).toMatch(/↓ \d+ lines more below \(↓ or PgDn\)\n {2}1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy \d+d\n1 again · 2 hard/);
      const below = Number(/↓ (\d+) lines more below/.exec(s.latest())![1]);
      await s.press(`${ESC}[B`, /↑ 1 line above \(↑ or PgUp\)/);
      await s.press(`${ESC}[B`, new RegExp(`↑ 2 lines above[\\s\\S]*↓ ${below - 1} lines more below`));
      fits();
      // The window's end: the card's last line (a blank one after the resources) right above the ratings.
      await s.press(`${ESC}[6~`.repeat(6), /HOWTO[^\n]*\n\n {2}1 Again/);
      expect(s.latest()).toContain('• note line 30\n');
      expect(s.latest()).not.toContain('more below');
      expect(s.latest()).not.toContain('Explain: descriptors');
      fits();
      await s.press(`${ESC}[5~`.repeat(6), /Explain: descriptors/);
      expect(s.latest()).not.toContain('above');
      fits();
      await s.press('3', /Explain: metaclasses/);
      fits();
      await s.press('q', /Reviewed 1 card/);
      await s.done;
    }));

  it('a terminal resize draws the screen again for the new size, once', () =>
    withWorld(async ({ start }) => {
      const s = start();
      await shown(s, /space show answer/);
      await s.press(' ', /1 Again/);
      s.screen.resize(40, 24);
      await until(() => s.latest().includes('─'.repeat(39)), 'the screen drawn at 40 columns');
      expect(
        s
          .latest()
          .split('\n')
          .every((line) => line.length <= 40),
      ).toBe(true);
      expect(s.screen.text.match(/Explain: descriptors/g)).toHaveLength(1);
      expect(s.latest()).toContain('A descriptor defines __get__, __set__\n  or __delete__.');
      // The ratings wrap between ratings, never inside one.
      expect(s.latest()).toMatch(/\n {2}1 Again 1m · 2 Hard 6m · 3 Good 10m\n {2}4 Easy \d+d\n/);
      s.screen.resize(80, 10);
      await until(() => /more below/.test(s.latest()), 'the screen cut to 10 rows');
      expect(s.screen.visible.length).toBeLessThan(10);
      expect(s.screen.footer).toBe('1 again · 2 hard · 3 good · 4 easy · u undo · q quit');
      await s.press('2', /Explain: metaclasses/);
      await s.press('q', /Reviewed 1 card/);
      await s.done;
    }));

  it('keys that mean nothing are ignored with a hint: a rating before the answer shows, letters, arrows, enter on the back', () =>
    withWorld(async ({ start }) => {
      const s = start();
      await shown(s, /space show answer/);
      await s.press('3', /show the answer first: space or enter/);
      await s.press('x', /'x' does nothing here · space show answer · q quit/);
      await s.press(`${ESC}[C`, /escape sequence does nothing here/);
      await s.press(`${ESC}[B`, /all of it is on the screen/);
      expect(s.answers).toEqual([]);
      await s.press('\r', /1 Again/);
      await s.press('\r', /rate it: 1 again, 2 hard, 3 good, 4 easy/);
      await s.press('z', /rate it/);
      expect(s.answers).toEqual([]);
      await s.press('2', /Explain: metaclasses/);
      expect(s.answers.map((a) => a.rating)).toEqual([2]);
      await s.press('q', /Reviewed 1 card/);
      await s.done;
    }));

  it('after the last card: all done for today with when the next card is due, and u still undoes the last answer', () =>
    withWorld(async ({ start }) => {
      const s = start({ source: undefined });
      await shown(s, /space show answer/);
      for (const next of [/metaclasses/, /индексы/, /All done for today!/]) {
        await s.press(' ', /1 Again/);
        await s.press('4', next);
      }
      expect(s.latest()).toMatch(/The next card is due in \d+d \(\w{3} \d+ \w{3}, 09:00\)\./);
      await s.press(' ', /nothing left to study today/);
      await s.press('u', /Undid Easy on индексы и B-деревья/);
      expect(s.latest()).toContain('Explain: индексы и B-деревья');
      await s.press('q', /Reviewed 2 cards/);
      expect(await s.done).toMatchObject({ reviewed: 2, ratings: { easy: 2 } });
    }));

  it('says when the daily limit of new cards is why the day is done', () =>
    withWorld(async ({ ctx, start }) => {
      await updateReviewSettings(ctx, 'prep', { newPerDay: 1 });
      const [first] = (await reviewQueue(ctx, { checklist: 'prep' })).cards;
      await answerCard(ctx, first!.card.id, 4);
      const s = start();
      expect(await s.done).toMatchObject({ reviewed: 0, ended: 'nothing-due' });
      expect(s.screen.raw).toMatch(
        /^All done for today!\nNew cards: 1 of 1 a day introduced, more tomorrow \(`prepdeck settings --new-per-day` changes the limit\)\.\nThe next card is due in \d+h \(.*\)\.\n$/,
      );
    }, '# SQL\n- joins\n- indexes\n'));

  it('with nothing due it says when the next card is, and leaves the terminal alone', () =>
    withWorld(async ({ ctx, start }) => {
      const [only] = (await reviewQueue(ctx, { checklist: 'prep' })).cards;
      await answerCard(ctx, only!.card.id, 4);
      const s = start();
      const summary = await s.done;
      expect(summary).toMatchObject({ reviewed: 0, ended: 'nothing-due', remaining: 0 });
      expect(s.screen.raw).toMatch(/^All done for today!\nThe next card is due in \d+d \(.*\)\.\n$/);
      expect(s.keyboard.modes).toEqual([]);
    }, '# SQL\n- joins\n'));

  it('waits for a learning card due later today, and shows it when it comes due', () =>
    withWorld(async ({ ctx, start, clock }) => {
      await updateReviewSettings(ctx, 'prep', { learningSteps: ['1h'] });
      const timers = new ManualTimers();
      const s = start({ timers });
      await shown(s, /space show answer/);
      await s.press(' ', /1 Again/);
      await s.press('1', /Nothing due right now/);
      expect(s.latest()).toContain('The next card comes back in 1h (10:00); it will show up here when it does.');
      expect(timers.pending.map((t) => t.ms)).toEqual([3_601_000]);
      clock.ms += 3_601_000;
      timers.fire();
      await until(() => s.latest().includes('Explain: joins'), 'the card to come back');
      expect(s.latest()).toContain('prep  0 new · 1 learning · 0 review');
      expect(s.latest()).not.toContain('Nothing due right now');
      await s.press('q', /Reviewed 1 card/);
      await s.done;
      expect(timers.pending).toEqual([]);
    }, '# SQL\n- joins\n'));

  it('--limit ends the session after that many answers; undo takes one back', () =>
    withWorld(async ({ start }) => {
      const s = start({ limit: 1 });
      await shown(s, /space show answer/);
      await s.press(' ', /1 Again/);
      await s.press('3', /That makes 1 card, the --limit of this session\.\n3 cards still due today\./);
      await s.press('3', /the session is over/);
      await s.press('u', /Explain: descriptors/);
      await s.press('q', /No cards reviewed/);
      await s.done;
    }));

  it('the end of the input ends the session like q', () =>
    withWorld(async ({ start }) => {
      const s = start();
      await shown(s, /space show answer/);
      s.keyboard.end();
      expect(await s.done).toMatchObject({ ended: 'input-closed' });
      expect(s.keyboard.modes).toEqual([true, false]);
    }));

  it('an aborted signal (SIGTERM) ends it and restores the terminal', () =>
    withWorld(async ({ start }) => {
      const stop = new AbortController();
      const s = start({ signal: stop.signal });
      await shown(s, /space show answer/);
      stop.abort();
      expect(await s.done).toMatchObject({ ended: 'quit' });
      expect(s.keyboard.modes).toEqual([true, false]);
    }));

  it('raw mode and the cursor are put back when the store fails mid-session, and the error reaches the caller', () =>
    withWorld(async ({ ctx, start }) => {
      const s = start({
        source: {
          queue: () => reviewQueue(ctx, { checklist: 'prep' }),
          answer: () => Promise.reject(new Error('disk I/O error')),
          undo: (cardId) => undoReview(ctx, 'prep', cardId),
        },
      });
      await shown(s, /space show answer/);
      s.keyboard.write(' 3');
      await expect(s.done).rejects.toThrow('disk I/O error');
      expect(s.keyboard.modes).toEqual([true, false]);
      expect(s.screen.raw).toContain(`${ESC}[?25h`);
    }));

  it('an expected failure (the card was archived meanwhile) is a note, and the session goes on', () =>
    withWorld(async ({ ctx, start }) => {
      let first = true;
      const s = start({
        source: {
          queue: () => reviewQueue(ctx, { checklist: 'prep' }),
          answer: async (id, rating, ms) => {
            if (first) {
              first = false;
              const { InvalidInputError } = await import('../../../src/core/errors.js');
              throw new InvalidInputError(`card ${id} is archived`);
            }
            return answerCard(ctx, id, rating, ms);
          },
          undo: (cardId) => undoReview(ctx, 'prep', cardId),
        },
      });
      await shown(s, /space show answer/);
      await s.press(' ', /1 Again/);
      await s.press('3', /Not saved: card 1 is archived/);
      expect(s.latest()).toContain('Explain: descriptors');
      await s.press('q', /No cards reviewed/);
      await s.done;
    }));

  it('text from the file never sends the terminal escape sequences', () =>
    withWorld(async ({ ctx, start }) => {
      await writeTopicNotes(ctx, 'descriptors', `red ${ESC}[31malert${ESC}[0m and a title ${ESC}]0;pwned\u0007 and a bell\u0007`);
      const s = start();
      await shown(s, /space show answer/);
      await s.press(' ', /1 Again/);
      expect(s.latest()).toContain('red alert and a title and a bell');
      expect(s.screen.raw).not.toContain(`${ESC}[31m`);
      expect(s.screen.raw).not.toContain(`${ESC}]`);
      expect(s.screen.raw).not.toContain('\u0007');
      await s.press('q', /No cards/);
      await s.done;
    }));
});

describe('a question/answer card', () => {
  const queue: ReviewQueueJson = {
    checklist: 'prep',
    day: { date: '2026-11-20', start: '2026-11-20T04:00:00.000Z', end: '2026-11-21T04:00:00.000Z' },
    timeZone: 'UTC',
    remaining: { new: 0, learning: 0, review: 1 },
    doneToday: { new: 0, review: 0 },
    limits: { newPerDay: 20, reviewsPerDay: 200 },
    nextDueAt: null,
    planSummary: null,
    cards: [],
  };
  const item: ReviewCardJson = {
    section: ['SQL', 'Transactions'],
    card: {
      id: 7,
      checklist: 'prep',
      kind: 'qa',
      origin: 'file',
      topicId: 3,
      front: 'What does `SELECT ... FOR UPDATE` lock?',
      back: 'The selected **rows**, until the transaction ends.\n\n```sql\nSELECT * FROM t FOR UPDATE;\n```',
      state: 'review',
      due: '2026-11-20T08:00:00.000Z',
      stability: 3,
      difficulty: 5,
      reps: 2,
      lapses: 0,
      lastReview: '2026-11-17T08:00:00.000Z',
      retrievability: 0.9,
      line: 12,
      archivedAt: null,
    },
    topic: {
      id: 3,
      checklist: 'prep',
      kind: 'topic',
      title: 'locking',
      text: 'locking',
      details: '',
      state: 'learning',
      confidence: null,
      notes: 'topic notes are not the answer',
      section: ['SQL', 'Transactions'],
      line: 11,
      origin: 'file',
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      archivedAt: null,
    },
    resources: [],
    ratings: [
      { rating: 1, due: '2026-11-20T09:10:00.000Z', interval: '10m' },
      { rating: 2, due: '2026-11-23T09:00:00.000Z', interval: '3d' },
      { rating: 3, due: '2026-11-28T09:00:00.000Z', interval: '8d' },
      { rating: 4, due: '2026-12-11T09:00:00.000Z', interval: '3.5mo' },
    ],
  };

  it('shows the question as the front, the answer as the back, its topic in the path', async () => {
    const keyboard = new Keyboard();
    const screen = new Screen();
    let answered = false;
    const source: ReviewSource = {
      queue: async () => ({ ...queue, cards: answered ? [] : [item], remaining: { ...queue.remaining, review: answered ? 0 : 1 } }),
      answer: async () => {
        answered = true;
        return { card: item.card, topic: item.topic };
      },
      undo: () => Promise.reject(new Error('not called')),
    };
    const done = runReviewSession({ source, input: keyboard, output: screen, colors: noColor, now: () => START, timeZone: 'UTC' });
    await until(() => /space show answer/.test(screen.text), 'the front');
    expect(screen.text).toContain('SQL › Transactions › locking');
    expect(screen.text).toContain('What does SELECT ... FOR UPDATE lock?');
    expect(screen.text).not.toContain('Explain:');
    keyboard.write(' ');
    await until(() => /1 Again/.test(screen.text), 'the back');
    expect(screen.text).toMatch(/The selected rows, until the transaction ends\.\n\n\s+SELECT \* FROM t FOR UPDATE;/);
    expect(screen.text).toContain('1 Again 10m · 2 Hard 3d · 3 Good 8d · 4 Easy 3.5mo');
    expect(screen.text).not.toContain('topic notes');
    keyboard.write('3');
    await until(() => /All done for today!\nNo card is scheduled yet\./.test(screen.text), 'the end');
    keyboard.write('q');
    expect(await done).toMatchObject({ reviewed: 1, ratings: { good: 1 } });
  });

  it('ends the plan’s session saying today’s plan is done, not that no card is scheduled', async () => {
    const keyboard = new Keyboard();
    const screen = new Screen();
    let answered = false;
    const source: ReviewSource = {
      // The plan's queue: today's planned items not yet studied, and no next due time.
      queue: async () => ({ ...queue, cards: answered ? [] : [item], remaining: { ...queue.remaining, review: answered ? 0 : 1 }, nextDueAt: null }),
      answer: async () => {
        answered = true;
        return { card: item.card, topic: item.topic };
      },
      undo: () => Promise.reject(new Error('not called')),
    };
    const done = runReviewSession({ source, input: keyboard, output: screen, colors: noColor, now: () => START, timeZone: 'UTC', plan: true });
    await until(() => /space show answer/.test(screen.text), 'the front');
    keyboard.write(' ');
    await until(() => /1 Again/.test(screen.text), 'the back');
    keyboard.write('3');
    await until(() => /Today's plan is done!\n`prepdeck review` studies what is due today, plan or not/.test(screen.text), 'the end');
    expect(screen.text).not.toContain('No card is scheduled yet');
    keyboard.write('q');
    expect(await done).toMatchObject({ reviewed: 1 });
  });

  it('colours the ratings when colour is on', async () => {
    const keyboard = new Keyboard();
    const screen = new Screen();
    const source: ReviewSource = {
      queue: async () => ({ ...queue, cards: [item] }),
      answer: () => Promise.reject(new Error('not called')),
      undo: () => Promise.reject(new Error('not called')),
    };
    const done = runReviewSession({ source, input: keyboard, output: screen, colors: pc.createColors(true), now: () => START });
    keyboard.write(' ');
    await until(() => screen.text.includes('Again'), 'the back');
    expect(screen.raw).toContain(pc.createColors(true).red(`${pc.createColors(true).bold('1')} Again`));
    keyboard.write('q');
    await done;
  });
});

describe('keys and text', () => {
  it('reads a chunk of input as keys: an escape sequence is one key, ↑ ↓ PgUp PgDn scroll, a lone Escape quits, й and г work as q and u', () => {
    expect(parseKeys(` 3${ESC}[Cx${ESC}OPгй\u0003`)).toEqual([
      { type: 'reveal' },
      { type: 'rate', rating: 3 },
      { type: 'other', name: 'escape sequence' },
      { type: 'other', name: "'x'" },
      { type: 'other', name: 'escape sequence' },
      { type: 'undo' },
      { type: 'quit' },
      { type: 'quit' },
    ]);
    expect(parseKeys(`${ESC}[A${ESC}OB${ESC}[5~${ESC}[6~`)).toEqual([
      { type: 'scroll', direction: 'up', by: 'line' },
      { type: 'scroll', direction: 'down', by: 'line' },
      { type: 'scroll', direction: 'up', by: 'page' },
      { type: 'scroll', direction: 'down', by: 'page' },
    ]);
    expect(parseKeys(ESC)).toEqual([{ type: 'quit' }]);
  });

  it('says durations and waits in short words', () => {
    expect([formatDuration(4_200), formatDuration(65_000), formatDuration(3_725_000)]).toEqual(['4s', '1m 05s', '1h 02m']);
    expect([formatWait(30_000), formatWait(8 * 60_000), formatWait(200 * 60_000), formatWait(3 * 86_400_000)]).toEqual([
      'under a minute',
      '8m',
      '3h 20m',
      '3d',
    ]);
  });

  it('renders Markdown as readable lines: lists, code, links with their URL, raw HTML as text', () => {
    const lines = renderMarkdown(
      '# Heading\n\nSome **bold** and [a link](https://example.com), `code`.\n\n1. one\n2. two\n   - nested\n\n<b>not html</b>\n\n> quoted',
      noColor,
      80,
    );
    expect(lines).toEqual([
      'Heading',
      '',
      'Some bold and a link (https://example.com), code.',
      '',
      '1. one',
      '2. two',
      '  • nested',
      '',
      '<b>not html</b>',
      '',
      '│ quoted',
    ]);
  });

  it('wraps at spaces by columns, wide characters counted twice, Cyrillic once', () => {
    expect(wrap('один два три четыре', 9, '  ', '    ')).toEqual(['  один', '    два', '    три', '    четыре']);
    expect(visibleWidth('漢字ab')).toBe(6);
    expect(visibleWidth('ёжик')).toBe(4);
    expect(sanitize(`a${ESC}[2Jb\u0007c\u202ed\te`)).toBe('abcd  e');
  });
});
