// `export -o FILE` on both backends: a new file written, one that is there refused unless forced, a checklist's own
// Markdown refused always (through a symlink too), and a path that can't be written refused in one line.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { writeExportFile } from '../../../src/app/checklists/export-file.js';
import { importChecklist, readChecklistFile } from '../../../src/app/import/import-checklist.js';
import { InvalidInputError, NotFoundError } from '../../../src/core/errors.js';
import { BACKENDS } from '../../store/backends.js';
import { withApp } from '../../support/app.js';

const NOW = '2026-12-06T10:00:00.000Z';
const PREP = '# Databases\n\n- MVCC\n';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`export -o FILE (${backend.name})`, () => {
    async function withFolder(fn: (ctx: AppContext, dir: string, prep: string) => Promise<void>) {
      const dir = mkdtempSync(join(tmpdir(), 'prepdeck-export-'));
      const prep = join(dir, 'prep.md');
      writeFileSync(prep, PREP);
      try {
        await withApp(backend, NOW, async (ctx) => {
          await importChecklist(ctx, { file: await readChecklistFile(prep) });
          await fn(ctx, dir, prep);
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    it('writes a new file; one that is there only with force', () =>
      withFolder(async (ctx, dir) => {
        const out = join(dir, 'out.md');
        expect(await writeExportFile(ctx, out, 'one\n', { force: false })).toEqual({ written: out, bytes: 4 });
        expect(await writeExportFile(ctx, out, 'two\n', { force: false })).toEqual({ refused: { reason: 'exists' } });
        expect(readFileSync(out, 'utf8')).toBe('one\n');
        expect(await writeExportFile(ctx, out, 'three\n', { force: true })).toEqual({ written: out, bytes: 6 });
        expect(readFileSync(out, 'utf8')).toBe('three\n');
      }));

    it("never writes over a checklist's own file, named through a symlink too", () =>
      withFolder(async (ctx, dir, prep) => {
        const link = join(dir, 'link.md');
        symlinkSync(prep, link);
        for (const path of [prep, link]) {
          for (const force of [false, true]) {
            expect(await writeExportFile(ctx, path, 'x\n', { force })).toEqual({ refused: { reason: 'source', checklists: ['prep'] } });
          }
        }
        expect(readFileSync(prep, 'utf8')).toBe(PREP);
      }));

    it("says in one line why a path can't be written: no such folder, a folder, a file on the way", () =>
      withFolder(async (ctx, dir, prep) => {
        const missing = join(dir, 'nope', 'out.md');
        await expect(writeExportFile(ctx, missing, 'x', { force: false })).rejects.toThrow(
          new NotFoundError(`can't write ${missing}: no such folder (${join(dir, 'nope')})`),
        );
        mkdirSync(join(dir, 'folder'));
        await expect(writeExportFile(ctx, join(dir, 'folder'), 'x', { force: true })).rejects.toThrow(
          new InvalidInputError(`can't write ${join(dir, 'folder')}: it is a folder; name a file in it`),
        );
        await expect(writeExportFile(ctx, join(prep, 'out.md'), 'x', { force: false })).rejects.toThrow(
          new NotFoundError(`can't write ${join(prep, 'out.md')}: a part of ${prep} is a file, not a folder`),
        );
      }));
  });
}
