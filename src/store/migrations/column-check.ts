// Widening (or narrowing) the values a text column's check allows. PostgreSQL swaps the check. SQLite can't alter
// one, and rebuilding the table would cascade deletes into every table that references it (foreign keys can't be
// turned off inside a migration's transaction), so the column is replaced: a new one with the new check, the values
// copied, the old one dropped (its own check goes with it), the new one renamed. The column must not be indexed.
import { PostgresIntrospector, sql, type Kysely } from 'kysely';

const listOf = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** Lets `table.column` (text, not null) take exactly `values`; `fallback` is SQLite's default while it adds the column. */
export async function allowValues(db: Kysely<any>, table: string, column: string, values: readonly string[], fallback: string): Promise<void> {
  if (db.introspection instanceof PostgresIntrospector) {
    // PostgreSQL names a column's check `<table>_<column>_check`.
    await sql.raw(`alter table ${table} drop constraint ${table}_${column}_check`).execute(db);
    await sql.raw(`alter table ${table} add constraint ${table}_${column}_check check (${column} in (${listOf(values)}))`).execute(db);
    return;
  }
  // SQLite wants a default for a NOT NULL column it adds; the values are copied over it at once.
  const next = `${column}_next`;
  await sql.raw(`alter table ${table} add column ${next} text not null default '${fallback}' check (${next} in (${listOf(values)}))`).execute(db);
  await sql.raw(`update ${table} set ${next} = ${column}`).execute(db);
  await sql.raw(`alter table ${table} drop column ${column}`).execute(db);
  await sql.raw(`alter table ${table} rename column ${next} to ${column}`).execute(db);
}
