// Topics: read them, find them, and record what the user does to them (each change a line of history).
import { sql } from 'kysely';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { normalizeText, searchText } from '../../core/import/identity.js';
import { withCreation } from '../../core/checklist/history.js';
import { MAX_ID } from '../../core/validate.js';
import type { Checklist, EventType, Resource, Section, SectionNote, Topic, TopicEvent, TopicState } from '../../core/checklist/model.js';
import { getChecklist } from '../checklists/checklists.js';
import { inTransaction } from '../database.js';
import { toResource, toSection, toSectionNote, toTopic, toTopicEvent, topicSearchText } from '../rows.js';
import type { Database, TopicRow, TopicTable } from '../schema.js';

export interface ChecklistTreeRows {
  checklist: Checklist;
  /** In file order. */
  sections: Section[];
  /** Active topics in file order. */
  topics: Topic[];
  resources: Resource[];
  notes: SectionNote[];
}

/** Any topic, archived ones included; null for an id no topic can have (PostgreSQL's ids are 32-bit). */
export async function getTopic(db: Kysely<Database>, id: number): Promise<Topic | null> {
  if (!Number.isSafeInteger(id) || id < 1 || id > MAX_ID) return null;
  const row = await db.selectFrom('topics').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toTopic(row) : null;
}

export async function loadChecklistTree(db: Kysely<Database>, checklistId: number): Promise<ChecklistTreeRows | null> {
  const checklist = await getChecklist(db, checklistId);
  if (!checklist) return null;
  const sections = await db.selectFrom('sections').selectAll().where('checklist_id', '=', checklistId).orderBy('line_start').orderBy('id').execute();
  const topics = await activeTopics(db, checklistId).orderBy('line_start').orderBy('id').execute();
  const resources = await db.selectFrom('resources').selectAll().where('checklist_id', '=', checklistId).orderBy('line').orderBy('id').execute();
  const notes = await db
    .selectFrom('section_notes')
    .selectAll()
    .where('checklist_id', '=', checklistId)
    .orderBy('line_start')
    .orderBy('id')
    .execute();
  return {
    checklist,
    sections: sections.map(toSection),
    topics: topics.map(toTopic),
    resources: resources.map(toResource),
    notes: notes.map(toSectionNote),
  };
}

/**
 * Active topics whose title or notes contain `fragment`, case-insensitively. A fragment with slashes
 * (`aws/s3`) also matches topics whose section path contains those sections.
 */
export async function findTopicsByFragment(db: Kysely<Database>, fragment: string, checklistId?: number): Promise<Topic[]> {
  const needle = searchText(fragment.trim());
  if (needle === '') return [];
  const path = fragment.includes('/')
    ? fragment
        .split('/')
        .map((part) => normalizeText(part))
        .filter((part) => part !== '')
        .join(' / ')
    : '';
  const rows = await activeTopics(db, checklistId)
    .where((eb) => (path === '' ? contains('search_text', needle) : eb.or([contains('search_text', needle), contains('section_key', path)])))
    .orderBy('checklist_id')
    .orderBy('line_start')
    .execute();
  return rows.map(toTopic);
}

/** The texts of the active topics (of one checklist, when given): what a mistyped reference is compared with. */
export async function activeTopicTexts(db: Kysely<Database>, checklistId?: number): Promise<string[]> {
  const rows = await activeTopics(db, checklistId).select('text').execute();
  return [...new Set(rows.map((row) => row.text))];
}

/** Active topics containing every word of `query` in their title or notes; case-insensitive in any script. */
export async function searchTopics(db: Kysely<Database>, query: string, checklistId?: number): Promise<Topic[]> {
  // Lower-cased here, not with SQL lower(): SQLite's only folds ASCII, so ПЛЮШКИ would miss плюшки.
  const words = searchText(query)
    .split(/\s+/u)
    .filter((word) => word !== '');
  if (words.length === 0) return [];
  const rows = await activeTopics(db, checklistId)
    .where((eb) => eb.and(words.map((word) => contains('search_text', word))))
    .orderBy('checklist_id')
    .orderBy('line_start')
    .execute();
  return rows.map(toTopic);
}

/** Archived topics, the most recently archived first. */
export async function listArchivedTopics(db: Kysely<Database>, checklistId?: number): Promise<Topic[]> {
  let query = db.selectFrom('topics').selectAll().where('archived_at', 'is not', null);
  if (checklistId !== undefined) query = query.where('checklist_id', '=', checklistId);
  const rows = await query.orderBy('archived_at', 'desc').orderBy('id').execute();
  return rows.map(toTopic);
}

export async function topicResources(db: Kysely<Database>, topicId: number): Promise<Resource[]> {
  const rows = await db.selectFrom('resources').selectAll().where('topic_id', '=', topicId).orderBy('position').orderBy('id').execute();
  return rows.map(toResource);
}

/** Topics by id, for a handful of ids (a review queue's); unknown ids are left out. */
export async function topicsByIds(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, Topic>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('topics')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, toTopic(row)]));
}

/** The resources of each of these topics, in file order. */
export async function resourcesOfTopics(db: Kysely<Database>, topicIds: readonly number[]): Promise<Map<number, Resource[]>> {
  const byTopic = new Map<number, Resource[]>(topicIds.map((id) => [id, []]));
  if (topicIds.length === 0) return byTopic;
  const rows = await db
    .selectFrom('resources')
    .selectAll()
    .where('topic_id', 'in', [...topicIds])
    .orderBy('position')
    .orderBy('id')
    .execute();
  for (const row of rows) byTopic.get(row.topic_id!)?.push(toResource(row));
  return byTopic;
}

/** Every section of these checklists, in file order. */
export async function sectionsOf(db: Kysely<Database>, checklistIds: number[]): Promise<Section[]> {
  if (checklistIds.length === 0) return [];
  const rows = await db.selectFrom('sections').selectAll().where('checklist_id', 'in', checklistIds).orderBy('line_start').execute();
  return rows.map(toSection);
}

/** The topic's history, oldest first, its creation first (core/checklist/history.ts); empty for an unknown id. */
export async function topicHistory(db: Kysely<Database>, topicId: number): Promise<TopicEvent[]> {
  const topic = await getTopic(db, topicId);
  if (!topic) return [];
  const rows = await db.selectFrom('events').selectAll().where('topic_id', '=', topicId).orderBy('id').execute();
  return withCreation(topic, rows.map(toTopicEvent));
}

/** `source` says who changed it (`user`, `file`, `review` ...); it goes into the history. Null for an unknown id. */
export function setTopicState(db: Kysely<Database>, id: number, state: TopicState, now: string, source: string): Promise<Topic | null> {
  return changeTopic(db, id, now, (row) =>
    row.state === state ? null : { set: { state }, type: 'state', data: { from: row.state, to: state, source } },
  );
}

/** Confidence 1-4, or null to clear it. Null for an unknown id. */
export function setTopicConfidence(db: Kysely<Database>, id: number, confidence: number | null, now: string): Promise<Topic | null> {
  return changeTopic(db, id, now, (row) =>
    row.confidence === confidence ? null : { set: { confidence }, type: 'confidence', data: { from: row.confidence, to: confidence } },
  );
}

/** Replaces the topic's notes, which search then finds. Null for an unknown id. */
export function setTopicNotes(db: Kysely<Database>, id: number, notes: string, now: string): Promise<Topic | null> {
  return changeTopic(db, id, now, (row) =>
    row.notes === notes
      ? null
      : {
          set: { notes, search_text: topicSearchText(row.text, notes) },
          type: 'notes',
          data: { from: row.notes, to: notes },
        },
  );
}

/** Adds `text` as a new line at the end of the topic's notes, reading them in the same transaction. Null for an unknown id. */
export function appendTopicNotes(db: Kysely<Database>, id: number, text: string, now: string): Promise<Topic | null> {
  return changeTopic(db, id, now, (row) => {
    // A new paragraph: appended lines must not run into the last one's Markdown.
    const notes = row.notes ? `${row.notes}\n\n${text}` : text;
    return { set: { notes, search_text: topicSearchText(row.text, notes) }, type: 'notes', data: { from: row.notes, to: notes } };
  });
}

/** Adds a line to a topic's history that changes none of its fields (a card added to it). */
export async function logTopicEvent(
  db: Kysely<Database>,
  topic: { id: number; checklistId: number },
  type: EventType,
  data: Record<string, unknown>,
  now: string,
): Promise<void> {
  await db
    .insertInto('events')
    .values({ checklist_id: topic.checklistId, topic_id: topic.id, at: now, type, data: JSON.stringify(data) })
    .execute();
}

interface TopicChange {
  set: Partial<Pick<TopicTable, 'state' | 'confidence' | 'notes' | 'search_text'>>;
  type: EventType;
  data: Record<string, unknown>;
}

/** Reads the topic, applies `change` (null: nothing to do) and logs it, atomically. */
function changeTopic(db: Kysely<Database>, id: number, now: string, change: (row: TopicRow) => TopicChange | null): Promise<Topic | null> {
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('topics').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const planned = change(row);
    if (!planned) return toTopic(row);
    const updated = await trx
      .updateTable('topics')
      .set({ ...planned.set, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('events')
      .values({
        checklist_id: row.checklist_id,
        topic_id: id,
        at: now,
        type: planned.type,
        data: JSON.stringify(planned.data),
      })
      .execute();
    return toTopic(updated);
  });
}

function activeTopics(db: Kysely<Database>, checklistId?: number): SelectQueryBuilder<Database, 'topics', TopicRow> {
  const query = db.selectFrom('topics').selectAll().where('archived_at', 'is', null);
  return checklistId === undefined ? query : query.where('checklist_id', '=', checklistId);
}

/** Substring match with LIKE wildcards in `needle` taken literally; the column holds lower-cased text. */
function contains(column: 'search_text' | 'section_key', needle: string) {
  const pattern = `%${needle.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
