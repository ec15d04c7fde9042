// A question asked in a round and scored is evidence about the topics it touches: a review of each topic's topic
// card at the round's start, rated with the score. Since a round is often logged after later reviews of the same
// card, the card's whole log is replayed in time order: every line keeps its rating and time (and what it did to
// the topic's state), only the fields FSRS derives from the lines before it follow. Pure: the store reads the log,
// asks replayLog, and writes back the lines and the card.
import type { ReviewSource } from '../../contract/topics.js';
import { review, type CardSchedule, type ReviewRating, type ReviewRecord, type Scheduler } from '../review/scheduling.js';

/** A line of a card's review log, as far as the replay is concerned: who it is, and what it says. */
export interface LogLine {
  /** The stored line's id; null for a line not yet written (it sorts after every stored one of its time). */
  id: number | null;
  rating: ReviewRating;
  reviewedAt: string;
  source: ReviewSource;
  /** The question it is the evidence of (source `interview`). */
  questionId: number | null;
}

/** A line with the fields the replay derived for it (`record.reviewedAt` is the line's own time). */
export interface ReplayedLine extends LogLine {
  record: ReviewRecord;
}

export interface Replay {
  lines: ReplayedLine[];
  /** The card's schedule after its last line (the schedule before the first when there is none). */
  card: CardSchedule;
}

/** The question's evidence as it should be: its score at the round's start, or null to withdraw it. */
export interface Evidence {
  questionId: number;
  rating: ReviewRating | null;
  at: string;
}

/**
 * When a score counts as a review: at the round's start, or now when the round is still to come. A review dated in
 * the future would put its card's next due date after the round, hiding the topic from review until then, the days
 * one prepares for it.
 */
export function evidenceTime(roundStartsAt: string, now: string): string {
  return roundStartsAt <= now ? roundStartsAt : now;
}

/** In time order; ties by id, lines not yet written last in the order given. */
function inLogOrder<L extends LogLine>(lines: readonly L[]): L[] {
  return lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => {
      const byTime = Date.parse(a.line.reviewedAt) - Date.parse(b.line.reviewedAt);
      if (byTime !== 0) return byTime;
      const [ia, ib] = [a.line.id ?? Number.POSITIVE_INFINITY, b.line.id ?? Number.POSITIVE_INFINITY];
      return ia !== ib ? ia - ib : a.index - b.index;
    })
    .map(({ line }) => line);
}

/**
 * Replays `lines` on the card `cardId` from `initial` (its schedule before its first review) with `scheduler`:
 * each line's derived fields (elapsed and scheduled days, stability, difficulty, state, the card before it) and the
 * card's schedule after the last one. A plain session log replays to exactly what its answers stored.
 */
export function replayLog(cardId: number, initial: CardSchedule, lines: readonly LogLine[], scheduler?: Scheduler): Replay {
  let card = initial;
  const replayed: ReplayedLine[] = [];
  for (const line of inLogOrder(lines)) {
    const outcome = review({ ...card, id: cardId }, line.rating, line.reviewedAt, scheduler);
    replayed.push({ ...line, record: { ...outcome.log, reviewedAt: line.reviewedAt } });
    card = outcome.card;
  }
  return { lines: replayed, card };
}

/** The log with the question's lines replaced by its evidence: none when withdrawn, one line at the round's start when scored. */
export function withEvidence(lines: readonly LogLine[], evidence: Evidence): LogLine[] {
  const others = lines.filter((line) => line.questionId !== evidence.questionId);
  if (evidence.rating === null) return others;
  return [...others, { id: null, rating: evidence.rating, reviewedAt: evidence.at, source: 'interview', questionId: evidence.questionId }];
}

/** Whether a replayed line's derived fields differ from those stored: only such lines are rewritten. */
export function derivedFieldsDiffer(stored: ReviewRecord, replayed: ReviewRecord): boolean {
  return (
    stored.elapsedDays !== replayed.elapsedDays ||
    stored.scheduledDays !== replayed.scheduledDays ||
    stored.stability !== replayed.stability ||
    stored.difficulty !== replayed.difficulty ||
    stored.state !== replayed.state ||
    JSON.stringify(stored.previous) !== JSON.stringify(replayed.previous)
  );
}
