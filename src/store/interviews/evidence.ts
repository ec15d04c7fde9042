// Interview evidence in the review log: a scored question's lines (source `interview`, question_id) on the topic
// cards of its topics, and the schedules of those cards replayed from their whole log (core/interviews/evidence.ts).
// Always called inside the transaction that writes the question, so the question and its evidence never disagree.
import type { Kysely } from 'kysely';
import { derivedFieldsDiffer, replayLog, withEvidence, type LogLine } from '../../core/interviews/evidence.js';
import type { CardSchedule, ReviewRating, ReviewRecord, Scheduler } from '../../core/review/scheduling.js';
import { scheduleColumns, scheduleOfRow } from '../review/cards.js';
import type { Database, ReviewLogRow } from '../schema.js';

/** The scheduler of a checklist (its settings and fitted parameters), asked only for the checklists of the cards replayed. */
export type SchedulerOf = (checklistId: number) => Promise<Scheduler | undefined>;

export interface QuestionEvidence {
  questionId: number;
  /** The score, or null: no evidence (withdrawn). */
  rating: ReviewRating | null;
  /** The round's start. */
  at: string;
  /** The topics linked; their topic cards get the evidence, any other card holding the question's lines loses it. */
  topicIds: readonly number[];
}

function recordOf(row: ReviewLogRow): ReviewRecord {
  return {
    rating: Number(row.rating) as ReviewRating,
    reviewedAt: row.reviewed_at,
    elapsedDays: Number(row.elapsed_days),
    scheduledDays: Number(row.scheduled_days),
    stability: Number(row.stability),
    difficulty: Number(row.difficulty),
    state: row.state,
    previous: JSON.parse(row.previous) as CardSchedule,
  };
}

function lineOf(row: ReviewLogRow): LogLine {
  return {
    id: Number(row.id),
    rating: Number(row.rating) as ReviewRating,
    reviewedAt: row.reviewed_at,
    source: row.source,
    questionId: row.question_id === null ? null : Number(row.question_id),
  };
}

function derivedColumns(record: ReviewRecord) {
  return {
    elapsed_days: record.elapsedDays,
    scheduled_days: record.scheduledDays,
    stability: record.stability,
    difficulty: record.difficulty,
    state: record.state,
    previous: JSON.stringify(record.previous),
  };
}

/**
 * Puts the question's evidence where it belongs: a line at `at` rated `rating` on the topic card of each linked
 * topic, none anywhere else; each card touched is replayed from its whole log. Lines of other reviews keep their
 * rating and time; only those whose derived fields change are rewritten.
 */
export async function writeEvidence(db: Kysely<Database>, evidence: QuestionEvidence, schedulerOf: SchedulerOf): Promise<void> {
  const targets =
    evidence.topicIds.length === 0
      ? []
      : await db
          .selectFrom('cards')
          .select('id')
          .where('kind', '=', 'topic')
          .where('topic_id', 'in', [...evidence.topicIds])
          .execute();
  const holding = await db.selectFrom('review_log').select('card_id').where('question_id', '=', evidence.questionId).execute();
  const targetIds = new Set(targets.map((row) => Number(row.id)));
  const cardIds = new Set([...targetIds, ...holding.map((row) => Number(row.card_id))]);
  for (const cardId of [...cardIds].sort((a, b) => a - b)) {
    const rating = targetIds.has(cardId) ? evidence.rating : null;
    await replayCard(db, cardId, { questionId: evidence.questionId, rating, at: evidence.at }, schedulerOf);
  }
}

/** Withdraws the evidence of these questions (before they, or their round or application, are deleted). */
export async function withdrawEvidence(db: Kysely<Database>, questionIds: readonly number[], schedulerOf: SchedulerOf): Promise<void> {
  for (const questionId of questionIds) await writeEvidence(db, { questionId, rating: null, at: '', topicIds: [] }, schedulerOf);
}

/** Replays a card from its log as it stands (after an undo in a review session took a line out). */
export async function replayCardLog(db: Kysely<Database>, cardId: number, scheduler?: Scheduler): Promise<void> {
  await replayCard(db, cardId, { questionId: 0, rating: null, at: '' }, () => Promise.resolve(scheduler));
}

async function replayCard(
  db: Kysely<Database>,
  cardId: number,
  evidence: { questionId: number; rating: ReviewRating | null; at: string },
  schedulerOf: SchedulerOf,
): Promise<void> {
  const card = await db.selectFrom('cards').selectAll().where('id', '=', cardId).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('review_log').selectAll().where('card_id', '=', cardId).orderBy('reviewed_at').orderBy('id').execute();
  const stored = new Map(rows.map((row) => [Number(row.id), row]));
  // Before its first review the card was what that review's `previous` holds; with no review, what it is now.
  const initial = rows.length > 0 ? recordOf(rows[0]!).previous : scheduleOfRow(card);
  const replay = replayLog(cardId, initial, withEvidence(rows.map(lineOf), evidence), await schedulerOf(Number(card.checklist_id)));

  const kept = new Set(replay.lines.map((line) => line.id).filter((id): id is number => id !== null));
  const removed = rows.filter((row) => !kept.has(Number(row.id))).map((row) => row.id);
  if (removed.length > 0) await db.deleteFrom('review_log').where('id', 'in', removed).execute();
  for (const line of replay.lines) {
    if (line.id === null) {
      await db
        .insertInto('review_log')
        .values({
          card_id: cardId,
          checklist_id: card.checklist_id,
          rating: line.rating,
          reviewed_at: line.reviewedAt,
          ...derivedColumns(line.record),
          duration_ms: null,
          topic_state_before: null,
          topic_state_after: null,
          source: 'interview',
          question_id: line.questionId,
        })
        .execute();
      continue;
    }
    const row = stored.get(line.id)!;
    if (derivedFieldsDiffer(recordOf(row), line.record)) {
      await db.updateTable('review_log').set(derivedColumns(line.record)).where('id', '=', line.id).execute();
    }
  }
  await db.updateTable('cards').set(scheduleColumns(replay.card)).where('id', '=', cardId).execute();
}
