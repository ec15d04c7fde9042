// The study plan's model: its inputs as plain data, their checks, and the expected recall of one card at the
// targets given the days it is studied on. Pure: `now` and the start of today's study day come in, and days are
// counted from that start (day i's study is taken to happen i days after it), so that any look on the same day
// plans the same days; every memory formula is ts-fsrs's own (forgetting_curve, next_state).
import { InvalidInputError } from '../errors.js';
import { schedulerFor, type CardSchedule, type Scheduler } from '../review/scheduling.js';

export type PlanCardKind = 'topic' | 'qa';

export interface PlanCard {
  id: number;
  topicId: number;
  kind: PlanCardKind;
  /** The card's FSRS fields; a card in state `new` (or without a last review) is learned first. */
  schedule: CardSchedule;
  /** Minutes to learn this topic card when new, if its section sets its own (else costs.learnTopicMinutes). */
  learnMinutes?: number;
}

export interface PlanTarget {
  id: string;
  /** Shown in the reasons: "needed by Acme onsite in 9 days". */
  label: string;
  /** ISO-8601 instant of the interview. */
  at: string;
  /** Its local date, for the reasons' "in 9 days" (core/dates.ts#daysBetween from each day's date); else `at`'s UTC date. */
  date?: string;
  weight: number;
  topicIds: readonly number[];
}

export interface PlanDay {
  /** Local date, YYYY-MM-DD; the first is today. */
  date: string;
  /** Minutes available that day; 0 = a day off. */
  minutes: number;
}

export interface PlanCosts {
  /** Minutes to learn a new topic. */
  learnTopicMinutes: number;
  /** Seconds per review of a topic card. */
  reviewTopicSeconds: number;
  /** Seconds per review (and first sight) of a Q&A card. */
  reviewQaSeconds: number;
}

export interface PlanInput {
  now: string;
  /**
   * The start of today's study day (`days[0]`), at or before `now`: time is counted from it (targets, memory, the
   * days' study), so a plan does not change with the time of day it is made at. Without it, from `now`.
   */
  dayStart?: string;
  cards: readonly PlanCard[];
  targets: readonly PlanTarget[];
  days: readonly PlanDay[];
  costs: PlanCosts;
  /** The ts-fsrs scheduler whose parameters are in use (fitted or default); without fuzz is best. */
  scheduler?: Scheduler;
}

const DAY_MS = 24 * 3600 * 1000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A card as the planner works with it: its memory now, what it is worth at each target, what it costs. */
export interface ModelCard {
  index: number;
  id: number;
  isNew: boolean;
  stability: number;
  difficulty: number;
  /** Days since its last review, at the start of today's study day (0 when reviewed since). */
  elapsed: number;
  /** Value of one unit of expected recall at each target (weight / scope size), 0 outside its scope. */
  worth: number[];
  /** Minutes of the first session (learning a new card, else a review) and of each review. */
  firstMinutes: number;
  reviewMinutes: number;
  /** Due day (days from now) at the scheduler's retention; new cards: 0. */
  due: number;
}

export interface Model {
  input: PlanInput;
  scheduler: Scheduler;
  cards: ModelCard[];
  /** Target times in days from the start of today's study day, in the input's order. */
  targetTimes: number[];
  /** Scope sizes (cards) per target. */
  scopeSizes: number[];
  /** Minutes per day, only the days up to the last target. */
  capacity: number[];
  /** Days on which studying serves at least one target (before the last target, minutes > 0); may be none. */
  studyDays: number[];
  retention: number;
}

const invalid = (message: string) => new InvalidInputError(message);

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The least a cost the user sets may be (a tenth of a minute or second), and the most, per cost: the CLI and the API alike. */
export const MIN_SETTABLE_COST = 0.1;
export const MAX_SETTABLE_COST = { learnTopicMinutes: 600, reviewTopicSeconds: 3600, reviewQaSeconds: 3600 } as const;

/** Checks the input (one line naming the field) and derives what the planner works with. */
export function buildModel(input: PlanInput): Model {
  const scheduler = input.scheduler ?? schedulerFor({ fuzz: false });
  const now = Date.parse(input.now);
  if (!Number.isFinite(now)) throw invalid(`now: "${input.now}" is not an ISO-8601 instant`);
  const origin = input.dayStart === undefined ? now : Date.parse(input.dayStart);
  // A study day lasts 25 hours when the clocks go back.
  if (!(origin <= now && now - origin < DAY_MS + 2 * 3600 * 1000))
    throw invalid(`dayStart: "${input.dayStart}" is not within the day before now (${input.now})`);
  for (const [field, value] of Object.entries(input.costs)) {
    if (!(typeof value === 'number' && Number.isFinite(value) && value > 0))
      throw invalid(`costs.${field}: must be a number above 0, not ${String(value)}`);
  }
  if (input.targets.length === 0) throw invalid('targets: at least one target is needed');
  const targetTimes = input.targets.map((target, i) => {
    const at = Date.parse(target.at);
    if (!Number.isFinite(at)) throw invalid(`targets[${i}].at: "${target.at}" is not an ISO-8601 instant`);
    if (at <= now) throw invalid(`targets[${i}].at: ${target.at} is not after now (${input.now})`);
    if (!(Number.isFinite(target.weight) && target.weight > 0)) throw invalid(`targets[${i}].weight: must be above 0`);
    if (target.topicIds.length === 0) throw invalid(`targets[${i}].topicIds: the scope has no topics`);
    return (at - origin) / DAY_MS;
  });
  const last = Math.max(...targetTimes);
  const needed = Math.ceil(last);
  if (input.days.length < needed) throw invalid(`days: ${input.days.length} given, ${needed} needed to reach the last target`);
  input.days.forEach((day, i) => {
    if (!validDate(day.date)) throw invalid(`days[${i}].date: "${day.date}" is not a date (YYYY-MM-DD)`);
    if (!(Number.isFinite(day.minutes) && day.minutes >= 0)) throw invalid(`days[${i}].minutes: must be 0 or more`);
  });
  const capacity = input.days.slice(0, needed).map((day) => day.minutes);
  // No minutes at all is a plan of nothing (today's list done, the days left off): readiness is then what memory keeps.
  const studyDays = capacity.flatMap((minutes, d) => (minutes > 0 && d < last ? [d] : []));

  const seen = new Set<number>();
  const scopes = input.targets.map((t) => new Set(t.topicIds));
  const scopeSizes = scopes.map((scope) => input.cards.filter((c) => scope.has(c.topicId)).length);
  scopeSizes.forEach((size, i) => {
    if (size === 0) throw invalid(`targets[${i}].topicIds: no card belongs to the scope`);
  });
  const retention = scheduler.parameters.request_retention;
  const cards = input.cards.map((card, index): ModelCard => {
    if (seen.has(card.id)) throw invalid(`cards[${index}].id: ${card.id} appears twice`);
    seen.add(card.id);
    const s = card.schedule;
    const isNew = s.state === 'new' || s.lastReview === null || s.stability <= 0;
    const elapsed = isNew ? 0 : Math.max(0, (origin - Date.parse(s.lastReview!)) / DAY_MS);
    const reviewMinutes = (card.kind === 'topic' ? input.costs.reviewTopicSeconds : input.costs.reviewQaSeconds) / 60;
    if (card.learnMinutes !== undefined && !(Number.isFinite(card.learnMinutes) && card.learnMinutes > 0))
      throw invalid(`cards[${index}].learnMinutes: must be a number above 0, not ${String(card.learnMinutes)}`);
    const firstMinutes = isNew && card.kind === 'topic' ? (card.learnMinutes ?? input.costs.learnTopicMinutes) : reviewMinutes;
    const worth = input.targets.map((t, k) => (scopes[k]!.has(card.topicId) ? t.weight / scopeSizes[k]! : 0));
    const due = isNew ? 0 : Math.max(0, scheduler.next_interval(s.stability, 0) - elapsed);
    return { index, id: card.id, isNew, stability: s.stability, difficulty: s.difficulty, elapsed, worth, firstMinutes, reviewMinutes, due };
  });
  return { input, scheduler, cards, targetTimes, scopeSizes, capacity, studyDays, retention };
}

const GOOD = 3;
const AGAIN = 1;
const PRUNE = 1e-6;

/**
 * Expected recall of `card` at each of `times` (days from now) when it is studied on `days` (sorted, days from
 * now; for a new card the first is its learning session, taken as learned to Good). At each review the card is
 * recalled with the probability the forgetting curve gives (Good) or lapses (Again): both branches are followed
 * with their probabilities, as open-spaced-repetition/expected-workload does; branches under 1e-6 are dropped.
 * A time before a card is learned gives 0. Writes into `out` (one slot per time) and returns it.
 */
export function expectedRecall(
  model: Model,
  card: ModelCard,
  days: readonly number[],
  times: readonly number[],
  out: number[] = new Array<number>(times.length),
): number[] {
  out.fill(0, 0, times.length);
  const f = model.scheduler;
  let start = 0;
  let s = card.stability;
  let dif = card.difficulty;
  let last = -card.elapsed;
  if (card.isNew) {
    if (days.length === 0) return out;
    const state = f.next_state(null, 0, GOOD);
    s = state.stability;
    dif = state.difficulty;
    last = days[0]!;
    start = 1;
  }
  walk(f, days, start, s, dif, last, 1, times, out);
  return out;
}

function walk(
  f: Scheduler,
  days: readonly number[],
  i: number,
  s: number,
  d: number,
  last: number,
  p: number,
  times: readonly number[],
  out: number[],
): void {
  const next = i < days.length ? days[i]! : Infinity;
  for (let k = 0; k < times.length; k++) {
    const t = times[k]!;
    if (t >= last && t < next) out[k]! += p * f.forgetting_curve(t - last, s);
  }
  if (next === Infinity) return;
  const dt = next - last;
  const r = f.forgetting_curve(dt, s);
  const recalled = f.next_state({ stability: s, difficulty: d }, dt, GOOD, r);
  if (p * r > PRUNE) walk(f, days, i + 1, recalled.stability, recalled.difficulty, next, p * r, times, out);
  if (p * (1 - r) > PRUNE) {
    const lapsed = f.next_state({ stability: s, difficulty: d }, dt, AGAIN, r);
    walk(f, days, i + 1, lapsed.stability, lapsed.difficulty, next, p * (1 - r), times, out);
  }
}

/** The card's value for a schedule: the sum over targets of worth x expected recall at the target. */
export function scheduleValue(model: Model, card: ModelCard, days: readonly number[], scratch: number[]): number {
  expectedRecall(model, card, days, model.targetTimes, scratch);
  let value = 0;
  for (let k = 0; k < scratch.length; k++) value += card.worth[k]! * scratch[k]!;
  return value;
}

/** A plan as the strategies make it: for each card (by index), the sorted days it is studied on. */
export type Assignment = number[][];

/** Minutes used per day by an assignment. */
export function load(model: Model, assignment: Assignment): number[] {
  const used = model.capacity.map(() => 0);
  assignment.forEach((days, i) => {
    const card = model.cards[i]!;
    days.forEach((d, j) => (used[d]! += j === 0 ? card.firstMinutes : card.reviewMinutes));
  });
  return used;
}

/** Readiness per target: the mean expected recall of its scope at its time. */
export function readiness(model: Model, assignment: Assignment): number[] {
  const sums = model.targetTimes.map(() => 0);
  const scratch = new Array<number>(model.targetTimes.length);
  model.cards.forEach((card, i) => {
    expectedRecall(model, card, assignment[i] ?? [], model.targetTimes, scratch);
    for (let k = 0; k < sums.length; k++) if (card.worth[k]! > 0) sums[k]! += scratch[k]!;
  });
  return sums.map((sum, k) => sum / model.scopeSizes[k]!);
}

/** The planner's objective: readiness weighted by the targets' weights (their weighted mean). */
export function objective(model: Model, ready: readonly number[]): number {
  const total = model.input.targets.reduce((sum, t) => sum + t.weight, 0);
  return ready.reduce((sum, r, k) => sum + r * model.input.targets[k]!.weight, 0) / total;
}
