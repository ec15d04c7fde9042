// Migration 0016 lets a topic carry Obsidian's `[/]` and `[-]` markers: on SQLite by replacing the marker column (a
// rebuild of topics would cascade deletes into every table referencing it), on PostgreSQL by swapping the check.
// Down and up again, on both: every row kept, the new markers refused before and taken after.
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { TaskMarker } from '../../src/core/checklist/model.js';
import { dialectOf } from '../../src/store/dialect.js';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/database.js';
import { BACKENDS } from './backends.js';
import { importParsed, snapshot } from './helpers.js';
import { parsedChecklist } from './parsed.js';

const NOW = '2026-01-05T10:00:00.000Z';
const THIS_MIGRATION = '0016-obsidian-markers';
const BEFORE_IT = '0015-topics-removed';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`the Obsidian markers migration (${backend.name})`, () => {
    it('keeps every row when it lets a topic carry [/] and [-], and makes them open on the way down', async () => {
      const database = await backend.createDatabase();
      const store = await openStore(database.location);
      try {
        const migrationTableSchema = await dialectOf(store.db).currentSchema(store.db);
        const migrator = new Migrator({ db: store.db, provider: migrationProvider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
        expect((await migrator.migrateTo(BEFORE_IT)).error).toBeUndefined();
        const parsed = parsedChecklist({
          sections: [
            {
              title: 'SQL',
              topics: [
                { text: 'joins', marker: 'open' },
                { text: 'MVCC', marker: 'done' },
              ],
            },
          ],
        });
        const { checklistId } = await importParsed(store, 'prep', parsed, NOW);
        const before = await snapshot(store.db);
        const markers = async () =>
          (await store.db.selectFrom('topics').select(['text', 'marker']).where('checklist_id', '=', checklistId).orderBy('id').execute()).map(
            (row) => `${row.text} ${row.marker}`,
          );
        const setMarker = (text: string, marker: TaskMarker) => store.db.updateTable('topics').set({ marker }).where('text', '=', text).execute();

        await expect(setMarker('joins', 'started')).rejects.toThrow();

        expect((await migrator.migrateTo(THIS_MIGRATION)).error).toBeUndefined();
        expect(await snapshot(store.db)).toEqual(before);
        await setMarker('joins', 'started');
        await setMarker('MVCC', 'cancelled');
        expect(await markers()).toEqual(['joins started', 'MVCC cancelled']);
        await expect(setMarker('joins', 'half' as TaskMarker)).rejects.toThrow();

        expect((await migrator.migrateTo(BEFORE_IT)).error).toBeUndefined();
        expect(await markers()).toEqual(['joins open', 'MVCC open']);
        await expect(setMarker('joins', 'cancelled')).rejects.toThrow();
        expect((await migrator.migrateToLatest()).error).toBeUndefined();
        await setMarker('joins', 'cancelled');
        // A removed checklist still takes its sections and topics along.
        await store.db.deleteFrom('checklists').where('id', '=', checklistId).execute();
        expect(await store.db.selectFrom('topics').select('id').execute()).toEqual([]);
      } finally {
        await store.close();
        await database.drop();
      }
    });
  });
}
