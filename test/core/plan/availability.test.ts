import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors.js';
import fc from 'fast-check';
import { WEEKDAYS } from '../../../src/contract/vocabulary.js';
import { daysBetween } from '../../../src/core/dates.js';
import { dayFinished, inDaysText, leftOutNote, minutesBehind, minutesByDate, studyTime, todayLine } from '../../../src/core/plan/progress.js';
import {
  availableDays,
  DEFAULT_COSTS,
  effectiveCosts,
  MIN_LOGGED_ANSWERS,
  parseWeekdays,
  weekdaysText,
  whyNoStudy,
} from '../../../src/core/plan/availability.js';

describe('study availability', () => {
  it('gives minutes on the weekdays one studies and none on days off', () => {
    // 2026-12-05 is a Saturday.
    const days = availableDays('2026-12-05', 9, { minutesPerDay: 45, weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], daysOff: ['2026-12-08'] });
    expect(days.map((d) => `${d.date}:${d.minutes}`)).toEqual([
      '2026-12-05:0',
      '2026-12-06:0',
      '2026-12-07:45',
      '2026-12-08:0',
      '2026-12-09:45',
      '2026-12-10:45',
      '2026-12-11:45',
      '2026-12-12:0',
      '2026-12-13:0',
    ]);
  });

  it('tells a rest day (a weekday one does not study) from a day off (a date set off, even on a rest day)', () => {
    const availability = { minutesPerDay: 45, weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, daysOff: ['2026-12-08', '2026-12-12'] };
    expect(['2026-12-07', '2026-12-08', '2026-12-12', '2026-12-13'].map((date) => whyNoStudy(date, availability))).toEqual([
      null,
      'day-off',
      'day-off',
      'weekday',
    ]);
  });

  it('reads the weekdays as people type them', () => {
    expect(parseWeekdays('mon-fri')).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(parseWeekdays('Mon, Wed,friday')).toEqual(['mon', 'wed', 'fri']);
    expect(parseWeekdays('fri-mon')).toEqual(['mon', 'fri', 'sat', 'sun']);
    expect(parseWeekdays('weekends')).toEqual(['sat', 'sun']);
    expect(parseWeekdays('all')).toHaveLength(7);
    for (const bad of ['', 'funday', 'mo', 'mon-tue-wed', 'monx']) {
      expect(() => parseWeekdays(bad)).toThrow(InvalidInputError);
    }
    expect(() => parseWeekdays('funday', 'weekdays')).toThrow(/^weekdays: 'funday' is not a day of the week/);
  });

  it('writes the weekdays in runs, as --days reads them back', () => {
    expect(weekdaysText(['mon', 'tue', 'wed', 'thu', 'fri'])).toBe('mon-fri');
    expect(weekdaysText(['fri', 'mon', 'wed'])).toBe('mon,wed,fri');
    expect(weekdaysText(['mon', 'tue', 'wed', 'fri'])).toBe('mon-wed,fri');
    expect(weekdaysText(['sat', 'sun'])).toBe('sat-sun');
    expect(weekdaysText([...WEEKDAYS])).toBe('mon-sun');
    fc.assert(
      fc.property(fc.subarray([...WEEKDAYS], { minLength: 1 }), (days) => {
        expect(parseWeekdays(weekdaysText(days))).toEqual(days);
      }),
    );
  });

  it('says the study time with the same words for the weekdays', () => {
    expect(studyTime({ minutesPerDay: 60, weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] })).toBe('60 minutes on mon-fri');
    expect(studyTime({ minutesPerDay: 30, weekdays: ['mon', 'tue', 'thu'] })).toBe('30 minutes on mon-tue,thu');
    expect(studyTime({ minutesPerDay: 20, weekdays: [...WEEKDAYS] })).toBe('20 minutes a day');
  });
});

describe('how far a target is', () => {
  it('counts whole days between local dates, whatever the time of day, in the words every face shows', () => {
    expect(daysBetween('2026-12-06', '2026-12-20')).toBe(14);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    // Over a change of the clocks (Europe, 2027-03-28) a day is still a day.
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect([0, 1, 2, 14].map(inDaysText)).toEqual(['today', 'tomorrow', 'in 2 days', 'in 14 days']);
  });
});

describe('time costs', () => {
  const none = { learnTopicMinutes: null, reviewTopicSeconds: null, reviewQaSeconds: null };

  it('takes defaults until the log holds enough timed answers of a kind, then its median', () => {
    const few = Array.from({ length: MIN_LOGGED_ANSWERS - 1 }, () => 30_000);
    expect(effectiveCosts(none, { topic: few, qa: [] }).reviewTopicSeconds).toEqual({ value: DEFAULT_COSTS.reviewTopicSeconds, source: 'default' });
    const topic = [...few, 90_000, 0, 0]; // untimed answers (0) are not counted
    expect(effectiveCosts(none, { topic, qa: [] }).reviewTopicSeconds).toEqual({ value: 30, source: 'log' });
    const qa = Array.from({ length: 40 }, (_, i) => (i + 1) * 1000);
    expect(effectiveCosts(none, { topic: [], qa }).reviewQaSeconds).toEqual({ value: 20.5, source: 'log' });
  });

  it("prefers the user's own figure, and learning a topic is never read from the log", () => {
    const costs = effectiveCosts({ learnTopicMinutes: 35, reviewTopicSeconds: null, reviewQaSeconds: 12 }, { topic: [], qa: Array(50).fill(5000) });
    expect(costs.learnTopicMinutes).toEqual({ value: 35, source: 'yours' });
    expect(costs.reviewQaSeconds).toEqual({ value: 12, source: 'yours' });
    expect(effectiveCosts(none, { topic: [], qa: [] }).learnTopicMinutes).toEqual({ value: DEFAULT_COSTS.learnTopicMinutes, source: 'default' });
  });
});

describe('how the plan is going', () => {
  it('adds up minutes per study day, an untimed answer at its cost, a forgotten one capped', () => {
    const answers = [
      { at: '2026-12-05T09:00:00Z', durationMs: 90_000, fallbackMinutes: 1 },
      { at: '2026-12-05T09:05:00Z', durationMs: null, fallbackMinutes: 1 },
      { at: '2026-12-05T22:30:00Z', durationMs: 3_600_000, fallbackMinutes: 1 }, // 23:30 in Berlin, left open an hour
      { at: '2026-12-06T02:00:00Z', durationMs: 60_000, fallbackMinutes: 1 }, // 03:00 Berlin: before a 04:00 day start
    ];
    expect([...minutesByDate(answers, 'Europe/Berlin', 4)]).toEqual([['2026-12-05', 18.5]]);
  });

  it('says how many planned minutes were not studied since an earlier plan', () => {
    const plan = { date: '2026-12-03', minutes: { '2026-12-03': 40, '2026-12-04': 40, '2026-12-05': 40 } };
    expect(
      minutesBehind(
        plan,
        new Map([
          ['2026-12-03', 40],
          ['2026-12-04', 5],
        ]),
        '2026-12-05',
      ),
    ).toBe(35);
    expect(minutesBehind(plan, new Map([['2026-12-03', 90]]), '2026-12-05')).toBe(0);
    expect(minutesBehind(plan, new Map(), '2026-12-03')).toBe(0);
  });

  it('leads with today’s work and the target it serves', () => {
    const acme = { label: 'Acme onsite', daysLeft: 9 };
    expect(todayLine({ reviews: 12, newTopics: 2, minutes: 40.2, done: 0, items: 14 }, acme, null)).toBe(
      'Today: 12 reviews and 2 new topics, about 40 minutes, for Acme onsite in 9 days.',
    );
    expect(todayLine({ reviews: 1, newTopics: 0, minutes: 1, done: 0, items: 1 }, { label: 'Acme', daysLeft: 1 }, null)).toBe(
      'Today: 1 review, about 1 minute, for Acme tomorrow.',
    );
    expect(todayLine({ reviews: 1, newTopics: 0, minutes: 1, done: 0, items: 1 }, { label: 'Acme', daysLeft: 0 }, null)).toBe(
      'Today: 1 review, about 1 minute, for Acme today.',
    );
    expect(todayLine({ reviews: 3, newTopics: 0, minutes: 3, done: 3, items: 3 }, acme, null)).toBe(
      "Today's plan is done: 3 items, for Acme onsite in 9 days.",
    );
    expect(todayLine({ reviews: 0, newTopics: 0, minutes: 0, done: 0, items: 0 }, acme, '2026-12-07')).toBe(
      'No study planned today, for Acme onsite in 9 days; next study day 2026-12-07.',
    );
  });

  it('says how many new cards the minutes leave out, in the words of the study time', () => {
    const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
    expect(leftOutNote({ minutesPerDay: 20, weekdays: [...weekdays, 'sat', 'sun'] }, 189, 49)).toBe(
      'with 20 minutes a day, 140 of 189 new cards can be learned by then; these 49 are left out',
    );
    expect(leftOutNote({ minutesPerDay: 60, weekdays }, 10, 3)).toBe(
      'with 60 minutes on mon-fri, 7 of 10 new cards can be learned by then; these 3 are left out',
    );
    expect(leftOutNote({ minutesPerDay: 30, weekdays: ['mon', 'wed', 'fri'] }, 10, 1)).toMatch(/^with 30 minutes on mon,wed,fri, /);
    expect(leftOutNote({ minutesPerDay: 60, weekdays }, 10, 0)).toBeNull();
  });

  it('calls a day finished once every item of its list was studied, and an empty list never finished', () => {
    const items = [{ cardId: 1 }, { cardId: 2 }];
    expect(dayFinished(items, new Set([1, 2, 7]))).toBe(true);
    expect(dayFinished(items, new Set([1]))).toBe(false);
    expect(dayFinished([], new Set([1]))).toBe(false);
  });
});
