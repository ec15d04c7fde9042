// Which process is writing: a sync in another process must not settle a write still in progress.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // `host:pid`; null for a record an older prepdeck left, which is settled as before.
  await db.schema.alterTable('pending_writes').addColumn('writer', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pending_writes').dropColumn('writer').execute();
}
