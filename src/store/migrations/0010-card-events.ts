// A card added to a topic is a line of the topic's history: the events' type check takes 'card'. PostgreSQL swaps the
// check; SQLite can't alter one, so its events table is rebuilt, ids, rows and indexes kept.
import { PostgresIntrospector, sql, type Kysely } from 'kysely';

const BEFORE = ['created', 'state', 'confidence', 'notes', 'renamed', 'moved', 'archived', 'restored'];
const AFTER = [...BEFORE, 'card'];

const listOf = (types: string[]) => types.map((type) => `'${type}'`).join(', ');

async function allowTypes(db: Kysely<any>, types: string[]): Promise<void> {
  if (db.introspection instanceof PostgresIntrospector) {
    // PostgreSQL names a column's check `<table>_<column>_check`.
    await sql`alter table events drop constraint events_type_check`.execute(db);
    await sql.raw(`alter table events add constraint events_type_check check (type in (${listOf(types)}))`).execute(db);
    return;
  }
  await sql
    .raw(
      `create table events_rebuilt (
        id integer primary key,
        checklist_id integer not null references checklists (id) on delete cascade,
        topic_id integer not null references topics (id) on delete cascade,
        at text not null,
        type text not null check (type in (${listOf(types)})),
        data text not null default '{}'
      )`,
    )
    .execute(db);
  await sql`insert into events_rebuilt (id, checklist_id, topic_id, at, type, data) select id, checklist_id, topic_id, at, type, data from events`.execute(
    db,
  );
  await sql`drop table events`.execute(db);
  await sql`alter table events_rebuilt rename to events`.execute(db);
  await db.schema.createIndex('events_topic').on('events').columns(['topic_id', 'id']).execute();
  await db.schema.createIndex('events_checklist').on('events').columns(['checklist_id', 'id']).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await allowTypes(db, AFTER);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('events').where('type', '=', 'card').execute();
  await allowTypes(db, BEFORE);
}
