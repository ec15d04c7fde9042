// Cards for spaced repetition: create them, find what is due, record answers (and undo the last one).
// Scheduling itself is core/review/scheduling.ts; here it is read, applied and logged in one transaction.
import { sql } from 'kysely';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Topic, TopicState } from '../../core/checklist/model.js';
import { newCardSchedule, review, topicStateAfter } from '../../core/review/scheduling.js';
import type { CardKind, CardOrigin, CardSchedule, ReviewRating, ReviewRecord, Scheduler, StudyCard } from '../../core/review/scheduling.js';
import { inTransaction } from '../database.js';
import { InvalidInputError } from '../../core/errors.js';
import { ConflictError } from '../errors.js';
import type { CardRow, Database, NewCard, ReviewLogRow } from '../schema.js';
import { getTopic, setTopicState } from '../topics/topics.js';

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
    ...scheduleOfRow(row),
  };
}

type ScheduleRow = Pick<
  CardRow,
  'due' | 'stability' | 'difficulty' | 'elapsed_days' | 'scheduled_days' | 'reps' | 'lapses' | 'learning_steps' | 'state' | 'last_review'
>;

/** A card's FSRS fields from its row (PostgreSQL hands some numbers over as text). */
export function scheduleOfRow(row: ScheduleRow): CardSchedule {
  return {
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

/** A card's FSRS fields as columns. */
export function scheduleColumns(schedule: CardSchedule) {
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

export type CardQuery = SelectQueryBuilder<Database, 'cards' | 'topics', object>;

/**
 * The cards a review may show, of a checklist and (when given) of some sections: not archived, and their topic
 * neither archived nor skipped. The queue, the counts and the statistics all start from here, so they agree.
 */
export function activeCards(db: Kysely<Database>, checklistId: number, sectionKeys?: readonly string[]): CardQuery {
  let builder = db
    .selectFrom('cards')
    .leftJoin('topics', 'topics.id', 'cards.topic_id')
    .where('cards.checklist_id', '=', checklistId)
    .where('cards.archived_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('cards.topic_id', 'is', null),
        eb.and([eb('topics.archived_at', 'is', null), eb('topics.state', '!=', 'skipped')]),
      ]),
    );
  if (sectionKeys) builder = builder.where('cards.section_key', 'in', sectionKeys.length > 0 ? [...sectionKeys] : ['']);
  return builder;
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
  /** The card's reps as the user saw it: when another answer came first (another window), nothing is recorded. */
  shownReps?: number,
): Promise<AnswerResult | null> {
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('cards').selectAll().where('id', '=', cardId).executeTakeFirst();
    if (!row) return null;
    const before = toCard(row);
    if (before.archivedAt !== null) throw new InvalidInputError(`card ${cardId} is archived: its question is gone from the file or was removed`);
    // Checked in the transaction: a card shown before its topic was skipped or removed must not bring the topic back.
    const current = before.topicId !== null ? await getTopic(trx, before.topicId) : null;
    if (current?.archivedAt) throw new InvalidInputError(`card ${cardId} belongs to '${current.text}', which is gone from the file (archived)`);
    if (current?.state === 'skipped') throw new InvalidInputError(`card ${cardId} belongs to '${current.text}', which is skipped; mark it new or learning to review it`);
    if (shownReps !== undefined && Number(row.reps) !== shownReps) {
      throw new ConflictError(`card ${cardId} was answered meanwhile, elsewhere (another window or the terminal); this answer was not recorded`);
    }
    const outcome = review(before, rating, now, scheduler);
    const updated = await trx
      .updateTable('cards')
      .set(scheduleColumns(outcome.card))
      .where('id', '=', cardId)
      .returningAll()
      .executeTakeFirstOrThrow();
    let topic: Topic | null = current;
    let topicChange: { from: TopicState; to: TopicState } | null = null;
    if (before.kind === 'topic' && current) {
      const target = topicStateAfter(before.state, outcome.card.state, rating, current.state);
      if (target !== null && target !== current.state) {
        topic = await setTopicState(trx, current.id, target, now, 'review');
        topicChange = { from: current.state, to: target };
      }
    }
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
        topic_state_before: topicChange?.from ?? null,
        topic_state_after: topicChange?.to ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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
export function undoLastReview(db: Kysely<Database>, checklistId: number, now: string, expectedCardId?: number): Promise<UndoneReview | null> {
  return inTransaction(db, async (trx) => {
    const last = await trx
      .selectFrom('review_log')
      .selectAll()
      .where('checklist_id', '=', checklistId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!last) return null;
    if (expectedCardId !== undefined && Number(last.card_id) !== expectedCardId) {
      throw new ConflictError(`the last answer is now card ${Number(last.card_id)}'s, given elsewhere after yours to card ${expectedCardId}; nothing was undone`);
    }
    const previous = JSON.parse(last.previous) as CardSchedule;
    const restored = await trx
      .updateTable('cards')
      .set(scheduleColumns(previous))
      .where('id', '=', last.card_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('review_log').where('id', '=', last.id).execute();
    const card = toCard(restored);
    const { topic_state_before: topicBefore, topic_state_after: topicAfter } = last;
    if (card.topicId !== null && topicBefore !== null && topicAfter !== null) {
      // Only while the topic still holds what the review set: a state changed since (by hand, say) stays.
      const topic = await getTopic(trx, card.topicId);
      if (topic?.state === topicAfter) await setTopicState(trx, card.topicId, topicBefore, now, 'undo');
    }
    return { card, removed: last };
  });
}

/** A card's reviews, oldest first. */
export async function cardReviews(db: Kysely<Database>, cardId: number): Promise<ReviewLogRow[]> {
  return db.selectFrom('review_log').selectAll().where('card_id', '=', cardId).orderBy('id').execute();
}

/** The topic's cards: its topic card first, then its question/answer cards in the order they were made. */
export async function cardsOfTopic(db: Kysely<Database>, topicId: number, includeArchived = false): Promise<StudyCard[]> {
  let query = db.selectFrom('cards').selectAll().where('topic_id', '=', topicId);
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  const rows = await query.orderBy(sql`case when kind = 'topic' then 0 else 1 end`).orderBy('id').execute();
  return rows.map(toCard);
}

export interface NewQaCard {
  checklistId: number;
  topicId: number | null;
  sectionKey: string;
  front: string;
  back: string;
  identityKey: string;
  origin: CardOrigin;
  lines: { start: number; end: number } | null;
}

/** The row of a new card, due at once. */
export function newCardRow(card: NewQaCard & { kind: CardKind }, now: string): NewCard {
  return {
    checklist_id: card.checklistId,
    topic_id: card.topicId,
    kind: card.kind,
    front: card.front,
    back: card.back,
    ...scheduleColumns(newCardSchedule(now)),
    created_at: now,
    archived_at: null,
    origin: card.origin,
    identity_key: card.identityKey,
    section_key: card.sectionKey,
    line_start: card.lines?.start ?? null,
    line_end: card.lines?.end ?? null,
  };
}

/** A new question/answer card, due at once. */
export async function insertQaCard(db: Kysely<Database>, card: NewQaCard, now: string): Promise<StudyCard> {
  const row = await db.insertInto('cards').values(newCardRow({ ...card, kind: 'qa' }, now)).returningAll().executeTakeFirstOrThrow();
  return toCard(row);
}

/** Changes a card's question and answer (its schedule and history stay). Null for an unknown id. */
export async function updateCardText(
  db: Kysely<Database>,
  id: number,
  text: { front: string; back: string; identityKey: string },
): Promise<StudyCard | null> {
  const row = await db
    .updateTable('cards')
    .set({ front: text.front, back: text.back, identity_key: text.identityKey })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toCard(row) : null;
}

/** Archives a card (or brings it back with null): it leaves the queue, its reviews stay. */
export async function setCardArchived(db: Kysely<Database>, id: number, archivedAt: string | null): Promise<StudyCard | null> {
  const row = await db.updateTable('cards').set({ archived_at: archivedAt }).where('id', '=', id).returningAll().executeTakeFirst();
  return row ? toCard(row) : null;
}

/** Question/answer cards added in prepdeck (not yet written in the file), under a topic, not removed. */
export async function appCardsOf(db: Kysely<Database>, checklistId: number): Promise<StudyCard[]> {
  const rows = await db
    .selectFrom('cards')
    .selectAll()
    .where('checklist_id', '=', checklistId)
    .where('kind', '=', 'qa')
    .where('origin', '=', 'app')
    .where('archived_at', 'is', null)
    .where('topic_id', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.map(toCard);
}

/**
 * Cards added in prepdeck that were just written into the file become the file's, with the identity key and
 * lines they have there, so that the import that follows finds each one itself (even beside a same question).
 */
export async function claimWrittenCards(
  db: Kysely<Database>,
  written: ReadonlyArray<{ cardId: number; identityKey: string; lines: { start: number; end: number } }>,
): Promise<void> {
  for (const card of written) {
    await db
      .updateTable('cards')
      .set({ origin: 'file', identity_key: card.identityKey, line_start: card.lines.start, line_end: card.lines.end })
      .where('id', '=', card.cardId)
      .where('origin', '=', 'app')
      .execute();
  }
}
