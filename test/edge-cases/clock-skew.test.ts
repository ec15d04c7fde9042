// Edge cases: a clock a few seconds behind the one that answered a card (two machines sharing PostgreSQL, an NTP step)
// makes ts-fsrs throw `Invalid delta_t` in the rating previews, and the whole review queue answers 500.
import { describe, expect, it } from 'vitest';
import { answerCard, reviewQueue } from '../../src/app/review/review.js';
import { buildServer } from '../../src/server/app.js';
import { BACKENDS } from '../store/backends.js';
import { withApp } from '../support/app.js';
import { load, START } from './support.js';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`a clock slightly behind the last answer (${backend.name})`, () => {
    it('still hands out the queue', () =>
      withApp(backend, START, async (ctx, setNow) => {
        await load(ctx, '# P\n- arrays\n');
        setNow('2026-01-02T00:00:10.000Z');
        const [card] = (await reviewQueue(ctx, {})).cards;
        await answerCard(ctx, card!.card.id, 1);
        setNow('2026-01-01T23:59:50.000Z'); // 20 seconds behind, across midnight UTC
        const server = await buildServer({ app: ctx, webRoot: null, allowedHosts: null });
        try {
          const response = await server.inject({ method: 'GET', url: '/api/checklists/plan/review' });
          expect(response.statusCode, response.body).toBe(200);
        } finally {
          await server.close();
        }
      }));
  });
}
