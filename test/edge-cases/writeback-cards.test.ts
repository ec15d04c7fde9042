// Edge cases: `sync --write --cards` with app cards whose question is already asked under the same topic.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCard, appCardOf, topicCardList } from '../../src/app/review/cards.js';
import { closeApp, openApp, type AppContext } from '../../src/app/context.js';
import { importChecklist, readChecklistFile } from '../../src/app/import/import-checklist.js';
import { writeBackChecklist } from '../../src/app/write-back/write-back.js';
import { resolveTopic } from '../../src/app/topics/topics.js';
import type { Topic } from '../../src/core/checklist/model.js';
import { parseChecklist } from '../../src/core/import/parse-checklist.js';
import { insertQaCard } from '../../src/store/review/cards.js';
import { tempDir } from './support.js';

interface Plan {
  app: AppContext;
  file: string;
  /** The topic 'generators' of the file. */
  topic: Topic;
  /** `sync FILE --write --cards`. */
  sync: () => ReturnType<typeof writeBackChecklist>;
}

/** `text` written to a file and imported from it, in a directory of its own. */
async function withPlan(text: string, fn: (plan: Plan) => Promise<void>): Promise<void> {
  const { dir, done } = tempDir();
  const file = join(dir, 'plan.md');
  writeFileSync(file, text);
  const app = await openApp(join(dir, 'db.sqlite'), () => '2026-01-01T00:00:00.000Z');
  try {
    await importChecklist(app, { file: await readChecklistFile(file) });
    const topic = await resolveTopic(app, 'generators');
    await fn({ app, file, topic, sync: () => writeBackChecklist(app, { path: file, backupDir: join(dir, 'backups'), cards: true }) });
  } finally {
    await closeApp(app);
    done();
  }
}

describe('sync --write --cards', () => {
  it('writes an app card once, even when the topic already asks the same question', () =>
    withPlan('# Python\n- generators\n  - What does send() do? :: resumes it\n', async ({ app, file, topic, sync }) => {
      // addCard refuses a card asking what the topic asks already; a database from before may hold one.
      await insertQaCard(app.store.db, appCardOf(topic, 'What does send() do?', 'gives yield a value'), app.now());
      const first = await sync();
      expect(first.writeBack?.cards).toHaveLength(1);
      const afterFirst = readFileSync(file, 'utf8');
      // The written card now belongs to the file: no app card is left to write.
      const cards = (await topicCardList(app, topic.id)).cards.filter((c) => c.kind === 'qa');
      expect(cards.map((c) => c.origin)).toEqual(['file', 'file']);
      const second = await sync();
      expect(second.writeBack?.cards).toHaveLength(0);
      expect(readFileSync(file, 'utf8')).toBe(afterFirst);
    }));

  it("an app card whose question the user then writes in the file becomes the file's, and is not written again", () =>
    withPlan('# Python\n- generators\n', async ({ app, file, topic, sync }) => {
      const added = await addCard(app, topic.id, { front: 'What does send() do?', back: 'gives yield a value' });
      const text = '# Python\n- generators\n  - What does send() do? :: resumes it\n';
      writeFileSync(file, text);
      expect((await sync()).writeBack?.cards).toHaveLength(0);
      expect(readFileSync(file, 'utf8')).toBe(text);
      const cards = (await topicCardList(app, topic.id)).cards.filter((c) => c.kind === 'qa');
      expect(cards.map((c) => [c.id, c.origin, c.back])).toEqual([[added.id, 'file', 'resumes it']]);
    }));

  it('writes two app cards asking the same question once each', () =>
    withPlan('# Python\n- generators\n', async ({ app, file, topic, sync }) => {
      // addCard refuses a second card asking the same under a topic; a database from before may hold two.
      await insertQaCard(app.store.db, appCardOf(topic, 'Why?', 'one'), app.now());
      await insertQaCard(app.store.db, appCardOf(topic, 'Why?', 'two'), app.now());
      await sync();
      await sync();
      await sync();
      expect(readFileSync(file, 'utf8').match(/Why\? ::/g)).toHaveLength(2);
    }));

  it('never takes a line that follows the topic into the answer of the card it writes', () =>
    // A section note right after a topic whose item ends with a fenced block (no blank line between).
    withPlan('# Python\n- generators\n  ```py\n  def g(): yield 1\n  ```\nSee also PEP 342.\n', async ({ app, file, topic, sync }) => {
      await addCard(app, topic.id, { front: 'What does send() do?', back: 'resumes it' });
      await sync();
      const reread = parseChecklist(readFileSync(file, 'utf8'), { fallbackTitle: 'plan' });
      expect(reread.cards.map((c) => c.back)).toEqual(['resumes it']);
      expect(reread.sections[1]!.notes.map((n) => n.source)).toEqual(['See also PEP 342.']);
    }));
});
