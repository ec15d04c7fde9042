// Cards for spaced repetition: create them, record answers (and undo the last one), read them for the queue and the
// statistics. The rules of an answer are core/review/answer.ts; here they are read, applied and logged in one transaction.
import { sql } from 'kysely';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Topic } from '../../core/checklist/model.js';
import { decideAnswer, decideUndo, type LoggedAnswer } from '../../core/review/answer.js';
import { newCardSchedule } from '../../core/review/scheduling.js';
import type { CardKind, CardOrigin, CardSchedule, ReviewRating, ReviewRecord, Scheduler, StudyCard } from '../../core/review/scheduling.js';
import { forIdBatches } from '../batch.js';
import { inTransaction } from '../database.js';
import type { CardRow, Database, NewCard, ReviewLogRow } from '../schema.js';
import { getTopic, setTopicState } from '../topics/topics.js';
import { replayCardLog } from '../interviews/evidence.js';

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
  const rows = await db.selectFrom('cards').selectAll().where('checklist_id', '=', checklistId).where('kind', '=', 'topic').execute();
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
    .where((eb) => eb.or([eb('cards.topic_id', 'is', null), eb.and([eb('topics.archived_at', 'is', null), eb('topics.state', '!=', 'skipped')])]));
  if (sectionKeys) builder = builder.where('cards.section_key', 'in', sectionKeys.length > 0 ? [...sectionKeys] : ['']);
  return builder;
}

/** Those of `ids` that are active cards of the checklist (as `activeCards` says), by id: a query per 500 ids. */
export async function activeCardsByIds(db: Kysely<Database>, checklistId: number, ids: readonly number[]): Promise<Map<number, StudyCard>> {
  const cards = new Map<number, StudyCard>();
  await forIdBatches([...new Set(ids)], async (batch) => {
    const rows = await activeCards(db, checklistId).selectAll('cards').where('cards.id', 'in', batch).execute();
    for (const row of rows) cards.set(Number(row.id), toCard(row));
  });
  return cards;
}

export interface AnswerResult {
  card: StudyCard;
  log: ReviewRecord & { id: number; cardId: number; durationMs: number | null };
  /** The card's topic after the answer (its state follows the card), null for a card without one. */
  topic: Topic | null;
}

/**
 * Reviews the card with `rating` at `now`, all in one transaction: reads it and its topic, asks the core's answer
 * rules (core/review/answer.ts#decideAnswer, which refuses or decides), then updates the card, moves the topic's
 * state (in its history, source `review`) and appends the log row. Null for an unknown card.
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
  /** When the current study day began: only a pass on a later study day makes a topic known. */
  todayStart?: string,
): Promise<AnswerResult | null> {
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('cards').selectAll().where('id', '=', cardId).executeTakeFirst();
    if (!row) return null;
    const card = toCard(row);
    // Read in the transaction: a card shown before its topic was skipped or removed must not bring the topic back.
    const current = card.topicId !== null ? await getTopic(trx, card.topicId) : null;
    const decision = decideAnswer({ card, topic: current, rating, now, durationMs, scheduler, shownReps, todayStart });
    const updated = await trx
      .updateTable('cards')
      .set(scheduleColumns(decision.card))
      .where('id', '=', cardId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { log, topicChange } = decision;
    const topic = current && topicChange ? await setTopicState(trx, current.id, topicChange.to, now, 'review') : current;
    const inserted = await trx
      .insertInto('review_log')
      .values({
        card_id: cardId,
        checklist_id: card.checklistId,
        rating: log.rating,
        reviewed_at: log.reviewedAt,
        elapsed_days: log.elapsedDays,
        scheduled_days: log.scheduledDays,
        stability: log.stability,
        difficulty: log.difficulty,
        state: log.state,
        duration_ms: log.durationMs,
        previous: JSON.stringify(log.previous),
        topic_state_before: topicChange?.from ?? null,
        topic_state_after: topicChange?.to ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      card: toCard(updated),
      log: { ...log, id: Number(inserted.id), cardId },
      topic,
    };
  });
}

export interface UndoneReview {
  card: StudyCard;
  /** The log row that was removed. */
  removed: ReviewLogRow;
}

/** A log row as the undo rules read it. */
function loggedAnswer(row: ReviewLogRow): LoggedAnswer {
  const { topic_state_before: from, topic_state_after: to } = row;
  return {
    cardId: Number(row.card_id),
    previous: JSON.parse(row.previous) as CardSchedule,
    topicChange: from !== null && to !== null ? { from, to } : null,
  };
}

/**
 * Undoes the checklist's most recent review in one transaction: reads the log row, the card's topic, asks the core's
 * undo rules (core/review/answer.ts#decideUndo), restores the card's FSRS fields, deletes the log row, and puts
 * back the topic's state when the rules say so, as a new line of history (source `undo`): the history is never
 * rewritten. Null when there is nothing to undo.
 */
export function undoLastReview(
  db: Kysely<Database>,
  checklistId: number,
  now: string,
  expectedCardId?: number,
  /** The checklist's scheduler, for a card whose log holds interview evidence (replayed). */
  scheduler?: Scheduler,
): Promise<UndoneReview | null> {
  return inTransaction(db, async (trx) => {
    const last = await trx
      .selectFrom('review_log')
      .selectAll()
      .where('checklist_id', '=', checklistId)
      // A session's undo takes back its own answers, never an interview's evidence.
      .where('source', '=', 'review')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!last) return null;
    const logged = loggedAnswer(last);
    const owner = await trx.selectFrom('cards').select('topic_id').where('id', '=', logged.cardId).executeTakeFirst();
    const topic = owner?.topic_id != null ? await getTopic(trx, owner.topic_id) : null;
    const decision = decideUndo({ last: logged, expectedCardId, topicState: topic?.state ?? null });
    await trx.deleteFrom('review_log').where('id', '=', last.id).execute();
    // With interview evidence in the card's log (possibly dated after this answer), `previous` is not the whole
    // story: the card is replayed from what remains.
    const evidence = await trx
      .selectFrom('review_log')
      .select('id')
      .where('card_id', '=', logged.cardId)
      .where('source', '=', 'interview')
      .executeTakeFirst();
    if (evidence) await replayCardLog(trx, logged.cardId, scheduler);
    else await trx.updateTable('cards').set(scheduleColumns(decision.restore)).where('id', '=', logged.cardId).execute();
    const restored = await trx.selectFrom('cards').selectAll().where('id', '=', logged.cardId).executeTakeFirstOrThrow();
    if (topic && decision.topicChange) await setTopicState(trx, topic.id, decision.topicChange.to, now, 'undo');
    return { card: toCard(restored), removed: last };
  });
}

/** A card's reviews, oldest first (interview evidence where its round was). */
export async function cardReviews(db: Kysely<Database>, cardId: number): Promise<ReviewLogRow[]> {
  return db.selectFrom('review_log').selectAll().where('card_id', '=', cardId).orderBy('reviewed_at').orderBy('id').execute();
}

/** The topic's cards: its topic card first, then its question/answer cards in the order they were made. */
export async function cardsOfTopic(db: Kysely<Database>, topicId: number, includeArchived = false): Promise<StudyCard[]> {
  let query = db.selectFrom('cards').selectAll().where('topic_id', '=', topicId);
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  const rows = await query
    .orderBy(sql`case when kind = 'topic' then 0 else 1 end`)
    .orderBy('id')
    .execute();
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

/**
 * The topic cards of `topicIds` (topics of one checklist, each without one yet), new and due at once, made by the
 * database from the topics' rows (`insert ... select`) in their line order: the import's thousands of topic cards
 * are not built and bound a value at a time (22 values a card). Each gets what `newCardRow` gives a topic card.
 */
export async function insertTopicCards(db: Kysely<Database>, topicIds: readonly number[], now: string): Promise<void> {
  const schedule = scheduleColumns(newCardSchedule(now));
  const numbers = ['stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'reps', 'lapses', 'learning_steps'] as const;
  await forIdBatches(topicIds, (batch) =>
    db
      .insertInto('cards')
      .columns(['checklist_id', 'topic_id', 'section_key', 'kind', 'origin', 'created_at', 'due', 'state', 'last_review', ...numbers])
      .expression(
        db
          .selectFrom('topics')
          .select(['checklist_id', 'id', 'section_key', sql.lit('topic').as('kind'), sql.lit('app').as('origin')])
          // Cast, so that PostgreSQL knows the type of a bound value (and of the null) in a select list.
          .select([
            text(now).as('created_at'),
            text(schedule.due).as('due'),
            text(schedule.state).as('state'),
            text(schedule.last_review).as('last_review'),
          ])
          .select(numbers.map((column) => sql.lit(schedule[column]).as(column)))
          .where('id', 'in', batch)
          .orderBy('line_start')
          .orderBy('id'),
      )
      .execute(),
  );
}

function text(value: string | null) {
  return sql<string>`cast(${value} as text)`;
}

/** A new question/answer card, due at once. */
export async function insertQaCard(db: Kysely<Database>, card: NewQaCard, now: string): Promise<StudyCard> {
  const row = await db
    .insertInto('cards')
    .values(newCardRow({ ...card, kind: 'qa' }, now))
    .returningAll()
    .executeTakeFirstOrThrow();
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
