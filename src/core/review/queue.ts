// The review queue's policy, apart from storage (as Anki's rslib splits gathering cards from ordering them):
// which cards to study now and in what order, how many each queue holds, and when studying can next resume.
// Each policy is a generator: it yields the reads of candidate cards it needs, one at a time and each sized by
// what it already holds, so nothing is read that it cannot use; it gets back the cards (or a count) and returns
// its decision. The store answers the reads over the cards_queue index (store/review/queue.ts#readQueue); a
// planner simulating the days ahead answers them from cards in memory (runOnCards).
import type { StudyDay } from './study-day.js';
import type { FsrsState } from './scheduling.js';

/** What the queue looks at in a card. */
export interface QueueCard {
  id: number;
  due: string;
  state: FsrsState;
  /** A topic's own card whose topic is marked known (by hand, or `[x]` in the file); a store answers this by its read. */
  knownTopic?: boolean;
}

/** Bounds on a card's due time, each left out when open: `from` <= due, `after` < due, due <= `until`, due < `before`. */
export interface DueRange {
  from?: string;
  after?: string;
  until?: string;
  before?: string;
}

/** The cards of one state due within a range, soonest first (ties by id: new cards in the order they were made), at most `limit`. */
export interface CardsRead {
  read: 'cards';
  state: FsrsState;
  due: DueRange;
  limit: number;
  /** When set, only topic cards of topics marked known (true), or only the other cards (false). */
  knownTopic?: boolean;
}

/** How many cards of one state are due within a range, counting no further than `cap` (null: all of them). */
export interface CountRead {
  read: 'count';
  state: FsrsState;
  due: DueRange;
  cap: number | null;
}

/** When the first card of one state within a range comes due; null when there is none. */
export interface FirstDueRead {
  read: 'firstDue';
  state: FsrsState;
  due: DueRange;
}

export type QueueRead = CardsRead | CountRead | FirstDueRead;

/** A policy: yields reads, is answered with what each asks for (cards, a count, a due time), returns what it decided. */
export type QueuePolicy<Result, C extends QueueCard = QueueCard> = Generator<QueueRead, Result, readonly C[] | number | string | null>;

/** What a queue is asked for now. */
export interface QueueRequest {
  /** Learning and relearning cards due by now come first. */
  now: string;
  /** When nothing else is left, learning cards due before this are shown early (Anki's learn-ahead limit). */
  learnAheadUntil: string;
  /** The end of today's study day: reviews due before it are due today, and cards held back by a spent limit wait for it. */
  dayEnd: string;
  /** New cards still allowed today, and reviews. */
  newLimit: number;
  reviewLimit: number;
  /** At most this many cards in all. */
  limit: number;
}

export interface QueueCounts {
  learning: number;
  review: number;
  new: number;
}

export interface DailyLimits {
  newPerDay: number;
  reviewsPerDay: number;
}

/** Cards introduced (reviewed while new) and reviews (of cards in review) so far today: what the daily limits count. */
export interface DoneToday {
  new: number;
  review: number;
}

/** Learning cards due within this are shown now rather than making the user wait (Anki's learn-ahead limit). */
export const LEARN_AHEAD_MS = 20 * 60 * 1000;

const LEARNING_STATES: readonly FsrsState[] = ['learning', 'relearning'];

/** The request of a review session at `now`: today's limits less what today's reviews already used. */
export function queueRequest(input: { now: string; today: StudyDay; limits: DailyLimits; doneToday: DoneToday; limit: number }): QueueRequest {
  return {
    now: input.now,
    learnAheadUntil: new Date(Date.parse(input.now) + LEARN_AHEAD_MS).toISOString(),
    dayEnd: input.today.end,
    newLimit: Math.max(0, input.limits.newPerDay - input.doneToday.new),
    reviewLimit: Math.max(0, input.limits.reviewsPerDay - input.doneToday.review),
    limit: input.limit,
  };
}

/** Soonest due first; then by id, the order cards were made in (file order, for what one import brought). */
function byDue(a: QueueCard, b: QueueCard): number {
  return a.due < b.due ? -1 : a.due > b.due ? 1 : a.id - b.id;
}

/** Array.isArray for an answer: what it rules out is the other answers, not every array. */
function isCards<C extends QueueCard>(answer: readonly C[] | number | string | null): answer is readonly C[] {
  return Array.isArray(answer);
}

function* readCards<C extends QueueCard>(state: FsrsState, due: DueRange, limit: number, knownTopic?: boolean): QueuePolicy<readonly C[], C> {
  if (limit <= 0) return [];
  const answer = yield { read: 'cards', state, due, limit, ...(knownTopic !== undefined ? { knownTopic } : {}) };
  if (!isCards(answer)) throw new TypeError(`a read of ${state} cards was answered with ${String(answer)}`);
  return answer;
}

function* firstDue(state: FsrsState, due: DueRange): QueuePolicy<string | null> {
  const answer = yield { read: 'firstDue', state, due };
  if (answer !== null && typeof answer !== 'string')
    throw new TypeError(`a read of the first ${state} card due was answered with ${isCards(answer) ? 'cards' : String(answer)}`);
  return answer;
}

function* countCards(state: FsrsState, due: DueRange, cap: number | null): QueuePolicy<number> {
  if (cap !== null && cap <= 0) return 0;
  const answer = yield { read: 'count', state, due, cap };
  if (typeof answer !== 'number') throw new TypeError(`a count of ${state} cards was answered with cards`);
  return cap === null ? answer : Math.min(cap, answer);
}

/**
 * The cards to study now, in Anki's order: learning cards due (the most overdue first), then today's reviews
 * (the most overdue first), then new cards in the order they were made, within the limits; only when none of
 * those is left, learning cards due within the learn-ahead limit, so that a card just answered does not come
 * straight back while others wait. Among new cards, the topics one marked known come after all the others: what
 * one does not know yet is learned first, and a known topic is introduced (as a check) once nothing else is new.
 */
export function* orderQueue<C extends QueueCard>(request: QueueRequest): QueuePolicy<C[], C> {
  const queue: C[] = [];
  // Each state is read on its own (one walk of the index in due order each), then merged. Returns how many it took.
  function* take(reads: ReadonlyArray<readonly [FsrsState, DueRange, boolean?]>, cap: number): QueuePolicy<number, C> {
    const room = Math.min(cap, request.limit - queue.length);
    if (room <= 0) return 0;
    const found: C[] = [];
    for (const [state, due, knownTopic] of reads) found.push(...(yield* readCards<C>(state, due, room, knownTopic)));
    const taken = found.sort(byDue).slice(0, room);
    queue.push(...taken);
    return taken.length;
  }
  yield* take(
    LEARNING_STATES.map((state) => [state, { until: request.now }] as const),
    request.limit,
  );
  yield* take([['review', { before: request.dayEnd }]], request.reviewLimit);
  const unknown = yield* take([['new', {}, false]], request.newLimit);
  yield* take([['new', {}, true]], request.newLimit - unknown);
  if (queue.length === 0) {
    yield* take(
      LEARNING_STATES.map((state) => [state, { after: request.now, before: request.learnAheadUntil }] as const),
      request.limit,
    );
  }
  return queue;
}

/** How many cards each queue holds now, within the limits; learning counts those due within the learn-ahead limit too. */
export function* countQueue(request: QueueRequest): QueuePolicy<QueueCounts> {
  // Due by now, or within the learn-ahead limit: one range (no limit holds learning cards back).
  const learningDue: DueRange = request.learnAheadUntil > request.now ? { before: request.learnAheadUntil } : { until: request.now };
  let learning = 0;
  for (const state of LEARNING_STATES) learning += yield* countCards(state, learningDue, null);
  // Counting stops at the limit: today's 20 new cards need not count the other 10,000.
  return {
    learning,
    review: yield* countCards('review', { before: request.dayEnd }, request.reviewLimit),
    new: yield* countCards('new', {}, request.newLimit),
  };
}

/**
 * When there is something to study after `after`: the next learning step (the daily limits don't hold those), the
 * next review (when today's reviews are spent, those due today wait for tomorrow's start), and tomorrow's start
 * when today's new cards are spent and some are left (`newPerDay` above 0). Null when nothing is scheduled.
 */
export function* nextStudyTime(request: QueueRequest, newPerDay: number, after: string): QueuePolicy<string | null> {
  const times = [yield* firstDue('learning', { from: after }), yield* firstDue('relearning', { from: after })];
  if (request.reviewLimit > 0) {
    times.push(yield* firstDue('review', { from: after }));
  } else {
    const firstReview = yield* firstDue('review', {});
    times.push(firstReview !== null && firstReview < request.dayEnd ? request.dayEnd : firstReview);
  }
  if (request.newLimit === 0 && newPerDay > 0 && (yield* firstDue('new', {})) !== null) times.push(request.dayEnd);
  return times.filter((at): at is string => at !== null).sort()[0] ?? null;
}

export interface StudyQueue<C extends QueueCard> {
  cards: C[];
  counts: QueueCounts;
  /** When studying can resume once these cards are done: from now when some are queued, else after the learn-ahead limit. */
  nextStudyAt: string | null;
}

/** A review session's queue: the cards in order, the counts, and when studying can next resume. */
export function* buildQueue<C extends QueueCard>(request: QueueRequest, newPerDay: number): QueuePolicy<StudyQueue<C>, C> {
  const cards = yield* orderQueue<C>(request);
  const counts = yield* countQueue(request);
  const nextStudyAt = yield* nextStudyTime(request, newPerDay, cards.length > 0 ? request.now : request.learnAheadUntil);
  return { cards, counts, nextStudyAt };
}

/** Whether `due` lies within `range`. */
function dueWithin(due: string, range: DueRange): boolean {
  return (
    (range.from === undefined || due >= range.from) &&
    (range.after === undefined || due > range.after) &&
    (range.until === undefined || due <= range.until) &&
    (range.before === undefined || due < range.before)
  );
}

/** Runs a policy over cards held in memory (a simulated collection): the answers the store gives, read from an array. */
export function runOnCards<Result, C extends QueueCard>(policy: QueuePolicy<Result, C>, cards: readonly C[]): Result {
  const sorted = [...cards].sort(byDue);
  for (let step = policy.next(); ;) {
    if (step.done) return step.value;
    const read = step.value;
    const matching = sorted.filter(
      (card) =>
        card.state === read.state &&
        dueWithin(card.due, read.due) &&
        (read.read !== 'cards' || read.knownTopic === undefined || (card.knownTopic ?? false) === read.knownTopic),
    );
    if (read.read === 'cards') step = policy.next(matching.slice(0, read.limit));
    else if (read.read === 'count') step = policy.next(Math.min(matching.length, read.cap ?? Infinity));
    else step = policy.next(matching[0]?.due ?? null);
  }
}
