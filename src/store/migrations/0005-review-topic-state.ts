// A review that moved its topic's state (graduated: known; lapsed or first studied: learning) says so on its own
// log row, so that undo puts back exactly that change, and only while the topic still holds what the review set.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('review_log').addColumn('topic_state_before', 'text').execute();
  await db.schema.alterTable('review_log').addColumn('topic_state_after', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('review_log').dropColumn('topic_state_after').execute();
  await db.schema.alterTable('review_log').dropColumn('topic_state_before').execute();
}
