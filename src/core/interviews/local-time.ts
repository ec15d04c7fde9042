// A round's start as the user types it (a wall-clock time in an IANA zone) and the instant it is. Intl does the
// zone arithmetic through core/review/study-day.ts; what no clock shows (a time the clocks skip) or shows twice
// (when they go back) is decided here and said in a notice.
import { InvalidInputError } from '../errors.js';
import { checkTimeZone } from '../hunt/dates.js';
import { instantOf, wallClock } from '../review/study-day.js';

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/u;
const HOUR_MS = 3_600_000;

export interface ResolvedStart {
  /** ISO-8601 UTC. */
  startsAt: string;
  /** What was decided for the user (a time the clocks skip or show twice), or null. */
  notice: string | null;
}

/** `YYYY-MM-DDTHH:MM` as the wall-clock number study-day.ts works with; refused naming `localStart` when no calendar has it. */
function parseLocalStart(value: string): number {
  const match = LOCAL_DATE_TIME.exec(value);
  if (match) {
    const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
    const wall = Date.UTC(year, month - 1, day, hour, minute);
    const date = new Date(wall);
    if (year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60) {
      return wall;
    }
  }
  throw new InvalidInputError(`localStart: '${value}' is not a date and time; write YYYY-MM-DDTHH:MM, e.g. 2026-12-20T15:00`);
}

/** The wall-clock time `YYYY-MM-DDTHH:MM` in `timeZone` at `instant`. */
export function localStartOf(instant: string | number, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return new Date(wallClock(ms, timeZone)).toISOString().slice(0, 16);
}

const zoneNames = new Map<string, Intl.DateTimeFormat[]>();

/**
 * The zone's name for its offset at `ms` as people write it beside a time: CET or CEST (from the British English
 * names), EST or EDT (the American ones), else the offset itself (GMT+3, GMT+5:30).
 */
function zoneAbbreviation(ms: number, timeZone: string): string {
  let formats = zoneNames.get(timeZone);
  if (!formats) {
    formats = ['en-US', 'en-GB'].map((locale) => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }));
    zoneNames.set(timeZone, formats);
  }
  const names = formats.map((format) => format.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value ?? 'UTC');
  return names.find((name) => !/^GMT[+-]/u.test(name)) ?? names[0]!;
}

/** `03:00 CEST`: the wall clock at `ms` in `timeZone` with the zone's name for it. */
function clockWithZone(ms: number, timeZone: string): string {
  return `${localStartOf(ms, timeZone).slice(11)} ${zoneAbbreviation(ms, timeZone)}`;
}

/** The first instant at or after `from` whose wall clock reads `wall` or later (the clocks only jump forward in between). */
function firstInstantReading(wall: number, from: number, to: number, timeZone: string): number {
  let [low, high] = [from, to];
  while (high - low > 1000) {
    const mid = Math.floor((low + high) / 2 / 1000) * 1000;
    if (wallClock(mid, timeZone) >= wall) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * The instant `localStart` (YYYY-MM-DDTHH:MM) is in `timeZone`. An unknown zone is refused naming `timeZone`, an
 * impossible date or time naming `localStart`. A time the clocks skip (inside a spring-forward gap) takes the first
 * instant after the gap; a time they show twice (when they go back) the earlier one; either way a notice says so, in
 * the zone's wall clock with its name for the offset (03:00 CEST; 02:30 CEST, not 02:30 CET).
 */
export function resolveLocalStart(localStart: string, zone: string): ResolvedStart {
  const timeZone = checkTimeZone(zone);
  const wall = parseLocalStart(localStart);
  const instant = instantOf(wall, timeZone);
  const shown = `${localStart.slice(11)} on ${localStart.slice(0, 10)}`;
  if (wallClock(instant, timeZone) !== wall) {
    // In a gap: `instant` (the offset from before it) lies past the jump; the jump itself is the first instant after.
    const taken = firstInstantReading(wall, instant - 3 * HOUR_MS, instant, timeZone);
    return {
      startsAt: new Date(taken).toISOString(),
      notice: `${shown} does not exist in ${timeZone} (the clocks skip it); the first time after the gap was taken: ${clockWithZone(taken, timeZone)}`,
    };
  }
  const later = [instant + HOUR_MS, instant + 2 * HOUR_MS, instant + HOUR_MS / 2].find((other) => wallClock(other, timeZone) === wall);
  const iso = new Date(instant).toISOString();
  if (later !== undefined) {
    return {
      startsAt: iso,
      notice: `${shown} happens twice in ${timeZone} (the clocks go back); the earlier was taken: ${clockWithZone(instant, timeZone)}, not ${clockWithZone(later, timeZone)}`,
    };
  }
  return { startsAt: iso, notice: null };
}
