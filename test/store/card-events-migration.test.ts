// Migration 0010 lets a topic's history hold 'card' lines: on SQLite by rebuilding the events table, which must keep
// every event, its id and its indexes; on PostgreSQL by swapping the check. Down and up again, on both.
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dialectOf } from '../../src/store/dialect.js';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/database.js';
import { setTopicNotes, setTopicState } from '../../src/store/topics/topics.js';
import { BACKENDS } from './backends.js';
import { importParsed, topicIdsByText } from './helpers.js';
import { parsedChecklist } from './parsed.js';

const NOW = '2026-01-05T10:00:00.000Z';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`the card events migration (${backend.name})`, () => {
    it("keeps every event when it adds 'card' to the history's types, and gives it back on the way down", async () => {
      const database = await backend.createDatabase();
      const store = await openStore(database.location);
      try {
        const { checklistId } = await importParsed(store, 'prep', parsedChecklist({ sections: [{ title: 'SQL', topics: ['joins', 'MVCC'] }] }), NOW);
        const topicId = (await topicIdsByText(store.db, checklistId)).get('joins')!;
        // An import stores no event for a topic it makes (its creation is read from the row): give it some history.
        await setTopicState(store.db, topicId, 'learning', NOW, 'user');
        await setTopicNotes(store.db, topicId, 'MVCC first', NOW);
        const events = () => store.db.selectFrom('events').selectAll().orderBy('id').execute();
        const before = await events();
        expect(before.length).toBeGreaterThan(0);
        const card = { checklist_id: checklistId, topic_id: topicId, at: NOW, type: 'card' as const, data: '{"cardId":1}' };

        const migrationTableSchema = await dialectOf(store.db).currentSchema(store.db);
        const migrator = new Migrator({ db: store.db, provider: migrationProvider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
        expect((await migrator.migrateTo('0008-preferences')).error).toBeUndefined();
        expect(await events()).toEqual(before);
        await expect(store.db.insertInto('events').values(card).execute()).rejects.toThrow();

        expect((await migrator.migrateToLatest()).error).toBeUndefined();
        expect(await events()).toEqual(before);
        await store.db.insertInto('events').values(card).execute();
        const [added] = (await events()).slice(before.length);
        expect(added).toMatchObject({ type: 'card', topic_id: topicId });
        expect(added!.id).toBeGreaterThan(before.at(-1)!.id);
        // The topic's history still goes through the index, and a removed checklist still takes its events along.
        await store.db.deleteFrom('checklists').where('id', '=', checklistId).execute();
        expect(await events()).toEqual([]);
      } finally {
        await store.close();
        await database.drop();
      }
    });
  });
}
