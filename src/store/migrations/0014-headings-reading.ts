// A checklist may be read by headings (issue 14): the check on checklists.topics_mode takes 'headings'. PostgreSQL
// swaps the check. SQLite can't alter one, and rebuilding checklists would cascade deletes into every table that
// references it (foreign keys can't be turned off inside the migration's transaction), so the column is replaced:
// a new one with the new check, the values copied, the old one dropped (its own check goes with it), the new renamed.
import { PostgresIntrospector, sql, type Kysely } from 'kysely';

const BEFORE = ['all', 'tasks'];
const AFTER = [...BEFORE, 'headings'];

const listOf = (modes: string[]) => modes.map((mode) => `'${mode}'`).join(', ');

async function allowModes(db: Kysely<any>, modes: string[]): Promise<void> {
  if (db.introspection instanceof PostgresIntrospector) {
    // PostgreSQL names a column's check `<table>_<column>_check`.
    await sql`alter table checklists drop constraint checklists_topics_mode_check`.execute(db);
    await sql.raw(`alter table checklists add constraint checklists_topics_mode_check check (topics_mode in (${listOf(modes)}))`).execute(db);
    return;
  }
  // SQLite wants a default for a NOT NULL column it adds; every write of a checklist sets the mode anyway.
  await sql
    .raw(`alter table checklists add column topics_mode_next text not null default 'all' check (topics_mode_next in (${listOf(modes)}))`)
    .execute(db);
  await sql`update checklists set topics_mode_next = topics_mode`.execute(db);
  await sql`alter table checklists drop column topics_mode`.execute(db);
  await sql`alter table checklists rename column topics_mode_next to topics_mode`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await allowModes(db, AFTER);
}

export async function down(db: Kysely<any>): Promise<void> {
  // An older prepdeck reads such a checklist as an outline until it is imported again.
  await db.updateTable('checklists').set({ topics_mode: 'all' }).where('topics_mode', '=', 'headings').execute();
  await allowModes(db, BEFORE);
}
