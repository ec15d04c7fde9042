import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { topicHistory } from '../../src/store/topics/topics.js';
import { BACKENDS } from './backends.js';

const run = promisify(execFile);
const WRITER = fileURLToPath(new URL('./concurrent-writer.ts', import.meta.url));
const ROUNDS = 15;

function writer(location: string, name: string) {
  return run(process.execPath, ['--import', 'tsx', WRITER, location, name, String(ROUNDS)]);
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`two processes importing at once (${backend.name})`, () => {
    it('loses nothing and breaks nothing, into one checklist or two', { timeout: 60_000 }, async () => {
      const database = await backend.createDatabase();
      try {
        await (await openStore(database.location)).close();
        await Promise.all([
          writer(database.location, 'shared'),
          writer(database.location, 'shared'),
          writer(database.location, 'own-a'),
          writer(database.location, 'own-b'),
        ]);
        const store = await openStore(database.location);
        try {
          const names = await store.db.selectFrom('checklists').select('name').orderBy('name').execute();
          expect(names.map((n) => n.name)).toEqual(['own-a', 'own-b', 'shared']);
          const active = await store.db
            .selectFrom('topics')
            .innerJoin('checklists', 'checklists.id', 'topics.checklist_id')
            .select(['checklists.name', 'topics.text'])
            .where('topics.archived_at', 'is', null)
            .orderBy('checklists.name')
            .orderBy('topics.line_start')
            .execute();
          // Round 14 is the last one of every writer: vacuum is in, section "Round 2".
          for (const name of ['own-a', 'own-b', 'shared']) {
            expect(active.filter((t) => t.name === name).map((t) => t.text)).toEqual(['joins', 'indexes', 'transactions', 'vacuum', 'x']);
          }
          // Each topic made once: its history starts with one creation, whichever writer made it.
          const topicIds = await store.db.selectFrom('topics').select('id').execute();
          for (const { id } of topicIds) {
            expect((await topicHistory(store.db, id)).filter((e) => e.type === 'created')).toHaveLength(1);
          }
        } finally {
          await store.close();
        }
      } finally {
        await database.drop();
      }
    });
  });
}
