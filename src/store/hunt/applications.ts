// Applications with their marks and stage history. The board's list reads each kind of row once for all
// applications (never a query per application).
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { MarkValue } from '../../contract/hunt.js';
import type { StageChange } from '../../core/hunt/closing.js';
import type { StageHistory } from '../../core/hunt/funnel.js';
import { dialectOf } from '../dialect.js';
import type { ApplicationTable, Database, MarkTable, StageEventTable } from '../schema.js';
import { HUNT_ID } from './hunt.js';

export type ApplicationRow = Selectable<ApplicationTable>;
export type MarkRow = Selectable<MarkTable>;
export type StageEventRow = Selectable<StageEventTable>;
export type NewApplication = Omit<Insertable<ApplicationTable>, 'id' | 'hunt_id'>;
export type ApplicationChange = Omit<Updateable<ApplicationTable>, 'id' | 'hunt_id' | 'stage' | 'stage_changed_at' | 'created_at'>;

export interface ApplicationFilter {
  stage?: string | undefined;
  /** Archived ones too. */
  archived?: boolean | undefined;
}

export interface NextFollowUp {
  id: number;
  applicationId: number;
  title: string;
  dueOn: string;
}

/** What the board shows: the applications, their marks (yes and no), their next open follow-up and which have an offer. */
export interface ApplicationListRows {
  applications: ApplicationRow[];
  marks: Array<Pick<MarkRow, 'application_id' | 'criterion_id' | 'value'>>;
  nextFollowUps: Map<number, NextFollowUp>;
  withOffer: Set<number>;
}

function applications(db: Kysely<Database>, filter: ApplicationFilter) {
  let query = db.selectFrom('applications as a').where('a.hunt_id', '=', HUNT_ID);
  if (filter.stage !== undefined) query = query.where('a.stage', '=', filter.stage);
  if (!filter.archived) query = query.where('a.archived_at', 'is', null);
  return query;
}

export async function readApplicationList(db: Kysely<Database>, filter: ApplicationFilter): Promise<ApplicationListRows> {
  // The rows besides the applications are read for the whole hunt, without joining the filter again, and kept for the
  // listed ids: cheaper than a join per kind of row, and a board lists most of the hunt anyway. The four reads are
  // independent, so they go out together: a PostgreSQL pool answers them side by side (SQLite runs them in turn).
  const ofHunt = db.selectFrom('applications').select('id').where('hunt_id', '=', HUNT_ID);
  const [rows, marks, openFollowUps, offers] = await Promise.all([
    applications(db, filter).selectAll('a').orderBy('a.id').execute(),
    // An unknown mark counts as no mark in a fit.
    db
      .selectFrom('marks')
      .select(['application_id', 'criterion_id', 'value'])
      .where('value', '!=', 'unknown')
      .where('application_id', 'in', ofHunt)
      .execute(),
    db
      .selectFrom('follow_ups')
      .select(['id', 'application_id', 'title', 'due_on'])
      .where('done_at', 'is', null)
      .where('application_id', 'in', ofHunt)
      .orderBy('due_on')
      .orderBy('id')
      .execute(),
    db.selectFrom('offers').select('application_id').where('application_id', 'in', ofHunt).execute(),
  ]);
  const listed = new Set(rows.map((row) => row.id));
  const nextFollowUps = new Map<number, NextFollowUp>();
  for (const row of openFollowUps) {
    if (listed.has(row.application_id) && !nextFollowUps.has(row.application_id)) {
      nextFollowUps.set(row.application_id, { id: row.id, applicationId: row.application_id, title: row.title, dueOn: row.due_on });
    }
  }
  return {
    applications: rows,
    marks: marks.filter((mark) => listed.has(mark.application_id)),
    nextFollowUps,
    withOffer: new Set(offers.map((row) => row.application_id).filter((id) => listed.has(id))),
  };
}

export async function applicationRow(db: Kysely<Database>, id: number): Promise<ApplicationRow | null> {
  return (await db.selectFrom('applications').selectAll().where('id', '=', id).where('hunt_id', '=', HUNT_ID).executeTakeFirst()) ?? null;
}

/** What resolving a reference matches against: every application, archived ones included. */
export function applicationNames(db: Kysely<Database>) {
  return db
    .selectFrom('applications')
    .select(['id', 'company', 'role', 'stage', 'archived_at'])
    .where('hunt_id', '=', HUNT_ID)
    .orderBy('id')
    .execute();
}

export async function marksOf(db: Kysely<Database>, applicationId: number): Promise<MarkRow[]> {
  return db.selectFrom('marks').selectAll().where('application_id', '=', applicationId).execute();
}

export async function historyOf(db: Kysely<Database>, applicationId: number): Promise<StageEventRow[]> {
  return db.selectFrom('stage_events').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
}

/** The stage changes of these applications, each one's in the order recorded (by id); one read for them all. */
export async function stageChangesOf(db: Kysely<Database>, applicationIds: readonly number[]): Promise<Map<number, StageChange[]>> {
  const changes = new Map<number, StageChange[]>();
  if (applicationIds.length === 0) return changes;
  const rows = await db
    .selectFrom('stage_events')
    .select(['application_id', 'to_stage', 'at'])
    .where('application_id', 'in', [...new Set(applicationIds)])
    .orderBy('application_id')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const id = Number(row.application_id);
    let list = changes.get(id);
    if (!list) changes.set(id, (list = []));
    list.push({ stage: row.to_stage, at: row.at });
  }
  return changes;
}

/**
 * Every application's stage events (archived applications' too: they are part of the hunt's history), a row per
 * application rather than a row per event, which reads several times faster. The lists come in no set order, each
 * event's id saying when it was recorded.
 */
export async function stageHistories(db: Kysely<Database>): Promise<StageHistory[]> {
  const { jsonRowsOf } = dialectOf(db);
  const rows = await db
    .selectFrom('stage_events')
    .select((eb) => jsonRowsOf(eb.ref('id'), eb.ref('to_stage'), eb.ref('at')).as('events'))
    .where('application_id', 'in', db.selectFrom('applications').select('id').where('hunt_id', '=', HUNT_ID))
    .groupBy('application_id')
    .execute();
  return rows.map((row) => JSON.parse(row.events) as StageHistory);
}

/** The marks of the applications with an offer, for comparing the offers. */
export async function marksOfOffers(db: Kysely<Database>): Promise<MarkRow[]> {
  return db.selectFrom('marks').selectAll().where('application_id', 'in', db.selectFrom('offers').select('application_id')).execute();
}

/** A new application and the first line of its history (from nothing to its stage). */
export async function insertApplication(db: Kysely<Database>, values: NewApplication): Promise<number> {
  const { id } = await db
    .insertInto('applications')
    .values({ ...values, hunt_id: HUNT_ID })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('stage_events')
    .values({ application_id: id, from_stage: null, to_stage: values.stage, at: values.stage_changed_at, note: '' })
    .execute();
  return id;
}

export async function changeApplication(db: Kysely<Database>, id: number, change: ApplicationChange): Promise<void> {
  await db.updateTable('applications').set(change).where('id', '=', id).execute();
}

/**
 * Appends a stage change and moves the application; only from `from`, the stage the caller checked. The new event's
 * id, or null when the application is no longer at `from` (nothing is written).
 */
export async function appendMove(
  db: Kysely<Database>,
  id: number,
  move: { from: string; to: string; at: string; note: string },
  now: string,
): Promise<number | null> {
  const result = await db
    .updateTable('applications')
    .set({ stage: move.to, stage_changed_at: move.at, updated_at: now })
    .where('id', '=', id)
    .where('stage', '=', move.from)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return null;
  const event = await db
    .insertInto('stage_events')
    .values({ application_id: id, from_stage: move.from, to_stage: move.to, at: move.at, note: move.note })
    .returning('id')
    .executeTakeFirstOrThrow();
  return event.id;
}

export async function putMark(
  db: Kysely<Database>,
  mark: { applicationId: number; criterionId: number; value: MarkValue; note: string },
  now: string,
): Promise<void> {
  const values = { value: mark.value, note: mark.note, updated_at: now };
  await db
    .insertInto('marks')
    .values({ application_id: mark.applicationId, criterion_id: mark.criterionId, ...values })
    .onConflict((conflict) => conflict.columns(['application_id', 'criterion_id']).doUpdateSet(values))
    .execute();
  await db.updateTable('applications').set({ updated_at: now }).where('id', '=', mark.applicationId).execute();
}

/** The explicit hard delete: the application and everything it holds, its history included. */
export async function deleteApplicationRows(db: Kysely<Database>, id: number): Promise<void> {
  for (const table of ['stage_events', 'marks', 'contacts', 'follow_ups', 'offers'] as const) {
    await db.deleteFrom(table).where('application_id', '=', id).execute();
  }
  await db.deleteFrom('applications').where('id', '=', id).execute();
}
