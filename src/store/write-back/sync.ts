// What `sync` needs from the store besides the import: which checklist a file feeds, and the markers written.
import type { Kysely } from 'kysely';
import type { Checklist, TaskMarker } from '../../core/checklist/model.js';
import { forIdBatches } from '../batch.js';
import { inTransaction } from '../database.js';
import { toChecklist } from '../rows.js';
import type { Database } from '../schema.js';

/** The checklists last imported from this absolute path, by name. */
export async function findChecklistsBySourcePath(db: Kysely<Database>, sourcePath: string): Promise<Checklist[]> {
  const rows = await db.selectFrom('checklists').selectAll().where('source_path', '=', sourcePath).orderBy('name').execute();
  return rows.map(toChecklist);
}

/**
 * Records the markers prepdeck itself wrote into the file, so that re-reading it sees no tick made by hand:
 * a skipped topic written as `[x]` stays skipped instead of becoming known. States are not touched.
 */
export async function recordWrittenMarkers(
  db: Kysely<Database>,
  checklistId: number,
  markers: Array<{ topicId: number; marker: TaskMarker }>,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const marker of new Set(markers.map((m) => m.marker))) {
      const ids = markers.filter((m) => m.marker === marker).map((m) => m.topicId);
      await forIdBatches(ids, (batch) =>
        trx.updateTable('topics').set({ marker }).where('checklist_id', '=', checklistId).where('id', 'in', batch).execute(),
      );
    }
  });
}
