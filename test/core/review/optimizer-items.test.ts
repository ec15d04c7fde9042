// Turning a review log into what the FSRS optimizer trains on: study days, histories, and what it will keep.
import { describe, expect, it } from 'vitest';
import { MIN_TRAINING_ITEMS, trainingItems, usableItems, type ReviewLogEntry, type TrainingItem } from '../../../src/core/review/optimizer-items.js';
import type { FsrsState, ReviewRating } from '../../../src/core/review/scheduling.js';

const HOUR = 60 * 60 * 1000;

/** A card's reviews: [rating, hours after `start`], the first one of a new card. */
function card(cardId: number, start: string, reviews: Array<[ReviewRating, number]>, firstState: FsrsState = 'new'): ReviewLogEntry[] {
  return reviews.map(([rating, hours], i) => ({
    cardId,
    rating,
    reviewedAt: new Date(Date.parse(start) + hours * HOUR).toISOString(),
    state: i === 0 ? firstState : 'review',
  }));
}

const shape = (items: TrainingItem[]) => items.map((item) => ({ card: item.cardId, reviews: item.reviews.map((r) => `${r.rating}@${r.deltaT}`) }));

/** `count` cards rated `first`, then reviewed `days` later (every fifth forgotten), and again `later` days after that. */
function cohort(firstId: number, count: number, first: ReviewRating, days: number, later?: number): TrainingItem[] {
  return Array.from({ length: count }, (_, i) => ({
    cardId: firstId + i,
    reviews: [
      { rating: first, deltaT: 0 },
      { rating: i % 5 === 0 ? 1 : 3, deltaT: days },
      ...(later !== undefined ? [{ rating: 3 as ReviewRating, deltaT: later }] : []),
    ],
  }));
}

describe('training items from a review log', () => {
  it("counts days between reviews as the user's study days: a late-night review belongs to the day before", () => {
    // Berlin is UTC+1 in March; the study day starts at 04:00 there.
    const log = card(1, '2026-03-01T21:00:00.000Z', [
      [3, 0], // Sun 22:00 Berlin: study day Mar 1
      [3, 5], // Mon 03:00 Berlin: still Mar 1, same study day
      [3, 6.5], // Mon 04:30 Berlin: Mar 2
      [1, 6.5 + 3 * 24], // Thu 04:30: Mar 5
    ]);
    const set = trainingItems(log, 'Europe/Berlin', 4);
    expect(shape(set.items)).toEqual([
      { card: 1, reviews: ['3@0', '3@0', '3@1'] },
      { card: 1, reviews: ['3@0', '3@0', '3@1', '1@3'] },
    ]);
    // The same instants in UTC with days starting at midnight: 21:00, 02:00 (next day), 03:30.
    expect(shape(trainingItems(log, 'UTC', 0).items)).toEqual([
      { card: 1, reviews: ['3@0', '3@1'] },
      { card: 1, reviews: ['3@0', '3@1', '3@0', '1@3'] },
    ]);
  });

  it("leaves out each card's first review and reviews on the same study day, keeping them in the history", () => {
    const log = card(1, '2026-01-05T09:00:00.000Z', [
      [1, 0],
      [3, 0.02], // learning steps, minutes apart
      [3, 0.2],
      [3, 24],
      [1, 24 + 5 * 24],
      [3, 24 + 5 * 24 + 0.2], // relearning, same day
      [3, 24 + 6 * 24],
    ]);
    const set = trainingItems(log, 'UTC', 4);
    expect(set.reviews).toBe(7);
    expect(shape(set.items)).toEqual([
      { card: 1, reviews: ['1@0', '3@0', '3@0', '3@1'] },
      { card: 1, reviews: ['1@0', '3@0', '3@0', '3@1', '1@5'] },
      { card: 1, reviews: ['1@0', '3@0', '3@0', '3@1', '1@5', '3@0', '3@1'] },
    ]);
    expect(trainingItems(card(2, '2026-01-05T09:00:00.000Z', [[3, 0]]), 'UTC', 4).items).toEqual([]);
  });

  it('orders items by when their review happened, whatever the order of the rows', () => {
    const log = [
      ...card(1, '2026-01-05T09:00:00.000Z', [
        [3, 0],
        [3, 48],
        [3, 240],
      ]),
      ...card(2, '2026-01-06T09:00:00.000Z', [
        [4, 0],
        [3, 24],
        [3, 120],
      ]),
    ];
    const reversed = trainingItems([...log].reverse(), 'UTC', 4);
    expect(shape(reversed.items)).toEqual(shape(trainingItems(log, 'UTC', 4).items));
    expect(reversed.items.map((i) => `${i.cardId}:${i.reviews.length}`)).toEqual(['1:2', '2:2', '2:3', '1:3']);
  });

  it("starts a card's history at its last review as a new card, and leaves out a card whose start is unknown", () => {
    const reset = [
      ...card(1, '2026-01-05T09:00:00.000Z', [
        [1, 0],
        [1, 24],
      ]),
      ...card(1, '2026-02-05T09:00:00.000Z', [
        [4, 0],
        [3, 72],
      ]),
    ];
    expect(shape(trainingItems(reset, 'UTC', 4).items)).toEqual([{ card: 1, reviews: ['4@0', '3@3'] }]);
    expect(
      trainingItems(
        card(
          2,
          '2026-01-05T09:00:00.000Z',
          [
            [3, 0],
            [3, 48],
          ],
          'review',
        ),
        'UTC',
        4,
      ).items,
    ).toEqual([]);
  });
});

describe('what the optimizer keeps', () => {
  it('sets aside first intervals fewer than 20 cards of the same first rating share, and the later reviews of those cards', () => {
    const rare = cohort(1, 19, 3, 1, 3);
    expect(usableItems(rare.flatMap(expand)).items).toEqual([]);
    const common = cohort(100, 20, 3, 1, 3);
    const kept = usableItems(common.flatMap(expand));
    expect(kept.items).toHaveLength(40);
    expect(kept.firstIntervals).toBe(20);
    // Each first rating is counted on its own: 19 cards rated Easy first are still too few.
    expect(usableItems([...common, ...cohort(200, 19, 4, 1)].flatMap(expand)).items).toHaveLength(40);
  });

  it('sets aside the rarest intervals first, then keeps those at least 6 cards share, up to 100 days (365 after Easy)', () => {
    const items = [
      // The three rarest (15 cards) are set aside to reach 20; the fourth would be kept but for its 5 cards.
      ...cohort(1, 5, 3, 1),
      ...cohort(10, 5, 3, 2),
      ...cohort(20, 5, 3, 3),
      ...cohort(30, 5, 3, 5),
      ...cohort(100, 30, 3, 4),
      ...cohort(200, 40, 3, 101), // too long a first interval after Good...
      ...cohort(300, 25, 4, 101), // ...but not after Easy
    ];
    const kept = usableItems(items);
    const intervals = new Set(kept.items.map((i) => `${i.reviews[0]!.rating}:${i.reviews[1]!.deltaT}`));
    expect([...intervals].sort()).toEqual(['3:4', '4:101']);
  });

  it(`is enough with ${MIN_TRAINING_ITEMS} usable items, some past a card's first interval; otherwise says how many more`, () => {
    const toLog = (items: TrainingItem[]) =>
      items.flatMap((item) => {
        let hours = 0;
        return card(
          item.cardId,
          '2026-01-05T09:00:00.000Z',
          item.reviews.map((r) => [r.rating, (hours += r.deltaT * 24)] as [ReviewRating, number]),
        );
      });
    const small = trainingItems(toLog(cohort(1, 30, 3, 2, 4)), 'UTC', 4);
    expect(small).toMatchObject({ reviews: 90, usable: 60, enough: false, needed: 4 });
    expect(small.items).toHaveLength(60);
    const firstsOnly = trainingItems(toLog(cohort(1, 70, 3, 2)), 'UTC', 4);
    expect(firstsOnly).toMatchObject({ usable: 70, enough: false, needed: 1 });
    const enough = trainingItems(toLog(cohort(1, 32, 3, 2, 4)), 'UTC', 4);
    expect(enough).toMatchObject({ usable: 64, enough: true, needed: 0 });
    expect(trainingItems([], 'UTC', 4)).toMatchObject({ reviews: 0, items: [], usable: 0, enough: false, needed: MIN_TRAINING_ITEMS });
  });
});

/** A card's items: one per review from the second on, each with the history before it. */
function expand(item: TrainingItem): TrainingItem[] {
  return item.reviews.slice(1).map((_, i) => ({ cardId: item.cardId, reviews: item.reviews.slice(0, i + 2) }));
}
