// Study availability as days: minutes on the weekdays one studies, none on days off; and the time costs the plan
// uses, the user's own where set, else the median of their review log once it holds enough answers, else defaults.
import type { CostJson } from '../../contract/plan.js';
import { WEEKDAYS } from '../../contract/vocabulary.js';
import { InvalidInputError } from '../errors.js';
import { addDays } from '../review/study-day.js';
import type { PlanCosts, PlanDay } from './model.js';

export type Weekday = (typeof WEEKDAYS)[number];

export interface Availability {
  minutesPerDay: number;
  weekdays: readonly Weekday[];
  daysOff: readonly string[];
}

/** A new plan studies an hour on weekdays. */
export const DEFAULT_AVAILABILITY: Availability = { minutesPerDay: 60, weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], daysOff: [] };

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Monday is 0. */
function weekdayOf(date: string): Weekday {
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

/** `count` days from `from` (a local date), each with its minutes. */
export function availableDays(from: string, count: number, availability: Availability): PlanDay[] {
  const weekdays = new Set(availability.weekdays);
  const off = new Set(availability.daysOff);
  return Array.from({ length: count }, (_, i) => {
    const date = addDays(from, i);
    return { date, minutes: weekdays.has(weekdayOf(date)) && !off.has(date) ? availability.minutesPerDay : 0 };
  });
}

/**
 * Why `date` has no study minutes: a date set off (`day-off`, said first: the user chose that day), or a weekday one
 * does not study (`weekday`, a rest day); null when it has minutes.
 */
export function whyNoStudy(date: string, availability: Availability): 'day-off' | 'weekday' | null {
  if (availability.daysOff.includes(date)) return 'day-off';
  return availability.weekdays.includes(weekdayOf(date)) ? null : 'weekday';
}

const DAY_MS = 86_400_000;

/**
 * Whether any day from today (`today`, the local date of the study day that starts at `dayStart`) has minutes
 * before `at`: day i's study is taken to happen i days after the day's start, as the planner counts (model.ts).
 */
export function hasStudyDayBefore(dayStart: string, today: string, at: string, availability: Availability): boolean {
  const span = Date.parse(at) - Date.parse(dayStart);
  if (!(span > 0)) return false;
  return availableDays(today, Math.ceil(span / DAY_MS), availability).some((day) => day.minutes > 0);
}

/**
 * `mon-fri`, `mon,wed,fri`, `sat-sun`, `all` or `weekdays`/`weekends`, as a user types them, into weekday names in
 * week order; a wrapping range (`fri-mon`) runs through the weekend. Refused naming `field` when unreadable.
 */
export function parseWeekdays(text: string, field = 'days'): Weekday[] {
  const value = text.trim().toLowerCase();
  if (value === 'all' || value === 'every day' || value === 'daily') return [...WEEKDAYS];
  if (value === 'weekdays') return WEEKDAYS.slice(0, 5);
  if (value === 'weekends') return WEEKDAYS.slice(5);
  const chosen = new Set<Weekday>();
  const indexOf = (name: string): number => {
    const i = WEEKDAYS.indexOf(name.slice(0, 3) as Weekday);
    if (i < 0 || !DAY_NAMES[i]!.startsWith(name))
      throw new InvalidInputError(`${field}: '${name}' is not a day of the week; write e.g. mon-fri or mon,wed,fri`);
    return i;
  };
  for (const part of value.split(',').map((p) => p.trim())) {
    if (part === '') continue;
    const [first, last, ...rest] = part.split('-').map((p) => p.trim());
    if (rest.length > 0) throw new InvalidInputError(`${field}: '${part}' is not a range of days; write e.g. mon-fri`);
    const start = indexOf(first!);
    const end = last === undefined ? start : indexOf(last);
    for (let i = start; ; i = (i + 1) % 7) {
      chosen.add(WEEKDAYS[i]!);
      if (i === end) break;
    }
  }
  if (chosen.size === 0) throw new InvalidInputError(`${field}: no day of the week given; write e.g. mon-fri`);
  return WEEKDAYS.filter((day) => chosen.has(day));
}

/**
 * Weekdays as `parseWeekdays` reads them back, in week order, consecutive days as a run: `mon-fri`, `mon,wed,fri`,
 * `mon-wed,fri`, `sat-sun`; every day is `mon-sun`. The one way the plan writes them (CLI, notes, messages).
 */
export function weekdaysText(weekdays: readonly Weekday[]): string {
  const chosen = new Set(weekdays);
  const runs: string[] = [];
  for (let i = 0; i < WEEKDAYS.length; i++) {
    if (!chosen.has(WEEKDAYS[i]!)) continue;
    let end = i;
    while (end + 1 < WEEKDAYS.length && chosen.has(WEEKDAYS[end + 1]!)) end++;
    runs.push(end > i ? `${WEEKDAYS[i]}-${WEEKDAYS[end]}` : WEEKDAYS[i]!);
    i = end;
  }
  return runs.join(',');
}

/** Defaults before the log says otherwise: learning a topic takes a sitting; a review is a recall and a check. */
export const DEFAULT_COSTS: PlanCosts = { learnTopicMinutes: 20, reviewTopicSeconds: 60, reviewQaSeconds: 20 };
/** Answers of a kind the log must hold before its median replaces the default. */
export const MIN_LOGGED_ANSWERS = 20;

/** Milliseconds of the log's reviews of topic cards, and of Q&A cards (learning a topic is not an answer: it has no log). */
export interface LoggedDurations {
  topic: readonly number[];
  qa: readonly number[];
}

export interface OwnCosts {
  learnTopicMinutes: number | null;
  reviewTopicSeconds: number | null;
  reviewQaSeconds: number | null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function cost(own: number | null, logged: readonly number[], msPerUnit: number, fallback: number): CostJson {
  if (own !== null) return { value: own, source: 'yours' };
  const durations = logged.filter((ms) => ms > 0);
  if (durations.length >= MIN_LOGGED_ANSWERS) return { value: Math.round((median(durations) / msPerUnit) * 10) / 10, source: 'log' };
  return { value: fallback, source: 'default' };
}

/** Each cost with its source: the user's own, else (reviews) the log's median per kind once it has enough answers, else the default. */
export function effectiveCosts(
  own: OwnCosts,
  logged: LoggedDurations,
): { learnTopicMinutes: CostJson; reviewTopicSeconds: CostJson; reviewQaSeconds: CostJson } {
  return {
    learnTopicMinutes: cost(own.learnTopicMinutes, [], 60_000, DEFAULT_COSTS.learnTopicMinutes),
    reviewTopicSeconds: cost(own.reviewTopicSeconds, logged.topic, 1000, DEFAULT_COSTS.reviewTopicSeconds),
    reviewQaSeconds: cost(own.reviewQaSeconds, logged.qa, 1000, DEFAULT_COSTS.reviewQaSeconds),
  };
}
