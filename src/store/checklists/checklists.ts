// Checklists: find one, list them all with their progress.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Checklist } from '../../core/checklist/model.js';
import { emptyCounts, type ProgressCounts } from '../../core/checklist/progress.js';
import { inTransaction } from '../database.js';
import { toChecklist } from '../rows.js';
import type { Database } from '../schema.js';

export interface ChecklistSummary {
  checklist: Checklist;
  /** Active study topics by state; goals, books and archived topics are left out. */
  progress: ProgressCounts;
  /** Active goals and books. */
  goals: number;
  books: number;
}

/** No stored name holds a NUL (imports refuse it), and PostgreSQL would fail on one rather than find nothing. */
export const cannotBeAName = (name: string) => name.includes('\u0000');

export async function findChecklistByName(db: Kysely<Database>, name: string): Promise<Checklist | null> {
  if (cannotBeAName(name)) return null;
  const row = await db.selectFrom('checklists').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? toChecklist(row) : null;
}

export async function getChecklist(db: Kysely<Database>, id: number): Promise<Checklist | null> {
  const row = await db.selectFrom('checklists').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toChecklist(row) : null;
}

/** Records the file a checklist is kept in step with; stamped as an import, so a cached tree is read again. */
export async function linkSourceFile(db: Kysely<Database>, checklistId: number, sourcePath: string, now: string): Promise<void> {
  await db.updateTable('checklists').set({ source_path: sourcePath, imported_at: now }).where('id', '=', checklistId).execute();
}

/** Every checklist's name and when it was last imported, by name. */
export async function checklistStamps(db: Kysely<Database>): Promise<Array<{ name: string; importedAt: string }>> {
  const rows = await db.selectFrom('checklists').select(['name', 'imported_at']).orderBy('name').execute();
  return rows.map((row) => ({ name: row.name, importedAt: row.imported_at }));
}

/** Every checklist by name, with counts of its active topics. */
export async function listChecklists(db: Kysely<Database>): Promise<ChecklistSummary[]> {
  const rows = await db.selectFrom('checklists').selectAll().orderBy('name').execute();
  const counts = await db
    .selectFrom('topics')
    .select(['checklist_id', 'kind', 'state'])
    // PostgreSQL's count is a bigint, which pg hands over as a string.
    .select(sql<number>`cast(count(*) as integer)`.as('count'))
    .where('archived_at', 'is', null)
    .groupBy(['checklist_id', 'kind', 'state'])
    .execute();
  const summaries = new Map<number, ChecklistSummary>(
    rows.map((row) => [row.id, { checklist: toChecklist(row), progress: emptyCounts(), goals: 0, books: 0 }]),
  );
  for (const { checklist_id, kind, state, count } of counts) {
    const summary = summaries.get(checklist_id);
    if (!summary) continue;
    if (kind === 'goal') summary.goals += count;
    else if (kind === 'book') summary.books += count;
    else {
      summary.progress.total += count;
      summary.progress[state] += count;
    }
  }
  return [...summaries.values()];
}

/**
 * Removes a checklist with everything it holds: its sections, topics, resources, notes and history.
 * Children first, parents' links cut first, so no foreign key is ever left dangling on either backend.
 */
export async function deleteChecklist(db: Kysely<Database>, checklistId: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const table of ['events', 'resources', 'section_notes'] as const) {
      await trx.deleteFrom(table).where('checklist_id', '=', checklistId).execute();
    }
    await trx.updateTable('topics').set({ parent_id: null }).where('checklist_id', '=', checklistId).execute();
    await trx.deleteFrom('topics').where('checklist_id', '=', checklistId).execute();
    await trx.updateTable('sections').set({ parent_id: null }).where('checklist_id', '=', checklistId).execute();
    await trx.deleteFrom('sections').where('checklist_id', '=', checklistId).execute();
    await trx.deleteFrom('checklists').where('id', '=', checklistId).execute();
  });
}
