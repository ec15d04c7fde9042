// Dates and times as every page writes them (web/src/lib/dates.ts): in the user's locale's shape, a local date never
// moved by a zone, an instant in the zone the page has, the year only when it is not this year's, and the relative
// words the pages use.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  countdown,
  daysBetween,
  dueIn,
  dueText,
  formatDate as rawFormatDate,
  formatDateTime as rawFormatDateTime,
  formatInstantDate as rawFormatInstantDate,
  formatTime as rawFormatTime,
  formatWhen as rawFormatWhen,
  inputTime,
  isBrowserZone,
  localDateOf,
  recentDate as rawRecentDate,
  recentInstant as rawRecentInstant,
  relativeDate,
  relativeDays,
} from '../../web/src/lib/dates.js';

/** The module writes no-break spaces inside a date or a time, so that "2:00 PM" never wraps; read as plain spaces here. */
const spaced =
  <A extends unknown[]>(format: (...args: A) => string) =>
  (...args: A) =>
    format(...args).replace(/\u00a0/g, ' ');
const formatDate = spaced(rawFormatDate);
const formatDateTime = spaced(rawFormatDateTime);
const formatInstantDate = spaced(rawFormatInstantDate);
const formatTime = spaced(rawFormatTime);
const formatWhen = spaced(rawFormatWhen);
const recentDate = spaced(rawRecentDate);
const recentInstant = spaced(rawRecentInstant);

const today = '2026-12-06';

describe('formatDate', () => {
  it("writes a local date in the locale's order, with the weekday where asked", () => {
    expect(formatDate('2026-12-19', { today, locale: 'en-US' })).toBe('Dec 19');
    expect(formatDate('2026-12-19', { today, locale: 'en-GB' })).toBe('19 Dec');
    expect(formatDate('2026-12-19', { today, locale: 'en-US', weekday: true })).toBe('Sat, Dec 19');
    expect(formatDate('2026-12-19', { today, locale: 'de-DE' })).toBe('19. Dez.');
  });

  it('adds the year only when it is not this year', () => {
    expect(formatDate('2027-01-04', { today, locale: 'en-US' })).toBe('Jan 4, 2027');
    expect(formatDate('2025-12-31', { today, locale: 'en-GB' })).toBe('31 Dec 2025');
  });

  it('is the same calendar date whatever the zone: the first of the month stays the first', () => {
    expect(formatDate('2026-03-01', { today, locale: 'en-US' })).toBe('Mar 1');
  });

  it('says — for no date and keeps text that is no date as it is', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('')).toBe('—');
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('instants', () => {
  const at = '2026-12-20T14:00:00.000Z';

  it("writes an instant's time and date in the page's zone, in the locale's clock", () => {
    expect(formatTime(at, { zone: 'Europe/Berlin', locale: 'en-GB' })).toBe('15:00');
    expect(formatTime(at, { zone: 'Europe/Berlin', locale: 'en-US' })).toBe('3:00 PM');
    expect(formatDateTime(at, { zone: 'Europe/Berlin', locale: 'en-US', today, weekday: true })).toBe('Sun, Dec 20, 3:00 PM');
    expect(formatDateTime(at, { zone: 'UTC', locale: 'en-GB', today })).toBe('20 Dec, 14:00');
  });

  it('takes the date of the instant in the zone, not in UTC', () => {
    const lateInTokyo = '2026-12-20T16:30:00.000Z';
    expect(localDateOf(lateInTokyo, 'Asia/Tokyo')).toBe('2026-12-21');
    expect(formatInstantDate(lateInTokyo, { zone: 'Asia/Tokyo', locale: 'en-US', today })).toBe('Dec 21');
    expect(formatDateTime('2025-06-01T08:00:00Z', { zone: 'UTC', locale: 'en-US', today })).toBe('Jun 1, 2025, 8:00 AM');
  });

  it("writes the year by the zone's today, not the browser's: on New Year's morning in Tokyo a new year's instant has none", () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-31T16:00:00Z'), toFake: ['Date'] });
    const newYearInTokyo = '2026-12-31T15:30:00Z';
    expect(formatDateTime(newYearInTokyo, { zone: 'Asia/Tokyo', locale: 'en-US' })).toBe('Jan 1, 12:30 AM');
    expect(formatInstantDate(newYearInTokyo, { zone: 'Asia/Tokyo', locale: 'en-US' })).toBe('Jan 1');
    expect(formatDateTime('2026-12-31T08:00:00Z', { zone: 'Asia/Tokyo', locale: 'en-US' })).toBe('Dec 31, 2026, 5:00 PM');
  });
  afterEach(() => void vi.useRealTimers());

  it("reads a zone the browser does not know in the browser's own rather than failing", () => {
    expect(() => formatTime(at, { zone: 'Mars/Olympus_Mons' })).not.toThrow();
  });

  it("knows the browser's own zone, so that a page names a zone only when it is another", () => {
    expect(isBrowserZone(Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(true);
    const elsewhere = ['Asia/Tokyo', 'America/New_York'].find((zone) => formatTime(at, { zone }) !== formatTime(at));
    expect(isBrowserZone(elsewhere!)).toBe(false);
    expect(isBrowserZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('never lets a date or a time break across lines', () => {
    expect(rawFormatTime(at, { zone: 'UTC', locale: 'en-US' })).toBe('2:00\u00a0PM');
    expect(rawFormatDate('2026-12-19', { today, locale: 'en-US', weekday: true })).toBe('Sat,\u00a0Dec\u00a019');
  });

  it('gives a time input its 24-hour HH:MM whatever the locale', () => {
    expect(inputTime(at, 'America/New_York')).toBe('09:00');
  });

  it('says when the next card comes, today, tomorrow or on a day', () => {
    const now = Date.parse('2026-12-06T10:00:00Z');
    expect(formatWhen('2026-12-06T18:05:00Z', { zone: 'UTC', locale: 'en-GB', now })).toBe('at 18:05');
    expect(formatWhen('2026-12-07T04:00:00Z', { zone: 'UTC', locale: 'en-US', now })).toBe('tomorrow at 4:00 AM');
    expect(formatWhen('2026-12-08T04:00:00Z', { zone: 'UTC', locale: 'en-GB', now })).toBe('on Tue 8 Dec at 04:00');
  });
});

describe('relative words', () => {
  it('counts whole days between local dates, across a month and a clock change', () => {
    expect(daysBetween('2026-03-28', '2026-04-02')).toBe(5);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('says today, tomorrow, in 3 days, yesterday, 2 days ago', () => {
    expect([0, 1, 3, -1, -2].map(relativeDays)).toEqual(['today', 'tomorrow', 'in 3 days', 'yesterday', '2 days ago']);
    expect(relativeDate('2026-12-09', today)).toBe('in 3 days');
  });

  it('writes a recent past date relatively, an older one as a date', () => {
    expect(recentDate('2026-12-06', { today })).toBe('today');
    expect(recentDate('2026-12-01', { today })).toBe('5 days ago');
    expect(recentDate('2026-11-01', { today, locale: 'en-US' })).toBe('Nov 1');
  });

  it("counts a past instant's day in its zone against today there: this morning in UTC is yesterday in Tokyo, a day ahead", () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-06T20:00:00Z'), toFake: ['Date'] });
    const morningInTokyo = '2026-12-06T00:30:00Z';
    expect(recentInstant(morningInTokyo, { zone: 'Asia/Tokyo' })).toBe('yesterday');
    expect(recentInstant(morningInTokyo, { zone: 'UTC' })).toBe('today');
    expect(recentInstant('2026-11-01T12:00:00Z', { zone: 'Asia/Tokyo', locale: 'en-US' })).toBe('Nov 1');
    expect(recentInstant('2026-12-01T12:00:00Z', { zone: 'UTC', today })).toBe('5 days ago');
  });
  afterEach(() => void vi.useRealTimers());

  it('says how late a due date is, in days', () => {
    expect(['2026-12-06', '2026-12-07', '2026-12-10', '2026-12-05', '2026-12-01'].map((d) => dueText(d, today))).toEqual([
      'today',
      'tomorrow',
      'in 4 days',
      '1 day late',
      '5 days late',
    ]);
  });

  it('says when an instant comes due, in the unit that reads best', () => {
    const now = Date.parse('2026-12-06T10:00:00Z');
    const later = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
    expect(dueIn(later(-5), now)).toBe('due now');
    expect(dueIn(later(10), now)).toBe('due in 10 min');
    expect(dueIn(later(180), now)).toBe('due in 3 h');
    expect(dueIn(later(1440), now)).toBe('due in 1 day');
    expect(dueIn(later(1440 * 120), now)).toBe('due in 4 months');
  });

  it('counts down to a round until it starts', () => {
    const now = Date.parse('2026-12-06T10:00:00Z');
    expect(countdown('2026-12-07T13:00:00Z', now)).toBe('in 1 d 3 h');
    expect(countdown('2026-12-06T13:20:00Z', now)).toBe('in 3 h 20 min');
    expect(countdown('2026-12-06T10:00:30Z', now)).toBe('starting now');
    expect(countdown('2026-12-06T09:00:00Z', now)).toBeNull();
  });
});
