// Topics added in prepdeck (origin `app`): written last in their section, with their topic card and a line of
// history, until a write-back puts them into the file and the import that follows makes them the file's.
import type { Kysely } from 'kysely';
import type { ExistingTopic } from '../../core/checklist/added-topic.js';
import type { Topic } from '../../core/checklist/model.js';
import { newCardRow } from '../review/cards.js';
import { toTopic, topicSearchText } from '../rows.js';
import type { Database } from '../schema.js';

/** Where a topic added in prepdeck goes, and what it is called. */
export interface AppTopicPlace {
  checklistId: number;
  sectionId: number;
  sectionKey: string;
  title: string;
  text: string;
  identityKey: string;
}

/** The checklist's topics (archived ones included) filed under a section path key: what a new topic there is checked against. */
export async function topicsUnderSection(db: Kysely<Database>, checklistId: number, sectionKey: string): Promise<ExistingTopic[]> {
  const rows = await db
    .selectFrom('topics')
    .select(['id', 'identity_key', 'text', 'archived_at'])
    .where('checklist_id', '=', checklistId)
    .where('section_key', '=', sectionKey)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, identityKey: row.identity_key, text: row.text, archived: row.archived_at !== null }));
}

/** The position after the section's active top-level topics: the topic added now goes last. */
async function lastPosition(db: Kysely<Database>, sectionId: number): Promise<number> {
  const row = await db
    .selectFrom('topics')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('section_id', '=', sectionId)
    .where('parent_id', 'is', null)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/** Gives the topic its topic card (due at once, as an import gives a new topic), unless it has one. */
async function ensureTopicCard(db: Kysely<Database>, topic: { id: number; checklistId: number; sectionKey: string }, now: string): Promise<void> {
  const card = await db.selectFrom('cards').select('id').where('topic_id', '=', topic.id).where('kind', '=', 'topic').executeTakeFirst();
  if (card) return;
  const row = newCardRow(
    {
      checklistId: topic.checklistId,
      topicId: topic.id,
      sectionKey: topic.sectionKey,
      front: '',
      back: '',
      identityKey: '',
      origin: 'app',
      lines: null,
      kind: 'topic',
    },
    now,
  );
  await db.insertInto('cards').values(row).execute();
}

/**
 * A new study topic added in prepdeck: state new, last in its section, line 0 (not in the file yet), its topic card
 * and a `created` event (source app). Run in the caller's transaction, after the checks.
 */
export async function insertAppTopic(db: Kysely<Database>, place: AppTopicPlace, now: string): Promise<Topic> {
  const row = await db
    .insertInto('topics')
    .values({
      checklist_id: place.checklistId,
      section_id: place.sectionId,
      section_key: place.sectionKey,
      parent_id: null,
      identity_key: place.identityKey,
      kind: 'topic',
      title: place.title,
      text: place.text,
      search_text: topicSearchText(place.text, ''),
      details: '',
      marker: 'none',
      position: await lastPosition(db, place.sectionId),
      depth: 0,
      line_start: 0,
      line_end: 0,
      state: 'new',
      confidence: null,
      notes: '',
      created_at: now,
      updated_at: now,
      archived_at: null,
      origin: 'app',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const topic = toTopic(row);
  await ensureTopicCard(db, topic, now);
  await db
    .insertInto('events')
    .values({
      checklist_id: place.checklistId,
      topic_id: topic.id,
      at: now,
      type: 'created',
      data: JSON.stringify({ section: place.sectionKey, state: topic.state, source: 'app' }),
    })
    .execute();
  return topic;
}

/**
 * An archived topic of the same identity, back as a topic added in prepdeck: its state, notes, card and history kept,
 * last in its section, not in the file until the next write-back; a `restored` event (source app).
 */
export async function restoreAsAppTopic(db: Kysely<Database>, id: number, place: AppTopicPlace, now: string): Promise<Topic> {
  const position = await lastPosition(db, place.sectionId);
  const before = await db.selectFrom('topics').select(['notes']).where('id', '=', id).executeTakeFirstOrThrow();
  const row = await db
    .updateTable('topics')
    .set({
      section_id: place.sectionId,
      section_key: place.sectionKey,
      parent_id: null,
      kind: 'topic',
      title: place.title,
      text: place.text,
      search_text: topicSearchText(place.text, before.notes),
      details: '',
      marker: 'none',
      position,
      depth: 0,
      line_start: 0,
      line_end: 0,
      archived_at: null,
      origin: 'app',
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const topic = toTopic(row);
  await ensureTopicCard(db, topic, now);
  await db
    .insertInto('events')
    .values({ checklist_id: place.checklistId, topic_id: id, at: now, type: 'restored', data: JSON.stringify({ source: 'app' }) })
    .execute();
  return topic;
}

/** The checklist's active topics added in prepdeck, in the order they were added: what a write-back puts into the file. */
export async function appTopicsOf(db: Kysely<Database>, checklistId: number): Promise<Topic[]> {
  const rows = await db
    .selectFrom('topics')
    .selectAll()
    .where('checklist_id', '=', checklistId)
    .where('origin', '=', 'app')
    .where('archived_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(toTopic);
}

/** What a topic holds besides itself: its cards, the reviews of them, the interview questions mapped to it. */
export interface TopicHoldingCounts {
  cards: number;
  /** Active question/answer cards (the user's own). */
  qaCards: number;
  reviews: number;
  questions: number;
}

export async function topicHoldings(db: Kysely<Database>, topicId: number): Promise<TopicHoldingCounts> {
  const [cards, reviews, questions] = await Promise.all([
    db.selectFrom('cards').select(['kind', 'archived_at']).where('topic_id', '=', topicId).execute(),
    db
      .selectFrom('review_log as r')
      .innerJoin('cards as c', 'c.id', 'r.card_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('c.topic_id', '=', topicId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('question_topics')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('topic_id', '=', topicId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    cards: cards.length,
    qaCards: cards.filter((card) => card.kind === 'qa' && card.archived_at === null).length,
    // PostgreSQL's count is a bigint, which pg hands over as a string.
    reviews: Number(reviews.n),
    questions: Number(questions.n),
  };
}

/**
 * Deletes a topic added in prepdeck, in the caller's transaction: the foreign keys take its cards and their reviews,
 * its events, resources, question links and plan target links; the checklist counts the removal for its revision.
 */
export async function deleteAppTopic(db: Kysely<Database>, topic: Pick<Topic, 'id' | 'checklistId'>): Promise<void> {
  // Archived children of a file topic that came back as one added in prepdeck still point at it.
  await db.updateTable('topics').set({ parent_id: null }).where('parent_id', '=', topic.id).execute();
  await db.deleteFrom('topics').where('id', '=', topic.id).where('origin', '=', 'app').executeTakeFirstOrThrow();
  await db
    .updateTable('checklists')
    .set((eb) => ({ topics_removed: eb('topics_removed', '+', 1) }))
    .where('id', '=', topic.checklistId)
    .execute();
}
