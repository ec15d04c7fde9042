// Running an import as the app does (plan in the core, apply in one transaction) and looking at every row.
import type { Kysely } from 'kysely';
import type { ParsedChecklist } from '../../src/core/checklist/model.js';
import { planImport, type ImportPlan } from '../../src/core/import/plan.js';
import { findChecklistByName } from '../../src/store/checklists/checklists.js';
import type { Store } from '../../src/store/database.js';
import { applyImport, loadImportBaseline } from '../../src/store/import/import.js';
import type { Database } from '../../src/store/schema.js';

export async function planFor(
  db: Kysely<Database>,
  name: string,
  parsed: ParsedChecklist,
): Promise<{ checklistId: number | null; plan: ImportPlan }> {
  const existing = await findChecklistByName(db, name);
  const baseline = existing ? await loadImportBaseline(db, existing.id) : { sections: [], topics: [] };
  return { checklistId: existing?.id ?? null, plan: planImport(parsed, baseline.sections, baseline.topics) };
}

export async function importParsed(
  store: Store,
  name: string,
  parsed: ParsedChecklist,
  now: string,
): Promise<{ checklistId: number; plan: ImportPlan }> {
  return store.transaction(async (trx) => {
    const { checklistId, plan } = await planFor(trx, name, parsed);
    const applied = await applyImport(trx, { checklistId, name, sourcePath: `/notes/${name}.md`, sourceHash: 'hash', parsed, plan, now });
    return { checklistId: applied.checklistId, plan };
  });
}

const TABLES = ['checklists', 'sections', 'topics', 'resources', 'section_notes', 'events'] as const;

/** Every row of every table, by id: two equal snapshots mean nothing was written. */
export async function snapshot(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of TABLES) tables[table] = await db.selectFrom(table).selectAll().orderBy('id').execute();
  return tables;
}

/** The topic ids by their plain text, active and archived. */
export async function topicIdsByText(db: Kysely<Database>, checklistId: number): Promise<Map<string, number>> {
  const rows = await db.selectFrom('topics').select(['id', 'text']).where('checklist_id', '=', checklistId).execute();
  return new Map(rows.map((row) => [row.text, row.id]));
}
