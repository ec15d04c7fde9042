// Closing an application and recording an offer: an offer moves the application to the offer stage, and a closed
// application's open follow-ups leave the lists of due ones while staying on it.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { addApplication, applicationById, moveApplication, updateApplication } from '../../../src/app/hunt/applications.js';
import { addFollowUp, agenda, listFollowUps, updateFollowUp } from '../../../src/app/hunt/follow-ups.js';
import { funnel } from '../../../src/app/hunt/funnel.js';
import { addStage, updateHunt, updateStage } from '../../../src/app/hunt/hunt.js';
import { deleteOffer, putOffer } from '../../../src/app/hunt/offers.js';
import { InvalidInputError } from '../../../src/core/errors.js';
import { createRound } from '../../../src/app/interviews/rounds.js';
import { withApp } from '../../support/app.js';
import { BACKENDS } from '../../store/backends.js';

const OFFER = { currency: 'EUR', period: 'year', base: 90_000 } as const;

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`closing applications and recording offers (${backend.name})`, () => {
    const run = (fn: (ctx: AppContext, setNow: (iso: string) => void) => Promise<void>) =>
      withApp(backend, '2026-03-10T09:00:00.000Z', async (ctx, setNow) => {
        await updateHunt(ctx, { timeZone: 'UTC' });
        await fn(ctx, setNow);
      });

    it('moves an application before the offer stage to it when an offer is recorded, as a stage event', () =>
      run(async (ctx, setNow) => {
        const { application } = await addApplication(ctx, { company: 'Acme', stage: 'technical' });
        setNow('2026-03-12T10:00:00.000Z');
        const recorded = await putOffer(ctx, application.id, OFFER);
        expect(recorded.application.stage).toBe('offer');
        expect(recorded.moved).toMatchObject({ from: 'technical', to: 'offer', at: '2026-03-12T10:00:00.000Z', note: 'offer recorded' });
        expect(recorded.history.map((e) => [e.from, e.to, e.note])).toEqual([
          [null, 'technical', ''],
          ['technical', 'offer', 'offer recorded'],
        ]);
        expect(recorded.moved).toEqual(recorded.history.at(-1));
        expect(recorded.offer).toMatchObject({ base: 90_000 });
        // The funnel counts it as reaching the offer stage, from the stage events.
        expect((await funnel(ctx)).stages.find((s) => s.stage === 'offer')?.reached).toBe(1);

        // Replacing the offer moves nothing, even after a move back: that move was the user's.
        await moveApplication(ctx, application.id, { to: 'onsite', note: 'offer pulled back for another round' });
        const replaced = await putOffer(ctx, application.id, { ...OFFER, base: 95_000 });
        expect(replaced.moved).toBeNull();
        expect(replaced.application.stage).toBe('onsite');
        expect(replaced.history).toHaveLength(3);
      }));

    it('leaves an application at the offer stage or past it, and a closed one, where it is', () =>
      run(async (ctx) => {
        for (const stage of ['offer', 'accepted', 'rejected', 'withdrawn']) {
          const { application } = await addApplication(ctx, { company: `At ${stage}`, stage });
          const recorded = await putOffer(ctx, application.id, OFFER);
          expect([recorded.application.stage, recorded.moved, recorded.history.length]).toEqual([stage, null, 1]);
        }
      }));

    it("follows the hunt's own order of stages", () =>
      run(async (ctx) => {
        // A stage of one's own after the offer, and onsite moved past it.
        const hunt = await addStage(ctx, { label: 'Negotiation', before: 'accepted' });
        expect(hunt.stages.map((s) => s.key).slice(5, 7)).toEqual(['offer', 'negotiation']);
        await updateStage(ctx, 'onsite', { position: 5 });
        const onsite = await addApplication(ctx, { company: 'Onsite', stage: 'onsite' });
        const negotiating = await addApplication(ctx, { company: 'Negotiating', stage: 'negotiation' });
        const screening = await addApplication(ctx, { company: 'Screening', stage: 'screening' });
        expect((await putOffer(ctx, onsite.application.id, OFFER)).moved).toBeNull();
        expect((await putOffer(ctx, negotiating.application.id, OFFER)).moved).toBeNull();
        expect((await putOffer(ctx, screening.application.id, OFFER)).moved).toMatchObject({ from: 'screening', to: 'offer' });
      }));

    it('writes neither the offer nor a move on bad input', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme', stage: 'applied' });
        await expect(putOffer(ctx, application.id, { ...OFFER, currency: 'euro' })).rejects.toBeInstanceOf(InvalidInputError);
        const after = await applicationById(ctx, application.id);
        expect([after.application.stage, after.history.length, after.offer]).toEqual(['applied', 1, null]);
        // Removing the offer and recording a new one is a new offer: it moves again.
        await putOffer(ctx, application.id, OFFER);
        await moveApplication(ctx, application.id, { to: 'applied' });
        await deleteOffer(ctx, application.id);
        expect((await putOffer(ctx, application.id, OFFER)).moved).toMatchObject({ from: 'applied', to: 'offer' });
      }));

    it("keeps a closed application's open follow-ups on it and off the due lists, and says so on the move", () =>
      run(async (ctx) => {
        const acme = await addApplication(ctx, { company: 'Acme', stage: 'technical' });
        const globex = await addApplication(ctx, { company: 'Globex', stage: 'applied' });
        const id = acme.application.id;
        await addFollowUp(ctx, id, { title: 'ask for feedback', dueOn: '2026-03-09' });
        const done = (await addFollowUp(ctx, id, { title: 'send the take-home', dueOn: '2026-03-08' })).followUps.find(
          (f) => f.dueOn === '2026-03-08',
        )!;
        await updateFollowUp(ctx, done.id, { done: true });
        await addFollowUp(ctx, id, { title: 'thank-you note', dueOn: '2026-03-20' });
        await addFollowUp(ctx, globex.application.id, { title: 'ping the recruiter', dueOn: '2026-03-10' });
        expect((await agenda(ctx)).followUps.map((f) => f.followUp.title)).toEqual(['ask for feedback', 'ping the recruiter']);

        const rejected = await moveApplication(ctx, id, { to: 'rejected', note: 'not this time' });
        expect([rejected.followUpsNoLongerDue, rejected.followUpsDueAgain, rejected.followUpsDue]).toEqual([2, 0, false]);
        // Nothing is erased: the application still has all three, the two open ones still open.
        expect(rejected.followUps.map((f) => [f.title, f.doneAt === null])).toEqual([
          ['ask for feedback', true],
          ['thank-you note', true],
          ['send the take-home', false],
        ]);
        expect((await agenda(ctx)).followUps.map((f) => f.followUp.title)).toEqual(['ping the recruiter']);
        const list = await listFollowUps(ctx, {});
        expect([list.followUps.map((f) => f.followUp.title), list.closedLeftOut]).toEqual([['ping the recruiter'], 2]);
        const all = await listFollowUps(ctx, { done: true, closed: true });
        expect(all.followUps.map((f) => [f.followUp.title, f.closed])).toEqual([
          ['send the take-home', true],
          ['ask for feedback', true],
          ['ping the recruiter', false],
          ['thank-you note', true],
        ]);
        expect(all.closedLeftOut).toBe(0);
        expect((await listFollowUps(ctx, { done: true })).closedLeftOut).toBe(3);

        // From one closed stage to another: nothing changes; back to an open one: they are due again.
        const ghosted = await moveApplication(ctx, id, { to: 'ghosted' });
        expect([ghosted.followUpsNoLongerDue, ghosted.followUpsDueAgain]).toEqual([0, 0]);
        const reopened = await moveApplication(ctx, id, { to: 'screening', note: 'they wrote back' });
        expect([reopened.followUpsNoLongerDue, reopened.followUpsDueAgain, reopened.followUpsDue]).toEqual([0, 2, true]);
        expect((await agenda(ctx)).followUps.map((f) => f.followUp.title)).toEqual(['ask for feedback', 'ping the recruiter']);
        const onward = await moveApplication(ctx, id, { to: 'onsite' });
        expect([onward.followUpsNoLongerDue, onward.followUpsDueAgain]).toEqual([0, 0]);

        // An archived application's follow-ups are off the lists already: closing it takes nothing more off them.
        await updateApplication(ctx, id, { archived: true });
        const archivedMove = await moveApplication(ctx, id, { to: 'withdrawn' });
        expect([archivedMove.followUpsNoLongerDue, archivedMove.followUpsDue]).toEqual([0, false]);
      }));

    it('says how many open follow-ups archiving took off the due lists, and restoring put back', () =>
      run(async (ctx) => {
        const acme = await addApplication(ctx, { company: 'Acme', stage: 'technical' });
        const id = acme.application.id;
        await addFollowUp(ctx, id, { title: 'ask for feedback', dueOn: '2026-03-09' });
        await addFollowUp(ctx, id, { title: 'thank-you note', dueOn: '2026-03-20' });
        const done = (await addFollowUp(ctx, id, { title: 'send the take-home', dueOn: '2026-03-08' })).followUps.find(
          (f) => f.dueOn === '2026-03-08',
        )!;
        await updateFollowUp(ctx, done.id, { done: true });

        const archived = await updateApplication(ctx, id, { archived: true });
        expect([archived.followUpsNoLongerDue, archived.followUpsDueAgain, archived.followUpsDue]).toEqual([2, 0, false]);
        expect((await agenda(ctx)).followUps).toEqual([]);
        // Archived again, or edited: the lists do not change, and the answer says nothing moved.
        expect(await updateApplication(ctx, id, { archived: true })).toMatchObject({ followUpsNoLongerDue: 0, followUpsDueAgain: 0 });
        expect(await updateApplication(ctx, id, { role: 'Backend' })).toMatchObject({ followUpsNoLongerDue: 0, followUpsDueAgain: 0 });

        const restored = await updateApplication(ctx, id, { archived: false });
        expect([restored.followUpsNoLongerDue, restored.followUpsDueAgain, restored.followUpsDue]).toEqual([0, 2, true]);
        expect((await agenda(ctx)).followUps.map((f) => f.followUp.title)).toEqual(['ask for feedback']);

        // A closed application's follow-ups are off the lists already: archiving or restoring it moves none.
        await moveApplication(ctx, id, { to: 'rejected' });
        expect(await updateApplication(ctx, id, { archived: true })).toMatchObject({ followUpsNoLongerDue: 0, followUpsDueAgain: 0 });
        expect(await updateApplication(ctx, id, { archived: false })).toMatchObject({ followUpsNoLongerDue: 0, followUpsDueAgain: 0 });
      }));

    it('counts the rounds still to come of an application a move closes or archiving takes off the board', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Globex', stage: 'onsite' });
        const id = application.id;
        await createRound(ctx, { applicationId: id, localStart: '2026-03-01T10:00', timeZone: 'UTC' });
        await createRound(ctx, { applicationId: id, localStart: '2026-03-15T10:00', timeZone: 'UTC' });
        // A move between open stages, or an edit, closes nothing: none counted.
        expect((await moveApplication(ctx, id, { to: 'technical' })).roundsCalledOff).toBe(0);
        expect((await updateApplication(ctx, id, { role: 'SRE' })).roundsCalledOff).toBe(0);
        // Only the round to come counts, not the one past.
        expect((await moveApplication(ctx, id, { to: 'withdrawn' })).roundsCalledOff).toBe(1);
        expect((await moveApplication(ctx, id, { to: 'rejected' })).roundsCalledOff).toBe(0);
        expect((await updateApplication(ctx, id, { archived: true })).roundsCalledOff).toBe(0);
        await moveApplication(ctx, id, { to: 'onsite' });
        expect((await updateApplication(ctx, id, { archived: false })).roundsCalledOff).toBe(0);
        expect((await updateApplication(ctx, id, { archived: true })).roundsCalledOff).toBe(1);
      }));

    it("leaves a closed application's offer deadline off the agenda", () =>
      run(async (ctx) => {
        const acme = await addApplication(ctx, { company: 'Acme', stage: 'onsite' });
        const globex = await addApplication(ctx, { company: 'Globex', stage: 'onsite' });
        await putOffer(ctx, acme.application.id, { ...OFFER, deadlineOn: '2026-03-15' });
        await putOffer(ctx, globex.application.id, { ...OFFER, deadlineOn: '2026-03-16' });
        expect((await agenda(ctx)).deadlines.map((d) => d.company)).toEqual(['Acme', 'Globex']);
        await moveApplication(ctx, globex.application.id, { to: 'withdrawn', note: 'took the other one' });
        await moveApplication(ctx, acme.application.id, { to: 'accepted' });
        expect((await agenda(ctx)).deadlines).toEqual([]);
      }));
  });
}
