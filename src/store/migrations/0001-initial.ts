// The first schema: checklists, their sections and topics, the topics' resources and history.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const { idColumn } = dialectOf(db);

  await db.schema
    .createTable('checklists')
    .addColumn('id', 'integer', idColumn)
    .addColumn('name', 'text', (col) => col.notNull().unique())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('source_path', 'text')
    .addColumn('source_hash', 'text', (col) => col.notNull())
    .addColumn('front_matter', 'text')
    .addColumn('metadata', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('topics_mode', 'text', (col) => col.notNull().check(sql`topics_mode in ('all', 'tasks')`))
    .addColumn('topics_mode_reason', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('imported_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('sections')
    .addColumn('id', 'integer', idColumn)
    .addColumn('checklist_id', 'integer', (col) => col.notNull().references('checklists.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (col) => col.references('sections.id'))
    .addColumn('path_key', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('level', 'integer', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('study', 'goals', 'books')`))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('line_start', 'integer', (col) => col.notNull())
    .addColumn('line_end', 'integer', (col) => col.notNull())
    .addUniqueConstraint('sections_checklist_path_key', ['checklist_id', 'path_key'])
    .execute();

  await db.schema
    .createTable('topics')
    .addColumn('id', 'integer', idColumn)
    .addColumn('checklist_id', 'integer', (col) => col.notNull().references('checklists.id').onDelete('cascade'))
    // An archived topic outlives its section: the link goes, section_key keeps where it was.
    .addColumn('section_id', 'integer', (col) => col.references('sections.id').onDelete('set null'))
    .addColumn('section_key', 'text', (col) => col.notNull())
    .addColumn('parent_id', 'integer', (col) => col.references('topics.id'))
    .addColumn('identity_key', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('topic', 'goal', 'book')`))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('search_text', 'text', (col) => col.notNull())
    .addColumn('details', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('marker', 'text', (col) => col.notNull().check(sql`marker in ('none', 'open', 'done')`))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('depth', 'integer', (col) => col.notNull())
    .addColumn('line_start', 'integer', (col) => col.notNull())
    .addColumn('line_end', 'integer', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull().check(sql`state in ('new', 'learning', 'known', 'skipped')`))
    .addColumn('confidence', 'integer', (col) => col.check(sql`confidence between 1 and 4`))
    .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('archived_at', 'text')
    .addUniqueConstraint('topics_checklist_identity_key', ['checklist_id', 'identity_key'])
    .execute();
  await db.schema.createIndex('topics_checklist_section').on('topics').columns(['checklist_id', 'section_id']).execute();

  await db.schema
    .createTable('resources')
    .addColumn('id', 'integer', idColumn)
    .addColumn('checklist_id', 'integer', (col) => col.notNull().references('checklists.id').onDelete('cascade'))
    .addColumn('section_id', 'integer', (col) => col.notNull().references('sections.id').onDelete('cascade'))
    .addColumn('topic_id', 'integer', (col) => col.references('topics.id').onDelete('cascade'))
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('clickable', 'integer', (col) => col.notNull().check(sql`clickable in (0, 1)`))
    .addColumn('from_bullet', 'integer', (col) => col.notNull().check(sql`from_bullet in (0, 1)`))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('line', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('resources_checklist').on('resources').column('checklist_id').execute();
  await db.schema.createIndex('resources_topic').on('resources').column('topic_id').execute();

  await db.schema
    .createTable('section_notes')
    .addColumn('id', 'integer', idColumn)
    .addColumn('checklist_id', 'integer', (col) => col.notNull().references('checklists.id').onDelete('cascade'))
    .addColumn('section_id', 'integer', (col) => col.notNull().references('sections.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('line_start', 'integer', (col) => col.notNull())
    .addColumn('line_end', 'integer', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('section_notes_checklist').on('section_notes').column('checklist_id').execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', idColumn)
    .addColumn('checklist_id', 'integer', (col) => col.notNull().references('checklists.id').onDelete('cascade'))
    .addColumn('topic_id', 'integer', (col) => col.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) =>
      col.notNull().check(sql`type in ('created', 'state', 'confidence', 'notes', 'renamed', 'moved', 'archived', 'restored')`),
    )
    .addColumn('data', 'text', (col) => col.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('events_topic').on('events').columns(['topic_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['events', 'section_notes', 'resources', 'topics', 'sections', 'checklists']) {
    await db.schema.dropTable(table).execute();
  }
}
