// A page on any site can make the user's browser send requests to prepdeck: a sandboxed frame (Origin: null),
// a plain cross-site fetch, a form or a no-cors fetch (text/plain, no preflight). None of them may change
// anything, on any route: every unsafe route of the OpenAPI document is tried, so a new one is covered too.
import type { InjectOptions } from 'fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorJson } from '../../src/contract/common.js';
import type { AnswerJson, ReviewQueueJson, ReviewStatsJson } from '../../src/contract/review.js';
import { CLIENT_HEADER } from '../../src/server/app.js';
import { BACKENDS } from '../store/backends.js';
import { EXAMPLE_CHECKLIST } from '../support/fixtures.js';
import { useServer } from './helpers.js';

const EXAMPLE_TEXT = readFileSync(EXAMPLE_CHECKLIST, 'utf8');
const UNSAFE = ['post', 'put', 'patch', 'delete'];
const OWN = 'http://127.0.0.1:4321';

interface Route {
  method: NonNullable<InjectOptions['method']>;
  url: string;
}

/** What a hostile page can make a browser send, beyond a same-origin script's reach. */
const FOREIGN_REQUESTS: Array<{ what: string; headers: Record<string, string>; payload?: string }> = [
  { what: 'Origin: null (a sandboxed frame)', headers: { origin: 'null', 'content-type': 'application/json' }, payload: '{}' },
  { what: 'a foreign Origin', headers: { origin: 'http://evil.example', 'content-type': 'application/json' }, payload: '{}' },
  { what: 'no Origin, Sec-Fetch-Site: cross-site', headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, payload: '{}' },
  { what: 'a simple text/plain request', headers: { 'content-type': 'text/plain' }, payload: '{}' },
  { what: 'a bodyless no-cors request', headers: {} },
];

const backupDir = mkdtempSync(join(tmpdir(), 'prepdeck-cross-site-'));
afterAll(() => rmSync(backupDir, { recursive: true, force: true }));

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`changes only from prepdeck's own pages (${backend.name})`, () => {
    const current = useServer(backend, { fileWrites: { backupDir } });
    const inject = (options: InjectOptions) => current().server.inject({ ...options, headers: { host: '127.0.0.1:4321', ...options.headers } });

    async function unsafeRoutes(): Promise<Route[]> {
      const document = (await inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
      const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter((method) => UNSAFE.includes(method))
          // Every parameter gets a value that exists: the checklist `prep`, the first topic or card.
          .map((method) => ({ method: method.toUpperCase() as Route['method'], url: path.replace('{name}', 'prep').replace(/\{\w+\}/g, '1') })),
      );
      expect(routes.length).toBeGreaterThanOrEqual(10);
      return routes;
    }

    async function answeredOnce(): Promise<void> {
      const imported = await inject({ method: 'POST', url: '/api/imports', headers: { origin: OWN }, payload: { text: EXAMPLE_TEXT, name: 'prep' } });
      expect(imported.statusCode, imported.body).toBe(200);
      const queue = (await inject({ url: '/api/checklists/prep/review?limit=1' })).json<ReviewQueueJson>();
      const answered = await inject({
        method: 'POST',
        url: `/api/cards/${queue.cards[0]!.card.id}/answer`,
        headers: { origin: OWN },
        payload: { rating: 3 },
      });
      expect(answered.statusCode, answered.body).toBe(200);
      expect(answered.json<AnswerJson>().card.reps).toBe(1);
    }

    const reviewsLogged = async () =>
      (await inject({ url: '/api/checklists/prep/review/stats' })).json<ReviewStatsJson>().reviewsByDay.reduce((sum, day) => sum + day.count, 0);

    it('refuses every unsafe route with 403 when a foreign page sends it, and changes nothing', async () => {
      await answeredOnce();
      const tree = (await inject({ url: '/api/checklists/prep/tree' })).body;
      const hunt = async () => [(await inject({ url: '/api/hunt' })).body, (await inject({ url: '/api/hunt/applications?archived=true' })).body];
      const huntBefore = await hunt();
      for (const route of await unsafeRoutes()) {
        for (const request of FOREIGN_REQUESTS) {
          const response = await inject({
            ...route,
            headers: request.headers,
            ...(request.payload === undefined ? {} : { payload: request.payload }),
          });
          expect(response.statusCode, `${route.method} ${route.url} with ${request.what}`).toBe(403);
          expect(response.json<ErrorJson>().error.type).toBe('Forbidden');
        }
      }
      expect(await reviewsLogged()).toBe(1);
      expect((await inject({ url: '/api/checklists/prep/tree' })).body).toBe(tree);
      expect(await hunt()).toEqual(huntBefore);
    });

    it("takes the same routes from its own pages: the UI's header, or a JSON body", async () => {
      await answeredOnce();
      const undo = await inject({ method: 'POST', url: '/api/checklists/prep/review/undo', headers: { origin: OWN, [CLIENT_HEADER]: 'web' } });
      expect(undo.statusCode, undo.body).toBe(200);
      expect(await reviewsLogged()).toBe(0);
      // Removing the checklist last, so every other route still finds it.
      const routes = (await unsafeRoutes()).sort(
        (a, b) =>
          Number(a.method === 'DELETE' && a.url === '/api/checklists/prep') - Number(b.method === 'DELETE' && b.url === '/api/checklists/prep'),
      );
      for (const route of routes) {
        for (const headers of [
          { origin: OWN, [CLIENT_HEADER]: 'web' },
          { origin: OWN, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
        ]) {
          const response = await inject({ ...route, headers, ...('content-type' in headers ? { payload: '{}' } : {}) });
          expect(response.statusCode, `${route.method} ${route.url}: ${response.body}`).not.toBe(403);
        }
      }
    });
  });
}
