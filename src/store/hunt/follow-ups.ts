// Follow-ups: per application, and across the hunt for the list and the Dashboard.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, FollowUpTable } from '../schema.js';
import { HUNT_ID } from './hunt.js';

export type FollowUpRow = Selectable<FollowUpTable>;

/** Open ones first, each part by due date. */
export function followUpsOf(db: Kysely<Database>, applicationId: number): Promise<FollowUpRow[]> {
  return db
    .selectFrom('follow_ups')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy((eb) => eb.case().when('done_at', 'is', null).then(0).else(1).end())
    .orderBy('due_on')
    .orderBy('id')
    .execute();
}

export async function followUpById(db: Kysely<Database>, id: number): Promise<FollowUpRow | null> {
  return (await db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The number of open follow-ups an application has. */
export async function openFollowUpCount(db: Kysely<Database>, applicationId: number): Promise<number> {
  const { count } = await db
    .selectFrom('follow_ups')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('application_id', '=', applicationId)
    .where('done_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/**
 * Follow-ups of the active applications with their company, role and stage (which says whether it is closed), by
 * due date; open ones only unless `done`.
 */
export function huntFollowUps(db: Kysely<Database>, options: { done: boolean; dueBy?: string }) {
  let query = db
    .selectFrom('follow_ups as f')
    .innerJoin('applications as a', 'a.id', 'f.application_id')
    .selectAll('f')
    .select(['a.company', 'a.role', 'a.stage'])
    .where('a.hunt_id', '=', HUNT_ID)
    .where('a.archived_at', 'is', null);
  if (!options.done) query = query.where('f.done_at', 'is', null);
  if (options.dueBy !== undefined) query = query.where('f.due_on', '<=', options.dueBy);
  return query.orderBy('f.due_on').orderBy('f.id').execute();
}

export async function insertFollowUp(db: Kysely<Database>, values: Omit<Insertable<FollowUpTable>, 'id'>): Promise<void> {
  await db.insertInto('follow_ups').values(values).execute();
}

export async function changeFollowUp(
  db: Kysely<Database>,
  id: number,
  change: Omit<Updateable<FollowUpTable>, 'id' | 'application_id'>,
): Promise<void> {
  if (Object.keys(change).length > 0) await db.updateTable('follow_ups').set(change).where('id', '=', id).execute();
}

export async function deleteFollowUpRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('follow_ups').where('id', '=', id).execute();
}
