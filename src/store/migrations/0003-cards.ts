// Spaced repetition: a card per study topic (and question/answer cards), their FSRS fields, and a review log.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

const FSRS_STATE_CHECK = sql`state in ('new', 'learning', 'review', 'relearning')`;

export async function up(db: Kysely<any>): Promise<void> {
  const { idColumn } = dialectOf(db);

  await db.schema
    .createTable('cards')
    .addColumn('id', 'integer', idColumn)
    .addColumn('checklist_id', 'integer', (col) => col.notNull().references('checklists.id').onDelete('cascade'))
    // A topic card always has its topic; a question/answer card may stand on its own in the checklist.
    .addColumn('topic_id', 'integer', (col) => col.references('topics.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('topic', 'qa')`))
    .addColumn('front', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('back', 'text', (col) => col.notNull().defaultTo(''))
    // The FSRS fields (ts-fsrs's Card); timestamps ISO-8601 text like every other table.
    .addColumn('due', 'text', (col) => col.notNull())
    .addColumn('stability', 'double precision', (col) => col.notNull())
    .addColumn('difficulty', 'double precision', (col) => col.notNull())
    .addColumn('elapsed_days', 'integer', (col) => col.notNull())
    .addColumn('scheduled_days', 'integer', (col) => col.notNull())
    .addColumn('reps', 'integer', (col) => col.notNull())
    .addColumn('lapses', 'integer', (col) => col.notNull())
    .addColumn('learning_steps', 'integer', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull().check(FSRS_STATE_CHECK))
    .addColumn('last_review', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('archived_at', 'text')
    .addCheckConstraint('cards_topic_has_topic', sql`kind = 'qa' or topic_id is not null`)
    .execute();
  await db.schema.createIndex('cards_checklist_due').on('cards').columns(['checklist_id', 'due']).execute();
  // At most one topic card per topic.
  await db.schema
    .createIndex('cards_topic_card')
    .on('cards')
    .column('topic_id')
    .unique()
    .where(sql<boolean>`kind = 'topic'`)
    .execute();

  // Append-only, with one exception: undoing a review deletes that card's last row and restores the card's
  // previous FSRS fields from `previous` (JSON of core/review/scheduling.ts#CardSchedule), exactly as they were.
  await db.schema
    .createTable('review_log')
    .addColumn('id', 'integer', idColumn)
    .addColumn('card_id', 'integer', (col) => col.notNull().references('cards.id').onDelete('cascade'))
    .addColumn('checklist_id', 'integer', (col) => col.notNull().references('checklists.id').onDelete('cascade'))
    .addColumn('rating', 'integer', (col) => col.notNull().check(sql`rating between 1 and 4`))
    .addColumn('reviewed_at', 'text', (col) => col.notNull())
    .addColumn('elapsed_days', 'integer', (col) => col.notNull())
    .addColumn('scheduled_days', 'integer', (col) => col.notNull())
    .addColumn('stability', 'double precision', (col) => col.notNull())
    .addColumn('difficulty', 'double precision', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull().check(FSRS_STATE_CHECK))
    .addColumn('duration_ms', 'integer')
    .addColumn('previous', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('review_log_card').on('review_log').columns(['card_id', 'id']).execute();
  // undoLastReview looks for the checklist's latest review.
  await db.schema.createIndex('review_log_checklist').on('review_log').columns(['checklist_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_log').execute();
  await db.schema.dropTable('cards').execute();
}
