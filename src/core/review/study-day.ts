// Study days: a day of reviews runs from `dayStartsAt` o'clock in the user's time zone to the same hour the next
// day (Anki's "next day starts at"), so that a late-night session counts for the day it belongs to. Pure: the
// time zone is an argument, and Intl's time-zone data does the arithmetic (daylight saving included).

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export interface StudyDay {
  /** The calendar date the study day is named after, `YYYY-MM-DD`. */
  date: string;
  /** When it begins and ends, ISO-8601 UTC; `end` is the next day's `start`. */
  start: string;
  end: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time in `timeZone` at `ms`, as if it were UTC (so that date arithmetic works on it). */
export function wallClock(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts['year']!, parts['month']! - 1, parts['day'], parts['hour'], parts['minute'], parts['second']);
}

/**
 * The instant whose wall-clock time in `timeZone` is `wall`. When clocks go back and the time happens twice,
 * the earlier; when they go forward over it, the first instant after the gap (as 2:00 becomes 3:00).
 */
export function instantOf(wall: number, timeZone: string): number {
  // Offsets a day either side: no zone changes its offset twice within two days.
  const before = wall - (wallClock(wall - DAY_MS, timeZone) - (wall - DAY_MS));
  const after = wall - (wallClock(wall + DAY_MS, timeZone) - (wall + DAY_MS));
  const valid = [before, after].filter((instant) => wallClock(instant, timeZone) === wall);
  // In a gap neither reads `wall`; the offset from before the gap lands where the clocks jumped to.
  return valid.length > 0 ? Math.min(...valid) : before;
}

function isoDate(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}

/** The study date (`YYYY-MM-DD`) an instant falls in. */
export function studyDateOf(instant: string | number, timeZone: string, dayStartsAt: number): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return isoDate(wallClock(ms, timeZone) - dayStartsAt * HOUR_MS);
}

/** The study day holding `now`. */
export function studyDay(now: string, timeZone: string, dayStartsAt: number): StudyDay {
  return studyDayOn(studyDateOf(now, timeZone, dayStartsAt), timeZone, dayStartsAt);
}

/** The study day named `date` (`YYYY-MM-DD`). */
export function studyDayOn(date: string, timeZone: string, dayStartsAt: number): StudyDay {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  const start = instantOf(midnight + dayStartsAt * HOUR_MS, timeZone);
  const end = instantOf(midnight + (24 + dayStartsAt) * HOUR_MS, timeZone);
  return { date, start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  return isoDate(Date.parse(`${date}T00:00:00Z`) + days * 24 * HOUR_MS);
}

/** Counts at instants, added up per study date, oldest first. */
export function countsByStudyDate(
  counts: ReadonlyArray<{ at: string; count: number }>,
  timeZone: string,
  dayStartsAt: number,
): Array<{ date: string; count: number }> {
  const byDate = new Map<string, number>();
  for (const { at, count } of counts) {
    const date = studyDateOf(at, timeZone, dayStartsAt);
    byDate.set(date, (byDate.get(date) ?? 0) + count);
  }
  return [...byDate].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, count]) => ({ date, count }));
}
