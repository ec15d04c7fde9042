// A changed re-import reads the stored rows once, before it writes (store/import/import.ts#readStoredRows), and
// compares the file with them: what the write deleted meanwhile (a removed section's resources, by cascade) must not
// read as a change, or every resource would be rewritten under new ids.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { BACKENDS } from '../../store/backends.js';
import { withApp } from '../../support/app.js';

const NOW = '2026-12-05T10:00:00.000Z';
const upload = (text: string) => checklistFromUpload(text, 'prep.md');
const withSectionB = '# A\n\n* topic a <https://a.example/>\n\n# B\n\n* <https://b.example/>\n';
const withoutSectionB = '# A\n\n* topic a <https://a.example/>\n';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`a changed re-import's rows (${backend.name})`, () => {
    it('keeps the resources a removed section did not hold, ids and all, as they were', async () => {
      await withApp(backend, NOW, async (ctx) => {
        await importChecklist(ctx, { file: upload(withSectionB) });
        const resources = () =>
          sql<{ id: number; url: string }>`select id, url from resources order by id`.execute(ctx.store.db).then((result) => result.rows);
        const [kept] = (await resources()).filter((row) => row.url === 'https://a.example/');

        const imported = await importChecklist(ctx, { file: upload(withoutSectionB) });
        expect(imported.unchanged).toBe(false);
        expect(await resources()).toEqual([kept]);
      });
    });
  });
}
