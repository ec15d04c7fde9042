import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors.js';
import {
  checkFoundOn,
  checkLocalDate,
  checkTimeZone,
  daysBetween,
  instantOfMove,
  localDateOf,
  mondayOf,
  startOfLocalDate,
} from '../../../src/core/hunt/dates.js';
import { studyDayOn } from '../../../src/core/review/study-day.js';

describe('local dates', () => {
  it('refuses a date that does not exist, naming the field', () => {
    expect(() => checkLocalDate('2026-02-30', 'dueOn')).toThrow(/^dueOn: '2026-02-30' is not a date/);
    expect(() => checkLocalDate('2026-13-01', 'foundOn')).toThrow(InvalidInputError);
    expect(() => checkLocalDate('26-1-1', 'on')).toThrow(InvalidInputError);
    expect(checkLocalDate('2028-02-29', 'on')).toBe('2028-02-29');
  });

  it('accepts exactly the dates the calendar has', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (date) => {
        const text = date.toISOString().slice(0, 10);
        expect(checkLocalDate(text, 'd')).toBe(text);
      }),
    );
  });

  it('reads an instant as the date of its time zone', () => {
    expect(localDateOf('2026-03-01T23:30:00Z', 'Europe/Berlin')).toBe('2026-03-02');
    expect(localDateOf('2026-03-01T03:00:00Z', 'America/New_York')).toBe('2026-02-28');
  });

  it('starts a local date where its study day starting at midnight starts, midnights that clocks skip included', () => {
    // São Paulo moved its clocks forward at midnight until 2019: 2018-11-04 began at 01:00.
    expect(startOfLocalDate('2018-11-04', 'America/Sao_Paulo')).toBe('2018-11-04T03:00:00.000Z');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/Sao_Paulo', 'America/Havana', 'Asia/Beirut', 'Australia/Lord_Howe'),
        (date, timeZone) => {
          const text = date.toISOString().slice(0, 10);
          expect(startOfLocalDate(text, timeZone)).toBe(studyDayOn(text, timeZone, 0).start);
        },
      ),
    );
  });

  it('finds the Monday of a week and counts days', () => {
    expect(mondayOf('2026-03-01')).toBe('2026-02-23'); // a Sunday
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3);
  });

  it('checks a time zone with Intl, naming timeZone', () => {
    expect(checkTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(/^timeZone: /);
  });
});

describe('when a move happened', () => {
  const now = '2026-03-10T09:00:00.000Z';
  const last = '2026-03-01T08:00:00.000Z';

  it('is now for today or no date, noon of a past local date otherwise', () => {
    expect(instantOfMove(undefined, now, 'Europe/Berlin', last)).toBe(now);
    expect(instantOfMove('2026-03-10', now, 'Europe/Berlin', last)).toBe(now);
    expect(instantOfMove('2026-03-05', now, 'Europe/Berlin', last)).toBe('2026-03-05T11:00:00.000Z');
    expect(localDateOf(instantOfMove('2026-03-05', now, 'Pacific/Kiritimati', last), 'Pacific/Kiritimati')).toBe('2026-03-05');
  });

  it('refuses a future date and one before the last move, naming `on`', () => {
    expect(() => instantOfMove('2026-03-11', now, 'Europe/Berlin', last)).toThrow(/^on: 2026-03-11 is in the future/);
    expect(() => instantOfMove('2026-02-28', now, 'Europe/Berlin', last)).toThrow(/^on: .* before the last move/);
    expect(() => instantOfMove('2026-02-30', now, 'Europe/Berlin', last)).toThrow(/^on: /);
  });

  it("says an add's future date is a stage's, and a move before the add alone is before it was added", () => {
    expect(() => instantOfMove('2026-03-11', now, 'Europe/Berlin', null, 'add')).toThrow(/future .*; give the day it entered that stage$/);
    expect(() => instantOfMove('2026-02-28', now, 'Europe/Berlin', last, 'after-add')).toThrow(/^on: 2026-02-28 is before it was added \(on /);
  });

  it('refuses an application found after today, or entering a stage before it was found', () => {
    expect(checkFoundOn('2026-03-10', '2026-03-10')).toBe('2026-03-10');
    expect(checkFoundOn('2026-03-01', '2026-03-10', { on: '2026-03-01', given: 'on' })).toBe('2026-03-01');
    expect(() => checkFoundOn('2026-03-11', '2026-03-10')).toThrow(/^foundOn: 2026-03-11 is in the future \(today is 2026-03-10\)/);
    expect(() => checkFoundOn('2026-03-05', '2026-03-10', { on: '2026-03-04', given: 'on' })).toThrow(
      /^on: 2026-03-04 is before the day it was found/,
    );
    // An edit of the date found names it, and the first stage of the history it would come after.
    expect(() => checkFoundOn('2026-03-05', '2026-03-10', { on: '2026-03-04', given: 'foundOn', stage: 'Applied' })).toThrow(
      /^foundOn: 2026-03-05 is after the day it entered Applied \(2026-03-04\)/,
    );
    expect(() => checkFoundOn('2026-02-30', '2026-03-10')).toThrow(/^foundOn: /);
  });

  it('never puts a move before the last one on the same day', () => {
    const lateLast = '2026-03-05T15:00:00.000Z';
    expect(instantOfMove('2026-03-05', now, 'Europe/Berlin', lateLast)).toBe(lateLast);
  });
});
