// Contacts, follow-ups and the agenda, offers side by side, and the funnel from the stage events.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { addApplication, moveApplication, updateApplication } from '../../../src/app/hunt/applications.js';
import { addContact, deleteContact, updateContact } from '../../../src/app/hunt/contacts.js';
import { addCriterion } from '../../../src/app/hunt/criteria.js';
import { addFollowUp, agenda, deleteFollowUp, listFollowUps, updateFollowUp } from '../../../src/app/hunt/follow-ups.js';
import { funnel } from '../../../src/app/hunt/funnel.js';
import { updateHunt } from '../../../src/app/hunt/hunt.js';
import { markApplication } from '../../../src/app/hunt/applications.js';
import { compareOffers, deleteOffer, putOffer } from '../../../src/app/hunt/offers.js';
import { NotFoundError } from '../../../src/core/errors.js';
import { withApp } from '../../support/app.js';
import { BACKENDS } from '../../store/backends.js';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`contacts, follow-ups, offers and the funnel (${backend.name})`, () => {
    // 23:30 UTC on the 10th is already the 11th in Berlin: "today" is the hunt's.
    const run = (fn: (ctx: AppContext, setNow: (iso: string) => void) => Promise<void>) => withApp(backend, '2026-03-10T23:30:00.000Z', fn);

    it("keeps an application's contacts", () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const added = await addContact(ctx, application.id, { name: 'Ada', role: 'recruiter', email: 'ada@acme.test' });
        const contact = added.contacts[0]!;
        expect(contact).toMatchObject({ name: 'Ada', role: 'recruiter', email: 'ada@acme.test', applicationId: application.id });
        expect((await updateContact(ctx, contact.id, { notes: 'met at a meetup' })).contacts[0]).toMatchObject({
          notes: 'met at a meetup',
          name: 'Ada',
        });
        await expect(addContact(ctx, application.id, { name: 'Bob', email: 'not an address' })).rejects.toThrow(/^email: /);
        // The same person twice on one application is refused, added or renamed; on another application it is someone else's contact.
        await expect(addContact(ctx, application.id, { name: ' ada ' })).rejects.toThrow(
          /^name: Ada \(#\d+\) is a contact of this application already/,
        );
        const bob = (await addContact(ctx, application.id, { name: 'Bob' })).contacts.find((k) => k.name === 'Bob')!;
        await expect(updateContact(ctx, bob.id, { name: 'ADA' })).rejects.toThrow(/^name: Ada /);
        expect((await updateContact(ctx, bob.id, { name: 'Bob', role: 'interviewer' })).contacts.find((k) => k.id === bob.id)).toMatchObject({
          role: 'interviewer',
        });
        await deleteContact(ctx, bob.id);
        const other = await addApplication(ctx, { company: 'Globex' });
        expect((await addContact(ctx, other.application.id, { name: 'Ada' })).contacts).toHaveLength(1);
        await expect(addContact(ctx, 77, { name: 'Bob' })).rejects.toBeInstanceOf(NotFoundError);
        expect((await deleteContact(ctx, contact.id)).contacts).toEqual([]);
        await expect(deleteContact(ctx, contact.id)).rejects.toBeInstanceOf(NotFoundError);
      }));

    it("lists follow-ups due today and overdue on the agenda, by the hunt's today", () =>
      run(async (ctx) => {
        await updateHunt(ctx, { timeZone: 'Europe/Berlin' });
        const acme = await addApplication(ctx, { company: 'Acme', role: 'Backend' });
        const globex = await addApplication(ctx, { company: 'Globex' });
        await addFollowUp(ctx, acme.application.id, { title: 'write to the recruiter', dueOn: '2026-03-11' });
        await addFollowUp(ctx, acme.application.id, { title: 'thank-you note', dueOn: '2026-03-14' });
        const overdue = (await addFollowUp(ctx, globex.application.id, { title: 'ask for feedback', dueOn: '2026-03-09' })).followUps[0]!;
        await expect(addFollowUp(ctx, acme.application.id, { title: 'x', dueOn: '2026-02-30' })).rejects.toThrow(/^dueOn: /);

        const today = await agenda(ctx);
        expect(today.today).toBe('2026-03-11');
        expect(today.followUps.map((f) => [f.followUp.title, f.company, f.overdueDays])).toEqual([
          ['ask for feedback', 'Globex', 2],
          ['write to the recruiter', 'Acme', 0],
        ]);
        const list = await listFollowUps(ctx, {});
        expect(list.followUps.map((f) => f.overdueDays)).toEqual([2, 0, -3]);

        await updateFollowUp(ctx, overdue.id, { done: true });
        expect((await agenda(ctx)).followUps).toHaveLength(1);
        expect((await listFollowUps(ctx, { done: true })).followUps.find((f) => f.followUp.id === overdue.id)?.followUp.doneAt).toBe(
          '2026-03-10T23:30:00.000Z',
        );
        // The board shows the next open one; an archived application's follow-ups leave the agenda.
        const board = await updateApplication(ctx, acme.application.id, { archived: true });
        expect(board.application.nextFollowUp).toMatchObject({ title: 'write to the recruiter', dueOn: '2026-03-11' });
        expect((await agenda(ctx)).followUps).toEqual([]);
        const reopened = await updateFollowUp(ctx, overdue.id, { done: false, dueOn: '2026-03-12' });
        expect(reopened.followUps[0]).toMatchObject({ doneAt: null, dueOn: '2026-03-12' });
        expect((await deleteFollowUp(ctx, overdue.id)).followUps).toEqual([]);
      }));

    it('compares offers against the criteria and each other per year, and shows their deadlines', () =>
      run(async (ctx) => {
        await updateHunt(ctx, { timeZone: 'UTC' });
        const remote = await addCriterion(ctx, { text: 'full remote', kind: 'gate' });
        const acme = await addApplication(ctx, { company: 'Acme' });
        const globex = await addApplication(ctx, { company: 'Globex' });
        await markApplication(ctx, acme.application.id, remote.id, { value: 'no' });
        const offered = await putOffer(ctx, acme.application.id, {
          currency: 'EUR',
          period: 'month',
          base: 6000,
          deadlineOn: '2026-03-15',
          perks: 'gym',
        });
        expect(offered.offer).toMatchObject({
          currency: 'EUR',
          period: 'month',
          base: 6000,
          bonus: null,
          equity: null,
          deadlineOn: '2026-03-15',
          perks: 'gym',
        });
        expect(offered.application.hasOffer).toBe(true);
        await putOffer(ctx, globex.application.id, { currency: 'USD', period: 'hour', base: 50, equity: { amount: 10000, vesting: '4 years' } });
        await expect(putOffer(ctx, globex.application.id, { currency: 'eur', period: 'year', base: 1 })).rejects.toThrow(/^currency: /);
        await expect(putOffer(ctx, globex.application.id, { currency: 'EUR', period: 'year', base: -1 })).rejects.toThrow(/^base: /);

        const comparison = await compareOffers(ctx);
        expect(comparison.criteria.map((c) => c.id)).toEqual([remote.id]);
        expect(
          comparison.offers.map((o) => [o.application.company, o.yearlyBase, o.application.fit.failedGates, o.marks.map((m) => m.value)]),
        ).toEqual([
          ['Acme', 72000, [remote.id], ['no']],
          ['Globex', 104000, [], ['unknown']],
        ]);
        expect(comparison.offers[1]!.offer.equity).toEqual({ amount: 10000, vesting: '4 years' });
        expect((await agenda(ctx)).deadlines).toEqual([
          { applicationId: acme.application.id, company: 'Acme', role: '', deadlineOn: '2026-03-15', daysLeft: 5 },
        ]);

        expect((await deleteOffer(ctx, acme.application.id)).offer).toBeNull();
        expect((await compareOffers(ctx)).offers.map((o) => o.application.company)).toEqual(['Globex']);
      }));

    it('counts the funnel from the stage events, a move back once', () =>
      run(async (ctx, setNow) => {
        await updateHunt(ctx, { timeZone: 'UTC' });
        const a = (await addApplication(ctx, { company: 'A', stage: 'applied' })).application.id;
        const b = (await addApplication(ctx, { company: 'B', stage: 'applied' })).application.id;
        await addApplication(ctx, { company: 'C' });
        setNow('2026-03-17T10:00:00.000Z');
        await moveApplication(ctx, a, { to: 'screening' });
        await moveApplication(ctx, a, { to: 'technical' });
        await moveApplication(ctx, a, { to: 'screening' });
        await moveApplication(ctx, b, { to: 'rejected' });
        const result = await funnel(ctx);
        expect(result.stages.map((s) => s.reached)).toEqual([2, 1, 1, 0, 0]);
        expect(result.stages[1]!.conversion).toBe(0.5);
        expect(result.weeks.map((w) => w.weekOf)).toEqual(['2026-03-09', '2026-03-16']);
        expect(result.weeks[0]!.counts).toMatchObject({ wishlist: 1, applied: 2, screening: 0 });
        expect(result.weeks[1]!.counts).toMatchObject({ wishlist: 1, applied: 0, screening: 1, technical: 0, rejected: 1 });
      }));
  });
}
