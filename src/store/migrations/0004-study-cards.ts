// Question/answer cards written in the file (matched again on re-import), per-checklist review settings, and
// the index that counts a day's reviews for the daily limits.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // `file`: the card is written in the checklist file and comes and goes with it; `app`: added in prepdeck.
  await db.schema
    .alterTable('cards')
    .addColumn('origin', 'text', (col) =>
      col
        .notNull()
        .defaultTo('app')
        .check(sql`origin in ('file', 'app')`),
    )
    .execute();
  // The normalized question, which re-import matches a file card by (under the same topic).
  await db.schema
    .alterTable('cards')
    .addColumn('identity_key', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  // The section path key of the card's topic (or of the section a card stands in), for scopes and stats.
  await db.schema
    .alterTable('cards')
    .addColumn('section_key', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('cards').addColumn('line_start', 'integer').execute();
  await db.schema.alterTable('cards').addColumn('line_end', 'integer').execute();
  await sql`update cards set section_key = (select topics.section_key from topics where topics.id = cards.topic_id)
            where topic_id is not null`.execute(db);
  await db.schema.createIndex('cards_topic').on('cards').columns(['topic_id', 'kind']).execute();
  // The review queue reads each state's cards in due order, of the whole checklist or of some sections.
  await db.schema.createIndex('cards_queue').on('cards').columns(['checklist_id', 'state', 'due']).execute();
  await db.schema.createIndex('cards_scope').on('cards').columns(['checklist_id', 'state', 'section_key', 'due']).execute();
  // Imports make every study topic's card from now on; topics imported before get theirs here, due at once.
  await sql`insert into cards (checklist_id, topic_id, kind, front, back, due, stability, difficulty, elapsed_days,
              scheduled_days, reps, lapses, learning_steps, state, last_review, created_at, archived_at, origin,
              identity_key, section_key)
            select topics.checklist_id, topics.id, 'topic', '', '', topics.created_at, 0, 0, 0, 0, 0, 0, 0, 'new', null,
              topics.created_at, null, 'app', '', topics.section_key
            from topics
            where topics.kind = 'topic' and topics.archived_at is null
              and not exists (select 1 from cards where cards.topic_id = topics.id and cards.kind = 'topic')
            order by topics.checklist_id, topics.line_start`.execute(db);

  await db.schema
    .createTable('review_settings')
    .addColumn('checklist_id', 'integer', (col) => col.primaryKey().references('checklists.id').onDelete('cascade'))
    // JSON of core/review/settings.ts#ReviewSettings; missing fields take their defaults when read.
    .addColumn('settings', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema.createIndex('review_log_checklist_time').on('review_log').columns(['checklist_id', 'reviewed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('review_log_checklist_time').execute();
  await db.schema.dropTable('review_settings').execute();
  await db.schema.dropIndex('cards_scope').execute();
  await db.schema.dropIndex('cards_queue').execute();
  await db.schema.dropIndex('cards_topic').execute();
  for (const column of ['line_end', 'line_start', 'section_key', 'identity_key', 'origin']) {
    await db.schema.alterTable('cards').dropColumn(column).execute();
  }
}
