// The rows the gap analysis reads, in a query each, never one per topic or round: the rounds matching the filters,
// their questions, the links of those questions to topics, the topics with their topic card, and the sections.
import type { Kysely } from 'kysely';
import type { GapQuestion, GapRound, GapSectionInput } from '../../core/interviews/gaps.js';
import type { SchedulableCard } from '../../core/review/scheduling.js';
import { HUNT_ID } from '../hunt/hunt.js';
import { scheduleOfRow } from '../review/cards.js';
import type { Database } from '../schema.js';

export interface GapFilters {
  kind?: string | undefined;
  /** Rounds starting at or after this instant (ISO-8601 UTC). */
  since?: string | null | undefined;
  /** Rounds starting before this instant. */
  before?: string | null | undefined;
  /** Only topics of this checklist. */
  checklistId?: number | undefined;
}

export interface GapTopicRow {
  id: number;
  checklistId: number;
  title: string;
  sectionId: number | null;
  sectionKey: string;
  card: SchedulableCard | null;
}

export interface GapRows {
  rounds: GapRound[];
  questions: GapQuestion[];
  topics: GapTopicRow[];
  /** The sections of the topics' checklists, with each checklist's name. */
  sections: GapSectionInput[];
  checklists: Map<number, string>;
}

function matchingRounds(db: Kysely<Database>, filters: GapFilters) {
  let query = db.selectFrom('rounds as r').innerJoin('applications as a', 'a.id', 'r.application_id').where('a.hunt_id', '=', HUNT_ID);
  if (filters.kind !== undefined) query = query.where('r.kind', '=', filters.kind);
  if (filters.since) query = query.where('r.starts_at', '>=', filters.since);
  if (filters.before) query = query.where('r.starts_at', '<', filters.before);
  return query;
}

export async function readGapRows(db: Kysely<Database>, filters: GapFilters): Promise<GapRows> {
  const rounds = await matchingRounds(db, filters).select(['r.id', 'r.kind', 'r.starts_at', 'a.company']).execute();
  // The questions of those rounds with the topics each touches, a row per link (one with a null topic for a question touching none).
  const questionRows = await matchingRounds(db, filters)
    .innerJoin('questions as q', 'q.round_id', 'r.id')
    .leftJoin('question_topics as qt', 'qt.question_id', 'q.id')
    .select(['q.id', 'q.round_id', 'q.score', 'qt.topic_id'])
    .execute();
  // Every active topic any question touches (of one checklist when asked), and their topic cards: a superset of the
  // links above that the index on question_topics answers without the rounds' joins. Two queries joined here, not one
  // join: on a PostgreSQL whose statistics lag behind an import, the planner nests a loop over cards x topics.
  const askedTopics = db.selectFrom('question_topics').select('topic_id');
  let topicQuery = db
    .selectFrom('topics')
    .select(['id', 'checklist_id', 'title', 'section_id', 'section_key'])
    .where('archived_at', 'is', null)
    .where('id', 'in', askedTopics);
  if (filters.checklistId !== undefined) topicQuery = topicQuery.where('checklist_id', '=', filters.checklistId);
  const asked = new Set(questionRows.map((row) => row.topic_id));
  const topicRows = (await topicQuery.execute()).filter((row) => asked.has(row.id));
  const cards = new Map<number, SchedulableCard>();
  const cardRows = await db
    .selectFrom('cards')
    .select([
      'id',
      'topic_id',
      'due',
      'stability',
      'difficulty',
      'elapsed_days',
      'scheduled_days',
      'reps',
      'lapses',
      'learning_steps',
      'state',
      'last_review',
    ])
    .where('kind', '=', 'topic')
    .where('topic_id', 'in', askedTopics)
    .execute();
  for (const row of cardRows) if (row.topic_id !== null) cards.set(row.topic_id, { id: row.id, ...scheduleOfRow(row) });

  const checklistIds = [...new Set(topicRows.map((row) => row.checklist_id))];
  const checklists = new Map<number, string>();
  const sections: GapSectionInput[] = [];
  if (checklistIds.length > 0) {
    for (const row of await db.selectFrom('checklists').select(['id', 'name']).where('id', 'in', checklistIds).execute())
      checklists.set(row.id, row.name);
    const sectionRows = await db
      .selectFrom('sections')
      .select(['id', 'parent_id', 'checklist_id', 'path_key', 'text'])
      .where('checklist_id', 'in', checklistIds)
      .execute();
    for (const row of sectionRows) {
      sections.push({ id: row.id, parentId: row.parent_id, checklist: checklists.get(row.checklist_id) ?? '', key: row.path_key, text: row.text });
    }
  }

  // Grouped here rather than ordered by the database: the order of the links says nothing to the analysis.
  const byId = new Map<number, { id: number; roundId: number; score: number | null; topicIds: number[] }>();
  for (const row of questionRows) {
    let question = byId.get(row.id);
    if (!question) byId.set(row.id, (question = { id: row.id, roundId: row.round_id, score: row.score, topicIds: [] }));
    if (row.topic_id !== null) question.topicIds.push(row.topic_id);
  }
  const questions: GapQuestion[] = [...byId.values()];
  return {
    rounds: rounds.map((row) => ({ id: row.id, kind: row.kind, startsAt: row.starts_at, company: row.company })),
    questions,
    topics: topicRows.map((row) => ({
      id: row.id,
      checklistId: row.checklist_id,
      title: row.title,
      sectionId: row.section_id,
      sectionKey: row.section_key,
      card: cards.get(row.id) ?? null,
    })),
    sections,
    checklists,
  };
}
