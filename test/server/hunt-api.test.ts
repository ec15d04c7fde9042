// The hunt's API on both backends, through inject: bad input refused with a 400 naming the field and nothing
// written, two clients moving the same application, the hard delete, and the walk-through over HTTP.
import { parse } from 'csv-parse/sync';
import type { InjectOptions } from 'fastify';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ErrorJson } from '../../src/contract/common.js';
import type {
  AgendaJson,
  ApplicationCreateJson,
  ApplicationDetailJson,
  ApplicationListJson,
  CriterionJson,
  FollowUpListJson,
  HuntJson,
  MoveResultJson,
  OfferComparisonJson,
  OfferPutResultJson,
} from '../../src/contract/hunt.js';
import { CLIENT_HEADER } from '../../src/server/app.js';
import { BACKENDS } from '../store/backends.js';
import { hasUserFixture, USER_FIXTURE } from '../support/fixtures.js';
import { useServer } from './helpers.js';

const GOALS = ['full remote', 'USA/Europe', 'interesting companies', 'плюшки', 'опыт прохождения собеседований - relocation'];

for (const backend of BACKENDS) {
  // The walk-through makes some forty requests: more than the default 5 s on a busy machine.
  describe.skipIf(backend.skipReason !== null)(`the hunt's API (${backend.name})`, { timeout: 30_000 }, () => {
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
    const added = (body: ApplicationCreateJson) => ok<ApplicationDetailJson>('POST', '/api/hunt/applications', body, 201);
    const detail = (id: number) => ok<ApplicationDetailJson>('GET', `/api/hunt/applications/${id}`);
    const hunt = () => ok<HuntJson>('GET', '/api/hunt');

    /** Everything a refused request could have touched. */
    async function everything(): Promise<unknown> {
      const { applications } = await ok<ApplicationListJson>('GET', '/api/hunt/applications?archived=true');
      return {
        hunt: await hunt(),
        applications: await Promise.all(applications.map((application) => detail(application.id))),
        followUps: await ok<FollowUpListJson>('GET', '/api/hunt/follow-ups?done=true'),
      };
    }

    it('refuses each bad input with a 400 naming the field, an unknown id with a 404, and writes nothing', async () => {
      const { application } = await added({ company: 'Acme', stage: 'applied' });
      const criterion = await ok<CriterionJson>('POST', '/api/hunt/criteria', { text: 'visa sponsorship', kind: 'gate' }, 201);
      const { contacts, followUps } = await ok<ApplicationDetailJson>(
        'POST',
        `/api/hunt/applications/${application.id}/follow-ups`,
        { title: 'Write to them', dueOn: '2026-03-02' },
        201,
      );
      expect(contacts).toEqual([]);
      // A criterion of another hunt: accounts will add hunts; the store may hold one already.
      await current().app.store.db.insertInto('hunts').values({ id: 2, time_zone: 'UTC', created_at: '2026-01-01T00:00:00.000Z' }).execute();
      const foreign = await current()
        .app.store.db.insertInto('criteria')
        .values({
          hunt_id: 2,
          topic_id: null,
          text: 'theirs',
          kind: 'weighted',
          weight: 3,
          position: 1,
          created_at: '2026-01-01T00:00:00.000Z',
          archived_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Applied to on 2020-01-10: found on a later day is a typo.
      const applied = (await added({ company: 'Initech', stage: 'applied', on: '2020-01-10' })).application.id;
      const before = await everything();
      const id = application.id;

      const refusals: Array<[InjectOptions['method'], string, object | undefined, string]> = [
        ['POST', '/api/hunt/applications', { company: 'Bolt', stage: 'interviewing' }, 'stage'],
        ['POST', `/api/hunt/applications/${id}/moves`, { to: 'interviewing' }, 'to'],
        ['PUT', `/api/hunt/applications/${id}/marks/${foreign.id}`, { value: 'yes' }, 'criterion'],
        ['PUT', `/api/hunt/applications/${id}/marks/999999`, { value: 'yes' }, 'criterion'],
        ['POST', '/api/hunt/applications', { company: 'Bolt', salary: { min: '90k', max: null, currency: 'EUR', period: 'year' } }, 'salary.min'],
        ['PATCH', `/api/hunt/applications/${id}`, { salary: { min: 1, max: 2, currency: 'euros', period: 'year' } }, 'salary.currency'],
        ['POST', '/api/hunt/applications', { company: 'Bolt', foundOn: '2026-02-30' }, 'foundOn'],
        ['PATCH', `/api/hunt/applications/${id}`, { foundOn: '2026-02-30' }, 'foundOn'],
        ['POST', '/api/hunt/applications', { company: 'Bolt', foundOn: '2999-01-01' }, 'foundOn'],
        ['POST', '/api/hunt/applications', { company: 'Bolt', foundOn: '2020-01-05', on: '2020-01-01' }, 'on'],
        ['PATCH', `/api/hunt/applications/${id}`, { foundOn: '2999-01-01' }, 'foundOn'],
        [
          'PATCH',
          `/api/hunt/applications/${applied}`,
          { foundOn: '2020-01-12' },
          'foundOn: 2020-01-12 is after the day it entered Applied (2020-01-10)',
        ],
        ['PATCH', `/api/hunt/applications/${id}`, { link: 'notaurl' }, 'link'],
        ['POST', `/api/hunt/applications/${id}/contacts`, { name: 'Sam', link: 'notaurl' }, 'link'],
        ['POST', `/api/hunt/applications/${id}/follow-ups`, { title: 'Call', dueOn: '2026-02-30' }, 'dueOn'],
        ['PATCH', `/api/hunt/follow-ups/${followUps[0]!.id}`, { dueOn: '2026-13-01' }, 'dueOn'],
        ['POST', `/api/hunt/applications/${id}/moves`, { to: 'screening', on: '2026-02-30' }, 'on'],
        ['POST', '/api/hunt/criteria', { text: 'pay', weight: -1 }, 'weight'],
        ['POST', '/api/hunt/criteria', { text: 'Visa sponsorship', kind: 'weighted' }, 'text'],
        ['PATCH', `/api/hunt/criteria/${criterion.id}`, { weight: -2 }, 'weight'],
        ['PUT', `/api/hunt/applications/${id}/offer`, { period: 'year', base: 100000 }, 'currency'],
        ['PUT', `/api/hunt/applications/${id}/offer`, { currency: 'EUR', period: 'year', base: -1 }, 'base'],
        ['PATCH', `/api/hunt/applications/${id}/offer`, { bonus: 5000 }, 'base: a first offer needs a base and a currency'],
        ['PATCH', `/api/hunt/applications/${id}/offer`, { base: 1, currency: 'EUR', startOn: '2026-02-30' }, 'startOn'],
        ['PATCH', `/api/hunt/applications/${id}/offer`, { base: 1, currency: 'EUR', equity: { vesting: '4 years' } }, 'equity.amount'],
        ['PATCH', `/api/hunt/applications/${id}/offer`, { base: 1, currency: 'EUR', equity: { amount: -1 } }, 'equity'],
        ['PATCH', `/api/hunt/applications/${id}/offer`, {}, 'body'],
        ['PATCH', '/api/hunt/stages/applied', { position: -1 }, 'position'],
        ['PATCH', '/api/hunt/stages/nowhere', { label: 'Nowhere' }, 'key'],
        ['DELETE', `/api/hunt/applications/${id}`, undefined, 'confirm'],
      ];
      for (const [method, url, payload, field] of refusals) {
        const { status, body } = await call<ErrorJson>(method, url, payload);
        expect(status, `${method} ${url} ${JSON.stringify(payload)}: ${JSON.stringify(body)}`).toBe(400);
        expect(body.error.message, `${method} ${url}`).toContain(field);
      }

      const unknown: Array<[InjectOptions['method'], string, object | undefined]> = [
        ['GET', '/api/hunt/applications/999999', undefined],
        ['PATCH', '/api/hunt/applications/999999', { notes: 'x' }],
        ['POST', '/api/hunt/applications/999999/moves', { to: 'screening' }],
        ['PUT', `/api/hunt/applications/999999/marks/${criterion.id}`, { value: 'yes' }],
        ['POST', '/api/hunt/applications/999999/contacts', { name: 'Ann' }],
        ['PATCH', '/api/hunt/contacts/999999', { name: 'Ann' }],
        ['DELETE', '/api/hunt/contacts/999999', undefined],
        ['POST', '/api/hunt/applications/999999/follow-ups', { title: 'Call', dueOn: '2026-03-02' }],
        ['PATCH', '/api/hunt/follow-ups/999999', { done: true }],
        ['DELETE', '/api/hunt/follow-ups/999999', undefined],
        ['PUT', '/api/hunt/applications/999999/offer', { currency: 'EUR', period: 'year', base: 1 }],
        ['DELETE', '/api/hunt/applications/999999/offer', undefined],
        ['DELETE', '/api/hunt/applications/999999?confirm=delete', undefined],
        ['PATCH', '/api/hunt/criteria/999999', { weight: 2 }],
      ];
      for (const [method, url, payload] of unknown) {
        const { status, body } = await call<ErrorJson>(method, url, payload);
        expect(status, `${method} ${url}: ${JSON.stringify(body)}`).toBe(404);
        expect(body.error.type).toBe('NotFoundError');
      }

      expect(await everything()).toEqual(before);
    });

    it('says in notices what it kept as given: a follow-up or a deadline already past, a mark on an archived criterion', async () => {
      const { application } = await added({ company: 'Acme', stage: 'onsite' });
      const base = `/api/hunt/applications/${application.id}`;
      const late = await ok<ApplicationDetailJson>('POST', `${base}/follow-ups`, { title: 'Write to them', dueOn: '2020-01-01' }, 201);
      expect(late.notices).toEqual([expect.stringMatching(/^the follow-up is due on 2020-01-01, already past \(today is /)]);
      const soon = await ok<ApplicationDetailJson>('POST', `${base}/follow-ups`, { title: 'Call', dueOn: '2999-01-01' }, 201);
      expect(soon.notices).toEqual([]);
      const call = soon.followUps.find((f) => f.title === 'Call')!;
      expect((await ok<ApplicationDetailJson>('PATCH', `/api/hunt/follow-ups/${call.id}`, { dueOn: '2020-02-01' })).notices).toHaveLength(1);
      expect((await ok<ApplicationDetailJson>('PATCH', `/api/hunt/follow-ups/${call.id}`, { done: true })).notices).toEqual([]);
      const offer = await ok<OfferPutResultJson>('PUT', `${base}/offer`, { currency: 'EUR', period: 'year', base: 1, deadlineOn: '2020-01-01' });
      expect(offer.notices).toEqual([expect.stringMatching(/^the deadline 2020-01-01 is already past \(today is \d{4}-\d{2}-\d{2}\)$/)]);
      // The same deadline again is no news.
      expect((await ok<OfferPutResultJson>('PATCH', `${base}/offer`, { bonus: 5 })).notices).toEqual([]);
      const criterion = await ok<CriterionJson>('POST', '/api/hunt/criteria', { text: 'small team' }, 201);
      await ok('PATCH', `/api/hunt/criteria/${criterion.id}`, { archived: true });
      const marked = await ok<ApplicationDetailJson>('PUT', `${base}/marks/${criterion.id}`, { value: 'yes' });
      expect(marked.notices).toEqual([expect.stringMatching(/^'small team' is archived: the mark is kept and counts in no fit/)]);
      expect((await detail(application.id)).notices).toEqual([]);
    });

    it('changes part of an offer with PATCH, keeping the rest, while PUT replaces the whole offer', async () => {
      const { application } = await added({ company: 'Acme', stage: 'onsite' });
      const url = `/api/hunt/applications/${application.id}/offer`;
      const first = await ok<OfferPutResultJson>('PATCH', url, { base: 140000, currency: 'EUR', bonus: 10000, deadlineOn: '2099-01-15' });
      expect(first.moved).toMatchObject({ from: 'onsite', to: 'offer' });
      const changed = await ok<OfferPutResultJson>('PATCH', url, { base: 150000, bonus: null, equity: { amount: 5000 } });
      expect(changed.offer).toMatchObject({
        base: 150000,
        currency: 'EUR',
        period: 'year',
        bonus: null,
        deadlineOn: '2099-01-15',
        equity: { amount: 5000, vesting: '' },
      });
      expect(changed.moved).toBeNull();
      const refused = await call<ErrorJson>('PATCH', url, { period: 'month' });
      expect([refused.status, refused.body.error.message]).toEqual([400, expect.stringMatching(/^period: a new period changes what the base means/)]);
      const replaced = await ok<OfferPutResultJson>('PUT', url, { base: 12000, currency: 'EUR', period: 'month' });
      expect(replaced.offer).toMatchObject({ base: 12000, period: 'month', deadlineOn: null, equity: null });
    });

    it('refuses the later of two moves made against the same stage with 409, and keeps only the first in the history', async () => {
      const { application } = await added({ company: 'Acme', stage: 'applied' });
      const url = `/api/hunt/applications/${application.id}/moves`;
      // Two windows that both show the application as applied, moving it one after the other...
      await ok('POST', url, { from: 'applied', to: 'screening' });
      const later = await call<ErrorJson>('POST', url, { from: 'applied', to: 'rejected' });
      expect(later.status).toBe(409);
      expect(later.body.error.message).toMatch(/screening/i);
      // ...and at the same moment: one of them wins, whichever it is.
      const [a, b] = await Promise.all([
        call<ApplicationDetailJson>('POST', url, { from: 'screening', to: 'technical' }),
        call<ApplicationDetailJson>('POST', url, { from: 'screening', to: 'withdrawn' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? 'technical' : 'withdrawn';

      const { application: moved, history } = await detail(application.id);
      expect(moved.stage).toBe(winner);
      expect(history.map(({ from, to }) => [from, to])).toEqual([
        [null, 'applied'],
        ['applied', 'screening'],
        ['screening', winner],
      ]);
    });

    it('deletes an application with its history only when asked in words; archiving keeps it', async () => {
      const { application } = await added({ company: 'Acme', stage: 'applied' });
      const url = `/api/hunt/applications/${application.id}`;
      const refused = await call<ErrorJson>('DELETE', url);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain('?confirm=delete');
      expect((await call<ErrorJson>('DELETE', `${url}?confirm=yes`)).status).toBe(400);

      const archived = await ok<ApplicationDetailJson>('PATCH', url, { archived: true });
      expect(archived.application.archivedAt).not.toBeNull();
      expect((await ok<ApplicationListJson>('GET', '/api/hunt/applications')).applications).toEqual([]);
      expect((await detail(application.id)).history).toHaveLength(1);

      expect((await call('DELETE', `${url}?confirm=delete`)).status).toBe(204);
      expect((await call('GET', url)).status).toBe(404);
      expect((await ok<ApplicationListJson>('GET', '/api/hunt/applications?archived=true')).applications).toEqual([]);
    });

    it.skipIf(!hasUserFixture)("walks through the issue's Done when: goals as criteria, fits, moves, contact, follow-up, offers, CSV", async () => {
      await ok('POST', '/api/imports', { text: readFileSync(USER_FIXTURE, 'utf8'), name: 'prep' });

      // The file's five goals are the criteria, the Cyrillic ones intact.
      const { criteria, today } = await hunt();
      expect(criteria.map((criterion) => criterion.text)).toEqual(GOALS);
      expect(criteria.every((criterion) => criterion.source === 'goal' && criterion.checklist === 'prep')).toBe(true);
      const [remote, region, interesting, perks, practice] = criteria as [CriterionJson, CriterionJson, CriterionJson, CriterionJson, CriterionJson];
      await ok('PATCH', `/api/hunt/criteria/${remote.id}`, { kind: 'gate' });
      await ok('PATCH', `/api/hunt/criteria/${region.id}`, { kind: 'gate' });
      for (const [criterion, weight] of [
        [interesting, 5],
        [perks, 3],
        [practice, 2],
      ] as const) {
        expect(await ok<CriterionJson>('PATCH', `/api/hunt/criteria/${criterion.id}`, { weight })).toMatchObject({ kind: 'weighted', weight });
      }
      expect((await hunt()).criteria.map(({ kind }) => kind)).toEqual(['gate', 'gate', 'weighted', 'weighted', 'weighted']);

      // Three applications, marked against the criteria.
      const acme = (await added({ company: 'Acme', role: 'Backend engineer', stage: 'applied', remote: 'remote' })).application;
      const bolt = (await added({ company: 'Bolt, Ltd.', role: 'Python developer', stage: 'applied', location: 'Berlin' })).application;
      const startup = (await added({ company: 'Ценный Стартап', role: 'Инженер', tags: ['стартап'] })).application;
      const mark = (id: number, criterion: CriterionJson, value: 'yes' | 'no' | 'unknown', note?: string) =>
        ok<ApplicationDetailJson>('PUT', `/api/hunt/applications/${id}/marks/${criterion.id}`, { value, ...(note ? { note } : {}) });
      for (const criterion of criteria) await mark(acme.id, criterion, 'yes');
      await mark(bolt.id, remote, 'no', 'remote: 2 days in office');
      await mark(bolt.id, region, 'yes');
      await mark(bolt.id, interesting, 'yes');
      await mark(bolt.id, perks, 'no');
      await mark(startup.id, remote, 'yes');
      const marked = await mark(startup.id, interesting, 'yes');
      expect(marked.marks.find((m) => m.criterionId === interesting.id)).toMatchObject({ value: 'yes' });

      const { applications } = await ok<ApplicationListJson>('GET', '/api/hunt/applications');
      const fitOf = (id: number) => applications.find((application) => application.id === id)!.fit;
      expect(fitOf(acme.id)).toEqual({ score: 1, unknown: 0, gates: { passed: 2, failed: 0, unknown: 0 }, failedGates: [] });
      // Weighted only: (5 yes) / (5 + 3 known).
      expect(fitOf(bolt.id)).toEqual({ score: 5 / 8, unknown: 1, gates: { passed: 1, failed: 1, unknown: 0 }, failedGates: [remote.id] });
      expect(fitOf(startup.id)).toEqual({ score: 1, unknown: 3, gates: { passed: 1, failed: 0, unknown: 1 }, failedGates: [] });
      expect(applications.filter((application) => application.fit.failedGates.length > 0).map(({ company }) => company)).toEqual(['Bolt, Ltd.']);

      // applied -> screening -> technical -> back to screening: four events with the creation.
      const moveUrl = `/api/hunt/applications/${acme.id}/moves`;
      await ok('POST', moveUrl, { from: 'applied', to: 'screening' });
      await ok('POST', moveUrl, { from: 'screening', to: 'technical', note: 'take-home passed' });
      const back = await ok<ApplicationDetailJson>('POST', moveUrl, { from: 'technical', to: 'screening', note: 'another screening round' });
      expect(back.application.stage).toBe('screening');
      expect(back.history.map(({ from, to, note }) => ({ from, to, note }))).toEqual([
        { from: null, to: 'applied', note: '' },
        { from: 'applied', to: 'screening', note: '' },
        { from: 'screening', to: 'technical', note: 'take-home passed' },
        { from: 'technical', to: 'screening', note: 'another screening round' },
      ]);

      // A recruiter and a follow-up due today, which the agenda lists.
      const withContact = await ok<ApplicationDetailJson>(
        'POST',
        `/api/hunt/applications/${acme.id}/contacts`,
        { name: 'Анна Петрова', role: 'recruiter', email: 'anna@acme.example' },
        201,
      );
      expect(withContact.contacts).toMatchObject([{ name: 'Анна Петрова', role: 'recruiter', email: 'anna@acme.example' }]);
      const withFollowUp = await ok<ApplicationDetailJson>(
        'POST',
        `/api/hunt/applications/${acme.id}/follow-ups`,
        { title: 'Ask Anna about the onsite', dueOn: today },
        201,
      );
      expect(withFollowUp.application.nextFollowUp).toMatchObject({ title: 'Ask Anna about the onsite', dueOn: today });
      const agenda = await ok<AgendaJson>('GET', '/api/hunt/agenda');
      expect(agenda.today).toBe(today);
      expect(agenda.followUps).toMatchObject([{ company: 'Acme', overdueDays: 0, followUp: { title: 'Ask Anna about the onsite', dueOn: today } }]);

      // Two offers, side by side.
      // Recording an offer moves the application to the offer stage, and the answer says so.
      const acmeOffer = await ok<OfferPutResultJson>('PUT', `/api/hunt/applications/${acme.id}/offer`, {
        currency: 'EUR',
        period: 'year',
        base: 96000,
        perks: 'ДМС, 30 days off',
      });
      expect([acmeOffer.application.stage, acmeOffer.moved]).toEqual(['offer', acmeOffer.history.at(-1)]);
      expect(acmeOffer.moved).toMatchObject({ from: 'screening', to: 'offer', note: 'offer recorded' });
      await ok('PUT', `/api/hunt/applications/${bolt.id}/offer`, { currency: 'EUR', period: 'month', base: 7000, deadlineOn: '2099-01-15' });
      const comparison = await ok<OfferComparisonJson>('GET', '/api/hunt/offers');
      expect(comparison.criteria.map(({ text }) => text)).toEqual(GOALS);
      expect(
        comparison.offers.map(({ application, yearlyBase, marks }) => [
          application.company,
          yearlyBase,
          marks.find((m) => m.criterionId === remote.id)?.value,
        ]),
      ).toEqual(
        expect.arrayContaining([
          ['Acme', 96000, 'yes'],
          ['Bolt, Ltd.', 84000, 'no'],
        ]),
      );
      expect(comparison.offers).toHaveLength(2);

      // The CSV: every application, read back by a CSV parser.
      const csv = await current().server.inject({ method: 'GET', url: '/api/hunt/applications.csv' });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="prepdeck-applications-${today}.csv"`);
      expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const rows = parse<Record<string, string>>(csv.rawPayload, { bom: true, columns: true });
      expect(rows.map((row) => [row['company'], row['stage'], row['fit (%)'], row['failed gates'], row['offer base']])).toEqual(
        expect.arrayContaining([
          ['Acme', 'Offer', '100', '', '96000'],
          ['Bolt, Ltd.', 'Offer', '63', 'full remote', '7000'],
          ['Ценный Стартап', 'Wishlist', '100', '', ''],
        ]),
      );
      expect(rows).toHaveLength(3);
      const none = await call<ErrorJson>('GET', '/api/hunt/applications.csv?tag=nothing');
      expect(none.status).toBe(404);
      expect(none.body.error.message).toContain("tag 'nothing'");

      // Closing it takes its open follow-up off the agenda, which the move's answer says; the application keeps it.
      const closed = await ok<MoveResultJson>('POST', `/api/hunt/applications/${acme.id}/moves`, { from: 'offer', to: 'withdrawn' });
      expect([closed.followUpsNoLongerDue, closed.followUpsDueAgain, closed.followUpsDue, closed.followUps.length]).toEqual([1, 0, false, 1]);
      expect((await ok<AgendaJson>('GET', '/api/hunt/agenda')).followUps).toEqual([]);
      expect(await ok<FollowUpListJson>('GET', '/api/hunt/follow-ups')).toMatchObject({ followUps: [], closedLeftOut: 1 });
      expect((await ok<FollowUpListJson>('GET', '/api/hunt/follow-ups?closed=true')).followUps).toMatchObject([{ closed: true, company: 'Acme' }]);
    });
  });
}
