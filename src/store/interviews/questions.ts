// The questions of a round, with the topics and stories they are linked to.
import type { Kysely, Selectable } from 'kysely';
import type { Database, QuestionTable } from '../schema.js';

export type QuestionRow = Selectable<QuestionTable>;

export interface QuestionTopicRow {
  question_id: number;
  topic_id: number;
  checklist_id: number;
  checklist: string;
  title: string;
  section_id: number | null;
  section_key: string;
  archived_at: string | null;
}

export interface QuestionRows {
  questions: QuestionRow[];
  topics: QuestionTopicRow[];
  stories: Array<{ question_id: number; id: number; title: string }>;
}

function toQuestion(row: QuestionRow): QuestionRow {
  return {
    ...row,
    id: Number(row.id),
    round_id: Number(row.round_id),
    position: Number(row.position),
    score: row.score === null ? null : Number(row.score),
    card_id: row.card_id === null ? null : Number(row.card_id),
  };
}

/** The questions of these rounds (in the order asked) with their topics and stories. */
export async function readQuestions(db: Kysely<Database>, filter: { rounds?: readonly number[]; ids?: readonly number[] }): Promise<QuestionRows> {
  let query = db.selectFrom('questions').selectAll();
  if (filter.rounds) query = query.where('round_id', 'in', filter.rounds.length > 0 ? [...filter.rounds] : [0]);
  if (filter.ids) query = query.where('id', 'in', filter.ids.length > 0 ? [...filter.ids] : [0]);
  const questions = (await query.orderBy('round_id').orderBy('position').orderBy('id').execute()).map(toQuestion);
  const ids = questions.map((question) => question.id);
  if (ids.length === 0) return { questions, topics: [], stories: [] };
  const topics = await db
    .selectFrom('question_topics as qt')
    .innerJoin('topics as t', 't.id', 'qt.topic_id')
    .innerJoin('checklists as k', 'k.id', 't.checklist_id')
    .select(['qt.question_id', 'qt.topic_id', 't.checklist_id', 'k.name as checklist', 't.title', 't.section_id', 't.section_key', 't.archived_at'])
    .where('qt.question_id', 'in', ids)
    .orderBy('qt.question_id')
    .orderBy('qt.position')
    .execute();
  const stories = await db
    .selectFrom('question_stories as qs')
    .innerJoin('stories as s', 's.id', 'qs.story_id')
    .select(['qs.question_id', 's.id', 's.title'])
    .where('qs.question_id', 'in', ids)
    .orderBy('qs.question_id')
    .orderBy('s.id')
    .execute();
  return {
    questions,
    topics: topics.map((row) => ({
      ...row,
      question_id: Number(row.question_id),
      topic_id: Number(row.topic_id),
      checklist_id: Number(row.checklist_id),
      section_id: row.section_id === null ? null : Number(row.section_id),
    })),
    stories: stories.map((row) => ({ question_id: Number(row.question_id), id: Number(row.id), title: row.title })),
  };
}

export async function questionById(db: Kysely<Database>, id: number): Promise<QuestionRow | null> {
  const row = await db.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toQuestion(row) : null;
}

export async function insertQuestion(
  db: Kysely<Database>,
  values: { round_id: number; text: string; score: number | null; created_at: string },
): Promise<number> {
  const last = await db
    .selectFrom('questions')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('round_id', '=', values.round_id)
    .executeTakeFirst();
  const position = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
  const row = await db
    .insertInto('questions')
    .values({ ...values, position, card_id: null, updated_at: values.created_at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function changeQuestion(
  db: Kysely<Database>,
  id: number,
  change: { text?: string; score?: number | null; card_id?: number | null; updated_at: string },
): Promise<void> {
  await db.updateTable('questions').set(change).where('id', '=', id).execute();
}

export async function topicIdsOf(db: Kysely<Database>, questionId: number): Promise<number[]> {
  const rows = await db.selectFrom('question_topics').select('topic_id').where('question_id', '=', questionId).orderBy('position').execute();
  return rows.map((row) => Number(row.topic_id));
}

export async function setQuestionTopics(db: Kysely<Database>, questionId: number, topicIds: readonly number[]): Promise<void> {
  await db.deleteFrom('question_topics').where('question_id', '=', questionId).execute();
  if (topicIds.length > 0) {
    await db
      .insertInto('question_topics')
      .values(topicIds.map((topic_id, position) => ({ question_id: questionId, topic_id, position })))
      .execute();
  }
}

export async function setQuestionStories(db: Kysely<Database>, questionId: number, storyIds: readonly number[]): Promise<void> {
  await db.deleteFrom('question_stories').where('question_id', '=', questionId).execute();
  if (storyIds.length > 0) {
    await db
      .insertInto('question_stories')
      .values(storyIds.map((story_id) => ({ question_id: questionId, story_id })))
      .execute();
  }
}

/** Which of these story ids exist. */
export async function existingStories(db: Kysely<Database>, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('stories')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((row) => Number(row.id)));
}

/** The question and its links (its evidence must be withdrawn first: see withdrawEvidence). */
export async function deleteQuestionRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('question_topics').where('question_id', '=', id).execute();
  await db.deleteFrom('question_stories').where('question_id', '=', id).execute();
  await db.deleteFrom('questions').where('id', '=', id).execute();
}
