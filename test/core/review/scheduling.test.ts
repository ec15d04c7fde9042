import { describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, generatorParameters, GenSeedStrategyWithCardId, StrategyMode } from 'ts-fsrs';
import type { Card } from 'ts-fsrs';
import {
  newCardSchedule,
  retrievability,
  review,
  schedulerFor,
  stateName,
  type ReviewRating,
  type SchedulableCard,
} from '../../../src/core/review/scheduling.js';

const START = '2026-01-05T10:00:00.000Z';
const HOUR = 60 * 60 * 1000;

function at(ms: number): string {
  return new Date(ms).toISOString();
}

/** Reviews the card with each rating in turn, each answered when it falls due (at least an hour later). */
function runBoth(ratings: ReviewRating[], fuzz: boolean, id = 7) {
  const params = generatorParameters({ request_retention: 0.9, maximum_interval: 36500, enable_fuzz: fuzz });
  const reference = fsrs(params).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId('card_id'));
  const scheduler = schedulerFor({ fuzz });
  let theirs: Card & { card_id: number } = { ...createEmptyCard(new Date(START)), card_id: id };
  let ours: SchedulableCard = { id, ...newCardSchedule(START) };
  let now = Date.parse(START);
  for (const rating of ratings) {
    const expected = reference.next(theirs, new Date(now), rating);
    const got = review(ours, rating, at(now), scheduler);
    const c = expected.card;
    expect(got.card).toEqual({
      due: c.due.toISOString(),
      stability: c.stability,
      difficulty: c.difficulty,
      elapsedDays: c.elapsed_days,
      scheduledDays: c.scheduled_days,
      reps: c.reps,
      lapses: c.lapses,
      learningSteps: c.learning_steps,
      state: stateName(c.state),
      lastReview: c.last_review!.toISOString(),
    });
    const l = expected.log;
    expect(got.log).toEqual({
      rating: l.rating,
      reviewedAt: l.review.toISOString(),
      elapsedDays: l.elapsed_days,
      scheduledDays: l.scheduled_days,
      stability: l.stability,
      difficulty: l.difficulty,
      state: stateName(l.state),
      previous: { ...ours, id: undefined },
    });
    theirs = { ...c, card_id: id };
    ours = { id, ...got.card };
    now = Math.max(now + HOUR, Date.parse(got.card.due));
  }
  return ours;
}

describe('scheduling', () => {
  const ratings: ReviewRating[] = [3, 3, 3, 1, 3, 2, 4, 3, 1, 1, 3, 4, 3];

  it('gives exactly what ts-fsrs gives, card and log, over a sequence of ratings (fuzz off)', () => {
    const last = runBoth(ratings, false);
    expect(last.reps).toBe(ratings.length);
    expect(last.lapses).toBeGreaterThan(0);
  });

  it('gives exactly what ts-fsrs gives with fuzz seeded from the card id, reproducibly', () => {
    const a = runBoth(ratings, true, 7);
    const b = runBoth(ratings, true, 7);
    expect(a).toEqual(b);
  });

  it('keeps the card it is given unchanged and records its fields before the review', () => {
    const card: SchedulableCard = { id: 1, ...newCardSchedule(START) };
    const copy = structuredClone(card);
    const { log, card: next } = review(card, 3, START);
    expect(card).toEqual(copy);
    expect(log.previous).toEqual(newCardSchedule(START));
    expect(next.reps).toBe(1);
  });

  it('rejects a rating outside 1-4', () => {
    const card: SchedulableCard = { id: 1, ...newCardSchedule(START) };
    expect(() => review(card, 0 as ReviewRating, START)).toThrow(RangeError);
    expect(() => review(card, 5 as ReviewRating, START)).toThrow(RangeError);
  });

  it('gives retrievability as a number in 0..1 that decreases with time', () => {
    const card: SchedulableCard = { id: 3, ...newCardSchedule(START) };
    expect(retrievability(card, START)).toBe(0);
    let current = card;
    let now = Date.parse(START);
    for (const rating of [3, 3, 3] as ReviewRating[]) {
      current = { id: 3, ...review(current, rating, at(now)).card };
      now = Math.max(now + HOUR, Date.parse(current.due));
    }
    const values = [1, 5, 30, 365].map((days) => retrievability(current, at(Date.parse(current.lastReview!) + days * 24 * HOUR)));
    for (const value of values) {
      expect(typeof value).toBe('number');
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeLessThan(values[i - 1]!);
  });
});
