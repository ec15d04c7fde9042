// What creating or changing a round says beside it (a new kind near one there is), and which rounds are to come
// (not those of an application closed or archived), on both backends.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { addApplication, moveApplication, updateApplication } from '../../../src/app/hunt/applications.js';
import { updateHunt } from '../../../src/app/hunt/hunt.js';
import { createRound, listRounds, updateRound } from '../../../src/app/interviews/rounds.js';
import { withApp } from '../../support/app.js';
import { BACKENDS } from '../../store/backends.js';

const NOW = '2026-12-05T09:00:00.000Z';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`rounds' notes and the rounds to come (${backend.name})`, () => {
    const run = (fn: (ctx: AppContext) => Promise<void>) =>
      withApp(backend, NOW, async (ctx) => {
        await updateHunt(ctx, { timeZone: 'Europe/Berlin' });
        await fn(ctx);
      });

    it('keeps a new kind near a usual one as the user’s own and says so; a usual kind, one in use or one near nothing says nothing', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Globex' });
        const at = { applicationId: application.id, localStart: '2026-12-20T15:00' };
        const typo = await createRound(ctx, { ...at, kind: 'codng' });
        expect(typo.round.kind).toBe('codng');
        expect(typo.notices).toEqual(["'codng' is a new kind of round, kept as your own; it is near 'coding': change the kind if that was meant"]);
        // Once a round has it, it is a kind in use.
        expect((await createRound(ctx, { ...at, kind: 'codng' })).notices).toEqual([]);
        expect((await createRound(ctx, { ...at, kind: 'coding' })).notices).toEqual([]);
        expect((await createRound(ctx, { ...at, kind: 'pair-programming' })).notices).toEqual([]);
        const other = await createRound(ctx, { ...at, kind: 'technical' });
        expect((await updateRound(ctx, other.round.id, { kind: 'onsit' })).notices).toEqual([
          "'onsit' is a new kind of round, kept as your own; it is near 'onsite': change the kind if that was meant",
        ]);
        // A change that leaves the kind as it is says nothing of it.
        expect((await updateRound(ctx, other.round.id, { kind: 'onsit', durationMinutes: 90 })).notices).toEqual([]);
        // With a time the clocks skip, both notes, one a line.
        const both = await updateRound(ctx, other.round.id, { localStart: '2027-03-28T02:30', kind: 'systm-design' });
        expect(both.notices).toHaveLength(2);
        expect(both.notices[1]).toMatch(/^'systm-design' is a new kind of round.*near 'system-design'/);
      }));

    it('leaves the rounds to come of a withdrawn or archived application out of the upcoming ones, saying which; naming the application lists them', () =>
      run(async (ctx) => {
        const { application: acme } = await addApplication(ctx, { company: 'Acme', stage: 'technical' });
        const { application: globex } = await addApplication(ctx, { company: 'Globex', stage: 'technical' });
        const { application: initech } = await addApplication(ctx, { company: 'Initech', stage: 'technical' });
        const kept = await createRound(ctx, { applicationId: acme.id, localStart: '2026-12-10T10:00' });
        const onsite = await createRound(ctx, { applicationId: globex.id, localStart: '2026-12-11T10:00', kind: 'onsite' });
        const other = await createRound(ctx, { applicationId: initech.id, localStart: '2026-12-12T10:00' });
        await moveApplication(ctx, globex.id, { to: 'withdrawn' });
        await updateApplication(ctx, initech.id, { archived: true });

        const upcoming = await listRounds(ctx, { upcoming: true });
        expect(upcoming.rounds.map((round) => round.id)).toEqual([kept.round.id]);
        expect(upcoming.leftOut).toEqual([
          {
            id: onsite.round.id,
            applicationId: globex.id,
            company: 'Globex',
            startsAt: '2026-12-11T09:00:00.000Z',
            timeZone: 'Europe/Berlin',
            localStart: '2026-12-11T10:00',
            why: 'Withdrawn',
          },
          expect.objectContaining({ id: other.round.id, company: 'Initech', why: 'archived' }),
        ]);
        // All rounds, and the application's own, list them as ever.
        expect((await listRounds(ctx)).rounds).toHaveLength(3);
        expect((await listRounds(ctx)).leftOut).toBeUndefined();
        expect((await listRounds(ctx, { upcoming: true, application: globex.id })).rounds.map((round) => round.id)).toEqual([onsite.round.id]);
        // Reopened, it is to come again.
        await moveApplication(ctx, globex.id, { to: 'onsite' });
        expect((await listRounds(ctx, { upcoming: true })).rounds.map((round) => round.company)).toEqual(['Acme', 'Globex']);
      }));
  });
}
