// A topic added in prepdeck can be removed (`prepdeck unadd`), and its events go with it: the last event id, which the
// checklist's revision is read from, can then fall back, and SQLite gives the next event that same id again. The count
// of topics removed so far is a part of the revision, so that a tree cached before the removal is never served after.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('checklists')
    .addColumn('topics_removed', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('checklists').dropColumn('topics_removed').execute();
}
