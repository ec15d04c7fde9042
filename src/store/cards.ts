// Cards for spaced repetition: create them, find what is due, record answers (and undo the last one).
// Scheduling itself is core/scheduling.ts; here it is read, applied and logged in one transaction.
import type { Kysely } from 'kysely';
import type { Topic, TopicState } from '../core/model.js';
import { isLapse, newCardSchedule, review } from '../core/scheduling.js';
import type { CardSchedule, ReviewRating, ReviewRecord, Scheduler, StudyCard } from '../core/scheduling.js';
import { insertRows } from './batch.js';
import { inTransaction } from './database.js';
import type { CardRow, Database, NewCard, ReviewLogRow } from './schema.js';
import { getTopic, setTopicState, topicHistory } from './topics.js';

export function toCard(row: CardRow): StudyCard {
  return {
    id: row.id,
    checklistId: row.checklist_id,
    topicId: row.topic_id,
    kind: row.kind,
    front: row.front,
    back: row.back,
    origin: row.origin,
    sectionKey: row.section_key,
    lines: row.line_start !== null && row.line_end !== null ? { start: row.line_start, end: row.line_end } : null,
    createdAt: row.created_at,
    archivedAt: row.archived_at,
    due: row.due,
    stability: Number(row.stability),
    difficulty: Number(row.difficulty),
    elapsedDays: Number(row.elapsed_days),
    scheduledDays: Number(row.scheduled_days),
    reps: Number(row.reps),
    lapses: Number(row.lapses),
    learningSteps: Number(row.learning_steps),
    state: row.state,
    lastReview: row.last_review,
  };
}

function scheduleColumns(schedule: CardSchedule) {
  return {
    due: schedule.due,
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    elapsed_days: schedule.elapsedDays,
    scheduled_days: schedule.scheduledDays,
    reps: schedule.reps,
    lapses: schedule.lapses,
    learning_steps: schedule.learningSteps,
    state: schedule.state,
    last_review: schedule.lastReview,
  };
}

export async function getCard(db: Kysely<Database>, id: number): Promise<StudyCard | null> {
  const row = await db.selectFrom('cards').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCard(row) : null;
}

/** The topic card of each topic that has one, by topic id. */
export async function topicCards(db: Kysely<Database>, checklistId: number): Promise<Map<number, StudyCard>> {
  const rows = await db
    .selectFrom('cards')
    .selectAll()
    .where('checklist_id', '=', checklistId)
    .where('kind', '=', 'topic')
    .execute();
  return new Map(rows.map((row) => [row.topic_id!, toCard(row)]));
}

/**
 * Gives every active study topic of the checklist (kind `topic`, not archived) a topic card, due `now`;
 * existing cards are left as they are. Returns how many were created.
 */
export function ensureTopicCards(db: Kysely<Database>, checklistId: number, now: string): Promise<number> {
  return inTransaction(db, async (trx) => {
    const missing = await trx
      .selectFrom('topics')
      .select(['topics.id', 'topics.section_key'])
      .where('topics.checklist_id', '=', checklistId)
      .where('topics.kind', '=', 'topic')
      .where('topics.archived_at', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('cards')
              .select('cards.id')
              .whereRef('cards.topic_id', '=', 'topics.id')
              .where('cards.kind', '=', 'topic'),
          ),
        ),
      )
      .orderBy('topics.id')
      .execute();
    const schedule = scheduleColumns(newCardSchedule(now));
    const rows: NewCard[] = missing.map((topic) => ({
      checklist_id: checklistId,
      topic_id: topic.id,
      kind: 'topic',
      front: '',
      back: '',
      ...schedule,
      created_at: now,
      archived_at: null,
      origin: 'app',
      section_key: topic.section_key,
      line_start: null,
      line_end: null,
    }));
    await insertRows(trx, 'cards', rows);
    return rows.length;
  });
}

/**
 * Cards of the checklist due at `now` (due <= now), the most overdue first, at most `limit`. Archived cards,
 * and topic cards whose topic is archived or skipped, are left out.
 */
export async function nextDue(db: Kysely<Database>, checklistId: number, now: string, limit: number): Promise<StudyCard[]> {
  const rows = await db
    .selectFrom('cards')
    .leftJoin('topics', 'topics.id', 'cards.topic_id')
    .selectAll('cards')
    .where('cards.checklist_id', '=', checklistId)
    .where('cards.archived_at', 'is', null)
    .where('cards.due', '<=', now)
    .where((eb) =>
      eb.or([
        eb('cards.topic_id', 'is', null),
        eb.and([eb('topics.archived_at', 'is', null), eb('topics.state', '!=', 'skipped')]),
      ]),
    )
    .orderBy('cards.due')
    .orderBy('cards.id')
    .limit(limit)
    .execute();
  return rows.map(toCard);
}

export interface AnswerResult {
  card: StudyCard;
  log: ReviewRecord & { id: number; cardId: number; durationMs: number | null };
  /** The card's topic after the answer (its state follows the card), null for a card without one. */
  topic: Topic | null;
}

/**
 * Reviews the card with `rating` at `now`, all in one transaction: reads it, schedules it with the core,
 * updates it and appends the log row. A topic card moving into Review makes its topic `known`; a lapse
 * (Again on a card in Review) sends it back to `learning` (both recorded in its history, source `review`).
 * Null for an unknown card.
 */
export function answer(
  db: Kysely<Database>,
  cardId: number,
  rating: ReviewRating,
  now: string,
  durationMs: number | null = null,
  scheduler?: Scheduler,
): Promise<AnswerResult | null> {
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('cards').selectAll().where('id', '=', cardId).executeTakeFirst();
    if (!row) return null;
    const before = toCard(row);
    const outcome = review(before, rating, now, scheduler);
    const updated = await trx
      .updateTable('cards')
      .set(scheduleColumns(outcome.card))
      .where('id', '=', cardId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const inserted = await trx
      .insertInto('review_log')
      .values({
        card_id: cardId,
        checklist_id: before.checklistId,
        rating: outcome.log.rating,
        reviewed_at: outcome.log.reviewedAt,
        elapsed_days: outcome.log.elapsedDays,
        scheduled_days: outcome.log.scheduledDays,
        stability: outcome.log.stability,
        difficulty: outcome.log.difficulty,
        state: outcome.log.state,
        duration_ms: durationMs,
        previous: JSON.stringify(outcome.log.previous),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let topic: Topic | null = null;
    if (before.kind === 'topic' && before.topicId !== null) {
      const graduated = before.state !== 'review' && outcome.card.state === 'review';
      const lapsed = isLapse(before.state, rating);
      const target = graduated ? 'known' : lapsed ? 'learning' : null;
      topic = target
        ? await setTopicState(trx, before.topicId, target, now, 'review')
        : await getTopic(trx, before.topicId);
    }
    return {
      card: toCard(updated),
      log: { ...outcome.log, id: Number(inserted.id), cardId, durationMs },
      topic,
    };
  });
}

export interface UndoneReview {
  card: StudyCard;
  /** The log row that was removed. */
  removed: ReviewLogRow;
}

/**
 * Undoes the checklist's most recent review: restores that card's FSRS fields exactly as they were and deletes
 * the log row, in one transaction. When that review changed its topic's state (graduated or lapsed), the state
 * goes back too, as a new line of history (source `undo`): the history is never rewritten. Null when there is
 * nothing to undo.
 */
export function undoLastReview(db: Kysely<Database>, checklistId: number, now: string): Promise<UndoneReview | null> {
  return inTransaction(db, async (trx) => {
    const last = await trx
      .selectFrom('review_log')
      .selectAll()
      .where('checklist_id', '=', checklistId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!last) return null;
    const previous = JSON.parse(last.previous) as CardSchedule;
    const restored = await trx
      .updateTable('cards')
      .set(scheduleColumns(previous))
      .where('id', '=', last.card_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('review_log').where('id', '=', last.id).execute();
    const card = toCard(restored);
    if (card.topicId !== null) await revertReviewState(trx, card.topicId, last.reviewed_at, now);
    return { card, removed: last };
  });
}

/** The topic's latest state change, if the review at `reviewedAt` made it, is put back. */
async function revertReviewState(trx: Kysely<Database>, topicId: number, reviewedAt: string, now: string): Promise<void> {
  const latest = (await topicHistory(trx, topicId)).filter((e) => e.type === 'state').at(-1);
  const data = latest?.data as { from?: TopicState; source?: string } | undefined;
  if (latest?.at === reviewedAt && data?.source === 'review' && data.from) await setTopicState(trx, topicId, data.from, now, 'undo');
}

/** A card's reviews, oldest first. */
export async function cardReviews(db: Kysely<Database>, cardId: number): Promise<ReviewLogRow[]> {
  return db.selectFrom('review_log').selectAll().where('card_id', '=', cardId).orderBy('id').execute();
}
