import { describe, expect, it } from 'vitest';
import {
  computeReviewStats,
  dueForecast,
  reviewsByDay,
  sectionMemory,
  statsWindows,
  studyDays,
  trueRetention,
  type MemoryCard,
  type MemoryInput,
} from '../../../src/core/review/stats.js';
import { newCardSchedule, retrievability, review, schedulerFor } from '../../../src/core/review/scheduling.js';
import { countsByStudyDate, studyDay, type StudyDay } from '../../../src/core/review/study-day.js';

const DAY = 24 * 60 * 60 * 1000;
const at = (ms: number) => new Date(ms).toISOString();

/** Counts each time in the day whose range holds it, as the store's range counts do. */
function countIn(days: StudyDay[], times: string[]): number[] {
  return days.map((day) => times.filter((t) => t >= day.start && t < day.end).length);
}

describe('reviews per study day', () => {
  it('a study day runs from the day-start hour in the time zone to the next, 23 hours across the spring clock change', () => {
    const days = studyDays('2026-03-06', 3, { timeZone: 'America/New_York', dayStartsAt: 4 });
    expect(days).toEqual([
      { date: '2026-03-06', start: '2026-03-06T09:00:00.000Z', end: '2026-03-07T09:00:00.000Z' },
      { date: '2026-03-07', start: '2026-03-07T09:00:00.000Z', end: '2026-03-08T08:00:00.000Z' },
      { date: '2026-03-08', start: '2026-03-08T08:00:00.000Z', end: '2026-03-09T08:00:00.000Z' },
    ]);
    const times = [
      '2026-03-07T08:59:00.000Z', // 03:59 EST: still the 6th
      '2026-03-07T09:00:00.000Z', // 04:00 EST: the 7th
      '2026-03-08T04:30:00.000Z', // 23:30 EST on the 7th, a UTC day later
      '2026-03-08T07:59:00.000Z', // 03:59 EDT (clocks went forward at 2:00): still the 7th
      '2026-03-08T08:00:00.000Z', // 04:00 EDT: the 8th
    ];
    expect(reviewsByDay(days, countIn(days, times))).toEqual([
      { date: '2026-03-06', count: 1 },
      { date: '2026-03-07', count: 3 },
      { date: '2026-03-08', count: 1 },
    ]);
  });

  it('in a zone half an hour off UTC the day turns at the half hour; days without reviews are left out', () => {
    const days = studyDays('2026-04-30', 3, { timeZone: 'Asia/Kolkata', dayStartsAt: 0 });
    expect(days[2]).toEqual({ date: '2026-05-02', start: '2026-05-01T18:30:00.000Z', end: '2026-05-02T18:30:00.000Z' });
    const times = ['2026-05-01T18:29:59.999Z', '2026-05-01T18:30:00.000Z', '2026-05-01T20:00:00.000Z'];
    expect(reviewsByDay(days, countIn(days, times))).toEqual([
      { date: '2026-05-01', count: 1 },
      { date: '2026-05-02', count: 2 },
    ]);
  });
});

describe('due forecast', () => {
  const calendar = { timeZone: 'UTC', dayStartsAt: 4 };
  const today = studyDay('2026-05-10T12:00:00.000Z', 'UTC', 4);

  it('lists 30 study days from today, zeros included, overdue cards counted today', () => {
    const { forecast: days } = statsWindows(today, calendar);
    const due = [
      '2026-05-10T20:00:00.000Z',
      '2026-05-11T03:59:00.000Z', // before 04:00: still today
      '2026-05-11T04:00:00.000Z',
      '2026-05-11T05:00:00.000Z',
      '2026-06-08T12:00:00.000Z', // the 30th day
      '2026-06-09T12:00:00.000Z', // past it: not counted
    ];
    const forecast = dueForecast(days, countIn(days, due), 3);
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ date: '2026-05-10', count: 5 });
    expect(forecast[1]).toEqual({ date: '2026-05-11', count: 2 });
    expect(forecast[29]).toEqual({ date: '2026-06-08', count: 1 });
    expect(forecast.slice(2, 29).every((day) => day.count === 0)).toBe(true);
  });

  it('opens its windows at study-day boundaries: a year and a day of heatmap, 30 days of forecast and of retention', () => {
    const windows = statsWindows(today, calendar);
    expect(windows.heatmap).toHaveLength(366);
    expect(windows.heatmap[0]!.start).toBe('2025-05-10T04:00:00.000Z');
    expect(windows.heatmap.at(-1)).toEqual(today);
    expect(windows.forecast[0]).toEqual(today);
    expect(windows.forecast.at(-1)!.end).toBe('2026-06-09T04:00:00.000Z');
    expect(windows.retentionSince).toBe('2026-04-11T04:00:00.000Z');
  });
});

describe('true retention', () => {
  it('counts only reviews of cards in review state; Hard, Good and Easy pass', () => {
    expect(
      trueRetention([
        { state: 'review', rating: 1, count: 2 },
        { state: 'review', rating: 2, count: 1 },
        { state: 'review', rating: 3, count: 5 },
        { state: 'learning', rating: 1, count: 4 },
        { state: 'new', rating: 3, count: 3 },
        { state: 'relearning', rating: 3, count: 2 },
      ]),
    ).toEqual({ days: 30, reviews: 8, passed: 6, rate: 0.75 });
  });

  it('has no rate without reviews of cards in review state', () => {
    expect(trueRetention([{ state: 'new', rating: 3, count: 3 }])).toEqual({ days: 30, reviews: 0, passed: 0, rate: null });
  });
});

describe('predicted recall per section', () => {
  const NOW = '2026-05-10T12:00:00.000Z';
  const scheduler = schedulerFor({ fuzz: false });
  /** A card answered Easy when new (so in review at once), `daysAgo` days before NOW. */
  function reviewed(id: number, sectionKey: string, daysAgo: number): MemoryCard {
    const start = Date.parse(NOW) - daysAgo * DAY;
    const { card } = review({ id, ...newCardSchedule(at(start)) }, 4, at(start), scheduler);
    return { id, sectionKey, ...card };
  }
  const sections: MemoryInput['sections'] = [
    { id: 4, parentId: 1, pathKey: 'sql', text: 'SQL', position: 2 },
    { id: 3, parentId: 2, pathKey: 'python / async', text: 'Async', position: 0 },
    { id: 1, parentId: null, pathKey: '', text: '', position: 0 },
    { id: 5, parentId: 1, pathKey: 'empty', text: 'Empty', position: 3 },
    { id: 2, parentId: 1, pathKey: 'python', text: 'Python', position: 1 },
  ];

  it('rolls a card up into its section and every section above it; a section with nothing reviewed has no recall', () => {
    const older = reviewed(10, 'python', 20);
    const fresh = reviewed(11, 'python / async', 0);
    const rOlder = retrievability(older, NOW, scheduler);
    const rFresh = retrievability(fresh, NOW, scheduler);
    expect(rOlder).toBeLessThan(rFresh);
    const memory = sectionMemory({
      sections,
      unreviewed: [
        { sectionKey: 'sql', count: 2 },
        { sectionKey: 'python / async', count: 1 },
      ],
      reviewed: [older, fresh, reviewed(12, '', 1), reviewed(13, 'a section gone since', 1)],
      now: NOW,
      scheduler,
    });
    expect(memory.sections).toEqual([
      { id: 2, text: 'Python', depth: 1, reviewed: 2, cards: 3, retrievability: (rOlder + rFresh) / 2 },
      { id: 3, text: 'Async', depth: 2, reviewed: 1, cards: 2, retrievability: rFresh },
      { id: 4, text: 'SQL', depth: 1, reviewed: 0, cards: 2, retrievability: null },
      { id: 5, text: 'Empty', depth: 1, reviewed: 0, cards: 0, retrievability: null },
    ]);
    // Cards in the root section and in one no longer there count overall.
    expect(memory.overall.reviewed).toBe(4);
    expect(memory.overall.cards).toBe(7);
    expect(memory.overall.retrievability).toBeGreaterThan(0);
    expect(memory.overall.retrievability).toBeLessThanOrEqual(1);
  });

  it('falls as time passes since the last review', () => {
    const card = reviewed(10, 'python', 0);
    const input = { sections, unreviewed: [], reviewed: [card], scheduler };
    const now = sectionMemory({ ...input, now: NOW }).sections[0]!.retrievability!;
    const later = sectionMemory({ ...input, now: at(Date.parse(NOW) + 30 * DAY) }).sections[0]!.retrievability!;
    expect(now).toBe(1);
    expect(later).toBeLessThan(now);
  });

  it('with nothing reviewed at all, overall recall is null and every day of the forecast is zero', () => {
    const today = studyDay(NOW, 'UTC', 4);
    const stats = computeReviewStats({
      checklist: 'prep',
      now: NOW,
      windows: statsWindows(today, { timeZone: 'UTC', dayStartsAt: 4 }),
      reviewCounts: [],
      dueCounts: [],
      overdue: 0,
      ratings: [],
      sections,
      unreviewed: [{ sectionKey: 'python', count: 4 }],
      reviewed: [],
    });
    expect(stats).toMatchObject({
      checklist: 'prep',
      reviewsByDay: [],
      trueRetention: { days: 30, reviews: 0, passed: 0, rate: null },
      overall: { reviewed: 0, cards: 4, retrievability: null },
    });
    expect(stats.forecast).toHaveLength(30);
    expect(stats.forecast.every((d) => d.count === 0)).toBe(true);
    expect(stats.sections.map((s) => s.retrievability)).toEqual([null, null, null, null]);
  });
});

describe('changes per study day (the dashboard activity)', () => {
  it('adds up counts per study date in the time zone, a zone half an hour off UTC included', () => {
    // Kolkata is UTC+5:30; a study day starts there at 04:00, which is 22:30 UTC the day before.
    const counts = [
      { at: '2026-11-20T22:29:00.000Z', count: 2 }, // 03:59 on the 21st in Kolkata: still the 20th's study day
      { at: '2026-11-20T22:30:00.000Z', count: 1 }, // 04:00: the 21st
      { at: '2026-11-21T10:00:00.000Z', count: 4 },
      { at: '2026-11-19T12:00:00.000Z', count: 3 },
    ];
    expect(countsByStudyDate(counts, 'Asia/Kolkata', 4)).toEqual([
      { date: '2026-11-19', count: 3 },
      { date: '2026-11-20', count: 2 },
      { date: '2026-11-21', count: 5 },
    ]);
    expect(countsByStudyDate(counts, 'UTC', 0)).toEqual([
      { date: '2026-11-19', count: 3 },
      { date: '2026-11-20', count: 3 },
      { date: '2026-11-21', count: 4 },
    ]);
  });
});
