// Dates and times as every page writes them. Their shape (the day before the month or after it, 12 or 24 hours, the
// month's name) is the user's locale's, through Intl; the words around them ("today", "in 3 days", "2 days late") are
// English, as the rest of the UI is. Two kinds of value come from the API:
// - a local date (YYYY-MM-DD: a study day, a follow-up's due date, a plan's day) is a calendar date that no zone moves;
// - an instant (ISO-8601) is shown in the zone the page has (the plan's, a round's, the hunt's), else the browser's.
// The year is written only when it is not this year's (`today`, a local date, decides; by default the browser's today,
// or for an instant today in its zone).

export interface DateOptions {
  /** Today as a local date, for the year and for relative words; the browser's today when left out. */
  today?: string;
  /** "Sat, Dec 19": where the day of the week matters (a plan's day, a round). */
  weekday?: boolean;
  /** A BCP 47 tag; the browser's own when left out (the tests name one). */
  locale?: string;
}

export interface InstantOptions extends DateOptions {
  /** An IANA zone; the browser's when left out (or unknown to the browser). */
  zone?: string;
}

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

const cache = new Map<string, Intl.DateTimeFormat>();
/** A zone this browser does not know (an older Intl) reads in the browser's own rather than breaking the page. */
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}\n${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    const zone = options.timeZone;
    format = new Intl.DateTimeFormat(locale, zone === undefined || knownZone(zone) ? options : { ...options, timeZone: undefined });
    cache.set(key, format);
  }
  return format;
}

/** Whether this browser's Intl knows the zone. */
export function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The browser's own zone. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Whether a zone is the browser's own, by whichever name (Asia/Calcutta, Asia/Kolkata). */
export function isBrowserZone(zone: string): boolean {
  return knownZone(zone) && new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone === browserZone();
}

/** A local date at noon UTC, so that formatting it in UTC never moves it to the day before. */
export function dateOf(local: string): Date {
  return new Date(`${local}T12:00:00Z`);
}

/** The calendar date of an instant in a zone (the browser's by default). */
export function localDateOf(at: string | number | Date, zone?: string): string {
  // en-CA writes YYYY-MM-DD.
  return formatter('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}

/** Today's date in a zone (the browser's by default). */
const todayIn = (zone?: string, now: number = Date.now()): string => localDateOf(now, zone);

/** Whole days from one local date to another: 1 from Monday to Tuesday, -1 back. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateOf(to).getTime() - dateOf(from).getTime()) / DAY_MS);
}

/** The local date `days` after `from`. */
export function addDays(from: string, days: number): string {
  const date = dateOf(from);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function dateParts(date: string, { today, weekday }: DateOptions): Intl.DateTimeFormatOptions {
  const thisYear = (today ?? todayIn()).slice(0, 4) === date.slice(0, 4);
  return { ...(weekday ? { weekday: 'short' } : {}), day: 'numeric', month: 'short', ...(thisYear ? {} : { year: 'numeric' }) };
}

/** Spaces inside one date or one time never break across lines ("2:00 / PM"): no-break spaces instead. */
const unbroken = (text: string) => text.replace(/[ \u202f]/g, '\u00a0');

/** A local date: "Dec 19" ("19 Dec" in en-GB), "Sat, Dec 19" with the weekday, "Dec 19, 2025" in another year; "—" for none. */
export function formatDate(local: string | null | undefined, options: DateOptions = {}): string {
  if (!local) return '—';
  if (!LOCAL_DATE.test(local) || Number.isNaN(dateOf(local).getTime())) return local;
  return unbroken(formatter(options.locale, { ...dateParts(local, options), timeZone: 'UTC' }).format(dateOf(local)));
}

/** An instant's date in the zone: "Dec 5" (the year when not this year's, in the zone by default). */
export function formatInstantDate(at: string, options: InstantOptions = {}): string {
  return formatDate(localDateOf(at, options.zone), { ...options, today: options.today ?? todayIn(options.zone) });
}

/** An instant's time in the zone: "2:05 PM" (en-US), "14:05" (en-GB). */
export function formatTime(at: string, { zone, locale }: InstantOptions = {}): string {
  return unbroken(formatter(locale, { timeStyle: 'short', timeZone: zone }).format(new Date(at)));
}

/** An instant's time in the zone as a time input takes it, whatever the locale: "19:30". */
export function inputTime(at: string, zone?: string): string {
  return formatter('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(new Date(at));
}

/** An instant, its date and time in the zone: "Dec 5, 2:05 PM", "Sun, Dec 20, 3:00 PM" with the weekday (the year as in formatInstantDate). */
export function formatDateTime(at: string, options: InstantOptions = {}): string {
  const date = localDateOf(at, options.zone);
  const today = options.today ?? todayIn(options.zone);
  const day = unbroken(formatter(options.locale, { ...dateParts(date, { ...options, today }), timeZone: 'UTC' }).format(dateOf(date)));
  return `${day}, ${formatTime(at, options)}`;
}

/** A local date's day of the month ("19") and month ("Dec"), for a calendar's cells and a chart's axis. */
export const formatDayOfMonth = (local: string, locale?: string) => formatter(locale, { day: 'numeric', timeZone: 'UTC' }).format(dateOf(local));
export const formatMonth = (local: string, locale?: string) => formatter(locale, { month: 'short', timeZone: 'UTC' }).format(dateOf(local));

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "today", "tomorrow", "in 3 days", "yesterday", "2 days ago". */
export function relativeDays(days: number): string {
  return relative.format(days, 'day');
}

/** A local date against today: "today", "in 3 days", "2 days ago". */
export const relativeDate = (local: string, today: string = todayIn()): string => relativeDays(daysBetween(today, local));

/** A past local date as a list reads it: "today", "yesterday", "5 days ago" up to two weeks, then the date. */
export function recentDate(local: string, options: DateOptions = {}): string {
  const today = options.today ?? todayIn();
  const days = daysBetween(today, local);
  return days <= 0 && days > -14 ? relativeDays(days) : formatDate(local, { ...options, today });
}

/** A past instant as a list reads it, by its day in the zone against today there: "yesterday", then the date. */
export function recentInstant(at: string, options: InstantOptions = {}): string {
  return recentDate(localDateOf(at, options.zone), { ...options, today: options.today ?? todayIn(options.zone) });
}

/** "today", "tomorrow", "in 3 days", "1 day late": a due date against today. */
export function dueText(dueOn: string, today: string = todayIn()): string {
  const days = daysBetween(today, dueOn);
  if (days >= 0) return relativeDays(days);
  return days === -1 ? '1 day late' : `${-days} days late`;
}

/** "due now", "due in 10 min", "due in 3 h", "due in 3 days", "due in 4 months", "due in 1.5 years": an instant to come. */
export function dueIn(at: string, now: number = Date.now()): string {
  const minutes = (Date.parse(at) - now) / 60_000;
  if (minutes <= 1) return 'due now';
  if (minutes < 60) return `due in ${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 24) return `due in ${Math.round(hours)} h`;
  const days = Math.round(hours / 24);
  if (days < 45) return `due in ${days} ${days === 1 ? 'day' : 'days'}`;
  if (days < 365) return `due in ${Math.round(days / 30)} months`;
  return `due in ${(days / 365).toFixed(1)} years`;
}

/** "in 1 d 3 h", "in 3 h 20 min", "in 12 min", "starting now"; null once it has started. */
export function countdown(startsAt: string, now: number): string | null {
  const minutes = Math.floor((Date.parse(startsAt) - now) / 60_000);
  if (minutes < 0) return null;
  if (minutes < 1) return 'starting now';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `in ${days} d${hours > 0 ? ` ${hours} h` : ''}`;
  if (hours > 0) return `in ${hours} h${mins > 0 ? ` ${mins} min` : ''}`;
  return `in ${mins} min`;
}

/** "at 2:05 PM", "tomorrow at 4:00 AM", "on Tue, Dec 2 at 4:00 AM": an instant to come, in the zone. */
export function formatWhen(at: string, options: InstantOptions & { now?: number } = {}): string {
  const date = localDateOf(at, options.zone);
  const days = daysBetween(todayIn(options.zone, options.now), date);
  const time = formatTime(at, options);
  if (days <= 0) return `at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  return `on ${formatDate(date, { ...options, weekday: true, today: todayIn(options.zone, options.now) })} at ${time}`;
}
