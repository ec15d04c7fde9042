// The hunt's dates: local dates a user enters (checked to exist), and instants read in the hunt's time zone.
// Intl does the zone arithmetic, through core/review/study-day.ts (a study day starting at 0:00 is a calendar day).
import { InvalidInputError } from '../errors.js';
import { addDays, instantOf, studyDateOf, studyDayOn } from '../review/study-day.js';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why `YYYY`, `MM`, `DD` name no day (`February 2026 has 28 days`), or null when they name one. */
export function whyNoSuchDay(year: number, month: number, day: number): string | null {
  if (year < 1) return 'years start at 0001';
  if (month < 1 || month > 12) return 'a month is 01 to 12';
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has ${days} days`;
  return null;
}

/** A date `YYYY-MM-DD` that exists in the calendar (2026-02-30 does not, and says why); `field` names it in the refusal. */
export function checkLocalDate(value: string, field: string): string {
  const match = LOCAL_DATE.exec(value);
  if (!match) throw new InvalidInputError(`${field}: '${value}' is not a date; write YYYY-MM-DD, e.g. 2026-03-14`);
  const why = whyNoSuchDay(Number(match[1]), Number(match[2]), Number(match[3]));
  if (why !== null) throw new InvalidInputError(`${field}: '${value}' is not a date (${why})`);
  return value;
}

/** An IANA time zone Intl knows (Europe/Berlin, UTC); `timeZone` is named in the refusal. */
export function checkTimeZone(value: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw new InvalidInputError(`timeZone: '${value}' is not a time zone; use an IANA name such as Europe/Berlin or UTC`);
  }
}

/** The calendar date in `timeZone` at `instant`. */
export function localDateOf(instant: string | number, timeZone: string): string {
  return studyDateOf(instant, timeZone, 0);
}

/** When the local date `date` begins in `timeZone`, ISO-8601 UTC. */
export function startOfLocalDate(date: string, timeZone: string): string {
  // The start alone (studyDayOn's, whose end would cost as much again): the funnel asks it for every week.
  return new Date(instantOf(Date.parse(`${date}T00:00:00Z`), timeZone)).toISOString();
}

/** The Monday on or before `date`. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

export { addDays };
// The hunt's overdue days and deadlines count as every calendar date in the core does.
export { daysBetween } from '../dates.js';

/**
 * The day an application was found, checked against today and the day it entered its first stage, when known: one
 * found tomorrow, or after it entered its first stage (applied to before it was found), is a typo, refused naming the
 * field the user typed: `on` when the first stage's day is given with it (a new application), else `foundOn` (an edit
 * of one whose history starts on `firstStage.on`).
 */
export function checkFoundOn(foundOn: string, today: string, firstStage?: { on: string; given: 'on' | 'foundOn'; stage?: string }): string {
  checkLocalDate(foundOn, 'foundOn');
  if (foundOn > today) throw new InvalidInputError(`foundOn: ${foundOn} is in the future (today is ${today}); give the day you found it`);
  if (firstStage !== undefined && firstStage.on < foundOn) {
    const { on, stage } = firstStage;
    throw new InvalidInputError(
      firstStage.given === 'on'
        ? `on: ${on} is before the day it was found (${foundOn}); it can't enter a stage before you found it`
        : `foundOn: ${foundOn} is after the day it entered ${stage ?? 'its first stage'} (${on}); it can't have been found after that`,
    );
  }
  return foundOn;
}

/**
 * When a move said to happen `on` a local date did: now for today (or no date), noon of that date for a past
 * one (the hour is unknown; noon keeps it on that date in every zone), and never before `notBefore` (the last
 * move; null for the first stage of a new application), so a history stays in order. A future date, or one before
 * the last move's, is refused naming `on`, in the words of what is dated: a new application's first stage (`add`), a
 * move after the add alone (`after-add`, refused as "before it was added") or after other moves.
 */
export function instantOfMove(
  on: string | undefined,
  now: string,
  timeZone: string,
  notBefore: string | null,
  what: 'add' | 'after-add' | 'move' = 'move',
): string {
  if (on === undefined) return now;
  checkLocalDate(on, 'on');
  const today = localDateOf(now, timeZone);
  if (on > today) {
    const why = what === 'add' ? 'give the day it entered that stage' : 'a move is recorded when it has happened';
    throw new InvalidInputError(`on: ${on} is in the future (today is ${today}); ${why}`);
  }
  if (on === today) return now;
  const noon = studyDayOn(on, timeZone, 12).start;
  if (notBefore === null) return noon;
  const lastDate = localDateOf(notBefore, timeZone);
  if (on < lastDate) {
    const last = what === 'after-add' ? `it was added (on ${lastDate})` : `the last move (on ${lastDate})`;
    throw new InvalidInputError(`on: ${on} is before ${last}; a move can't be dated before it`);
  }
  return Date.parse(noon) < Date.parse(notBefore) ? notBefore : noon;
}
