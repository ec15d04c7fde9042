// Interview rounds over HTTP on both backends: bad input refused with a 400 naming the field and nothing written,
// a question's evidence in its topic's history, the calendar as text/calendar, suggestions while typing.
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { checklistFromUpload, importChecklist } from '../../src/app/import/import-checklist.js';
import type { ErrorJson } from '../../src/contract/common.js';
import type { ApplicationDetailJson } from '../../src/contract/hunt.js';
import type { RoundDetailJson, RoundListJson, SuggestionListJson } from '../../src/contract/interviews.js';
import type { SearchResultJson, TopicDetailJson } from '../../src/contract/topics.js';
import { CLIENT_HEADER } from '../../src/server/app.js';
import { BACKENDS } from '../store/backends.js';
import { useServer } from './helpers.js';

const FILE = ['# Python', '- descriptors', '- generators', '# Databases', '- SELECT FOR UPDATE', '- SKIP LOCKED', '- gone soon', ''].join('\n');

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`the interviews' API (${backend.name})`, { timeout: 30_000 }, () => {
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
    async function refused(method: InjectOptions['method'], url: string, payload: object, message: RegExp): Promise<void> {
      const response = await call<ErrorJson>(method, url, payload);
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(response.body.error.message).toMatch(message);
    }
    const topicId = async (q: string) => (await ok<SearchResultJson>('GET', `/api/search?q=${encodeURIComponent(q)}`)).topics[0]!.id;

    async function setUp() {
      await importChecklist(current().app, { file: checklistFromUpload(FILE, 'prep.md') });
      const acme = await ok<ApplicationDetailJson>('POST', '/api/hunt/applications', { company: 'Acme', role: 'Backend' }, 201);
      const globex = await ok<ApplicationDetailJson>('POST', '/api/hunt/applications', { company: 'Globex' }, 201);
      const withContact = await ok<ApplicationDetailJson>('POST', `/api/hunt/applications/${globex.application.id}/contacts`, { name: 'Sam' }, 201);
      return { acme: acme.application.id, stranger: withContact.contacts[0]!.id };
    }

    it('refuses bad rounds with a 400 naming the field, writing nothing', async () => {
      const { acme, stranger } = await setUp();
      const base = { applicationId: acme, localStart: '2026-12-20T15:00' };
      await refused('POST', '/api/rounds', { ...base, timeZone: 'Mars/Olympus' }, /^timeZone: /);
      await refused('POST', '/api/rounds', { ...base, localStart: '2026-02-30T15:00' }, /^localStart: /);
      await refused('POST', '/api/rounds', { ...base, localStart: 'tomorrow' }, /localStart/);
      await refused('POST', '/api/rounds', { ...base, interviewers: [stranger] }, /^interviewers: /);
      await refused('POST', '/api/rounds', { ...base, sections: [{ section: 'Cooking' }] }, /^sections: /);
      await refused(
        'POST',
        '/api/rounds',
        { ...base, sections: [{ section: 'Pyton' }] },
        /^sections: no section of 'prep' is named 'Pyton'; did you mean 'Python'\?$/,
      );
      await refused('POST', '/api/rounds', { ...base, kind: 'Tech Round' }, /kind/);
      expect((await ok<RoundListJson>('GET', '/api/rounds')).rounds).toEqual([]);
      expect((await ok<RoundListJson>('GET', `/api/rounds?application=${acme}`)).rounds).toEqual([]);
      // An application that does not exist is a 404 naming it, as the CLI's `rounds --app 999` fails, not an empty list.
      const unknown = await call<ErrorJson>('GET', '/api/rounds?application=999999');
      expect([unknown.status, unknown.body.error]).toEqual([
        404,
        { type: 'NotFoundError', message: 'no application 999999; `prepdeck apps` lists them' },
      ]);
      const gap = await ok<RoundDetailJson>('POST', '/api/rounds', { ...base, localStart: '2027-03-28T02:30', timeZone: 'Europe/Berlin' }, 201);
      expect(gap.notices).toEqual([expect.stringMatching(/does not exist in Europe\/Berlin .*03:00/)]);
      expect(gap).not.toHaveProperty('notice');
    });

    it('refuses a kind no round has with a 400 naming the field and the nearest kind, as the CLI does', async () => {
      const { acme } = await setUp();
      const at = { applicationId: acme, timeZone: 'UTC' };
      await ok('POST', '/api/rounds', { ...at, localStart: '2026-12-20T15:00', kind: 'technical' }, 201);
      await ok('POST', '/api/rounds', { ...at, localStart: '2026-12-21T15:00', kind: 'pairing' }, 201);
      const kinds = async (query: string) => (await ok<RoundListJson>('GET', `/api/rounds?${query}`)).rounds.map((round) => round.kind);

      const typo = await call<ErrorJson>('GET', '/api/rounds?kind=tecnical');
      expect([typo.status, typo.body.error]).toEqual([
        400,
        { type: 'InvalidInputError', message: "kind: no round is of the kind 'tecnical'; did you mean 'technical'?" },
      ]);
      // A kind of the user's own, once a round has it, is suggested too; one near nothing lists the kinds there are.
      const refusedKind = async (kind: string) => {
        const response = await call<ErrorJson>('GET', `/api/rounds?kind=${kind}`);
        expect(response.status, JSON.stringify(response.body)).toBe(400);
        return response.body.error.message;
      };
      expect(await refusedKind('pairng')).toBe("kind: no round is of the kind 'pairng'; did you mean 'pairing'?");
      expect(await refusedKind('zzzz')).toMatch(/^kind: no round is of the kind 'zzzz'; the kinds are recruiter, technical, .*, other, pairing$/);
      // Known kinds answer their rounds, or an empty list when none has the kind yet: that is no typo.
      expect(await kinds('kind=technical')).toEqual(['technical']);
      expect(await kinds('kind=pairing')).toEqual(['pairing']);
      expect(await kinds('kind=onsite')).toEqual([]);
      // Another filter emptying the list of a known kind is not a typo either.
      const initech = await ok<ApplicationDetailJson>('POST', '/api/hunt/applications', { company: 'Initech' }, 201);
      expect(await kinds(`kind=pairing&application=${initech.application.id}`)).toEqual([]);
    });

    it('writes a scored question into its topics’ history as an interview review, and refuses bad questions', async () => {
      const { acme } = await setUp();
      const { round } = await ok<RoundDetailJson>(
        'POST',
        '/api/rounds',
        // A round that has taken place: the review is dated at its start (one still to come would count now).
        { applicationId: acme, localStart: '2026-11-20T15:00', timeZone: 'UTC', sections: [{ section: 'Databases' }] },
        201,
      );
      const [lock, descriptors, gone] = [await topicId('SELECT FOR UPDATE'), await topicId('descriptors'), await topicId('gone soon')];
      await importChecklist(current().app, { file: checklistFromUpload(FILE.replace('- gone soon\n', ''), 'prep.md') });
      const url = `/api/rounds/${round.id}/questions`;
      await refused('POST', url, { text: 'q', score: 0 }, /score/);
      await refused('POST', url, { text: 'q', topicIds: [gone], score: 2 }, /^topicIds: .*archived/);
      await refused('POST', url, { text: 'q', storyIds: [7] }, /^storyIds: /);
      expect((await ok<RoundDetailJson>('GET', `/api/rounds/${round.id}`)).questions).toEqual([]);

      const detail = await ok<RoundDetailJson>(
        'POST',
        url,
        { text: 'How does SELECT FOR UPDATE differ from SKIP LOCKED?', topicIds: [lock, descriptors], score: 2 },
        201,
      );
      expect(detail.questions[0]!.topics.map((t) => [t.title, t.outsideRound])).toEqual([
        ['SELECT FOR UPDATE', false],
        ['descriptors', true],
      ]);
      const history = await ok<TopicDetailJson>('GET', `/api/topics/${lock}`);
      expect(history.reviews).toEqual([
        { at: '2026-11-20T15:00:00.000Z', rating: 2, source: 'interview', questionId: detail.questions[0]!.id, roundId: round.id },
      ]);
      await ok('PATCH', `/api/questions/${detail.questions[0]!.id}`, { score: null });
      expect((await ok<TopicDetailJson>('GET', `/api/topics/${lock}`)).reviews).toEqual([]);
    });

    it('serves the calendar as text/calendar and suggests topics while a question is typed', async () => {
      const { acme } = await setUp();
      const { round } = await ok<RoundDetailJson>(
        'POST',
        '/api/rounds',
        { applicationId: acme, localStart: '2026-12-20T15:00', timeZone: 'Europe/Berlin', kind: 'technical' },
        201,
      );
      const ics = await current().server.inject({ method: 'GET', url: '/api/rounds.ics' });
      expect(ics.statusCode).toBe(200);
      expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
      expect(ics.body).toContain(`UID:round-${round.id}@prepdeck`);
      expect(ics.body).toContain('SUMMARY:Acme — Backend (technical)');
      const suggestions = await ok<SuggestionListJson>(
        'GET',
        `/api/topic-suggestions?q=${encodeURIComponent('SKIP LOCKED vs FOR UPDATE')}&round=${round.id}`,
      );
      expect(suggestions.suggestions.map((s) => s.title)).toEqual(['SKIP LOCKED', 'SELECT FOR UPDATE']);
      expect((await call('GET', '/api/topic-suggestions?q=')).status).toBe(400);
    });
  });
}
