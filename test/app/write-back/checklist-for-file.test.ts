// Which checklist `sync FILE` brings the file's edits into when several were imported from it (a backup restored
// beside the original keeps its file): the current one; none of them current, the user names it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useChecklist } from '../../../src/app/checklists/current.js';
import { importChecklist, readChecklistFile } from '../../../src/app/import/import-checklist.js';
import { syncChecklist } from '../../../src/app/write-back/sync.js';
import { InvalidInputError, NotFoundError } from '../../../src/core/errors.js';
import { BACKENDS } from '../../store/backends.js';
import { withApp } from '../../support/app.js';

const NOW = '2026-12-06T10:00:00.000Z';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`sync FILE imported as several checklists (${backend.name})`, () => {
    it('syncs the current one of them, and asks for a name when none of them is current', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'prepdeck-sync-choice-'));
      const prep = join(dir, 'prep.md');
      const other = join(dir, 'other.md');
      writeFileSync(prep, '# Databases\n\n- MVCC\n');
      writeFileSync(other, '# Queues\n\n- SKIP LOCKED\n');
      try {
        await withApp(backend, NOW, async (ctx) => {
          for (const name of ['prep', 'restored']) await importChecklist(ctx, { file: await readChecklistFile(prep), name });
          for (const name of ['restored', 'prep']) {
            await useChecklist(ctx, name);
            expect((await syncChecklist(ctx, { path: prep })).readIn.checklist.name).toBe(name);
          }
          await importChecklist(ctx, { file: await readChecklistFile(other) });
          await useChecklist(ctx, 'other');
          await expect(syncChecklist(ctx, { path: prep })).rejects.toThrow(
            new InvalidInputError(
              `${prep} was imported as 'prep', 'restored'; pick one with --name, or make it the current checklist (\`prepdeck use NAME\`)`,
            ),
          );
          // Named, it is that one whatever is current.
          expect((await syncChecklist(ctx, { path: prep, name: 'restored' })).readIn.checklist.name).toBe('restored');
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    // A file named like a checklist imported from elsewhere: the advice given is the one that works.
    it('names the fix that works for a file named like a checklist of another file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'prepdeck-sync-other-'));
      const original = join(dir, 'prep.md');
      mkdirSync(join(dir, 'copy'));
      const copy = join(dir, 'copy', 'prep.md');
      writeFileSync(original, '# Databases\n\n- MVCC\n');
      writeFileSync(copy, '# Databases\n\n- MVCC\n- [x] SKIP LOCKED\n');
      try {
        await withApp(backend, NOW, async (ctx) => {
          await importChecklist(ctx, { file: await readChecklistFile(original) });
          // Its own file there: --name is refused (it would archive what the copy lacks), so import is the advice.
          const refusal = new NotFoundError(
            `no checklist was imported from ${copy} ('prep' keeps ${original} in step); to take its topics from ${copy} instead, run \`prepdeck import ${copy} --name prep\``,
          );
          await expect(syncChecklist(ctx, { path: copy })).rejects.toThrow(refusal);
          await expect(syncChecklist(ctx, { path: copy, name: 'prep' })).rejects.toThrow(/^'prep' keeps /);
          // Its own file gone: --name is the advice, and it works.
          rmSync(original);
          await expect(syncChecklist(ctx, { path: copy })).rejects.toThrow(
            new NotFoundError(
              `no checklist was imported from ${copy} ('prep' was imported from ${original}, gone since); give --name prep to sync this file into it`,
            ),
          );
          expect((await syncChecklist(ctx, { path: copy, name: 'prep' })).readIn.checklist.name).toBe('prep');
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
