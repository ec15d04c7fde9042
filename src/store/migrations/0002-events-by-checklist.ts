// The web UI asks per checklist for its latest change (to cache the tree) and its activity per day.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('events_checklist').on('events').columns(['checklist_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_checklist').execute();
}
