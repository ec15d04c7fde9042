// Read-modify-write by several processes at once (separate connections to one database): `note --append` from
// several shells, a card's question and its answer edited at once. Each write reads what it changes in its own
// transaction, so none is lost.
import { describe, expect, it } from 'vitest';
import { closeApp, openApp, type AppContext } from '../../src/app/context.js';
import { checklistFromUpload, importChecklist } from '../../src/app/import/import-checklist.js';
import { addCard, editCard } from '../../src/app/review/cards.js';
import { showTopic, writeTopicNotes } from '../../src/app/topics/topics.js';
import { BACKENDS } from './backends.js';

const WRITERS = 8;

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`writers at once on separate connections (${backend.name})`, () => {
    async function withWriters(fn: (first: AppContext, writers: AppContext[]) => Promise<void>): Promise<void> {
      const database = await backend.createDatabase();
      const first = await openApp(database.location);
      const writers: AppContext[] = [];
      try {
        await importChecklist(first, { file: checklistFromUpload('# SQL\n\n- joins\n- indexes\n', 'prep.md'), name: 'prep' });
        for (let i = 0; i < WRITERS; i++) writers.push(await openApp(database.location));
        await fn(first, writers);
      } finally {
        for (const writer of writers) await closeApp(writer);
        await closeApp(first);
        await database.drop();
      }
    }

    it('appending notes at once keeps every line, each its own paragraph', { timeout: 60_000 }, async () => {
      await withWriters(async (first, writers) => {
        await writeTopicNotes(first, 'joins', 'start');
        await Promise.all(writers.map((writer, i) => writeTopicNotes(writer, 'joins', `line-${i + 1}`, undefined, { append: true })));
        const lines = (await showTopic(first, 'joins')).topic.notes.split('\n\n');
        expect(lines[0]).toBe('start');
        expect(lines.slice(1).sort()).toEqual(writers.map((_, i) => `line-${i + 1}`).sort());
      });
    });

    it("editing a card's question and its answer at once keeps both", { timeout: 60_000 }, async () => {
      await withWriters(async (first, writers) => {
        const topic = (await showTopic(first, 'joins')).topic;
        for (let round = 0; round < 3; round++) {
          const card = await addCard(first, topic.id, { front: `question ${round}`, back: 'answer' });
          await Promise.all([
            editCard(writers[0]!, card.id, { front: `new question ${round}` }),
            editCard(writers[1]!, card.id, { back: `new answer ${round}` }),
          ]);
          const edited = await editCard(first, card.id, { back: `new answer ${round}` });
          expect(edited).toMatchObject({ front: `new question ${round}`, back: `new answer ${round}` });
        }
      });
    });
  });
}
