// The story bank: stories with their competencies and rehearsal log, and the hunt's list of competencies.
import type { Kysely, Selectable } from 'kysely';
import type { Competency } from '../../core/interviews/stories.js';
import type { CardSchedule } from '../../core/review/scheduling.js';
import { HUNT_ID } from '../hunt/hunt.js';
import type { Database, StoryTable } from '../schema.js';

export type StoryRow = Selectable<StoryTable>;

export interface StoryRecord extends StoryRow {
  /** Competency keys, in no particular order (the app orders them as the list does). */
  competencies: string[];
  /** Questions asked in rounds that it answered. */
  questions: number;
}

/** Every story of the hunt, or only the one `id`, with its competencies and question count: three queries, whatever their number. */
export async function readStories(db: Kysely<Database>, id?: number): Promise<StoryRecord[]> {
  let query = db.selectFrom('stories').selectAll().where('hunt_id', '=', HUNT_ID);
  if (id !== undefined) query = query.where('id', '=', id);
  const rows = await query.orderBy('id').execute();
  if (rows.length === 0) return [];
  const ids = id !== undefined ? [id] : null;
  let links = db
    .selectFrom('story_competencies as sc')
    .innerJoin('stories as s', 's.id', 'sc.story_id')
    .select(['sc.story_id', 'sc.competency_key'])
    .where('s.hunt_id', '=', HUNT_ID);
  if (ids) links = links.where('sc.story_id', 'in', ids);
  let counts = db
    .selectFrom('question_stories as qs')
    .innerJoin('stories as s', 's.id', 'qs.story_id')
    .select(['qs.story_id'])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('s.hunt_id', '=', HUNT_ID)
    .groupBy('qs.story_id');
  if (ids) counts = counts.where('qs.story_id', 'in', ids);
  const competencies = new Map<number, string[]>();
  for (const link of await links.execute()) {
    const list = competencies.get(link.story_id);
    if (list) list.push(link.competency_key);
    else competencies.set(link.story_id, [link.competency_key]);
  }
  const questions = new Map((await counts.execute()).map((row) => [row.story_id, Number(row.n)]));
  return rows.map((row) => ({ ...row, competencies: competencies.get(row.id) ?? [], questions: questions.get(row.id) ?? 0 }));
}

export async function storyById(db: Kysely<Database>, id: number): Promise<StoryRecord | null> {
  return (await readStories(db, id))[0] ?? null;
}

/** Every story's id and title, for naming one by a fragment of its title. */
export function storyTitles(db: Kysely<Database>) {
  return db.selectFrom('stories').select(['id', 'title', 'archived_at']).where('hunt_id', '=', HUNT_ID).orderBy('id').execute();
}

export interface StoryValues {
  title: string;
  situation: string;
  task: string;
  action: string;
  result: string;
  tags: string[];
}

export async function insertStory(db: Kysely<Database>, values: StoryValues, schedule: CardSchedule, now: string): Promise<number> {
  const row = await db
    .insertInto('stories')
    .values({
      hunt_id: HUNT_ID,
      ...values,
      tags: JSON.stringify(values.tags),
      schedule: JSON.stringify(schedule),
      created_at: now,
      updated_at: now,
      archived_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function changeStory(
  db: Kysely<Database>,
  id: number,
  change: Partial<Omit<StoryValues, 'tags'>> & { tags?: string[]; updatedAt?: string; archivedAt?: string | null; schedule?: CardSchedule },
): Promise<void> {
  const { tags, updatedAt, archivedAt, schedule, ...text } = change;
  const set = {
    ...text,
    ...(tags !== undefined ? { tags: JSON.stringify(tags) } : {}),
    ...(updatedAt !== undefined ? { updated_at: updatedAt } : {}),
    ...(archivedAt !== undefined ? { archived_at: archivedAt } : {}),
    ...(schedule !== undefined ? { schedule: JSON.stringify(schedule) } : {}),
  };
  if (Object.keys(set).length > 0) await db.updateTable('stories').set(set).where('id', '=', id).where('hunt_id', '=', HUNT_ID).execute();
}

/** The story's competencies become `keys`. */
export async function setStoryCompetencies(db: Kysely<Database>, storyId: number, keys: readonly string[]): Promise<void> {
  await db.deleteFrom('story_competencies').where('story_id', '=', storyId).execute();
  if (keys.length > 0)
    await db
      .insertInto('story_competencies')
      .values(keys.map((key) => ({ story_id: storyId, competency_key: key })))
      .execute();
}

/** The story goes with its competencies, rehearsal log and links to questions (the foreign keys cascade). */
export async function deleteStoryRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('stories').where('id', '=', id).where('hunt_id', '=', HUNT_ID).execute();
}

export async function appendStoryReview(db: Kysely<Database>, storyId: number, rating: number, at: string, previous: CardSchedule): Promise<void> {
  await db
    .insertInto('story_reviews')
    .values({ story_id: storyId, rating, reviewed_at: at, previous: JSON.stringify(previous) })
    .execute();
}

export async function lastStoryReview(db: Kysely<Database>, storyId: number) {
  return (await db.selectFrom('story_reviews').selectAll().where('story_id', '=', storyId).orderBy('id', 'desc').limit(1).executeTakeFirst()) ?? null;
}

export async function deleteStoryReview(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('story_reviews').where('id', '=', id).execute();
}

export async function readCompetencies(db: Kysely<Database>): Promise<Competency[]> {
  return db.selectFrom('competencies').select(['key', 'label']).where('hunt_id', '=', HUNT_ID).orderBy('position').orderBy('key').execute();
}

/** Writes `competencies` as the hunt's list, in this order: new keys are added, kept ones relabelled and renumbered. */
export async function writeCompetencies(db: Kysely<Database>, competencies: readonly Competency[]): Promise<void> {
  const stored = new Map(
    (await db.selectFrom('competencies').select(['key', 'label', 'position']).where('hunt_id', '=', HUNT_ID).execute()).map((row) => [row.key, row]),
  );
  for (const [position, competency] of competencies.entries()) {
    const before = stored.get(competency.key);
    if (!before) {
      await db.insertInto('competencies').values({ hunt_id: HUNT_ID, key: competency.key, label: competency.label, position }).execute();
    } else if (before.label !== competency.label || before.position !== position) {
      await db
        .updateTable('competencies')
        .set({ label: competency.label, position })
        .where('hunt_id', '=', HUNT_ID)
        .where('key', '=', competency.key)
        .execute();
    }
  }
}
