// Whether an import leaves its checklist the current one, said in the import's result (`current`) on every face: the
// CLI's import takes over unless the file gives nothing to study, and says what it would do in a dry run; an import
// through the API leaves the choice as it was, and says whether the checklist is current all the same.
import { describe, expect, it } from 'vitest';
import { chosenChecklist, useChecklist } from '../../../src/app/checklists/current.js';
import type { AppContext } from '../../../src/app/context.js';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { BACKENDS } from '../../store/backends.js';
import { withApp } from '../../support/app.js';

const NOW = '2026-12-05T10:00:00.000Z';
const PREP = '# Databases\n\n* MVCC\n* SELECT FOR UPDATE\n';
const GOALS = '# Goals\n\n* full remote\n';

const upload = (text: string, name: string) => checklistFromUpload(text, `${name}.md`);
const worked = async (ctx: AppContext) => (await chosenChecklist(ctx)).name;

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`an import says whether its checklist is current (${backend.name})`, () => {
    it("the CLI's import: a file with topics takes over, one without does not and says so, a dry run says what it would do", async () => {
      await withApp(backend, NOW, async (ctx, setNow) => {
        // The first checklist is current whatever it holds: there is no other.
        expect(await importChecklist(ctx, { file: upload(GOALS, 'goals'), name: 'goals', makeCurrent: true })).toMatchObject({ current: true });
        setNow('2026-12-05T10:01:00.000Z');
        expect(await importChecklist(ctx, { file: upload(PREP, 'prep'), name: 'prep', makeCurrent: true })).toMatchObject({ current: true });
        expect(await worked(ctx)).toBe('prep');

        setNow('2026-12-05T10:02:00.000Z');
        const preview = await importChecklist(ctx, { file: upload('', 'empty'), name: 'empty', dryRun: true, makeCurrent: true });
        expect(preview).toMatchObject({ dryRun: true, current: false });
        const empty = await importChecklist(ctx, { file: upload('', 'empty'), name: 'empty', makeCurrent: true });
        expect(empty).toMatchObject({ created: true, current: false, counts: { topics: 0 } });
        // Kept, and not taken for the one imported last.
        expect(await worked(ctx)).toBe('prep');

        // Re-imported with nothing to study, the checklist worked on stays current.
        expect(await importChecklist(ctx, { file: upload(GOALS, 'prep'), name: 'prep', makeCurrent: true })).toMatchObject({ current: true });
        expect(await worked(ctx)).toBe('prep');
      });
    });

    it('an import that does not choose (the API, sync) says whether the checklist is current as the choice stands', async () => {
      await withApp(backend, NOW, async (ctx, setNow) => {
        // None chosen yet: the only one, then the one imported last, is current; a dry run says so before writing.
        expect(await importChecklist(ctx, { file: upload(PREP, 'prep'), name: 'prep' })).toMatchObject({ current: true });
        setNow('2026-12-05T10:01:00.000Z');
        expect(await importChecklist(ctx, { file: upload(GOALS, 'goals'), name: 'goals', dryRun: true })).toMatchObject({ current: true });
        expect(await importChecklist(ctx, { file: upload(GOALS, 'goals'), name: 'goals' })).toMatchObject({ current: true });
        expect(await worked(ctx)).toBe('goals');

        // Once one is chosen, another's import does not take over, and says so.
        await useChecklist(ctx, 'prep');
        setNow('2026-12-05T10:02:00.000Z');
        expect(await importChecklist(ctx, { file: upload(`${GOALS}* USA\n`, 'goals'), name: 'goals' })).toMatchObject({ current: false });
        expect(await importChecklist(ctx, { file: upload(`${PREP}* MVCC again\n`, 'prep'), name: 'prep', dryRun: true })).toMatchObject({
          current: true,
        });
        expect(await worked(ctx)).toBe('prep');
      });
    });
  });
}
