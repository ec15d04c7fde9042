// The plan to an interview date: a checklist's study availability and time costs, its targets (a date with a
// scope of sections and topics, or an interview round whose time and sections are read from the round), and
// each day's plan as first made that day, so that today's list stays put while one studies it and a later day
// can say how far behind one fell.
import { sql } from 'kysely';
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const { idColumn } = dialectOf(db);
  const checklist = (col: ColumnDefinitionBuilder) => col.notNull().references('checklists.id').onDelete('cascade');
  const target = (col: ColumnDefinitionBuilder) => col.notNull().references('plan_targets.id').onDelete('cascade');

  await db.schema
    .createTable('plan_settings')
    .addColumn('checklist_id', 'integer', (col) => checklist(col).primaryKey())
    .addColumn('minutes_per_day', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(60)
        .check(sql`minutes_per_day between 1 and 1440`),
    )
    // Comma-separated weekday names, Monday first: `mon,tue,wed,thu,fri`.
    .addColumn('weekdays', 'text', (col) => col.notNull())
    // JSON array of YYYY-MM-DD dates.
    .addColumn('days_off', 'text', (col) => col.notNull().defaultTo('[]'))
    // The user's own costs; null: the review log's median, else the default.
    .addColumn('learn_topic_minutes', 'double precision')
    .addColumn('review_topic_seconds', 'double precision')
    .addColumn('review_qa_seconds', 'double precision')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('plan_section_costs')
    .addColumn('checklist_id', 'integer', checklist)
    .addColumn('section_key', 'text', (col) => col.notNull())
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('learn_topic_minutes', 'double precision', (col) => col.notNull())
    .addPrimaryKeyConstraint('plan_section_costs_pk', ['checklist_id', 'section_key'])
    .execute();

  await db.schema
    .createTable('plan_targets')
    .addColumn('id', 'integer', idColumn)
    .addColumn('checklist_id', 'integer', checklist)
    // A round's target follows the round (its start, its sections); its own `at` is then null.
    .addColumn('round_id', 'integer', (col) => col.references('rounds.id').onDelete('cascade'))
    .addColumn('label', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('at', 'text')
    .addColumn('weight', 'double precision', (col) => col.notNull().defaultTo(1))
    .addColumn('excluded', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('plan_targets_round').unique().on('plan_targets').columns(['checklist_id', 'round_id']).execute();

  await db.schema
    .createTable('plan_target_sections')
    .addColumn('target_id', 'integer', target)
    .addColumn('section_key', 'text', (col) => col.notNull())
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('plan_target_sections_pk', ['target_id', 'section_key'])
    .execute();

  await db.schema
    .createTable('plan_target_topics')
    .addColumn('target_id', 'integer', target)
    .addColumn('topic_id', 'integer', (col) => col.notNull().references('topics.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('plan_target_topics_pk', ['target_id', 'topic_id'])
    .execute();

  await db.schema
    .createTable('plan_days')
    .addColumn('checklist_id', 'integer', checklist)
    .addColumn('date', 'text', (col) => col.notNull())
    // JSON: the day's items ({cardId, action, minutes, why}), the minutes planned on each day from it on, and
    // each target's readiness on the day, as the plan stood when this day's list was made.
    .addColumn('items', 'text', (col) => col.notNull())
    .addColumn('minutes', 'text', (col) => col.notNull())
    .addColumn('readiness', 'text', (col) => col.notNull())
    .addColumn('made_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('plan_days_pk', ['checklist_id', 'date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['plan_days', 'plan_target_topics', 'plan_target_sections', 'plan_targets', 'plan_section_costs', 'plan_settings']) {
    await db.schema.dropTable(table).execute();
  }
}
