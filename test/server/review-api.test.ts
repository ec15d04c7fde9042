// The review API on both backends, through inject: the queue, answers, undo, cards, stats, settings, optimize.
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ErrorJson } from '../../src/contract/common.js';
import type {
  AnswerJson,
  CardJson,
  CardListJson,
  OptimizeJson,
  ReviewQueueJson,
  ReviewSettingsJson,
  ReviewStatsJson,
  UndoJson,
} from '../../src/contract/review.js';
import type { TopicDetailJson } from '../../src/contract/topics.js';
import { CLIENT_HEADER } from '../../src/server/app.js';
import { BACKENDS } from '../store/backends.js';
import { useServer } from './helpers.js';

const CHECKLIST = [
  '# Python',
  '- generators',
  '  - What does send() do? :: resumes the generator with a value',
  '- descriptors',
  '# SQL',
  '- SELECT FOR UPDATE',
  '',
].join('\n');

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`review API (${backend.name})`, () => {
    const current = useServer(backend);
    async function call<T>(options: InjectOptions): Promise<{ status: number; body: T }> {
      const response = await current().server.inject(options);
      return { status: response.statusCode, body: response.json<T>() };
    }
    async function imported(): Promise<void> {
      const { status } = await call({ method: 'POST', url: '/api/imports', payload: { text: CHECKLIST, fileName: 'prep.md' } });
      expect(status).toBe(200);
    }

    it('hands out the queue, takes answers, undoes the last one', async () => {
      await imported();
      const queue = await call<ReviewQueueJson>({ method: 'GET', url: '/api/checklists/prep/review' });
      expect(queue.status).toBe(200);
      expect(queue.body.cards.map((c) => c.card.front)).toEqual(['generators', 'What does send() do?', 'descriptors', 'SELECT FOR UPDATE']);
      expect(queue.body.remaining).toEqual({ new: 4, learning: 0, review: 0 });
      const [first] = queue.body.cards;
      expect(first!.topic).toMatchObject({ text: 'generators', section: ['Python'] });
      expect(first!.ratings.map((r) => r.interval)).toHaveLength(4);

      const answered = await call<AnswerJson>({
        method: 'POST',
        url: `/api/cards/${first!.card.id}/answer`,
        payload: { rating: 4, durationMs: 1200 },
      });
      expect(answered.status).toBe(200);
      expect(answered.body.card.state).toBe('review');
      // Graduated at once by Easy, but known only once recalled on a later study day.
      expect(answered.body.topic).toMatchObject({ text: 'generators', state: 'learning' });

      const scoped = await call<ReviewQueueJson>({ method: 'GET', url: '/api/checklists/prep/review?section=sql&limit=5' });
      expect(scoped.body.cards.map((c) => c.card.front)).toEqual(['SELECT FOR UPDATE']);

      // A client that answered another card last is told so, and nothing is undone.
      const other = queue.body.cards[1]!.card.id;
      const refused = await call<ErrorJson>({ method: 'POST', url: '/api/checklists/prep/review/undo', payload: { cardId: other } });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toBe(
        `the last answer is now card ${first!.card.id}'s, given elsewhere after yours to card ${other}; nothing was undone`,
      );
      expect((await call({ method: 'POST', url: '/api/checklists/prep/review/undo', payload: { cardId: 0 } })).status).toBe(400);
      const undone = await call<UndoJson>({ method: 'POST', url: '/api/checklists/prep/review/undo', payload: { cardId: first!.card.id } });
      expect(undone.status).toBe(200);
      expect(undone.body.card).toEqual(first!.card);
      expect(undone.body.topic).toMatchObject({ text: 'generators', state: 'new' });
      const nothing = await call<ErrorJson>({ method: 'POST', url: '/api/checklists/prep/review/undo', headers: { [CLIENT_HEADER]: 'test' } });
      expect(nothing.status).toBe(404);
      expect(nothing.body.error.message).toBe("no review to undo in 'prep'");
    });

    it('refuses bad answers with a message naming what is wrong', async () => {
      await imported();
      const { body } = await call<ReviewQueueJson>({ method: 'GET', url: '/api/checklists/prep/review?limit=1' });
      const id = body.cards[0]!.card.id;
      const bad = await call<ErrorJson>({ method: 'POST', url: `/api/cards/${id}/answer`, payload: { rating: 5 } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/rating/);
      expect((await call({ method: 'POST', url: `/api/cards/${id}/answer`, payload: { rating: '3' } })).status).toBe(400);
      expect((await call({ method: 'POST', url: '/api/cards/424242/answer', payload: { rating: 3 } })).status).toBe(404);
      expect((await call({ method: 'GET', url: '/api/checklists/nope/review' })).status).toBe(404);
      const scope = await call<ErrorJson>({ method: 'GET', url: '/api/checklists/prep/review?section=rust' });
      expect(scope.status).toBe(404);
      expect(scope.body.error.message).toMatch(/no section of 'prep' matches 'rust'/);
    });

    it('lists, adds, edits and removes a topic’s cards', async () => {
      await imported();
      const { body } = await call<ReviewQueueJson>({ method: 'GET', url: '/api/checklists/prep/review' });
      const topicId = body.cards[0]!.topic!.id;
      const added = await call<CardJson>({
        method: 'POST',
        url: `/api/topics/${topicId}/cards`,
        payload: { front: 'What does close() raise?', back: 'GeneratorExit' },
      });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ kind: 'qa', origin: 'app', front: 'What does close() raise?' });
      const listed = await call<CardListJson>({ method: 'GET', url: `/api/topics/${topicId}/cards` });
      expect(listed.body.cards.map((c) => c.front)).toEqual(['generators', 'What does send() do?', 'What does close() raise?']);
      const edited = await call<CardJson>({ method: 'PATCH', url: `/api/cards/${added.body.id}`, payload: { back: 'GeneratorExit, at the yield' } });
      expect(edited.body.back).toBe('GeneratorExit, at the yield');
      const fileCard = listed.body.cards[1]!;
      const refused = await call<ErrorJson>({ method: 'PATCH', url: `/api/cards/${fileCard.id}`, payload: { back: 'x' } });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/written in the checklist file \(line 3\)/);
      expect((await call({ method: 'POST', url: `/api/topics/${topicId}/cards`, payload: { back: 'no front' } })).status).toBe(400);
      const removed = await call<CardJson>({ method: 'DELETE', url: `/api/cards/${added.body.id}`, headers: { [CLIENT_HEADER]: 'test' } });
      expect(removed.body.archivedAt).not.toBeNull();
    });

    it('reports stats, changes settings field by field, and says when the log is too small to optimize', async () => {
      await imported();
      const { body } = await call<ReviewQueueJson>({ method: 'GET', url: '/api/checklists/prep/review' });
      await call({ method: 'POST', url: `/api/cards/${body.cards[0]!.card.id}/answer`, payload: { rating: 3 } });
      const stats = await call<ReviewStatsJson>({ method: 'GET', url: '/api/checklists/prep/review/stats' });
      expect(stats.status).toBe(200);
      expect(stats.body.reviewsByDay.reduce((sum, day) => sum + day.count, 0)).toBe(1);
      expect(stats.body.forecast).toHaveLength(30);

      const settings = await call<ReviewSettingsJson>({ method: 'GET', url: '/api/checklists/prep/review/settings' });
      expect(settings.body).toMatchObject({ desiredRetention: 0.9, newPerDay: 20, dayStartsAt: 4 });
      const changed = await call<ReviewSettingsJson>({
        method: 'PATCH',
        url: '/api/checklists/prep/review/settings',
        payload: { desiredRetention: 0.85, newPerDay: 5 },
      });
      expect(changed.body).toMatchObject({ desiredRetention: 0.85, newPerDay: 5 });
      const bad = await call<ErrorJson>({ method: 'PATCH', url: '/api/checklists/prep/review/settings', payload: { desiredRetention: 2 } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/desiredRetention must be a number from 0.7 to 0.99/);
      expect((await call({ method: 'PATCH', url: '/api/checklists/prep/review/settings', payload: { colour: 'red' } })).status).toBe(400);

      // The zone the web shows the queue's and a topic's times in: this machine's until the settings name one.
      const topicUrl = `/api/topics/${body.cards[0]!.card.topicId}`;
      expect(body.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
      expect((await call<TopicDetailJson>({ method: 'GET', url: topicUrl })).body.timeZone).toBe(body.timeZone);
      await call({ method: 'PATCH', url: '/api/checklists/prep/review/settings', payload: { timeZone: 'Asia/Kathmandu' } });
      expect((await call<ReviewQueueJson>({ method: 'GET', url: '/api/checklists/prep/review' })).body.timeZone).toBe('Asia/Kathmandu');
      expect((await call<TopicDetailJson>({ method: 'GET', url: topicUrl })).body.timeZone).toBe('Asia/Kathmandu');

      const optimized = await call<OptimizeJson>({
        method: 'POST',
        url: '/api/checklists/prep/review/optimize',
        headers: { [CLIENT_HEADER]: 'test' },
      });
      expect(optimized.status).toBe(200);
      expect(optimized.body).toMatchObject({ reviews: 1, enough: false, applied: false, parameters: null });
      expect(optimized.body.needed).toBeGreaterThan(0);
    });

    it('lists every review route in the OpenAPI document', async () => {
      const { body } = await call<{ paths: Record<string, unknown> }>({ method: 'GET', url: '/api/openapi.json' });
      for (const path of [
        '/api/checklists/{name}/review',
        '/api/cards/{id}/answer',
        '/api/checklists/{name}/review/undo',
        '/api/topics/{id}/cards',
        '/api/cards/{id}',
        '/api/checklists/{name}/review/stats',
        '/api/checklists/{name}/review/settings',
        '/api/checklists/{name}/review/optimize',
      ]) {
        expect(body.paths, path).toHaveProperty([path]);
      }
    });
  });
}
