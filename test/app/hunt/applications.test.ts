// Applications through their stages: the board's list, moves and their history, marks and fit, bad input.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import {
  addApplication,
  applicationById,
  deleteApplication,
  listApplications,
  markApplication,
  moveApplication,
  resolveApplication,
  updateApplication,
} from '../../../src/app/hunt/applications.js';
import { addCriterion } from '../../../src/app/hunt/criteria.js';
import { addStage, getHunt, updateHunt, updateStage } from '../../../src/app/hunt/hunt.js';
import { AmbiguousError, ConflictError, InvalidInputError, NotFoundError } from '../../../src/core/errors.js';
import { withApp } from '../../support/app.js';
import { BACKENDS } from '../../store/backends.js';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`applications (${backend.name})`, () => {
    const run = (fn: (ctx: AppContext, setNow: (iso: string) => void) => Promise<void>) => withApp(backend, '2026-03-10T09:00:00.000Z', fn);

    it('records every move with its note, a move back included, from the first stage on', () =>
      run(async (ctx, setNow) => {
        await updateHunt(ctx, { timeZone: 'Europe/Berlin' });
        const { application } = await addApplication(ctx, { company: 'Acme', role: 'Backend engineer', stage: 'applied' });
        expect(application).toMatchObject({ stage: 'applied', stageChangedAt: '2026-03-10T09:00:00.000Z', archivedAt: null, hasOffer: false });
        setNow('2026-03-12T09:00:00.000Z');
        await moveApplication(ctx, application.id, { to: 'screening', from: 'applied', on: '2026-03-11' });
        setNow('2026-03-13T09:00:00.000Z');
        await moveApplication(ctx, application.id, { to: 'technical', note: 'take-home' });
        const back = await moveApplication(ctx, application.id, { to: 'screening', from: 'technical', note: 'another screen first' });
        expect(back.history.map(({ from, to, at, note }) => ({ from, to, at, note }))).toEqual([
          { from: null, to: 'applied', at: '2026-03-10T09:00:00.000Z', note: '' },
          { from: 'applied', to: 'screening', at: '2026-03-11T11:00:00.000Z', note: '' },
          { from: 'screening', to: 'technical', at: '2026-03-13T09:00:00.000Z', note: 'take-home' },
          { from: 'technical', to: 'screening', at: '2026-03-13T09:00:00.000Z', note: 'another screen first' },
        ]);
        expect(back.application).toMatchObject({ stage: 'screening', stageChangedAt: '2026-03-13T09:00:00.000Z' });
      }));

    it('starts the history of an application brought over from elsewhere on its day, so that its later moves can be dated', () =>
      run(async (ctx) => {
        const initech = await addApplication(ctx, { company: 'Initech', stage: 'applied', foundOn: '2026-02-20' });
        expect(initech.history.map((e) => [e.to, e.at.slice(0, 10)])).toEqual([['applied', '2026-02-20']]);
        const moved = await moveApplication(ctx, initech.application.id, { to: 'screening', on: '2026-02-25' });
        expect(moved.history.map((e) => [e.to, e.at.slice(0, 10)])).toEqual([
          ['applied', '2026-02-20'],
          ['screening', '2026-02-25'],
        ]);
        // `on` says when it entered its first stage, whenever it was found.
        const globex = await addApplication(ctx, { company: 'Globex', stage: 'applied', foundOn: '2026-01-15', on: '2026-03-01' });
        expect(globex.history[0]!.at.slice(0, 10)).toBe('2026-03-01');
        // Found today: it starts now.
        const today = await addApplication(ctx, { company: 'Umbrella', foundOn: '2026-03-10' });
        expect(today.history[0]!.at).toBe('2026-03-10T09:00:00.000Z');
        // Found on a day still to come, or applied to before it was found: a typo, refused naming the field.
        await expect(addApplication(ctx, { company: 'Hooli', foundOn: '2026-04-01' })).rejects.toThrow(/^foundOn: 2026-04-01 is in the future/);
        await expect(addApplication(ctx, { company: 'Hooli', foundOn: '2026-03-05', on: '2026-03-01' })).rejects.toThrow(
          /^on: 2026-03-01 is before the day it was found \(2026-03-05\)/,
        );
        await expect(updateApplication(ctx, today.application.id, { foundOn: '2026-03-11' })).rejects.toThrow(/^foundOn: .* future/);
        // An edit checks it against the history as the add checks it against `on`: found after it was applied to.
        await expect(updateApplication(ctx, globex.application.id, { foundOn: '2026-03-02' })).rejects.toThrow(
          /^foundOn: 2026-03-02 is after the day it entered Applied \(2026-03-01\)/,
        );
        expect((await updateApplication(ctx, globex.application.id, { foundOn: '2026-03-01' })).application.foundOn).toBe('2026-03-01');
        await expect(addApplication(ctx, { company: 'Hooli', on: '2026-03-11' })).rejects.toThrow(/^on: 2026-03-11 is in the future/);
        await expect(addApplication(ctx, { company: 'Hooli', on: '2026-02-30' })).rejects.toThrow(/^on: /);
        expect((await listApplications(ctx, {})).applications.map((a) => a.company).sort()).toEqual(['Globex', 'Initech', 'Umbrella']);
      }));

    it('refuses a move made against a stage that has changed since, and writes nothing', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        await moveApplication(ctx, application.id, { to: 'applied', from: 'wishlist' });
        // A second window still shows it in the wishlist.
        await expect(moveApplication(ctx, application.id, { to: 'rejected', from: 'wishlist' })).rejects.toBeInstanceOf(ConflictError);
        const detail = await applicationById(ctx, application.id);
        expect(detail.application.stage).toBe('applied');
        expect(detail.history).toHaveLength(2);
      }));

    it('refuses an unknown stage, a date that does not exist, a future date and a missing criterion, writing nothing', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme', foundOn: '2026-03-01' });
        const before = await applicationById(ctx, application.id);
        await expect(moveApplication(ctx, application.id, { to: 'lunch' })).rejects.toThrow(/^to: there is no stage 'lunch'/);
        await expect(moveApplication(ctx, application.id, { to: 'applied', on: '2026-02-30' })).rejects.toThrow(/^on: /);
        await expect(moveApplication(ctx, application.id, { to: 'applied', on: '2026-03-11' })).rejects.toThrow(/^on: .*future/);
        await expect(moveApplication(ctx, application.id, { to: 'wishlist' })).rejects.toBeInstanceOf(InvalidInputError);
        await expect(markApplication(ctx, application.id, 4242, { value: 'yes' })).rejects.toThrow(/^criterionId: no criterion 4242/);
        await expect(updateApplication(ctx, application.id, { foundOn: '2026-02-30', role: 'x' })).rejects.toThrow(/^foundOn: /);
        await expect(updateApplication(ctx, application.id, { salary: { min: 90, max: 80, currency: 'EUR', period: 'year' } })).rejects.toThrow(
          /^salary.max: /,
        );
        await expect(
          updateApplication(ctx, application.id, { salary: { min: Number('9o'), max: null, currency: 'EUR', period: 'year' } }),
        ).rejects.toThrow(/^salary.min: /);
        await expect(addApplication(ctx, { company: 'Initech', stage: 'lunch' })).rejects.toThrow(/^stage: /);
        await expect(addApplication(ctx, { company: '  ' })).rejects.toThrow(/^company /);
        expect(await applicationById(ctx, application.id)).toEqual(before);
        expect((await listApplications(ctx, {})).applications).toHaveLength(1);
        await expect(applicationById(ctx, 99)).rejects.toBeInstanceOf(NotFoundError);
        await expect(moveApplication(ctx, 2 ** 40, { to: 'applied' })).rejects.toBeInstanceOf(NotFoundError);
      }));

    it('scores the fit from the marks, flags a gate marked no, and keeps a mark note', () =>
      run(async (ctx) => {
        const remote = await addCriterion(ctx, { text: 'full remote', kind: 'gate' });
        const perks = await addCriterion(ctx, { text: 'плюшки', weight: 4 });
        const growth = await addCriterion(ctx, { text: 'growth', weight: 1 });
        const { application } = await addApplication(ctx, { company: 'Acme' });
        await markApplication(ctx, application.id, remote.id, { value: 'no', note: '2 days in office' });
        await markApplication(ctx, application.id, perks.id, { value: 'yes' });
        const detail = await markApplication(ctx, application.id, growth.id, { value: 'no' });
        expect(detail.application.fit).toEqual({ score: 0.8, unknown: 0, gates: { passed: 0, failed: 1, unknown: 0 }, failedGates: [remote.id] });
        expect(detail.marks.find((m) => m.criterionId === remote.id)).toMatchObject({ value: 'no', note: '2 days in office' });
        const unmarked = await markApplication(ctx, application.id, growth.id, { value: 'unknown' });
        expect(unmarked.application.fit).toMatchObject({ score: 1, unknown: 1 });
        expect((await listApplications(ctx, {})).applications[0]!.fit).toEqual(unmarked.application.fit);
      }));

    it('lists by stage, tag and words in any script, archived ones only when asked', () =>
      run(async (ctx) => {
        const acme = await addApplication(ctx, { company: 'Acme', role: 'Backend', tags: ['python', 'eu'], stage: 'applied' });
        const yandex = await addApplication(ctx, { company: 'Яндекс', role: 'Разработчик', location: 'Белград', tags: ['python'] });
        const globex = await addApplication(ctx, { company: 'Globex', tags: ['go'], stage: 'applied' });
        // A tag is one tag in any case, on an add and an edit alike: the first spelling is kept.
        const hooli = await addApplication(ctx, { company: 'Hooli', tags: ['Remote', 'remote', 'REMOTE'] });
        expect(hooli.application.tags).toEqual(['Remote']);
        expect((await updateApplication(ctx, hooli.application.id, { tags: ['go', 'GO'] })).application.tags).toEqual(['go']);
        await deleteApplication(ctx, hooli.application.id);
        await updateApplication(ctx, globex.application.id, { archived: true });
        const ids = async (query: Parameters<typeof listApplications>[1]) => (await listApplications(ctx, query)).applications.map((a) => a.id);
        expect(await ids({})).toEqual([acme.application.id, yandex.application.id]);
        expect(await ids({ archived: true })).toEqual([acme.application.id, yandex.application.id, globex.application.id]);
        expect(await ids({ stage: 'applied' })).toEqual([acme.application.id]);
        expect(await ids({ stage: 'applied', archived: true })).toEqual([acme.application.id, globex.application.id]);
        expect(await ids({ tag: 'Python' })).toEqual([acme.application.id, yandex.application.id]);
        expect(await ids({ q: 'ЯНДЕКС белград' })).toEqual([yandex.application.id]);
        expect(await ids({ q: 'разработчик', tag: 'eu' })).toEqual([]);
        expect(await ids({ q: 'backend eu' })).toEqual([acme.application.id]);
        await expect(listApplications(ctx, { stage: 'lunch' })).rejects.toThrow(/^stage: there is no stage 'lunch'/);
        const restored = await updateApplication(ctx, globex.application.id, { archived: false });
        expect(restored.application.archivedAt).toBeNull();
      }));

    it('finds an application by id or by words of company and role, listing the candidates when ambiguous', () =>
      run(async (ctx) => {
        const backend = await addApplication(ctx, { company: 'Acme', role: 'Backend engineer', stage: 'applied' });
        await addApplication(ctx, { company: 'Acme', role: 'Frontend engineer' });
        expect(await resolveApplication(ctx, 'acme backend')).toBe(backend.application.id);
        expect(await resolveApplication(ctx, String(backend.application.id))).toBe(backend.application.id);
        const ambiguous = await resolveApplication(ctx, 'acme').catch((error: unknown) => error);
        expect(ambiguous).toBeInstanceOf(AmbiguousError);
        expect((ambiguous as AmbiguousError).candidates[0]).toEqual({ id: backend.application.id, label: 'Acme — Backend engineer (applied)' });
        await expect(resolveApplication(ctx, 'initech')).rejects.toBeInstanceOf(NotFoundError);
      }));

    it('deletes an application with its history only when asked to', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        await moveApplication(ctx, application.id, { to: 'applied' });
        await deleteApplication(ctx, application.id);
        await expect(applicationById(ctx, application.id)).rejects.toBeInstanceOf(NotFoundError);
        await expect(deleteApplication(ctx, application.id)).rejects.toBeInstanceOf(NotFoundError);
        const count = await ctx.store.db.selectFrom('stage_events').select('id').execute();
        expect(count).toEqual([]);
      }));

    it("adds, relabels and reorders the hunt's stages, keys kept; a bad time zone is refused naming timeZone", () =>
      run(async (ctx) => {
        const added = await addStage(ctx, { label: 'Take-home', before: 'onsite' });
        expect(added.stages.map((s) => s.key).slice(3, 6)).toEqual(['technical', 'take-home', 'onsite']);
        const moved = await updateStage(ctx, 'take-home', { position: 0, label: 'Homework' });
        expect(moved.stages[0]).toEqual({ key: 'take-home', label: 'Homework', outcome: false, position: 0 });
        expect(moved.stages.map((s) => s.position)).toEqual(moved.stages.map((_, i) => i));
        await expect(addStage(ctx, { label: 'applied' })).rejects.toThrow(/^label: /);
        await expect(addStage(ctx, { label: 'x', before: 'nope' })).rejects.toThrow(/^before: /);
        await expect(updateStage(ctx, 'nope', { label: 'y' })).rejects.toBeInstanceOf(InvalidInputError);
        await expect(updateHunt(ctx, { timeZone: 'Mars/Olympus' })).rejects.toThrow(/^timeZone: /);
        const hunt = await updateHunt(ctx, { timeZone: 'Asia/Tokyo' });
        expect(hunt).toMatchObject({ timeZone: 'Asia/Tokyo', today: '2026-03-10' });
        expect((await getHunt(ctx)).stages).toHaveLength(11);
        const { application } = await addApplication(ctx, { company: 'Acme', stage: 'take-home' });
        expect(application.stage).toBe('take-home');
      }));
  });
}
