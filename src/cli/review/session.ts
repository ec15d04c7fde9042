// The terminal review session: a card's front, its back on space or enter, a rating with 1-4, the next card.
// Streams, clock and timers are passed in, so that tests drive it with fake terminals and a fixed time.
// It is one screen redrawn in place (log-update) from the session's state after every key: the card, what the
// last key did, the keys. The screen is fitted to the terminal (screen.ts), a long card scrolling within it, so
// a redraw never leaves pieces of itself in the scrollback; when the session ends, its last screen stays.
import { StringDecoder } from 'node:string_decoder';
import { Writable } from 'node:stream';
import { createLogUpdate } from 'log-update';
import pc from 'picocolors';
import type { AnswerJson, ReviewCardJson, ReviewQueueJson, UndoJson } from '../../contract/review.js';
import { PrepdeckError } from '../../core/errors.js';
import type { Colors } from '../output.js';
import { plural } from '../render.js';
import { renderInlineMarkdown, renderMarkdown, sanitize, truncate, visibleWidth, wrap } from './markdown-text.js';
import { fitScreen, type FittedScreen, type ScreenParts, type TerminalSize } from './screen.js';

export type Rating = 1 | 2 | 3 | 4;

/** What the session reads and writes: the app's review use cases, bound to one checklist and scope. */
export interface ReviewSource {
  /** The cards to study now, in order, with today's counts. */
  queue(): Promise<ReviewQueueJson>;
  answer(cardId: number, rating: Rating, durationMs: number, shownReps: number): Promise<AnswerJson>;
  /** Undoes the checklist's last answer, refused when it is not of `cardId` (answered elsewhere since). */
  undo(cardId: number): Promise<UndoJson>;
}

/** The keyboard: a TTY's standard input, or a fake one in tests. */
export type KeyInput = NodeJS.ReadableStream & { isTTY?: boolean; isRaw?: boolean; setRawMode?: (mode: boolean) => unknown };
/** The screen: a TTY's standard output, or a fake one in tests; it emits `resize` when the terminal's size changes. */
export type ScreenOutput = NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ReviewSessionOptions {
  source: ReviewSource;
  input: KeyInput;
  output: ScreenOutput;
  colors: Colors;
  /** Milliseconds since the epoch: how long an answer took, and the session. */
  now: () => number;
  /** Stop after this many answers (undone ones not counted). */
  limit?: number;
  /** Time zone for clock times shown (when the next card is due); the machine's when left out. */
  timeZone?: string;
  /** Ends the session as `q` does (the command aborts it on SIGTERM and SIGHUP). */
  signal?: AbortSignal;
  /** Wakes the session when a card that is due later today comes due; the global timers by default. */
  timers?: Timers;
  /**
   * The plan's session (`review --plan`): its queue is today's planned items, so it ends when they are studied, and
   * says so, though the cards answered come back later today in the usual review (its queue has no next due time).
   */
  plan?: boolean;
}

export interface ReviewTally {
  again: number;
  hard: number;
  good: number;
  easy: number;
}

export interface ReviewSummary {
  /** Answers given and not undone. */
  reviewed: number;
  ratings: ReviewTally;
  elapsedMs: number;
  /** Why it ended: a key or signal, nothing to study at the start, or the end of the input. */
  ended: 'quit' | 'nothing-due' | 'input-closed';
  /** Cards left for today when it ended (learning cards due later today included). */
  remaining: number;
}

const RATING_NAMES: Record<Rating, keyof ReviewTally> = { 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' };
const RATING_LABELS: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** Colors off, for text whose styles would clash with the line's own. */
const plainColors: Colors = pc.createColors(false);

const globalTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

// ---- keys ----

export type Key =
  | { type: 'reveal' }
  | { type: 'rate'; rating: Rating }
  | { type: 'undo' }
  | { type: 'quit' }
  | { type: 'scroll'; direction: 'up' | 'down'; by: 'line' | 'page' }
  | { type: 'other'; name: string };

// `й` and `г` sit where q and u are on a Russian keyboard: the session answers them without a layout switch.
const QUIT_KEYS = new Set(['q', 'Q', 'й', 'Й', '\u0003', '\u0004']);
const UNDO_KEYS = new Set(['u', 'U', 'г', 'Г']);
// ↑ ↓ (in either cursor mode), PgUp, PgDn: a card taller than the terminal scrolls.
const SCROLL_KEYS = new Map<string, Key>([
  ['\u001b[A', { type: 'scroll', direction: 'up', by: 'line' }],
  ['\u001bOA', { type: 'scroll', direction: 'up', by: 'line' }],
  ['\u001b[B', { type: 'scroll', direction: 'down', by: 'line' }],
  ['\u001bOB', { type: 'scroll', direction: 'down', by: 'line' }],
  ['\u001b[5~', { type: 'scroll', direction: 'up', by: 'page' }],
  ['\u001b[6~', { type: 'scroll', direction: 'down', by: 'page' }],
]);

/** The keys in a chunk of raw terminal input; escape sequences (arrows, function keys) are one key each. */
export function parseKeys(chunk: string): Key[] {
  const keys: Key[] = [];
  const chars = [...chunk];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\u001b') {
      if (i + 1 >= chars.length) {
        keys.push({ type: 'quit' });
        continue;
      }
      let j = i + 1;
      if (chars[j] === '[' || chars[j] === 'O') {
        j++;
        while (j < chars.length && !/[@-~]/.test(chars[j]!)) j++;
      }
      keys.push(SCROLL_KEYS.get(chars.slice(i, j + 1).join('')) ?? { type: 'other', name: 'escape sequence' });
      i = j;
    } else if (ch === ' ' || ch === '\r' || ch === '\n') keys.push({ type: 'reveal' });
    else if (ch >= '1' && ch <= '4') keys.push({ type: 'rate', rating: Number(ch) as Rating });
    else if (UNDO_KEYS.has(ch)) keys.push({ type: 'undo' });
    else if (QUIT_KEYS.has(ch)) keys.push({ type: 'quit' });
    else keys.push({ type: 'other', name: ch < ' ' || ch === '\u007f' ? 'that key' : `'${ch}'` });
  }
  return keys;
}

// ---- time in words ----

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `45s`, `3m 05s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** How far ahead a time is: `under a minute`, `8m`, `3h 20m`, `2d`. */
export function formatWait(ms: number): string {
  if (ms < MINUTE) return 'under a minute';
  if (ms < HOUR) return `${Math.ceil(ms / MINUTE)}m`;
  if (ms < DAY) {
    const minutes = Math.ceil(ms / MINUTE);
    const rest = minutes % 60;
    return `${Math.floor(minutes / 60)}h${rest ? ` ${rest}m` : ''}`;
  }
  return `${Math.round(ms / DAY)}d`;
}

function clockTime(iso: string, timeZone: string | undefined, withDay: boolean): string {
  const format = new Intl.DateTimeFormat('en-GB', {
    ...(timeZone ? { timeZone } : {}),
    ...(withDay ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return format.format(new Date(iso));
}

// ---- what a card looks like ----

const QUEUE_OF: Record<ReviewCardJson['card']['state'], keyof ReviewQueueJson['remaining']> = {
  new: 'new',
  learning: 'learning',
  relearning: 'learning',
  review: 'review',
};

function ratingColor(rating: Rating, c: Colors): (text: string) => string {
  return rating === 1 ? c.red : rating === 2 ? c.yellow : rating === 3 ? c.green : c.cyan;
}

/** `1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 5d`, wrapped between ratings only when the terminal is narrow. */
function ratingLines(item: ReviewCardJson, c: Colors, width: number): string[] {
  const ratings = [...item.ratings]
    .sort((a, b) => a.rating - b.rating)
    .map((r) => `${ratingColor(r.rating, c)(`${c.bold(String(r.rating))} ${RATING_LABELS[r.rating]}`)} ${c.dim(r.interval)}`);
  const separator = c.dim(' · ');
  const lines: string[] = [];
  let line = '';
  for (const rating of ratings) {
    if (line !== '' && visibleWidth(`  ${line}${separator}${rating}`) > width) {
      lines.push(`  ${line}`);
      line = rating;
    } else line = line === '' ? rating : `${line}${separator}${rating}`;
  }
  return [...lines, `  ${line}`];
}

function countsLine(queue: ReviewQueueJson, current: ReviewCardJson | null, c: Colors): string {
  const here = current ? QUEUE_OF[current.card.state] : null;
  const part = (queue: keyof ReviewQueueJson['remaining'], count: number, color: (t: string) => string) => {
    const text = `${count} ${queue}`;
    return here === queue ? c.underline(color(text)) : color(text);
  };
  return [
    part('new', queue.remaining.new, c.blue),
    part('learning', queue.remaining.learning, c.red),
    part('review', queue.remaining.review, c.green),
  ].join(c.dim(' · '));
}

/** What a card is about, as a line: its topic's section path (and the topic, for a question card). */
function cardPath(item: ReviewCardJson): string {
  const path = item.section.map((s) => renderInlineMarkdown(s, plainColors));
  if (item.card.kind === 'qa' && item.topic) path.push(item.topic.text);
  return sanitize(path.join(' › '));
}

// ---- the session ----

type SessionEvent = { type: 'key'; key: Key } | { type: 'end'; why: 'quit' | 'input-closed' } | { type: 'due' };

/** Events in arrival order; keys typed while an answer is being saved wait their turn. */
class EventQueue {
  private readonly items: SessionEvent[] = [];
  private waiting: ((event: SessionEvent) => void) | null = null;

  push(event: SessionEvent): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(event);
    } else this.items.push(event);
  }

  next(): Promise<SessionEvent> {
    const event = this.items.shift();
    if (event) return Promise.resolve(event);
    return new Promise((resolve) => (this.waiting = resolve));
  }
}

type View =
  | { kind: 'front'; item: ReviewCardJson; shownAt: number }
  | { kind: 'back'; item: ReviewCardJson; shownAt: number }
  | { kind: 'empty' }
  | { kind: 'limit' };

interface Answered {
  cardId: number;
  rating: Rating;
  title: string;
}

const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';
/** The cursor to the screen's top left, then everything below it erased. */
const CLEAR_SCREEN = '\u001b[H\u001b[J';
/** Text is wrapped to the terminal, but no wider than this: long lines are hard to read. */
const MAX_TEXT_WIDTH = 100;

/**
 * What log-update draws on: the session's output, reporting the size the session lays its screen out for
 * (log-update would take a pseudo-terminal nobody sized, 0×0, at its word and draw nothing).
 */
class FrameTarget extends Writable {
  constructor(
    private readonly output: ScreenOutput,
    private readonly size: () => TerminalSize,
  ) {
    super({ decodeStrings: false });
  }
  get isTTY(): boolean {
    return this.output.isTTY === true;
  }
  get columns(): number {
    return this.size().columns;
  }
  get rows(): number {
    return this.size().rows;
  }
  override _write(chunk: string | Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.output.write(chunk);
    callback();
  }
}

type Frame = ReturnType<typeof createLogUpdate>;

class Session {
  private readonly c: Colors;
  private readonly events = new EventQueue();
  private readonly history: Answered[] = [];
  private readonly tally: ReviewTally = { again: 0, hard: 0, good: 0, easy: 0 };
  private queue!: ReviewQueueJson;
  private view: View = { kind: 'empty' };
  /** What the last answer or undo did, shown above the card that follows it. */
  private note: string | null = null;
  /** A short word on the key just pressed, in front of the keys, until the next key. */
  private notice: string | null = null;
  /** The card's first line on the screen, when it is taller than the terminal. */
  private scroll = 0;
  /** The screen as last drawn: how much of the card it cut. */
  private fitted: FittedScreen | null = null;
  private frame: Frame | null = null;
  /** The session is over: its last screen is drawn once more without the keys, and kept. */
  private closed = false;
  private timer: unknown = null;
  private readonly startedAt: number;

  constructor(private readonly o: ReviewSessionOptions) {
    this.c = o.colors;
    this.startedAt = o.now();
  }

  // -- output --

  private get width(): number {
    return Math.max(20, Math.min(MAX_TEXT_WIDTH, this.columns - 1));
  }

  /** A terminal that reports no size (a pseudo-terminal nobody sized) is taken as 80 wide and 24 high. */
  private get columns(): number {
    return this.o.output.columns || 80;
  }

  private get size(): TerminalSize {
    return { columns: this.columns, rows: this.o.output.rows || 24 };
  }

  private write(text: string): void {
    this.o.output.write(text);
  }

  /** Draws the screen of the session's state in place of the last one. */
  private render(): void {
    if (!this.frame) return;
    const c = this.c;
    const fitted = fitScreen(this.screen(), this.size, this.scroll, {
      above: (lines) => c.dim(`  ↑ ${plural(lines, 'line')} above (↑ or PgUp)`),
      below: (lines) => c.dim(`  ↓ ${plural(lines, 'line')} more below (↓ or PgDn)`),
    });
    this.scroll = fitted.scroll;
    this.fitted = fitted;
    this.frame(fitted.lines.join('\n'));
  }

  /**
   * The terminal's size changed: the last screen, reflowed by the terminal, is no longer the rows log-update
   * would erase, so the whole visible screen is cleared and the screen drawn again from its top.
   */
  private redrawAll(): void {
    if (!this.frame) return;
    this.frame.done();
    this.write(CLEAR_SCREEN);
    this.render();
  }

  private screen(): ScreenParts {
    const view = this.view;
    const keys = this.closed ? [] : [this.keysLine()];
    // What the last answer or undo did stays on the screen, however long the card: it is one row.
    const note = this.note === null ? [] : [truncate(this.note, Math.max(10, this.columns - 1))];
    switch (view.kind) {
      case 'front':
        return { top: [...this.cardHeader(view.item), ...note], body: this.front(view.item), bottom: keys };
      case 'back':
        return {
          top: this.cardHeader(view.item),
          body: [...this.front(view.item), ...this.back(view.item)],
          bottom: [...ratingLines(view.item, this.c, this.width), ...keys],
        };
      case 'empty':
        return { top: note.length > 0 ? [...note, ''] : [], body: this.emptyLines(), bottom: keys };
      case 'limit':
        return { top: note.length > 0 ? [...note, ''] : [], body: this.limitReachedLines(), bottom: keys };
    }
  }

  /** The line at the bottom saying what the keys do now; kept to one row. */
  private keysLine(): string {
    const text = this.notice === null ? this.keysHint() : `${this.c.yellow(this.notice)}${this.c.dim(' · ')}${this.keysHint()}`;
    return truncate(text, Math.max(10, this.columns - 1));
  }

  private keysHint(): string {
    const c = this.c;
    const k = (key: string) => c.bold(key);
    // Always listed after a reveal, where a wrong rating is noticed.
    const undo = this.history.length > 0 || this.view.kind === 'back' ? `${k('u')} undo · ` : '';
    switch (this.view.kind) {
      case 'front':
        return c.dim(`${k('space')} show answer · ${undo}${k('q')} quit`);
      case 'back':
        return c.dim(`${k('1')} again · ${k('2')} hard · ${k('3')} good · ${k('4')} easy · ${undo}${k('q')} quit`);
      case 'empty':
      case 'limit':
        return c.dim(`${undo}${k('q')} quit`);
    }
  }

  /** A short note in front of the keys, until the next key. */
  private hint(text: string): void {
    this.notice = text;
  }

  // -- screens --

  /** The checklist with today's counts, the card's section path, a rule. */
  private cardHeader(item: ReviewCardJson): string[] {
    const c = this.c;
    const lines = [`${c.bold(sanitize(this.queue.checklist))}${c.dim('  ')}${countsLine(this.queue, item, c)}`];
    const path = cardPath(item);
    if (path) lines.push(...wrap(c.dim(path), this.width));
    lines.push(c.dim('─'.repeat(Math.min(this.width, 60))));
    return lines;
  }

  /** The question: a topic's title to explain, or a question card's front. */
  private front(item: ReviewCardJson): string[] {
    const c = this.c;
    const lines: string[] = [''];
    if (item.card.kind === 'topic' && item.topic) {
      lines.push(...wrap(`${c.dim('Explain:')} ${c.bold(renderInlineMarkdown(item.topic.title, c))}`, this.width, '  ', '    '));
    } else {
      lines.push(...renderMarkdown(item.card.front, c, this.width, '  ').map((l) => c.bold(l)));
    }
    lines.push('');
    return lines;
  }

  /** The answer: a topic's details, notes and resources, or a question card's back. */
  private back(item: ReviewCardJson): string[] {
    const c = this.c;
    const width = this.width;
    const lines: string[] = [c.dim('─'.repeat(Math.min(width, 60)))];
    if (item.card.kind === 'topic' && item.topic) {
      const { details, notes } = item.topic;
      if (details.trim()) lines.push(...renderMarkdown(details, c, width, '  '), '');
      if (notes.trim()) lines.push(`  ${c.bold('Notes')}`, ...renderMarkdown(notes, c, width, '    '), '');
      if (!details.trim() && !notes.trim() && item.resources.length === 0) {
        lines.push(c.dim(`  No details or notes yet: \`prepdeck note ${item.topic.id}\` adds some.`), '');
      }
    } else if (item.card.back.trim()) {
      lines.push(...renderMarkdown(item.card.back, c, width, '  '), '');
    } else lines.push(c.dim('  (no answer written)'), '');
    if (item.resources.length > 0) {
      lines.push(`  ${c.bold('Resources')}`);
      for (const r of item.resources) {
        const title = sanitize(r.title);
        const url = sanitize(r.url);
        lines.push(...wrap(`${c.cyan('↗')} ${title}${title !== url ? ` ${c.dim(url)}` : ''}`, width, '    ', '      '));
      }
      lines.push('');
    }
    return lines;
  }

  /** Shows a view from its top, with `note` (what the last answer or undo did) above it when given. */
  private show(view: View, note: string | null = null): void {
    this.view = view;
    this.note = note;
    this.scroll = 0;
  }

  private showCard(item: ReviewCardJson, note?: string): void {
    this.show({ kind: 'front', item, shownAt: this.o.now() }, note);
  }

  private reveal(item: ReviewCardJson, shownAt: number): void {
    this.show({ kind: 'back', item, shownAt });
  }

  private remaining(): number {
    return this.queue.remaining.new + this.queue.remaining.learning + this.queue.remaining.review;
  }

  private nextDueText(): string | null {
    const { nextDueAt } = this.queue;
    if (!nextDueAt) return null;
    const wait = Date.parse(nextDueAt) - this.o.now();
    const today = Date.parse(nextDueAt) < Date.parse(this.queue.day.end);
    return `in ${formatWait(wait)} (${clockTime(nextDueAt, this.o.timeZone, !today || wait >= DAY)})`;
  }

  /** Whether the next card comes due before the study day ends: then the session waits for it. */
  private dueLaterToday(): boolean {
    const { nextDueAt } = this.queue;
    return nextDueAt !== null && Date.parse(nextDueAt) < Date.parse(this.queue.day.end);
  }

  /** What is said when nothing is left to study now. */
  private emptyLines(): string[] {
    const c = this.c;
    if (this.o.plan) {
      return [
        c.green(c.bold("Today's plan is done!")),
        '`prepdeck review` studies what is due today, plan or not: the cards you answered come back there when they are due.',
      ];
    }
    const next = this.nextDueText();
    if (this.dueLaterToday()) {
      return [c.bold('Nothing due right now.'), `The next card comes back ${next}; it will show up here when it does.`];
    }
    return [c.green(c.bold('All done for today!')), ...this.limitLines(), next ? `The next card is due ${next}.` : 'No card is scheduled yet.'];
  }

  /** The daily limits reached, when they are why the day is done: the queue alone can't tell "none left" from "none today". */
  private limitLines(): string[] {
    const { doneToday, limits } = this.queue;
    const lines: string[] = [];
    if (limits.newPerDay > 0 && doneToday.new >= limits.newPerDay) {
      lines.push(
        `New cards: ${doneToday.new} of ${limits.newPerDay} a day introduced, more tomorrow (\`prepdeck settings --new-per-day\` changes the limit).`,
      );
    }
    if (limits.reviewsPerDay > 0 && doneToday.review >= limits.reviewsPerDay) {
      lines.push(`Reviews: ${doneToday.review} of ${limits.reviewsPerDay} a day done, the rest tomorrow (\`prepdeck settings --reviews-per-day\`).`);
    }
    return lines;
  }

  /** What is said when the session's --limit is reached. */
  private limitReachedLines(): string[] {
    const left = this.remaining();
    return [
      this.c.bold(`That makes ${plural(this.history.length, 'card')}, the --limit of this session.`),
      left > 0 ? `${plural(left, 'card')} still due today.` : 'Nothing else is due today.',
    ];
  }

  private showEmpty(note?: string): void {
    this.show({ kind: 'empty' }, note);
    this.armTimer();
  }

  // -- the flow --

  /**
   * Fetches the queue (for its counts) and shows what comes next: `card` when given (the one an undo brought
   * back), else the queue's first, the end of the session's limit, or nothing; `note` above it.
   */
  private async advance(card?: ReviewCardJson, note?: string): Promise<void> {
    this.clearTimer();
    this.queue = await this.o.source.queue();
    if (card === undefined && this.o.limit !== undefined && this.history.length >= this.o.limit) return this.show({ kind: 'limit' }, note);
    const item = card ?? this.queue.cards[0];
    if (!item) return this.showEmpty(note);
    this.showCard(item, note);
  }

  private async rate(item: ReviewCardJson, shownAt: number, rating: Rating): Promise<void> {
    const durationMs = Math.max(0, Math.round(this.o.now() - shownAt));
    try {
      await this.o.source.answer(item.card.id, rating, durationMs, item.card.reps);
    } catch (error) {
      if (!(error instanceof PrepdeckError)) throw error;
      return this.advance(undefined, this.c.yellow(`Not saved: ${error.message}`));
    }
    this.history.push({ cardId: item.card.id, rating, title: this.titleOf(item) });
    this.tally[RATING_NAMES[rating]]++;
    const interval = item.ratings.find((r) => r.rating === rating)?.interval;
    await this.advance(
      undefined,
      `  ${ratingColor(rating, this.c)(`✓ ${RATING_LABELS[rating]}`)}${interval ? this.c.dim(` · next in ${interval}`) : ''}`,
    );
  }

  private async undo(): Promise<void> {
    const last = this.history[this.history.length - 1];
    if (!last) return this.hint('nothing to undo in this session');
    let undone: UndoJson;
    try {
      undone = await this.o.source.undo(last.cardId);
    } catch (error) {
      if (!(error instanceof PrepdeckError)) throw error;
      return this.hint(error.message);
    }
    this.history.pop();
    this.tally[RATING_NAMES[last.rating]]--;
    await this.advance(undone, this.c.yellow(`↶ Undid ${RATING_LABELS[last.rating]} on ${last.title}`));
  }

  private titleOf(item: ReviewCardJson): string {
    const text = item.card.kind === 'topic' && item.topic ? item.topic.text : renderInlineMarkdown(item.card.front.split('\n')[0] ?? '', plainColors);
    return truncate(sanitize(text), 60);
  }

  /** Moves the window on a card taller than the terminal: a line, or a screenful less one line. */
  private scrollBy(direction: 'up' | 'down', by: 'line' | 'page'): void {
    const fitted = this.fitted;
    if (!fitted || (fitted.above === 0 && fitted.below === 0)) return this.hint('all of it is on the screen');
    const step = by === 'line' ? 1 : Math.max(1, fitted.shown - 1);
    this.scroll = Math.max(0, fitted.scroll + (direction === 'up' ? -step : step));
  }

  private armTimer(): void {
    this.clearTimer();
    if (!this.dueLaterToday()) return;
    const timers = this.o.timers ?? globalTimers;
    // A second late rather than early, so that the card is surely due when the queue is read again.
    const delay = Math.min(2 ** 31 - 1, Math.max(0, Date.parse(this.queue.nextDueAt!) - this.o.now()) + 1000);
    this.timer = timers.setTimeout(() => {
      this.timer = null;
      this.events.push({ type: 'due' });
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer === null) return;
    (this.o.timers ?? globalTimers).clearTimeout(this.timer);
    this.timer = null;
  }

  /** Handles one key; false when the session ends. */
  private async onKey(key: Key): Promise<boolean> {
    const view = this.view;
    this.notice = null;
    if (key.type === 'quit') return false;
    if (key.type === 'undo') {
      await this.undo();
      return true;
    }
    if (key.type === 'scroll') {
      this.scrollBy(key.direction, key.by);
      return true;
    }
    switch (view.kind) {
      case 'front':
        if (key.type === 'reveal') this.reveal(view.item, view.shownAt);
        else if (key.type === 'rate') this.hint('show the answer first: space or enter');
        else this.hint(`${key.type === 'other' ? key.name : 'that key'} does nothing here`);
        return true;
      case 'back':
        if (key.type === 'rate') await this.rate(view.item, view.shownAt, key.rating);
        else this.hint('rate it: 1 again, 2 hard, 3 good, 4 easy');
        return true;
      case 'empty':
        if (key.type === 'reveal' && this.dueLaterToday()) {
          // Impatient: look again now.
          await this.advance();
          return true;
        }
        this.hint(this.dueLaterToday() ? 'waiting for the next card' : 'nothing left to study today');
        return true;
      case 'limit':
        this.hint('the session is over');
        return true;
    }
  }

  private async onDue(): Promise<void> {
    if (this.view.kind !== 'empty') return;
    const before = this.queue;
    this.queue = await this.o.source.queue();
    const item = this.queue.cards[0];
    if (item) this.showCard(item);
    else if (before.nextDueAt !== this.queue.nextDueAt) this.showEmpty();
    else this.armTimer();
  }

  // -- running --

  async run(): Promise<ReviewSummary> {
    const { input, output } = this.o;
    this.queue = await this.o.source.queue();
    if (this.queue.cards.length === 0) {
      output.write(`${this.emptyLines().join('\n')}\n`);
      return this.summary('nothing-due');
    }

    const decoder = new StringDecoder('utf8');
    const onData = (chunk: Buffer | string) => {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      for (const key of parseKeys(text)) this.events.push({ type: 'key', key });
    };
    const onEnd = () => this.events.push({ type: 'end', why: 'input-closed' });
    const onAbort = () => this.events.push({ type: 'end', why: 'quit' });
    const onResize = () => this.redrawAll();
    const wasRaw = Boolean(input.isRaw);
    let ended: ReviewSummary['ended'] = 'quit';
    input.setRawMode?.(true);
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
    this.o.signal?.addEventListener('abort', onAbort, { once: true });
    if (this.o.signal?.aborted) onAbort();
    this.write(HIDE_CURSOR);
    // The cursor is the session's to hide and show, on its own output (log-update's would go to stderr).
    this.frame = createLogUpdate(new FrameTarget(output, () => this.size), { showCursor: true });
    output.on('resize', onResize);
    try {
      this.showCard(this.queue.cards[0]!);
      this.render();
      for (;;) {
        const event = await this.events.next();
        if (event.type === 'end') {
          ended = event.why;
          break;
        }
        if (event.type === 'due') await this.onDue();
        else if (!(await this.onKey(event.key))) break;
        this.render();
      }
    } finally {
      this.clearTimer();
      this.o.signal?.removeEventListener('abort', onAbort);
      output.off('resize', onResize);
      input.off('data', onData);
      input.off('end', onEnd);
      input.pause();
      try {
        input.setRawMode?.(wasRaw);
      } finally {
        try {
          this.closed = true;
          this.render();
          this.frame.done();
        } finally {
          this.frame = null;
          this.write(SHOW_CURSOR);
        }
      }
    }
    const summary = this.summary(ended);
    this.write(`${summaryLines(summary, this.c).join('\n')}\n`);
    return summary;
  }

  private summary(ended: ReviewSummary['ended']): ReviewSummary {
    return {
      reviewed: this.history.length,
      ratings: { ...this.tally },
      elapsedMs: Math.max(0, this.o.now() - this.startedAt),
      ended,
      remaining: this.remaining(),
    };
  }
}

/** The lines printed when a session ends. */
function summaryLines(summary: ReviewSummary, c: Colors): string[] {
  const { ratings } = summary;
  const lines: string[] = [];
  if (summary.reviewed === 0) lines.push(`No cards reviewed ${c.dim(`(${formatDuration(summary.elapsedMs)})`)}.`);
  else {
    const counts = [
      c.red(`${ratings.again} again`),
      c.yellow(`${ratings.hard} hard`),
      c.green(`${ratings.good} good`),
      c.cyan(`${ratings.easy} easy`),
    ].join(c.dim(' · '));
    lines.push(`Reviewed ${c.bold(plural(summary.reviewed, 'card'))} in ${formatDuration(summary.elapsedMs)}: ${counts}`);
  }
  if (summary.remaining > 0) {
    lines.push(c.dim(`${plural(summary.remaining, 'card')} left for today; every answer is saved, so \`prepdeck review\` goes on from here.`));
  }
  return lines;
}

/**
 * Runs a review session until `q` (or Escape, Ctrl+C, the end of the input, the signal), then prints a summary.
 * The terminal's raw mode is put back as it was, errors included. With nothing due, says so and returns at once.
 */
export function runReviewSession(options: ReviewSessionOptions): Promise<ReviewSummary> {
  return new Session(options).run();
}
