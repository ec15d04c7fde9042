// A guide written as headings, end to end through the use cases on both backends (issue 14, item 7): imported by
// headings, its reading kept by every re-import and sync, and its file never written into: a known topic, a card or a
// topic added in prepdeck stays in prepdeck with a notice, until the user writes the heading.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { importChecklist, readChecklistFile } from '../../../src/app/import/import-checklist.js';
import { addTopic } from '../../../src/app/topics/add-topic.js';
import { markTopic, topicById } from '../../../src/app/topics/topics.js';
import { syncChecklist } from '../../../src/app/write-back/sync.js';
import { writeBackChecklist } from '../../../src/app/write-back/write-back.js';
import { BACKENDS } from '../../store/backends.js';
import { withApp } from '../../support/app.js';

const NOW = '2026-12-05T10:00:00.000Z';

const GUIDE = [
  '# Distributed systems',
  '',
  '## Consistency patterns',
  '',
  '### Weak consistency',
  '',
  'After a write, reads may or may not see it. A best effort approach is taken.',
  '',
  '### Eventual consistency',
  '',
  'After a write, reads will eventually see it, typically within milliseconds.',
  '',
  '### Strong consistency',
  '',
  'After a write, reads will see it. Data is replicated synchronously.',
  '',
  '## Availability patterns',
  '',
  '### Fail-over',
  '',
  'Heartbeats are sent between the active server and the passive one on standby.',
  '',
  '* Fail-over adds more hardware and additional complexity.',
  '',
  '### Replication',
  '',
  'Copies of the data live on several servers, so that one of them can fail.',
  '',
].join('\n');

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`a guide read by headings (${backend.name})`, () => {
    async function withGuide(fn: (ctx: AppContext, path: string) => Promise<void>) {
      const dir = mkdtempSync(join(tmpdir(), 'prepdeck-headings-'));
      const path = join(dir, 'guide.md');
      writeFileSync(path, GUIDE);
      try {
        await withApp(backend, NOW, (ctx) => fn(ctx, path));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const write = (ctx: AppContext, path: string) => writeBackChecklist(ctx, { path, backupDir: join(path, '..', 'backups'), all: true });

    it('imports each leaf heading as a topic, says why, and matches them all again on re-import', () =>
      withGuide(async (ctx, path) => {
        const first = await importChecklist(ctx, { file: await readChecklistFile(path) });
        expect(first.topicsMode).toEqual({
          mode: 'headings',
          reason:
            'read by headings: 5 leaf headings with prose under them and few list items that look like topics (0 of 1 list item, against 73 words of prose), so each leaf heading is a topic',
        });
        expect(first.counts).toMatchObject({ sections: 3, topics: 5 });
        expect(first.changes.added.map((t) => t.title)).toEqual([
          'Weak consistency',
          'Eventual consistency',
          'Strong consistency',
          'Fail-over',
          'Replication',
        ]);
        const again = await importChecklist(ctx, { file: await readChecklistFile(path) });
        expect(again.unchanged).toBe(true);
        expect(again.topicsMode.mode).toBe('headings');
      }));

    it('keeps a known topic known and the file as it was, saying why no marker was written', () =>
      withGuide(async (ctx, path) => {
        await importChecklist(ctx, { file: await readChecklistFile(path) });
        const weak = await markTopic(ctx, 'Weak consistency', { state: 'known' });
        const result = await write(ctx, path);
        expect(result.writeBack).toMatchObject({ written: false, edits: [], diff: '' });
        expect(result.writeBack.warnings).toEqual([
          expect.stringMatching(/^5 topics are headings \(the file is read by headings\), and prepdeck writes no marker into a heading/),
        ]);
        expect(readFileSync(path, 'utf8')).toBe(GUIDE);
        const synced = await syncChecklist(ctx, { path });
        expect(synced.readIn.unchanged).toBe(true);
        expect((await topicById(ctx, weak.id)).topic.state).toBe('known');
      }));

    it('leaves a topic added in prepdeck out of the file until its heading is written, then it is the same topic', () =>
      withGuide(async (ctx, path) => {
        await importChecklist(ctx, { file: await readChecklistFile(path) });
        const added = await addTopic(ctx, { section: 'consistency patterns', title: 'Causal consistency' });
        expect(added.topic).toMatchObject({ origin: 'app', section: ['Distributed systems', 'Consistency patterns'] });
        const result = await write(ctx, path);
        expect(result.writeBack.topics).toEqual([]);
        expect(result.writeBack.warnings).toContain(
          `topic #${added.topic.id} (Causal consistency): the file is read by headings, and prepdeck writes no headings; add it as a heading of its section (\`### Causal consistency\`) and the next import takes it as this topic; it stays in prepdeck`,
        );
        expect(readFileSync(path, 'utf8')).toBe(GUIDE);

        writeFileSync(
          path,
          GUIDE.replace(
            '### Strong consistency',
            '### Causal consistency\n\nWrites that depend on each other are seen in order.\n\n### Strong consistency',
          ),
        );
        const synced = await syncChecklist(ctx, { path });
        expect(synced.readIn.changes.added).toEqual([]);
        expect((await topicById(ctx, added.topic.id)).topic).toMatchObject({ origin: 'file', archivedAt: null, lines: { start: 13, end: 15 } });
      }));
  });
}
