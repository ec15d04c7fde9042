// A large import runs in a worker thread on its own connection: same result and same typed errors as in the
// caller's thread, and the caller's event loop stays free meanwhile.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { importChecklistOffThread, OFF_THREAD_BYTES } from '../../../src/app/import/off-thread.js';
import { InvalidInputError } from '../../../src/core/errors.js';
import { BACKENDS } from '../../store/backends.js';
import { withApp } from '../../support/app.js';

/** An outline of `sections` x 40 topics, over OFF_THREAD_BYTES from 100 sections on. */
function bigChecklist(sections: number): string {
  const lines = ['# Big'];
  for (let s = 0; s < sections; s++) {
    lines.push(`## Section ${s}`);
    for (let t = 0; t < 40; t++) lines.push(`- [ ] Topic ${s}.${t} with a [link](https://example.com/${s}/${t}) and some words to read`);
  }
  return `${lines.join('\n')}\n`;
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`an import off the event loop (${backend.name})`, () => {
    it('previews and imports a large file in a worker with the same result as in this thread', async () => {
      const text = bigChecklist(100);
      expect(Buffer.byteLength(text)).toBeGreaterThan(OFF_THREAD_BYTES);
      await withApp(backend, '2026-12-05T10:00:00.000Z', async (ctx) => {
        const file = checklistFromUpload(text, 'big.md');
        const inThread = await importChecklist(ctx, { file, name: 'big', dryRun: true });
        const preview = await importChecklistOffThread(ctx, { file, name: 'big', dryRun: true });
        expect(preview).toEqual(inThread);
        const imported = await importChecklistOffThread(ctx, { file, name: 'big' });
        expect(imported.counts.topics).toBe(100 * 40);
        expect(imported.changes.added).toHaveLength(100 * 40);
        // Written by the worker, with the caller's clock, and seen from here at once.
        const again = await importChecklist(ctx, { file, name: 'big' });
        expect(again.unchanged).toBe(true);
        const topic = await ctx.store.db.selectFrom('topics').select('created_at').executeTakeFirstOrThrow();
        expect(topic.created_at).toBe('2026-12-05T10:00:00.000Z');
      });
    }, 120_000);

    it("throws the worker's typed errors as they are", async () => {
      await withApp(backend, '2026-12-05T10:00:00.000Z', async (ctx) => {
        const file = checklistFromUpload(bigChecklist(100), 'big.md');
        const expected = await importChecklist(ctx, { file, name: '../etc' }).catch((error: unknown) => error);
        expect(expected).toBeInstanceOf(InvalidInputError);
        const refused = await importChecklistOffThread(ctx, { file, name: '../etc' }).catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(InvalidInputError);
        expect((refused as Error).message).toBe((expected as Error).message);
      });
    }, 120_000);

    it("leaves this thread's event loop mostly idle while a large file is parsed", async () => {
      await withApp(backend, '2026-12-05T10:00:00.000Z', async (ctx) => {
        const file = checklistFromUpload(bigChecklist(250), 'big.md');
        // Event-loop utilisation: the share of the time this thread was busy, measured against itself in one run.
        const busyIn = await busyShare(() => importChecklist(ctx, { file, name: 'big', dryRun: true }));
        const busyOff = await busyShare(() => importChecklistOffThread(ctx, { file, name: 'big', dryRun: true }));
        expect(busyIn).toBeGreaterThan(0.8);
        expect(busyOff).toBeLessThan(busyIn / 2);
      });
    }, 120_000);
  });
}

async function busyShare(run: () => Promise<unknown>): Promise<number> {
  const start = performance.eventLoopUtilization();
  await run();
  return performance.eventLoopUtilization(start).utilization;
}
