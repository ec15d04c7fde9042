// A write-back in flight: the markers and cards prepdeck is about to put into a checklist's file, recorded before
// the file is replaced, so that after a crash the next read still knows which markers are prepdeck's own.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pending_writes')
    .addColumn('checklist_id', 'integer', (col) => col.primaryKey().references('checklists.id').onDelete('cascade'))
    .addColumn('markers', 'text', (col) => col.notNull())
    .addColumn('cards', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pending_writes').execute();
}
