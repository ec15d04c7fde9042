// The funnel as the app reads it (a row per application, core/hunt/funnel.ts#funnelOfHistories) against the fold over
// every stage event as recorded, on each backend.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { funnel } from '../../../src/app/hunt/funnel.js';
import { updateHunt } from '../../../src/app/hunt/hunt.js';
import { DEFAULT_STAGES } from '../../../src/contract/vocabulary.js';
import { withApp } from '../../support/app.js';
import { BACKENDS } from '../../store/backends.js';
import { funnelByFold } from '../../core/hunt/funnel-fold.js';

const NOW = '2026-03-10T09:00:00.000Z';
const HOUR_MS = 3600_000;
const START = Date.parse('2025-11-03T08:00:00.000Z');

/** Applications of the hunt (one archived) and of another hunt, their events written interleaved, so ids are not grouped by application. */
async function seed(ctx: AppContext): Promise<void> {
  const db = ctx.store.db;
  await db.insertInto('hunts').values({ id: 2, time_zone: null, created_at: NOW }).execute();
  const applications = await db
    .insertInto('applications')
    .values(
      Array.from({ length: 13 }, (_, i) => ({
        hunt_id: i === 12 ? 2 : 1,
        company: `Company ${i}`,
        role: '',
        link: '',
        location: '',
        source: '',
        notes: '',
        tags: '[]',
        stage: 'applied',
        stage_changed_at: NOW,
        created_at: NOW,
        updated_at: NOW,
        archived_at: i === 3 ? NOW : null,
      })),
    )
    .returning('id')
    .execute();
  const stages = [...DEFAULT_STAGES.map((s) => s.key), 'a-stage-since-removed'];
  const events: Array<{ application_id: number; from_stage: null; to_stage: string; at: string; note: string }> = [];
  for (let round = 0; round < 9; round++) {
    for (const [i, { id }] of applications.entries()) {
      if ((i + round) % 4 === 3) continue;
      // Mostly later each round; now and then back in time (a backdated import), or at an instant another event has.
      const hours = round % 5 === 4 ? round * 40 - 90 : i % 3 === 0 ? round * 48 : round * 40 + i * 7;
      const at = new Date(START + hours * HOUR_MS).toISOString();
      events.push({ application_id: Number(id), from_stage: null, to_stage: stages[(i * 5 + round * 3) % stages.length]!, at, note: '' });
    }
  }
  await db.insertInto('stage_events').values(events).execute();
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`the funnel from the stage events (${backend.name})`, () => {
    it('answers what the fold over every event of the hunt, in the order recorded, answers', () =>
      withApp(backend, NOW, async (ctx) => {
        await updateHunt(ctx, { timeZone: 'Europe/Berlin' });
        await seed(ctx);
        const rows = await ctx.store.db
          .selectFrom('stage_events')
          .select(['application_id as applicationId', 'to_stage as to', 'at'])
          .where('application_id', 'in', ctx.store.db.selectFrom('applications').select('id').where('hunt_id', '=', 1))
          .orderBy('id')
          .execute();
        const keys = DEFAULT_STAGES.map((s) => s.key);
        const expected = funnelByFold(keys, rows, '2026-03-10', 'Europe/Berlin');
        expect(expected.weeks.length).toBeGreaterThan(10);
        expect(Object.keys(expected.weeks.at(-1)!.counts)).toContain('a-stage-since-removed');
        expect(JSON.stringify(await funnel(ctx))).toBe(JSON.stringify(expected));
      }));
  });
}
