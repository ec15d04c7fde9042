// A sync settles only a write that is over: one another process is still making (`prepdeck serve` writing the file
// while a sync runs in a terminal) keeps its record, so a crash of that writer afterwards is still recoverable.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { importChecklist, readChecklistFile } from '../../../src/app/import/import-checklist.js';
import { resolveTopic } from '../../../src/app/topics/topics.js';
import { THIS_WRITER } from '../../../src/app/write-back/pending-write.js';
import { syncChecklist } from '../../../src/app/write-back/sync.js';
import { findPendingWrite, recordPendingWrite } from '../../../src/store/write-back/pending-write.js';
import { BACKENDS } from '../../store/backends.js';
import { withApp } from '../../support/app.js';

const NOW = '2026-12-05T10:00:00.000Z';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`a write still in progress elsewhere (${backend.name})`, () => {
    /** A checklist imported from a file, with a write of `[x]` onto its topic recorded under `writer`. */
    async function withPendingWrite(writer: string, startedAt: string, fn: (ctx: AppContext, path: string, checklistId: number) => Promise<void>) {
      const dir = mkdtempSync(join(tmpdir(), 'prepdeck-writer-'));
      const path = join(dir, 'plan.md');
      writeFileSync(path, '# Plan\n\n- [ ] generators\n');
      try {
        await withApp(backend, NOW, async (ctx) => {
          const { checklist } = await importChecklist(ctx, { file: await readChecklistFile(path) });
          const topic = await resolveTopic(ctx, 'generators');
          await recordPendingWrite(ctx.store.db, checklist.id!, { markers: [{ topicId: topic.id, marker: 'done' }], cards: [] }, startedAt, writer);
          await fn(ctx, path, checklist.id!);
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    it('leaves the record of a live process on this machine, and settles it once that process is gone', async () => {
      const other = spawn('sleep', ['120'], { stdio: 'ignore' });
      try {
        await withPendingWrite(`${hostname()}:${other.pid}`, NOW, async (ctx, path, id) => {
          await syncChecklist(ctx, { path });
          expect(await findPendingWrite(ctx.store.db, id)).toMatchObject({ writer: `${hostname()}:${other.pid}` });
          const exited = new Promise((resolve) => other.once('exit', resolve));
          other.kill('SIGKILL');
          await exited;
          await syncChecklist(ctx, { path });
          expect(await findPendingWrite(ctx.store.db, id)).toBeNull();
        });
      } finally {
        other.kill('SIGKILL');
      }
    });

    it("settles this process's own record when no write of it is under way (a write that failed to drop it)", async () => {
      await withPendingWrite(THIS_WRITER, NOW, async (ctx, path, id) => {
        await syncChecklist(ctx, { path });
        expect(await findPendingWrite(ctx.store.db, id)).toBeNull();
      });
    });

    it('gives a writer on another machine a few minutes, then takes its record as left by a crash', async () => {
      await withPendingWrite('another-host.example:4242', NOW, async (ctx, path, id) => {
        await syncChecklist(ctx, { path });
        expect(await findPendingWrite(ctx.store.db, id)).not.toBeNull();
      });
      await withPendingWrite('another-host.example:4242', '2026-12-05T09:50:00.000Z', async (ctx, path, id) => {
        await syncChecklist(ctx, { path });
        expect(await findPendingWrite(ctx.store.db, id)).toBeNull();
      });
    });
  });
}
