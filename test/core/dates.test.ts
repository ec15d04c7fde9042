// The one count of days between calendar dates the core shares: the hunt's deadlines, a plan's "in 9 days" and the
// optimizer's days between reviews all count as a calendar does, across months, years, leap days and clock changes.
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/core/dates.js';
import { daysBetween as huntDaysBetween } from '../../src/core/hunt/dates.js';
import { trainingItems } from '../../src/core/review/optimizer-items.js';

describe('days between calendar dates', () => {
  it('counts whole days as a calendar does, negative backwards', () => {
    expect(daysBetween('2026-12-05', '2026-12-05')).toBe(0);
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2028-02-27', '2028-03-02')).toBe(4);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3);
    // A date a clock change falls on is a day like another (Europe's, 2027-03-28).
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
  });

  it('is the count the hunt and the optimizer use', () => {
    expect(huntDaysBetween).toBe(daysBetween);
    // Two reviews of a card on study dates three days apart (UTC, a day starting at midnight): a deltaT of 3.
    const { items } = trainingItems(
      [
        { cardId: 1, rating: 3, reviewedAt: '2026-02-27T10:00:00.000Z', state: 'new' },
        { cardId: 1, rating: 3, reviewedAt: '2026-03-02T09:00:00.000Z', state: 'review' },
      ],
      'UTC',
      0,
    );
    expect(items).toEqual([
      {
        cardId: 1,
        reviews: [
          { rating: 3, deltaT: 0 },
          { rating: 3, deltaT: 3 },
        ],
      },
    ]);
  });
});
