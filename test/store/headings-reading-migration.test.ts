// Migration 0014 lets a checklist be read by headings: on SQLite by replacing the topics_mode column (a rebuild of
// checklists would cascade deletes into every table referencing it), on PostgreSQL by swapping the check. Down and
// up again, on both: every row kept, the new mode refused before and taken after.
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dialectOf } from '../../src/store/dialect.js';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/database.js';
import { BACKENDS } from './backends.js';
import { importParsed, snapshot } from './helpers.js';
import { parsedChecklist } from './parsed.js';

const NOW = '2026-01-05T10:00:00.000Z';
const THIS_MIGRATION = '0014-headings-reading';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`the headings reading migration (${backend.name})`, () => {
    it('keeps every row when it lets a checklist be read by headings, and reads one back as an outline on the way down', async () => {
      const database = await backend.createDatabase();
      const store = await openStore(database.location);
      try {
        // The rows compared are those of the schema this migration made: later migrations' columns come after.
        const migrationTableSchema = await dialectOf(store.db).currentSchema(store.db);
        const migrator = new Migrator({ db: store.db, provider: migrationProvider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
        expect((await migrator.migrateTo(THIS_MIGRATION)).error).toBeUndefined();
        const parsed = parsedChecklist({ sections: [{ title: 'SQL', topics: [{ text: 'joins', marker: 'open' }, 'MVCC'] }] });
        const { checklistId } = await importParsed(store, 'prep', { ...parsed, topicsMode: { mode: 'tasks', reason: 'a task list' } }, NOW);
        const before = await snapshot(store.db);
        const mode = async () =>
          (
            await store.db
              .selectFrom('checklists')
              .select(['topics_mode', 'topics_mode_reason'])
              .where('id', '=', checklistId)
              .executeTakeFirstOrThrow()
          ).topics_mode;
        const setMode = (topicsMode: 'all' | 'tasks' | 'headings') =>
          store.db.updateTable('checklists').set({ topics_mode: topicsMode }).where('id', '=', checklistId).execute();

        expect((await migrator.migrateTo('0013-bounded-identity-keys')).error).toBeUndefined();
        expect(await snapshot(store.db)).toEqual(before);
        await expect(setMode('headings')).rejects.toThrow();

        expect((await migrator.migrateTo(THIS_MIGRATION)).error).toBeUndefined();
        expect(await snapshot(store.db)).toEqual(before);
        expect(await mode()).toBe('tasks');
        await setMode('headings');
        expect(await mode()).toBe('headings');
        await expect(
          store.db
            .updateTable('checklists')
            .set({ topics_mode: 'outline' as 'all' })
            .execute(),
        ).rejects.toThrow();

        expect((await migrator.migrateTo('0013-bounded-identity-keys')).error).toBeUndefined();
        expect(await mode()).toBe('all');
        expect((await migrator.migrateToLatest()).error).toBeUndefined();
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
