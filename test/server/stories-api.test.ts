// Gaps and the story bank over HTTP on both backends, through inject: bad input refused with a 400 naming the field
// and nothing written, the hard delete only when confirmed, rehearsal and its undo, the competencies' list.
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { checklistFromUpload, importChecklist } from '../../src/app/import/import-checklist.js';
import type { ErrorJson } from '../../src/contract/common.js';
import type { ApplicationDetailJson } from '../../src/contract/hunt.js';
import type { GapsJson, StoryBankJson, StoryJson } from '../../src/contract/interviews.js';
import { CLIENT_HEADER } from '../../src/server/app.js';
import { BACKENDS } from '../store/backends.js';
import { insertQuestion, insertRound } from '../support/interviews.js';
import { useServer } from './helpers.js';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`gaps and stories over HTTP (${backend.name})`, { timeout: 30_000 }, () => {
    const current = useServer(backend);

    async function call<T>(method: InjectOptions['method'], url: string, payload?: object): Promise<{ status: number; body: T }> {
      const response = await current().server.inject({ method, url, headers: { [CLIENT_HEADER]: 'test' }, ...(payload ? { payload } : {}) });
      return { status: response.statusCode, body: (response.body === '' ? undefined : response.json()) as T };
    }
    async function ok<T>(method: InjectOptions['method'], url: string, payload?: object, status = 200): Promise<T> {
      const response = await call<T>(method, url, payload);
      expect(response.status, `${method} ${url}: ${JSON.stringify(response.body)}`).toBe(status);
      return response.body;
    }
    async function refused(method: InjectOptions['method'], url: string, payload: object | undefined, status: number, message: RegExp) {
      const response = await call<ErrorJson>(method, url, payload);
      expect(response.status, `${method} ${url}: ${JSON.stringify(response.body)}`).toBe(status);
      expect(response.body.error.message).toMatch(message);
    }
    const bank = () => ok<StoryBankJson>('GET', '/api/stories');

    it('writes a story for a tight deadline and the matrix shows it covered; bad input is a 400 naming the field, nothing written', async () => {
      const before = await bank();
      expect(before.competencies.find((c) => c.key === 'tight-deadline')).toMatchObject({ coverage: 'none', stories: [] });
      await refused('POST', '/api/stories', { title: 'Brave', competencies: ['bravery'] }, 400, /^competencies: there is no competency 'bravery'/);
      await refused('POST', '/api/stories', { title: '' }, 400, /title/);
      await refused('POST', '/api/stories', { title: 'x', mood: 'good' }, 400, /mood/);
      await refused('POST', '/api/stories', { title: 'x', competencies: ['Not A Key'] }, 400, /competencies/);
      expect(await bank()).toEqual(before);

      const story = await ok<StoryJson>(
        'POST',
        '/api/stories',
        { title: 'Cut scope to ship the launch on time', action: 'Dropped **two** features', competencies: ['tight-deadline'], tags: ['launch'] },
        201,
      );
      expect((await bank()).competencies.find((c) => c.key === 'tight-deadline')).toMatchObject({ coverage: 'fresh', stories: [story.id] });
      expect(await ok<StoryJson>('GET', `/api/stories/${story.id}`)).toEqual(story);
      await refused('GET', '/api/stories/999999', undefined, 404, /no story 999999/);
      await refused('PATCH', `/api/stories/${story.id}`, {}, 400, /./);
      await refused('PATCH', `/api/stories/${story.id}`, { competencies: ['nope'] }, 400, /^competencies: /);

      const archived = await ok<StoryJson>('PATCH', `/api/stories/${story.id}`, { archived: true });
      expect(archived.archivedAt).not.toBeNull();
      expect((await bank()).competencies.find((c) => c.key === 'tight-deadline')!.coverage).toBe('none');
    });

    it('rehearses a story and undoes it exactly; deletes it only with ?confirm=delete', async () => {
      const story = await ok<StoryJson>('POST', '/api/stories', { title: 'Owned an outage', competencies: ['ownership'] }, 201);
      const rehearsed = await ok<StoryJson>('POST', `/api/stories/${story.id}/review`, { rating: 2 });
      expect(rehearsed.schedule.reps).toBe(1);
      await refused('POST', `/api/stories/${story.id}/review`, { rating: 5 }, 400, /rating/);
      expect((await ok<StoryJson>('POST', `/api/stories/${story.id}/review/undo`)).schedule).toEqual(story.schedule);
      await refused('POST', `/api/stories/${story.id}/review/undo`, undefined, 404, /no rehearsal to undo/);

      await refused('DELETE', `/api/stories/${story.id}`, undefined, 400, /^querystring field 'confirm' must be 'delete'/);
      expect((await ok<StoryJson>('GET', `/api/stories/${story.id}`)).id).toBe(story.id);
      expect((await call('DELETE', `/api/stories/${story.id}?confirm=delete`)).status).toBe(204);
      await refused('GET', `/api/stories/${story.id}`, undefined, 404, /no story/);
    });

    it('adds, renames and reorders competencies; refuses a label taken and an unknown key', async () => {
      const added = await ok<StoryBankJson>('POST', '/api/competencies', { label: 'Customer focus', before: 'failure' }, 201);
      expect(added.competencies.slice(0, 3).map((c) => c.key)).toEqual(['conflict', 'customer-focus', 'failure']);
      const moved = await ok<StoryBankJson>('PATCH', '/api/competencies/customer-focus', { position: 0, label: 'Customers first' });
      expect(moved.competencies[0]).toMatchObject({ key: 'customer-focus', label: 'Customers first', position: 0 });
      const before = await bank();
      await refused('POST', '/api/competencies', { label: 'Conflict' }, 400, /^label: /);
      await refused('PATCH', '/api/competencies/nowhere', { label: 'x' }, 400, /^key: /);
      await refused('PATCH', '/api/competencies/Bad Key', { label: 'x' }, 400, /key/);
      expect(await bank()).toEqual(before);
    });

    it('answers the gaps from the rounds logged, filtered, and refuses bad filters naming them', async () => {
      const { app } = current();
      await importChecklist(app, { file: checklistFromUpload('# System design\n- rate limiting\n- caching\n', 'prep.md'), name: 'prep' });
      const topics = await app.store.db.selectFrom('topics').select(['id', 'title']).execute();
      const id = (title: string) => topics.find((t) => t.title === title)!.id;
      const application = (await ok<ApplicationDetailJson>('POST', '/api/hunt/applications', { company: 'Initech' }, 201)).application;
      const round = await insertRound(app.store.db, { applicationId: application.id, startsAt: '2026-01-15T10:00:00.000Z', kind: 'system-design' });
      await insertQuestion(app.store.db, round, { text: 'Design a rate limiter', score: 1, topicIds: [id('rate limiting')] });
      await insertQuestion(app.store.db, round, { text: 'Cache invalidation', score: 3, topicIds: [id('caching'), id('rate limiting')] });

      const all = await ok<GapsJson>('GET', '/api/gaps');
      expect(all.topics.map((t) => [t.title, t.questions, t.meanScore, t.companies])).toEqual([
        ['rate limiting', 2, 2, ['Initech']],
        ['caching', 1, 3, ['Initech']],
      ]);
      expect(all.sections.map((s) => [s.path, s.questions])).toEqual([[['System design'], 2]]);
      expect((await ok<GapsJson>('GET', '/api/gaps?kind=coding')).topics).toEqual([]);
      expect((await ok<GapsJson>('GET', '/api/gaps?from=2026-01-01&to=2026-01-31&checklist=prep')).rounds).toBe(1);
      await refused('GET', '/api/gaps?from=2026-02-30', undefined, 400, /^from: /);
      await refused('GET', '/api/gaps?from=yesterday', undefined, 400, /from/);
      await refused('GET', '/api/gaps?checklist=nothing', undefined, 400, /^checklist: /);
      await refused('GET', '/api/gaps?kind=Not%20a%20kind', undefined, 400, /kind/);

      // The zone the web shows lastAskedAt in, the period's: the hunt's, this machine's until the hunt names one.
      expect(all.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
      await ok('PATCH', '/api/hunt', { timeZone: 'Pacific/Kiritimati' });
      expect((await ok<GapsJson>('GET', '/api/gaps?kind=system-design')).timeZone).toBe('Pacific/Kiritimati');
    });

    it('refuses a gaps kind no round has, naming the nearest kind as GET /api/rounds does; a known kind with no round is an empty answer', async () => {
      const { app } = current();
      const application = (await ok<ApplicationDetailJson>('POST', '/api/hunt/applications', { company: 'Initech' }, 201)).application;
      await insertRound(app.store.db, { applicationId: application.id, startsAt: '2026-01-15T10:00:00.000Z', kind: 'pairing' });
      const typo = await call<ErrorJson>('GET', '/api/gaps?kind=onsit');
      expect([typo.status, typo.body.error]).toEqual([
        400,
        { type: 'InvalidInputError', message: "kind: no round is of the kind 'onsit'; did you mean 'onsite'?" },
      ]);
      await refused('GET', '/api/gaps?kind=pairng', undefined, 400, /^kind: no round is of the kind 'pairng'; did you mean 'pairing'\?$/);
      expect((await ok<GapsJson>('GET', '/api/gaps?kind=onsite')).rounds).toBe(0);
      // A kind some round has, outside the period asked, is no typo either.
      expect((await ok<GapsJson>('GET', '/api/gaps?kind=pairing&from=2026-02-01')).rounds).toBe(0);
    });
  });
}
