// Goals become criteria and stay in step with the file: reworded, removed, restored, their checklist removed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { removeChecklist } from '../../../src/app/checklists/checklists.js';
import type { AppContext } from '../../../src/app/context.js';
import { addCriterion, resolveCriterion, updateCriterion } from '../../../src/app/hunt/criteria.js';
import { addApplication, applicationById, markApplication } from '../../../src/app/hunt/applications.js';
import { getHunt } from '../../../src/app/hunt/hunt.js';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { AmbiguousError, InvalidInputError, NotFoundError } from '../../../src/core/errors.js';
import { withApp } from '../../support/app.js';
import { hasUserFixture, USER_FIXTURE } from '../../support/fixtures.js';
import { BACKENDS } from '../../store/backends.js';

const GOALS = ['full remote', 'USA/Europe', 'interesting companies', 'плюшки', 'опыт прохождения собеседований - relocation'];
const importText = (ctx: AppContext, text: string) => importChecklist(ctx, { file: checklistFromUpload(text, 'interview.md') });

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`goals as criteria (${backend.name})`, () => {
    const run = (fn: (ctx: AppContext, setNow: (iso: string) => void) => Promise<void>) => withApp(backend, '2026-03-10T09:00:00.000Z', fn);

    it.skipIf(!hasUserFixture)("re-importing the fixture with a goal reworded keeps the goal's criterion and its marks on every application", () =>
      run(async (ctx, setNow) => {
        const text = readFileSync(USER_FIXTURE, 'utf8');
        await importText(ctx, text);
        const { criteria } = await getHunt(ctx);
        expect(criteria.map((c) => c.text)).toEqual(GOALS);
        expect(criteria.every((c) => c.source === 'goal' && c.checklist === 'interview' && c.kind === 'weighted' && c.weight === 3)).toBe(true);

        const perks = await resolveCriterion(ctx, 'ПЛЮШКИ');
        expect(perks.text).toBe('плюшки');
        await updateCriterion(ctx, (await resolveCriterion(ctx, 'full remote')).id, { kind: 'gate' });
        const apps = [await addApplication(ctx, { company: 'Acme' }), await addApplication(ctx, { company: 'Яндекс' })];
        await markApplication(ctx, apps[0]!.application.id, perks.id, { value: 'yes', note: 'gym' });
        await markApplication(ctx, apps[1]!.application.id, perks.id, { value: 'no' });

        setNow('2026-03-11T09:00:00.000Z');
        const reworded = text.replace('* плюшки', '* плюшки и бонусы');
        expect(reworded).not.toBe(text);
        await importText(ctx, reworded);

        const after = await getHunt(ctx);
        expect(after.criteria.map((c) => c.id)).toEqual(criteria.map((c) => c.id));
        expect(after.criteria.find((c) => c.id === perks.id)).toMatchObject({ text: 'плюшки и бонусы', archivedAt: null });
        expect(after.criteria[0]).toMatchObject({ kind: 'gate' });
        const marks = await Promise.all(
          apps.map(async (app) => (await applicationById(ctx, app.application.id)).marks.find((m) => m.criterionId === perks.id)),
        );
        expect(marks.map((m) => [m?.value, m?.note])).toEqual([
          ['yes', 'gym'],
          ['no', ''],
        ]);
      }),
    );

    it('a goal dropped from the file archives its criterion with its marks, and putting it back restores it', () =>
      run(async (ctx) => {
        await importText(ctx, '# Goals\n- full remote\n- relocation\n\n# SQL\n- joins\n');
        const relocation = await resolveCriterion(ctx, 'relocation');
        const app = await addApplication(ctx, { company: 'Acme' });
        await markApplication(ctx, app.application.id, relocation.id, { value: 'yes' });

        await importText(ctx, '# Goals\n- full remote\n\n# SQL\n- joins\n');
        const archived = (await getHunt(ctx)).criteria;
        expect(archived.map((c) => [c.text, c.archivedAt !== null])).toEqual([
          ['full remote', false],
          ['relocation', true],
        ]);
        const detail = await applicationById(ctx, app.application.id);
        expect(detail.marks.find((m) => m.criterionId === relocation.id)?.value).toBe('yes');
        // Archived criteria count in no fit.
        expect(detail.application.fit).toMatchObject({ score: null, unknown: 1 });
        await expect(updateCriterion(ctx, relocation.id, { archived: false })).rejects.toThrow(/^archived: /);

        await importText(ctx, '# Goals\n- full remote\n- relocation\n\n# SQL\n- joins\n');
        const restored = (await getHunt(ctx)).criteria;
        expect(restored.map((c) => [c.id, c.archivedAt])).toEqual([
          [restored[0]!.id, null],
          [relocation.id, null],
        ]);
        expect((await applicationById(ctx, app.application.id)).application.fit.score).toBe(1);
      }));

    it('a goal moved out of the Goals section stops counting, and counts again when it moves back', () =>
      run(async (ctx) => {
        await importText(ctx, '# Goals\n- full remote\n- relocation\n\n# SQL\n- joins\n');
        const relocation = await resolveCriterion(ctx, 'relocation');
        await importText(ctx, '# Goals\n- full remote\n\n# SQL\n- joins\n- relocation\n');
        expect((await getHunt(ctx)).criteria.find((c) => c.id === relocation.id)?.archivedAt).not.toBeNull();
        await importText(ctx, '# Goals\n- full remote\n- relocation\n\n# SQL\n- joins\n');
        const criteria = (await getHunt(ctx)).criteria;
        expect(criteria.map((c) => [c.text, c.archivedAt])).toEqual([
          ['full remote', null],
          ['relocation', null],
        ]);
        expect(criteria[1]!.id).toBe(relocation.id);
      }));

    it('a new goal gets a criterion after the others; removing the checklist archives its criteria, text and marks kept', () =>
      run(async (ctx) => {
        await importText(ctx, '# Goals\n- full remote\n');
        const own = await addCriterion(ctx, { text: 'small team', kind: 'gate' });
        await importText(ctx, '# Goals\n- full remote\n- equity\n');
        expect((await getHunt(ctx)).criteria.map((c) => [c.text, c.source, c.position])).toEqual([
          ['full remote', 'goal', 1],
          ['small team', 'own', 2],
          ['equity', 'goal', 3],
        ]);
        const app = await addApplication(ctx, { company: 'Acme' });
        const equity = await resolveCriterion(ctx, 'equity');
        await markApplication(ctx, app.application.id, equity.id, { value: 'no', note: 'none' });

        await removeChecklist(ctx, 'interview');
        const criteria = (await getHunt(ctx)).criteria;
        expect(criteria.map((c) => [c.text, c.archivedAt !== null])).toEqual([
          ['small team', false],
          ['full remote', true],
          ['equity', true],
        ]);
        expect(criteria.find((c) => c.id === own.id)?.archivedAt).toBeNull();
        const marks = (await applicationById(ctx, app.application.id)).marks;
        expect(marks.find((m) => m.criterionId === equity.id)).toMatchObject({ value: 'no', note: 'none' });
      }));

    it("a goal's text is the file's; one's own criteria take any change, and references find them by a fragment", () =>
      run(async (ctx) => {
        await importText(ctx, '# Goals\n- full remote\n- remote-friendly timezone\n');
        const goal = await resolveCriterion(ctx, 'full');
        await expect(updateCriterion(ctx, goal.id, { text: 'remote' })).rejects.toThrow(/^text: .*reword it in the file/);
        expect(await updateCriterion(ctx, goal.id, { kind: 'gate', weight: 5 })).toMatchObject({ kind: 'gate', weight: 5, text: 'full remote' });

        const own = await addCriterion(ctx, { text: 'Мало созвонов' });
        expect(await updateCriterion(ctx, own.id, { text: 'мало встреч', weight: 2 })).toMatchObject({
          text: 'мало встреч',
          weight: 2,
          source: 'own',
        });
        expect((await resolveCriterion(ctx, 'ВСТРЕЧ')).id).toBe(own.id);
        expect((await resolveCriterion(ctx, String(goal.id))).id).toBe(goal.id);
        await expect(resolveCriterion(ctx, 'remote')).rejects.toBeInstanceOf(AmbiguousError);
        await expect(resolveCriterion(ctx, 'salary')).rejects.toBeInstanceOf(NotFoundError);
        await expect(updateCriterion(ctx, 9999, { weight: 2 })).rejects.toBeInstanceOf(NotFoundError);
        await expect(addCriterion(ctx, { text: 'x', weight: 0 })).rejects.toThrow(/^weight: /);
        await expect(addCriterion(ctx, { text: '   ' })).rejects.toBeInstanceOf(InvalidInputError);
        expect((await getHunt(ctx)).criteria).toHaveLength(3);
      }));

    it('refuses a criterion whose text another has, goal or own, added or reworded, and writes nothing', () =>
      run(async (ctx) => {
        await importText(ctx, '# Goals\n- full remote\n');
        const visa = await addCriterion(ctx, { text: 'visa sponsorship', weight: 4 });
        const team = await addCriterion(ctx, { text: 'small team' });
        const before = (await getHunt(ctx)).criteria;
        await expect(addCriterion(ctx, { text: 'Visa  sponsorship', kind: 'gate' })).rejects.toThrow(
          new InvalidInputError(
            `text: criterion #${visa.id} 'visa sponsorship' says that already; change that one instead (\`prepdeck goals edit ${visa.id}\`)`,
          ),
        );
        await expect(addCriterion(ctx, { text: 'FULL REMOTE' })).rejects.toThrow(/^text: criterion #\d+ 'full remote' says that already/);
        await expect(updateCriterion(ctx, team.id, { text: 'visa sponsorship!' })).rejects.toThrow(/^text: criterion #\d+ 'visa sponsorship'/);
        expect((await getHunt(ctx)).criteria).toEqual(before);

        // Its own text in another case is a rewording; one archived by hand is named, to be restored.
        expect(await updateCriterion(ctx, visa.id, { text: 'Visa sponsorship' })).toMatchObject({ text: 'Visa sponsorship' });
        await updateCriterion(ctx, team.id, { archived: true });
        await expect(addCriterion(ctx, { text: 'small team' })).rejects.toThrow(
          `text: criterion #${team.id} 'small team' says that already, archived; restore that one instead (\`prepdeck goals restore ${team.id}\`)`,
        );
      }));
  });
}
