// What topic suggestions read: the active study topics of every checklist, and a revision that changes whenever
// they may have (an import, any topic event, a topic removed), so the app's index of them is rebuilt only then.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface SuggestTopicRow {
  id: number;
  checklist_id: number;
  checklist: string;
  title: string;
  text: string;
  section_id: number | null;
  section_key: string;
}

export async function suggestRevision(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('checklists')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('imported_at').as('imported'), eb.fn.sum<number>('topics_removed').as('removed')])
    .select((eb) =>
      eb
        .selectFrom('events')
        .select((e) => e.fn.max('id').as('m'))
        .as('lastEvent'),
    )
    .executeTakeFirst();
  return `${row?.n ?? 0}.${row?.imported ?? ''}.${row?.lastEvent ?? 0}.${row?.removed ?? 0}`;
}

/** Active study topics, in file order per checklist. */
export async function suggestTopics(db: Kysely<Database>): Promise<SuggestTopicRow[]> {
  const rows = await db
    .selectFrom('topics as t')
    .innerJoin('checklists as k', 'k.id', 't.checklist_id')
    .select(['t.id', 't.checklist_id', 'k.name as checklist', 't.title', 't.text', 't.section_id', 't.section_key'])
    .where('t.kind', '=', 'topic')
    .where('t.archived_at', 'is', null)
    .orderBy('t.checklist_id')
    .orderBy('t.line_start')
    .execute();
  return rows.map((row) => ({
    ...row,
    id: Number(row.id),
    checklist_id: Number(row.checklist_id),
    section_id: row.section_id === null ? null : Number(row.section_id),
  }));
}
