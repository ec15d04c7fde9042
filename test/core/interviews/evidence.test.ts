import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayLog, withEvidence, type LogLine } from '../../../src/core/interviews/evidence.js';
import { newCardSchedule, review, schedulerFor, type CardSchedule, type ReviewRating } from '../../../src/core/review/scheduling.js';

const CREATED = '2026-01-01T08:00:00.000Z';
const HOUR = 3_600_000;

/** A review session as store/review/cards.ts#answer writes it: each answer on the card as stored. */
function session(cardId: number, answers: ReadonlyArray<{ rating: ReviewRating; afterMs: number }>, scheduler = schedulerFor()) {
  let card: CardSchedule = newCardSchedule(CREATED);
  let at = Date.parse(CREATED);
  const lines: Array<LogLine & { stored: ReturnType<typeof review>['log'] }> = [];
  for (const [index, { rating, afterMs }] of answers.entries()) {
    at += afterMs;
    const outcome = review({ ...card, id: cardId }, rating, new Date(at).toISOString(), scheduler);
    lines.push({ id: index + 1, rating, reviewedAt: outcome.log.reviewedAt, source: 'review', questionId: null, stored: outcome.log });
    card = outcome.card;
  }
  return { card, lines };
}

const answers = fc.array(
  fc.record({ rating: fc.constantFrom<ReviewRating>(1, 2, 3, 4), afterMs: fc.integer({ min: 60_000, max: 40 * 24 * HOUR }) }),
  { maxLength: 25 },
);

describe('interview evidence replayed into a card’s log', () => {
  it('replaying a plain session log reproduces the stored lines and card', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), answers, fc.boolean(), (cardId, given, fuzz) => {
        const scheduler = schedulerFor({ fuzz });
        const { card, lines } = session(cardId, given, scheduler);
        const replay = replayLog(cardId, lines[0]?.stored.previous ?? newCardSchedule(CREATED), lines, scheduler);
        expect(replay.card).toEqual(card);
        expect(replay.lines.map((line) => line.record)).toEqual(lines.map((line) => line.stored));
      }),
      { numRuns: 300 },
    );
  });

  it('an Again before later reviews brings the due date earlier than a Good would', () => {
    const { lines } = session(7, [
      { rating: 3, afterMs: HOUR },
      { rating: 3, afterMs: 3 * 24 * HOUR },
      { rating: 3, afterMs: 10 * 24 * HOUR },
    ]);
    const initial = lines[0]!.stored.previous;
    // The round was between the second and third review.
    const at = new Date(Date.parse(lines[1]!.reviewedAt) + 5 * 24 * HOUR).toISOString();
    const again = replayLog(7, initial, withEvidence(lines, { questionId: 1, rating: 1, at }));
    const good = replayLog(7, initial, withEvidence(lines, { questionId: 1, rating: 3, at }));
    expect(Date.parse(again.card.due)).toBeLessThan(Date.parse(good.card.due));
    // The later review keeps its rating and time; only its derived fields follow.
    const later = again.lines.at(-1)!;
    expect(later).toMatchObject({ id: 3, rating: 3, reviewedAt: lines[2]!.reviewedAt });
    expect(later.record.state).toBe('relearning');
    expect(again.lines.map((line) => line.source)).toEqual(['review', 'review', 'interview', 'review']);
  });

  it('withdrawing the evidence restores the exact prior card and lines', () => {
    fc.assert(
      fc.property(answers, fc.constantFrom<ReviewRating>(1, 2, 3, 4), fc.integer({ min: 0, max: 400 * 24 }), (given, rating, hours) => {
        const { card, lines } = session(11, given);
        const initial = lines[0]?.stored.previous ?? newCardSchedule(CREATED);
        const at = new Date(Date.parse(CREATED) + hours * HOUR).toISOString();
        const added = replayLog(11, initial, withEvidence(lines, { questionId: 5, rating, at }));
        const written: LogLine[] = added.lines.map((line, index) => ({ ...line, id: line.id ?? 1000 + index }));
        const withdrawn = replayLog(11, initial, withEvidence(written, { questionId: 5, rating: null, at }));
        expect(withdrawn.card).toEqual(card);
        expect(withdrawn.lines.map((line) => line.record)).toEqual(lines.map((line) => line.stored));
      }),
      { numRuns: 200 },
    );
  });

  it('changing a score rewrites that line only: the others keep rating and time', () => {
    const { lines } = session(3, [
      { rating: 3, afterMs: HOUR },
      { rating: 4, afterMs: 2 * 24 * HOUR },
    ]);
    const at = new Date(Date.parse(lines[0]!.reviewedAt) + 24 * HOUR).toISOString();
    const first = replayLog(3, lines[0]!.stored.previous, withEvidence(lines, { questionId: 9, rating: 4, at }));
    const stored: LogLine[] = first.lines.map((line) => ({ ...line, id: line.id ?? 50 }));
    const second = replayLog(3, lines[0]!.stored.previous, withEvidence(stored, { questionId: 9, rating: 1, at }));
    expect(second.lines.map(({ rating, reviewedAt, questionId }) => ({ rating, reviewedAt, questionId }))).toEqual([
      { rating: 3, reviewedAt: lines[0]!.reviewedAt, questionId: null },
      { rating: 1, reviewedAt: at, questionId: 9 },
      { rating: 4, reviewedAt: lines[1]!.reviewedAt, questionId: null },
    ]);
  });

  it('orders lines of the same instant by id, a line not yet written last', () => {
    const at = '2026-02-01T10:00:00.000Z';
    const replay = replayLog(1, newCardSchedule(CREATED), [
      { id: null, rating: 1, reviewedAt: at, source: 'interview', questionId: 2 },
      { id: 9, rating: 3, reviewedAt: at, source: 'review', questionId: null },
      { id: 4, rating: 3, reviewedAt: at, source: 'interview', questionId: 1 },
    ]);
    expect(replay.lines.map((line) => line.id)).toEqual([4, 9, null]);
  });
});
