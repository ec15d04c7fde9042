import { describe, expect, it } from 'vitest';
import {
  buildQueue,
  countQueue,
  LEARN_AHEAD_MS,
  nextStudyTime,
  orderQueue,
  queueRequest,
  runOnCards,
  type QueueCard,
  type QueuePolicy,
  type QueueRead,
  type QueueRequest,
} from '../../../src/core/review/queue.js';
import type { FsrsState } from '../../../src/core/review/scheduling.js';

const NOW = '2026-03-02T09:00:00.000Z';
const DAY_END = '2026-03-03T04:00:00.000Z';
const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * MINUTE).toISOString();

let nextId = 1;
const card = (state: FsrsState, dueInMinutes: number, id = nextId++): QueueCard => ({ id, state, due: at(dueInMinutes) });

const request = (overrides: Partial<QueueRequest> = {}): QueueRequest => ({
  now: NOW,
  learnAheadUntil: at(20),
  dayEnd: DAY_END,
  newLimit: 20,
  reviewLimit: 200,
  limit: 50,
  ...overrides,
});

const ids = (cards: readonly QueueCard[]) => cards.map((c) => c.id);

/** Runs a policy on cards in memory, keeping every read it made. */
function withReads<R>(policy: QueuePolicy<R>, cards: readonly QueueCard[]): { result: R; reads: QueueRead[] } {
  const reads: QueueRead[] = [];
  function* spy(): QueuePolicy<R> {
    for (let step = policy.next(); ;) {
      if (step.done) return step.value;
      reads.push(step.value);
      step = policy.next(yield step.value);
    }
  }
  return { result: runOnCards(spy(), cards), reads };
}

describe('the queue order', () => {
  it('puts learning cards due first (most overdue first, both learning states merged), then reviews due today, then new cards in the order they were made', () => {
    const cards = [
      card('new', -600, 30),
      card('review', -60, 20),
      card('relearning', -5, 11),
      card('new', -600, 31),
      card('learning', -10, 10),
      card('review', -120, 21),
      card('learning', -5, 12),
    ];
    expect(ids(runOnCards(orderQueue(request()), cards))).toEqual([10, 11, 12, 21, 20, 30, 31]);
  });

  it('leaves out reviews due after today and learning cards not yet due while others wait', () => {
    const cards = [card('review', 24 * 60, 1), card('learning', 5, 2), card('new', -1, 3)];
    expect(ids(runOnCards(orderQueue(request()), cards))).toEqual([3]);
  });

  it('holds to the daily limits of new cards and reviews, and to the number of cards asked for', () => {
    const cards = [card('learning', -3, 1), card('review', -2, 2), card('review', -1, 3), card('new', -9, 4), card('new', -8, 5)];
    expect(ids(runOnCards(orderQueue(request({ reviewLimit: 1, newLimit: 1 })), cards))).toEqual([1, 2, 4]);
    expect(ids(runOnCards(orderQueue(request({ reviewLimit: 0, newLimit: 0 })), cards))).toEqual([1]);
    expect(ids(runOnCards(orderQueue(request({ limit: 2 })), cards))).toEqual([1, 2]);
  });

  it('learns ahead only when nothing else is left: learning cards due within the learn-ahead limit, soonest first', () => {
    const ahead = [card('relearning', 15, 1), card('learning', 5, 2), card('learning', 25, 3)];
    expect(ids(runOnCards(orderQueue(request()), ahead))).toEqual([2, 1]);
    expect(ids(runOnCards(orderQueue(request()), [...ahead, card('new', 0, 4)]))).toEqual([4]);
    // A spent new limit leaves nothing else: learning ahead again.
    expect(ids(runOnCards(orderQueue(request({ newLimit: 0 })), [...ahead, card('new', 0, 4)]))).toEqual([2, 1]);
  });

  it('introduces the topics one marked known after every other new card, within the same daily limit', () => {
    const known = (dueInMinutes: number, id: number): QueueCard => ({ ...card('new', dueInMinutes, id), knownTopic: true });
    // Made in file order: a known topic first, then two not known, another known, and a question card.
    const cards = [known(-900, 1), card('new', -800, 2), card('new', -700, 3), known(-600, 4), card('new', -500, 5), card('review', -1, 9)];
    expect(ids(runOnCards(orderQueue(request()), cards))).toEqual([9, 2, 3, 5, 1, 4]);
    // The limit goes to what is not known first; what is left of it, to known topics in their order.
    expect(ids(runOnCards(orderQueue(request({ newLimit: 2 })), cards))).toEqual([9, 2, 3]);
    expect(ids(runOnCards(orderQueue(request({ newLimit: 4 })), cards))).toEqual([9, 2, 3, 5, 1]);
    // With only known topics left they come, in their order; the counts are the same whatever the order.
    expect(ids(runOnCards(orderQueue(request()), [known(-2, 7), known(-3, 6)]))).toEqual([6, 7]);
    expect(runOnCards(countQueue(request({ newLimit: 4 })), cards)).toMatchObject({ new: 4 });
    // The store is asked for each kind on its own, each read sized by the room left.
    const { reads } = withReads(orderQueue(request({ newLimit: 4 })), cards);
    expect(reads.filter((r) => r.state === 'new')).toEqual([
      { read: 'cards', state: 'new', due: {}, limit: 4, knownTopic: false },
      { read: 'cards', state: 'new', due: {}, limit: 1, knownTopic: true },
    ]);
  });

  it('reads no further than it can use: one learning card due fills a queue of one, and nothing else is read', () => {
    const cards = [card('learning', -1, 1), card('review', -1, 2), card('new', -1, 3)];
    const { result, reads } = withReads(orderQueue(request({ limit: 1 })), cards);
    expect(ids(result)).toEqual([1]);
    expect(reads).toEqual([
      { read: 'cards', state: 'learning', due: { until: NOW }, limit: 1 },
      { read: 'cards', state: 'relearning', due: { until: NOW }, limit: 1 },
    ]);
    // Reviews are read only up to the room left and the limit, and a spent limit reads nothing.
    const { reads: more } = withReads(orderQueue(request({ limit: 5, reviewLimit: 3, newLimit: 0 })), cards);
    expect(more.slice(2)).toEqual([{ read: 'cards', state: 'review', due: { before: DAY_END }, limit: 3 }]);
  });
});

describe('the queue counts', () => {
  it('counts learning cards due now or within the learn-ahead limit, and reviews and new cards up to their limits', () => {
    const cards = [
      card('learning', -5),
      card('relearning', 10),
      card('learning', 30),
      card('review', -60),
      card('review', -30),
      card('review', 24 * 60),
      card('new', 0),
      card('new', 0),
      card('new', 0),
    ];
    expect(runOnCards(countQueue(request()), cards)).toEqual({ learning: 2, review: 2, new: 3 });
    expect(runOnCards(countQueue(request({ reviewLimit: 1, newLimit: 2 })), cards)).toEqual({ learning: 2, review: 1, new: 2 });
    expect(runOnCards(countQueue(request({ learnAheadUntil: NOW, reviewLimit: 0, newLimit: 0 })), cards)).toEqual({ learning: 1, review: 0, new: 0 });
  });

  it('counts no further than a limit needs', () => {
    const { reads } = withReads(countQueue(request({ newLimit: 20, reviewLimit: 0 })), [card('new', 0)]);
    expect(reads.filter((read) => read.state === 'new')).toEqual([{ read: 'count', state: 'new', due: {}, cap: 20 }]);
    expect(reads.filter((read) => read.state === 'review')).toEqual([]);
  });
});

describe('when studying can next resume', () => {
  it('is the next learning step or review due after the given time, whichever is first', () => {
    const cards = [card('learning', 30), card('relearning', 45), card('review', 60 * 5)];
    expect(runOnCards(nextStudyTime(request(), 20, NOW), cards)).toBe(at(30));
    expect(runOnCards(nextStudyTime(request(), 20, NOW), [card('review', 60 * 5)])).toBe(at(60 * 5));
  });

  it('is tomorrow\u2019s start when today\u2019s reviews are spent and some are due today, else the first review', () => {
    expect(runOnCards(nextStudyTime(request({ reviewLimit: 0 }), 20, NOW), [card('review', -60)])).toBe(DAY_END);
    const nextWeek = card('review', 7 * 24 * 60);
    expect(runOnCards(nextStudyTime(request({ reviewLimit: 0 }), 20, NOW), [nextWeek])).toBe(nextWeek.due);
  });

  it('is tomorrow\u2019s start when today\u2019s new cards are spent and some are left, unless new cards are off', () => {
    expect(runOnCards(nextStudyTime(request({ newLimit: 0 }), 20, NOW), [card('new', -60)])).toBe(DAY_END);
    expect(runOnCards(nextStudyTime(request({ newLimit: 0 }), 0, NOW), [card('new', -60)])).toBeNull();
    expect(runOnCards(nextStudyTime(request({ newLimit: 0 }), 20, NOW), [])).toBeNull();
  });
});

describe('a session\u2019s queue', () => {
  it('hands out the cards with their counts, and the next study time counted from after the learn-ahead limit when none is queued', () => {
    const learning = card('learning', 30);
    expect(runOnCards(buildQueue(request(), 20), [learning])).toEqual({
      cards: [],
      counts: { learning: 0, review: 0, new: 0 },
      nextStudyAt: learning.due,
    });
    const soon = card('learning', 10);
    expect(runOnCards(buildQueue(request(), 20), [learning, soon])).toEqual({
      cards: [soon],
      counts: { learning: 1, review: 0, new: 0 },
      nextStudyAt: soon.due,
    });
  });

  it('takes today\u2019s limits less what today\u2019s reviews already used, never below none', () => {
    const today = { date: '2026-03-02', start: '2026-03-02T04:00:00.000Z', end: DAY_END };
    expect(queueRequest({ now: NOW, today, limits: { newPerDay: 20, reviewsPerDay: 200 }, doneToday: { new: 25, review: 40 }, limit: 50 })).toEqual({
      now: NOW,
      learnAheadUntil: new Date(Date.parse(NOW) + LEARN_AHEAD_MS).toISOString(),
      dayEnd: DAY_END,
      newLimit: 0,
      reviewLimit: 160,
      limit: 50,
    });
    expect(LEARN_AHEAD_MS).toBe(20 * MINUTE);
  });
});
