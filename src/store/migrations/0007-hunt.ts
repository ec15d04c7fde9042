// The job hunt: one hunt (its stages and time zone), criteria (the checklists' Goals and the user's own), and
// applications with their marks, append-only stage history, contacts, follow-ups and offer.
import { sql } from 'kysely';
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

/** The hunt every store starts with; accounts will add one per user. */
const HUNT_ID = 1;
// Written out, not imported: a migration must stay what it was when it ran.
const STAGES = [
  ['wishlist', 'Wishlist', 0],
  ['applied', 'Applied', 0],
  ['screening', 'Screening', 0],
  ['technical', 'Technical', 0],
  ['onsite', 'Onsite', 0],
  ['offer', 'Offer', 0],
  ['accepted', 'Accepted', 1],
  ['rejected', 'Rejected', 1],
  ['withdrawn', 'Withdrawn', 1],
  ['ghosted', 'Ghosted', 1],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const { idColumn } = dialectOf(db);
  const application = (col: ColumnDefinitionBuilder) => col.notNull().references('applications.id').onDelete('cascade');

  await db.schema
    .createTable('hunts')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    // Null: the time zone of the machine prepdeck runs on.
    .addColumn('time_zone', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('hunt_stages')
    .addColumn('hunt_id', 'integer', (col) => col.notNull().references('hunts.id').onDelete('cascade'))
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('outcome', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('hunt_stages_pk', ['hunt_id', 'key'])
    .execute();

  await db.schema
    .createTable('criteria')
    .addColumn('id', 'integer', idColumn)
    .addColumn('hunt_id', 'integer', (col) => col.notNull().references('hunts.id').onDelete('cascade'))
    // The Goals item this criterion follows; null for the user's own, or once its checklist is removed.
    .addColumn('topic_id', 'integer', (col) => col.references('topics.id').onDelete('set null'))
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col
        .notNull()
        .defaultTo('weighted')
        .check(sql`kind in ('gate', 'weighted')`),
    )
    .addColumn('weight', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(3)
        .check(sql`weight between 1 and 5`),
    )
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('criteria_topic').on('criteria').column('topic_id').unique().execute();
  await db.schema.createIndex('criteria_hunt').on('criteria').columns(['hunt_id', 'position']).execute();

  await db.schema
    .createTable('applications')
    .addColumn('id', 'integer', idColumn)
    .addColumn('hunt_id', 'integer', (col) => col.notNull().references('hunts.id').onDelete('cascade'))
    .addColumn('company', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('link', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('location', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('remote', 'text', (col) => col.check(sql`remote in ('remote', 'hybrid', 'onsite')`))
    .addColumn('salary_min', 'double precision')
    .addColumn('salary_max', 'double precision')
    .addColumn('salary_currency', 'text')
    .addColumn('salary_period', 'text')
    .addColumn('source', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('found_on', 'text')
    .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
    // JSON array of strings.
    .addColumn('tags', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('stage_changed_at', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('applications_hunt_stage').on('applications').columns(['hunt_id', 'stage', 'id']).execute();

  // Append-only: a stage change is never edited or removed, only a hard delete of its application takes it.
  await db.schema
    .createTable('stage_events')
    .addColumn('id', 'integer', idColumn)
    .addColumn('application_id', 'integer', application)
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('stage_events_application').on('stage_events').columns(['application_id', 'id']).execute();

  await db.schema
    .createTable('marks')
    .addColumn('application_id', 'integer', application)
    .addColumn('criterion_id', 'integer', (col) => col.notNull().references('criteria.id').onDelete('cascade'))
    .addColumn('value', 'text', (col) => col.notNull().check(sql`value in ('yes', 'no', 'unknown')`))
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('marks_pk', ['application_id', 'criterion_id'])
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'integer', idColumn)
    .addColumn('application_id', 'integer', application)
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().defaultTo('other'))
    .addColumn('email', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('link', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('contacts_application').on('contacts').columns(['application_id', 'id']).execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'integer', idColumn)
    .addColumn('application_id', 'integer', application)
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('due_on', 'text', (col) => col.notNull())
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('follow_ups_application').on('follow_ups').columns(['application_id', 'due_on']).execute();
  await db.schema.createIndex('follow_ups_open').on('follow_ups').column('due_on').where(sql.ref('done_at'), 'is', null).execute();

  await db.schema
    .createTable('offers')
    .addColumn('application_id', 'integer', (col) => col.primaryKey().references('applications.id').onDelete('cascade'))
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('period', 'text', (col) => col.notNull())
    .addColumn('base', 'double precision', (col) => col.notNull())
    .addColumn('bonus', 'double precision')
    .addColumn('equity_amount', 'double precision')
    .addColumn('equity_vesting', 'text')
    .addColumn('sign_on', 'double precision')
    .addColumn('perks', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('remote', 'text')
    .addColumn('start_on', 'text')
    .addColumn('deadline_on', 'text')
    .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  const now = new Date().toISOString();
  await db.insertInto('hunts').values({ id: HUNT_ID, time_zone: null, created_at: now }).execute();
  await db
    .insertInto('hunt_stages')
    .values(STAGES.map(([key, label, outcome], position) => ({ hunt_id: HUNT_ID, key, label, outcome, position })))
    .execute();
  // The Goals already imported become criteria, in file order; later imports keep them in step.
  await sql`
    insert into criteria (hunt_id, topic_id, text, kind, weight, position, created_at, archived_at)
    select ${HUNT_ID}, t.id, t.text, 'weighted', 3, row_number() over (order by t.checklist_id, t.line_start, t.id), ${now}, t.archived_at
    from topics t where t.kind = 'goal'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['offers', 'follow_ups', 'contacts', 'marks', 'stage_events', 'applications', 'criteria', 'hunt_stages', 'hunts']) {
    await db.schema.dropTable(table).execute();
  }
}
