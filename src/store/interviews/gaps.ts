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
  const questionRows = await matchingRounds(db, filters)
    .innerJoin('questions as q', 'q.round_id', 'r.id')
    .select(['q.id', 'q.round_id', 'q.score'])
    .orderBy('q.id')
    .execute();

  // The links, and the topics they reach, of the questions of those rounds: active topics only (of one checklist when asked).
  const linkedTopics = (query: ReturnType<typeof matchingRounds>) => {
    let linked = query
      .innerJoin('questions as q', 'q.round_id', 'r.id')
      .innerJoin('question_topics as qt', 'qt.question_id', 'q.id')
      .innerJoin('topics as t', 't.id', 'qt.topic_id')
      .where('t.archived_at', 'is', null);
    if (filters.checklistId !== undefined) linked = linked.where('t.checklist_id', '=', filters.checklistId);
    return linked;
  };
  const links = await linkedTopics(matchingRounds(db, filters))
    .select(['qt.question_id', 'qt.topic_id'])
    .orderBy('qt.question_id')
    .orderBy('qt.position')
    .execute();
  const topicRows = await db
    .selectFrom('topics as t')
    .leftJoin('cards as c', (join) => join.onRef('c.topic_id', '=', 't.id').on('c.kind', '=', 'topic'))
    .select(['t.id', 't.checklist_id', 't.title', 't.section_id', 't.section_key'])
    .select([
      'c.id as card_id',
      'c.due',
      'c.stability',
      'c.difficulty',
      'c.elapsed_days',
      'c.scheduled_days',
      'c.reps',
      'c.lapses',
      'c.learning_steps',
      'c.state',
      'c.last_review',
    ])
    .where('t.id', 'in', linkedTopics(matchingRounds(db, filters)).select('qt.topic_id'))
    .execute();

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

  const topicsOf = new Map<number, number[]>();
  for (const link of links) {
    const list = topicsOf.get(link.question_id);
    if (list) list.push(link.topic_id);
    else topicsOf.set(link.question_id, [link.topic_id]);
  }
  return {
    rounds: rounds.map((row) => ({ id: row.id, kind: row.kind, startsAt: row.starts_at, company: row.company })),
    questions: questionRows.map((row) => ({ id: row.id, roundId: row.round_id, score: row.score, topicIds: topicsOf.get(row.id) ?? [] })),
    topics: topicRows.map((row) => ({
      id: row.id,
      checklistId: row.checklist_id,
      title: row.title,
      sectionId: row.section_id,
      sectionKey: row.section_key,
      card:
        row.card_id === null || row.due === null || row.state === null
          ? null
          : {
              id: row.card_id,
              ...scheduleOfRow({
                due: row.due,
                stability: row.stability!,
                difficulty: row.difficulty!,
                elapsed_days: row.elapsed_days!,
                scheduled_days: row.scheduled_days!,
                reps: row.reps!,
                lapses: row.lapses!,
                learning_steps: row.learning_steps!,
                state: row.state,
                last_review: row.last_review,
              }),
            },
    })),
    sections,
    checklists,
  };
}
