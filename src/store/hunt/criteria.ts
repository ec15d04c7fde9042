// Criteria: the user's own, and the checklists' Goals, which each import keeps in step with the file.
import type { Kysely } from 'kysely';
import type { CriterionKind } from '../../contract/hunt.js';
import type { Database } from '../schema.js';
import { HUNT_ID } from './hunt.js';

export interface CriterionRecord {
  id: number;
  topicId: number | null;
  /** The name of the checklist of its goal; null for one's own. */
  checklist: string | null;
  text: string;
  kind: CriterionKind;
  weight: number;
  position: number;
  /** Its own archiving, else its goal's: a goal the file no longer has archives its criterion. */
  archivedAt: string | null;
  /** When its goal is archived (the file dropped it); restoring the goal in the file brings it back. */
  goalArchivedAt: string | null;
}

/** Every criterion of the hunt: active ones in order, archived ones last. */
export async function listCriteria(db: Kysely<Database>): Promise<CriterionRecord[]> {
  const rows = await selectCriteria(db).execute();
  return rows.map(toRecord).sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null) || a.position - b.position || a.id - b.id);
}

export async function criterionById(db: Kysely<Database>, id: number): Promise<CriterionRecord | null> {
  const row = await selectCriteria(db).where('c.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function insertCriterion(
  db: Kysely<Database>,
  values: { text: string; kind: CriterionKind; weight: number; topicId: number | null },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('criteria')
    .values({
      hunt_id: HUNT_ID,
      topic_id: values.topicId,
      text: values.text,
      kind: values.kind,
      weight: values.weight,
      position: await nextPosition(db),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function changeCriterion(
  db: Kysely<Database>,
  id: number,
  change: Partial<{ text: string; kind: CriterionKind; weight: number; archived_at: string | null }>,
): Promise<void> {
  if (Object.keys(change).length === 0) return;
  await db.updateTable('criteria').set(change).where('id', '=', id).where('hunt_id', '=', HUNT_ID).execute();
}

/**
 * After an import of `checklistId`: each active goal without a criterion gets one (weighted 3, last), and each
 * goal's criterion takes its text as the file now writes it. The importer matched a reworded goal to its topic,
 * so its criterion (and the marks on it) stay the same.
 */
export async function syncGoalCriteria(db: Kysely<Database>, checklistId: number, now: string): Promise<void> {
  const goals = await db
    .selectFrom('topics')
    .select(['id', 'text', 'archived_at'])
    .where('checklist_id', '=', checklistId)
    .where('kind', '=', 'goal')
    .orderBy('line_start')
    .orderBy('id')
    .execute();
  if (goals.length === 0) return;
  const criteria = new Map(
    (
      await db
        .selectFrom('criteria')
        .select(['id', 'topic_id', 'text'])
        .where(
          'topic_id',
          'in',
          goals.map((goal) => goal.id),
        )
        .execute()
    ).map((row) => [row.topic_id!, row]),
  );
  for (const goal of goals) {
    const criterion = criteria.get(goal.id);
    if (criterion) {
      if (criterion.text !== goal.text) await db.updateTable('criteria').set({ text: goal.text }).where('id', '=', criterion.id).execute();
    } else if (goal.archived_at === null) {
      await insertCriterion(db, { text: goal.text, kind: 'weighted', weight: 3, topicId: goal.id }, now);
    }
  }
}

/** Before a checklist is removed: its goals' criteria are archived, with their text and marks kept. */
export async function archiveGoalCriteria(db: Kysely<Database>, checklistId: number, now: string): Promise<void> {
  await db
    .updateTable('criteria')
    .set({ archived_at: now })
    .where('archived_at', 'is', null)
    .where('topic_id', 'in', db.selectFrom('topics').select('id').where('checklist_id', '=', checklistId))
    .execute();
}

async function nextPosition(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('criteria')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('hunt_id', '=', HUNT_ID)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 1 : Number(row.last) + 1;
}

function selectCriteria(db: Kysely<Database>) {
  return db
    .selectFrom('criteria as c')
    .leftJoin('topics as t', 't.id', 'c.topic_id')
    .leftJoin('checklists as ch', 'ch.id', 't.checklist_id')
    .select([
      'c.id',
      'c.topic_id',
      'c.text',
      'c.kind',
      'c.weight',
      'c.position',
      'c.archived_at',
      't.archived_at as goal_archived_at',
      'ch.name as checklist',
    ])
    .where('c.hunt_id', '=', HUNT_ID);
}

function toRecord(row: {
  id: number;
  topic_id: number | null;
  text: string;
  kind: CriterionKind;
  weight: number;
  position: number;
  archived_at: string | null;
  goal_archived_at: string | null;
  checklist: string | null;
}): CriterionRecord {
  return {
    id: row.id,
    topicId: row.topic_id,
    checklist: row.checklist,
    text: row.text,
    kind: row.kind,
    weight: row.weight,
    position: row.position,
    archivedAt: row.archived_at ?? row.goal_archived_at,
    goalArchivedAt: row.goal_archived_at,
  };
}
