// How the plan is going: the minutes studied per day, how far behind the plan of an earlier day one fell, the one
// line that leads the Dashboard and `prepdeck plan`, and what a target's note says when the minutes fall short.
import { WEEKDAYS } from '../../contract/vocabulary.js';
import { studyDateOf } from '../review/study-day.js';
import { weekdaysText, type Availability } from './availability.js';

export interface StudiedAnswer {
  at: string;
  /** Null when the answer was not timed: it counts as `fallbackMinutes`. */
  durationMs: number | null;
  fallbackMinutes: number;
}

/** An answer left open for longer than this counts as this long: the user walked away, not studied. */
const MAX_ANSWER_MINUTES = 15;

/** Minutes studied per study date. */
export function minutesByDate(answers: readonly StudiedAnswer[], timeZone: string, dayStartsAt: number): Map<string, number> {
  const byDate = new Map<string, number>();
  for (const answer of answers) {
    const date = studyDateOf(answer.at, timeZone, dayStartsAt);
    const minutes = answer.durationMs === null ? answer.fallbackMinutes : Math.min(MAX_ANSWER_MINUTES, answer.durationMs / 60_000);
    byDate.set(date, (byDate.get(date) ?? 0) + minutes);
  }
  return byDate;
}

/**
 * Minutes planned but not studied from `plan.date` up to (not including) `today`, by the plan made on that day;
 * 0 when one kept up or studied more.
 */
export function minutesBehind(
  plan: { date: string; minutes: Readonly<Record<string, number>> },
  done: ReadonlyMap<string, number>,
  today: string,
): number {
  let planned = 0;
  let studied = 0;
  for (const [date, minutes] of Object.entries(plan.minutes)) {
    if (date < plan.date || date >= today) continue;
    planned += minutes;
    studied += done.get(date) ?? 0;
  }
  return Math.max(0, Math.round(planned - studied));
}

/**
 * Whether a day's list is finished: it held something and every item of it was studied that day. A finished day
 * stays finished when targets or study time change; the change applies from the next day.
 */
export function dayFinished(items: ReadonlyArray<{ cardId: number }>, studied: ReadonlySet<number>): boolean {
  return items.length > 0 && items.every((item) => studied.has(item.cardId));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "today", "tomorrow", "in 14 days" for whole days ahead (core/dates.ts#daysBetween). */
export function inDaysText(days: number): string {
  return days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
}

export interface TodayCounts {
  reviews: number;
  newTopics: number;
  minutes: number;
  done: number;
  items: number;
}

/**
 * "Today: 12 reviews and 2 new topics, about 40 minutes, for Acme onsite in 9 days"; "Today's plan is done ..."
 * when every item is; "No study planned today ..." on a day off.
 */
export function todayLine(today: TodayCounts, target: { label: string; daysLeft: number } | null, nextStudyDate: string | null): string {
  const forTarget = target ? `, for ${target.label} ${inDaysText(target.daysLeft)}` : '';
  if (today.items === 0) return `No study planned today${forTarget}${nextStudyDate ? `; next study day ${nextStudyDate}` : ''}.`;
  if (today.done === today.items) return `Today's plan is done: ${plural(today.items, 'item')}${forTarget}.`;
  const parts = [today.reviews > 0 ? plural(today.reviews, 'review') : '', today.newTopics > 0 ? plural(today.newTopics, 'new topic') : ''].filter(
    Boolean,
  );
  const left = today.done > 0 ? ` (${today.items - today.done} left)` : '';
  return `Today: ${parts.join(' and ')}, about ${plural(Math.max(1, Math.round(today.minutes)), 'minute')}${left}${forTarget}.`;
}

/** "60 minutes a day", "60 minutes on mon-fri", "30 minutes on mon,wed,fri" (weekdays as `weekdaysText` writes them). */
export function studyTime(availability: Pick<Availability, 'minutesPerDay' | 'weekdays'>): string {
  const all = WEEKDAYS.every((d) => availability.weekdays.includes(d));
  return `${availability.minutesPerDay} minutes ${all ? 'a day' : `on ${weekdaysText(availability.weekdays)}`}`;
}

/**
 * A target's note when the minutes cannot reach every new card of its scope ("with 20 minutes a day, 140 of 189 new
 * cards can be learned by then; these 49 are left out"); null when none is left out.
 */
export function leftOutNote(availability: Pick<Availability, 'minutesPerDay' | 'weekdays'>, fresh: number, leftOut: number): string | null {
  if (leftOut === 0) return null;
  return `with ${studyTime(availability)}, ${fresh - leftOut} of ${fresh} new cards can be learned by then; these ${leftOut} are left out`;
}
