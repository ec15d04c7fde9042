// A topic added in prepdeck, end to end through the use cases on both backends: studied at once, kept by every
// import until the file holds it, written into its section by `sync --write`, and the file's from then on.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { importChecklist, readChecklistFile } from '../../../src/app/import/import-checklist.js';
import { reviewQueue } from '../../../src/app/review/review.js';
import { addTopic, addTopicInTransaction } from '../../../src/app/topics/add-topic.js';
import { topicById } from '../../../src/app/topics/topics.js';
import { syncChecklist } from '../../../src/app/write-back/sync.js';
import { writeBackChecklist } from '../../../src/app/write-back/write-back.js';
import { AmbiguousError, InvalidInputError } from '../../../src/core/errors.js';
import { BACKENDS } from '../../store/backends.js';
import { withApp } from '../../support/app.js';
import { hasUserFixture, USER_FIXTURE } from '../../support/fixtures.js';

const NOW = '2026-12-05T10:00:00.000Z';

const PLAN = ['# Python', '', '- generators', '- descriptors', '', '## Core', '- slots', '', '# Databases', '* indexes', '* sharding', ''].join('\n');

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`topics added in prepdeck (${backend.name})`, () => {
    /** A checklist imported from a file of its own, `text` at first. */
    async function withFile(text: string | Buffer, fn: (ctx: AppContext, path: string, setNow: (iso: string) => void) => Promise<void>) {
      const dir = mkdtempSync(join(tmpdir(), 'prepdeck-add-topic-'));
      const path = join(dir, 'plan.md');
      writeFileSync(path, text);
      try {
        await withApp(backend, NOW, async (ctx, setNow) => {
          await importChecklist(ctx, { file: await readChecklistFile(path) });
          await fn(ctx, path, setNow);
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const write = (ctx: AppContext, path: string, dryRun = false) =>
      writeBackChecklist(ctx, { path, backupDir: join(path, '..', 'backups'), dryRun });

    it('adds a study topic last in its section, with its card and history, and keeps it through imports', () =>
      withFile(PLAN, async (ctx, path) => {
        const added = await addTopic(ctx, { section: 'databases', title: '  Design a **rate limiter**  ' });
        expect(added.topic).toMatchObject({
          title: 'Design a **rate limiter**',
          text: 'Design a rate limiter',
          kind: 'topic',
          state: 'new',
          origin: 'app',
          line: 0,
          section: ['Databases'],
          checklist: 'plan',
        });
        expect(added.history).toMatchObject([{ type: 'created', data: { source: 'app', state: 'new' } }]);
        const queue = await reviewQueue(ctx, {});
        expect(queue.cards.map((c) => c.topic?.text)).toContain('Design a rate limiter');

        // The file is edited by hand: another item in that section; the topic added here stays last and active.
        writeFileSync(path, PLAN.replace('* sharding\n', '* sharding\n* replication\n'));
        const synced = await syncChecklist(ctx, { path });
        expect(synced.readIn.changes.archived).toEqual([]);
        const kept = await topicById(ctx, added.topic.id);
        expect(kept.topic).toMatchObject({ origin: 'app', archivedAt: null, position: 3 });
      }));

    it('writes the topic into its section at the next sync --write, and from then on it is the file’s, id and card kept', () =>
      withFile(PLAN, async (ctx, path) => {
        const added = await addTopic(ctx, { section: 'Databases', title: 'Design a rate limiter' });
        const nested = await addTopic(ctx, { section: 'python > core', title: 'slots vs dict' });
        const cardsBefore = (await reviewQueue(ctx, {})).cards.filter((c) => c.topic?.id === added.topic.id).map((c) => c.card.id);

        const preview = await write(ctx, path, true);
        expect(preview.writeBack.topics).toEqual([
          { line: 8, topicId: nested.topic.id, title: 'slots vs dict', section: ['Python', 'Core'], marker: '' },
          { line: 13, topicId: added.topic.id, title: 'Design a rate limiter', section: ['Databases'], marker: '' },
        ]);
        expect(readFileSync(path, 'utf8')).toBe(PLAN);

        const result = await write(ctx, path);
        expect(result.writeBack.written).toBe(true);
        expect(readFileSync(path, 'utf8')).toBe(
          [
            '# Python',
            '',
            '- generators',
            '- descriptors',
            '',
            '## Core',
            '- slots',
            '- slots vs dict',
            '',
            '# Databases',
            '* indexes',
            '* sharding',
            '* Design a rate limiter',
            '',
          ].join('\n'),
        );
        const now = await topicById(ctx, added.topic.id);
        expect(now.topic).toMatchObject({ origin: 'file', archivedAt: null, lines: { start: 13, end: 13 }, state: 'new' });
        expect((await topicById(ctx, nested.topic.id)).topic).toMatchObject({ origin: 'file', lines: { start: 8 } });
        const cardsAfter = (await reviewQueue(ctx, {})).cards.filter((c) => c.topic?.id === added.topic.id).map((c) => c.card.id);
        expect(cardsAfter).toEqual(cardsBefore);
        // Nothing left to write, and a sync of the file changes nothing.
        expect((await write(ctx, path, true)).writeBack.topics).toEqual([]);
        expect((await syncChecklist(ctx, { path })).readIn.unchanged).toBe(true);
      }));

    it('a known topic goes in as [x], a task list gets a task item, and the state stays what it was', () =>
      withFile('# Plan\n- [ ] generators\n- [x] descriptors\n', async (ctx, path) => {
        const added = await addTopic(ctx, { section: 'plan', title: 'asyncio' });
        const other = await addTopic(ctx, { section: 'plan', title: 'GIL' });
        const { updateTopic } = await import('../../../src/app/topics/topics.js');
        await updateTopic(ctx, added.topic.id, { state: 'known' });
        await updateTopic(ctx, other.topic.id, { state: 'skipped' });
        await write(ctx, path);
        expect(readFileSync(path, 'utf8')).toBe('# Plan\n- [ ] generators\n- [x] descriptors\n- [x] asyncio\n- [ ] GIL\n');
        expect((await topicById(ctx, added.topic.id)).topic).toMatchObject({ origin: 'file', state: 'known', marker: 'done' });
        // A skipped topic written as [ ] stays skipped: the marker is prepdeck's, not a tick undone by hand.
        expect((await topicById(ctx, other.topic.id)).topic).toMatchObject({ origin: 'file', state: 'skipped' });
      }));

    it('a skipped topic written as [x] stays skipped, even when the write is cut short after the file was replaced', () =>
      withFile('# Plan\n- generators\n', async (ctx, path) => {
        const added = await addTopic(ctx, { section: 'plan', title: 'asyncio' });
        const { updateTopic } = await import('../../../src/app/topics/topics.js');
        await updateTopic(ctx, added.topic.id, { state: 'skipped' });
        const crash = writeBackChecklist(ctx, {
          path,
          backupDir: join(path, '..', 'backups'),
          skipped: 'done',
          onStep: (step) => {
            if (step === 'replaced') throw new Error('killed');
          },
        });
        await expect(crash).rejects.toThrow('killed');
        expect(readFileSync(path, 'utf8')).toBe('# Plan\n- generators\n- [x] asyncio\n');
        // The next sync finds prepdeck's own [x], not a tick made by hand.
        const synced = await syncChecklist(ctx, { path });
        expect(synced.readIn.changes.retick).toEqual([]);
        expect((await topicById(ctx, added.topic.id)).topic).toMatchObject({ origin: 'file', state: 'skipped', marker: 'done' });
      }));

    it('a topic typed into the file by hand before the write-back is the same topic', () =>
      withFile(PLAN, async (ctx, path) => {
        const added = await addTopic(ctx, { section: 'Databases', title: 'Design a rate limiter' });
        writeFileSync(path, PLAN.replace('* sharding\n', '* sharding\n* design a rate limiter\n'));
        const synced = await syncChecklist(ctx, { path });
        expect(synced.readIn.changes.added).toEqual([]);
        expect((await topicById(ctx, added.topic.id)).topic).toMatchObject({ origin: 'file', text: 'design a rate limiter', lines: { start: 12 } });
        expect((await write(ctx, path, true)).writeBack.topics).toEqual([]);
      }));

    it('refuses a title the section has, an empty or multi-line one, a goals section, and names an ambiguous section', () =>
      withFile('# Goals\n- remote\n# Python\n- generators\n## Other\n- x\n# Other\n- y\n# Other stuff\n', async (ctx) => {
        await expect(addTopic(ctx, { section: 'python', title: 'Generators' })).rejects.toThrow(
          /'Python' has the topic 'generators' \(#\d+\) already/,
        );
        await expect(addTopic(ctx, { section: 'python', title: '   ' })).rejects.toThrow(InvalidInputError);
        await expect(addTopic(ctx, { section: 'python', title: 'one\ntwo' })).rejects.toThrow(/one line/);
        await expect(addTopic(ctx, { section: 'python', title: 'a\u0000b' })).rejects.toThrow(/NUL/);
        await expect(addTopic(ctx, { section: 'python', title: 'x'.repeat(501) })).rejects.toThrow(/at most 500/);
        await expect(addTopic(ctx, { section: 'python', title: '# heading' })).rejects.toThrow(/would not be read back as one topic/);
        await expect(addTopic(ctx, { section: 'python', title: 'std :: vector' })).rejects.toThrow(/would not be read back as one topic/);
        await expect(addTopic(ctx, { section: 'goals', title: 'equity' })).rejects.toThrow(/holds your goals/);
        await expect(addTopic(ctx, { section: 'nowhere', title: 'x' })).rejects.toThrow(/^section: no section/);
        await expect(addTopic(ctx, { section: 'oth', title: 'x' })).rejects.toThrow(AmbiguousError);
        // The shallowest `Other` wins over `Python > Other`, as rounds name sections.
        expect((await addTopic(ctx, { section: 'other', title: 'z' })).topic.section).toEqual(['Other']);
        // Nothing half-written: the refusals added no topic.
        expect((await reviewQueue(ctx, {})).cards.map((c) => c.topic?.text)).toEqual(['generators', 'x', 'y', 'z']);
      }));

    it('typed as on a command line, keeps its underscores through the write-back, and its other spelling is the same topic', () =>
      withFile(PLAN, async (ctx, path) => {
        const added = await addTopic(ctx, { section: 'python > core', title: '__slots__ and memory', asTyped: true });
        expect(added.topic).toMatchObject({ title: '\\_\\_slots\\_\\_ and memory', text: '__slots__ and memory' });
        for (const title of ['\\_\\_slots\\_\\_ and memory', '__SLOTS__ and  memory']) {
          await expect(addTopic(ctx, { section: 'python > core', title, asTyped: true }), title).rejects.toThrow(
            `title: 'Python > Core' has the topic '__slots__ and memory' (#${added.topic.id}) already`,
          );
        }
        // `__slots__` read as Markdown (as the file reads it) is a bold "slots", the topic the section has.
        await expect(addTopic(ctx, { section: 'python > core', title: '__slots__', asTyped: true })).rejects.toThrow(
          /has the topic 'slots' \(#\d+\) already/,
        );

        const written = await write(ctx, path);
        expect(readFileSync(path, 'utf8')).toContain('- slots\n- \\_\\_slots\\_\\_ and memory\n');
        expect(written.writeBack.topics).toMatchObject([{ topicId: added.topic.id }]);
        expect((await topicById(ctx, added.topic.id)).topic).toMatchObject({ origin: 'file', text: '__slots__ and memory' });
      }));

    it("inside a caller's transaction, a later refusal of the caller's leaves no topic behind", () =>
      withFile(PLAN, async (ctx) => {
        const attempt = ctx.store.transaction(async (trx) => {
          const placed = await addTopicInTransaction(trx, { section: 'Databases', title: 'Design a rate limiter' }, ctx.now());
          expect(placed).toMatchObject({ checklistName: 'plan', sectionPath: ['Databases'], topic: { origin: 'app' } });
          throw new InvalidInputError('score: must be 1-4');
        });
        await expect(attempt).rejects.toThrow('score: must be 1-4');
        expect((await reviewQueue(ctx, {})).cards.map((c) => c.topic?.text)).not.toContain('Design a rate limiter');
        expect((await addTopic(ctx, { checklist: 'plan', section: 'Databases', title: 'Design a rate limiter' })).topic.origin).toBe('app');
      }));

    it('brings an archived topic of the same identity back, with its history', () =>
      withFile(PLAN, async (ctx, path) => {
        writeFileSync(path, PLAN.replace('* sharding\n', ''));
        const synced = await syncChecklist(ctx, { path });
        const [gone] = synced.readIn.changes.archived;
        const back = await addTopic(ctx, { section: 'Databases', title: 'Sharding' });
        expect(back.topic).toMatchObject({ id: gone!.id, origin: 'app', archivedAt: null, text: 'Sharding' });
        expect(back.history.map((e) => e.type)).toEqual(['created', 'archived', 'restored']);
      }));

    it('archives a topic added in prepdeck when its section leaves the file', () =>
      withFile(PLAN, async (ctx, path) => {
        const added = await addTopic(ctx, { section: 'Databases', title: 'Design a rate limiter' });
        writeFileSync(path, PLAN.slice(0, PLAN.indexOf('# Databases')));
        const synced = await syncChecklist(ctx, { path });
        expect(synced.readIn.changes.archived.map((t) => t.id)).toContain(added.topic.id);
        expect((await write(ctx, path, true)).writeBack.topics).toEqual([]);
      }));

    it.skipIf(!hasUserFixture)('the reference checklist with a topic added under Other round-trips, the diff exactly the added line', () =>
      withFile(readFileSync(USER_FIXTURE), async (ctx, path) => {
        const before = readFileSync(path, 'utf8');
        const added = await addTopic(ctx, { section: 'Other', title: 'Design a rate limiter' });
        expect(added.topic.section).toEqual(['Other']);
        const result = await write(ctx, path);
        expect(result.writeBack.diff.split('\n').filter((line) => /^[-+](?![-+]{2} )/.test(line))).toEqual(['+* Design a rate limiter']);
        expect(result.writeBack.edits).toEqual([]);
        const lines = before.split('\n');
        const at = lines.indexOf('  * <https://ru.wikipedia.org/wiki/XML-RPC>') + 1;
        expect(readFileSync(path, 'utf8')).toBe([...lines.slice(0, at), '* Design a rate limiter', ...lines.slice(at)].join('\n'));
        expect((await topicById(ctx, added.topic.id)).topic).toMatchObject({ origin: 'file', lines: { start: at + 1 } });
        const again = await syncChecklist(ctx, { path });
        expect(again.readIn.unchanged).toBe(true);
      }),
    );
  });
}
