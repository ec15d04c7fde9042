// What a hostile page or client could try against a server on 127.0.0.1: other hosts (DNS rebinding),
// cross-site writes, loosely typed bodies, NUL characters, huge ids, broken URLs, bad names.
import type { InjectOptions } from 'fastify';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChecklistListJson } from '../../src/contract/checklists.js';
import type { ErrorJson } from '../../src/contract/common.js';
import type { ImportResultJson } from '../../src/contract/imports.js';
import type { SearchResultJson, TopicDetailJson } from '../../src/contract/topics.js';
import { LOOPBACK_HOSTS } from '../../src/server/app.js';
import { BACKENDS } from '../store/backends.js';
import { EXAMPLE_CHECKLIST } from '../support/fixtures.js';
import { useServer } from './helpers.js';

const EXAMPLE_TEXT = readFileSync(EXAMPLE_CHECKLIST, 'utf8');

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`a server on the loopback interface refuses what isn't its own (${backend.name})`, () => {
    const current = useServer(backend, { allowedHosts: LOOPBACK_HOSTS });
    const inject = (options: InjectOptions) => current().server.inject({ ...options, headers: { host: '127.0.0.1:4321', ...options.headers } });
    const prepare = async () => {
      const imported = await inject({ method: 'POST', url: '/api/imports', payload: { text: EXAMPLE_TEXT, name: 'prep' } });
      expect(imported.statusCode, imported.body).toBe(200);
    };
    const expectError = (response: { statusCode: number; json: <T>() => T }, status: number, message: RegExp) => {
      expect(response.statusCode).toBe(status);
      expect(response.json<ErrorJson>().error.message).toMatch(message);
    };

    it('answers to localhost, 127.0.0.1 and [::1] only: a rebinding domain gets 403', async () => {
      for (const host of ['localhost:4321', '127.0.0.1:4321', '[::1]:4321', 'LOCALHOST']) {
        expect((await inject({ url: '/api/checklists', headers: { host } })).statusCode, host).toBe(200);
      }
      expectError(await inject({ url: '/api/checklists', headers: { host: 'attacker.example' } }), 403, /answers only to localhost/);
      expectError(await inject({ url: '/', headers: { host: 'attacker.example:4321' } }), 403, /answers only to localhost/);
    });

    it('accepts changes from its own pages only: a cross-site PATCH gets 403 and writes nothing', async () => {
      await prepare();
      const own = await inject({ method: 'PATCH', url: '/api/topics/7', headers: { origin: 'http://127.0.0.1:4321' }, payload: { state: 'known' } });
      expect(own.statusCode).toBe(200);
      const foreign = await inject({
        method: 'PATCH',
        url: '/api/topics/7',
        headers: { origin: 'http://attacker.example' },
        payload: { notes: 'pwned' },
      });
      expectError(foreign, 403, /only from prepdeck's own pages/);
      expect((await inject({ url: '/api/topics/7' })).json<TopicDetailJson>().topic.notes).toBe('');
    });

    it('takes JSON bodies as they are: null, booleans and arrays are not strings or numbers', async () => {
      await prepare();
      for (const payload of [{ notes: null }, { notes: false }, { notes: ['x'] }, { confidence: true }, { confidence: '3' }, { state: ['known'] }]) {
        const response = await inject({ method: 'PATCH', url: '/api/topics/7', payload });
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(response.json<ErrorJson>().error.message).toMatch(/^body field '(notes|confidence|state)'/);
      }
      const topic = (await inject({ url: '/api/topics/7' })).json<TopicDetailJson>().topic;
      expect(topic).toMatchObject({ notes: '', confidence: null, state: 'new' });
    });

    it('NUL characters are refused with 400, never a 500 or a match-everything search', async () => {
      await prepare();
      expectError(await inject({ url: '/api/search?q=%00' }), 400, /NUL/);
      expectError(await inject({ method: 'PATCH', url: '/api/topics/7', payload: { notes: 'a\u0000b' } }), 400, /NUL/);
      expectError(
        await inject({ method: 'POST', url: '/api/imports', payload: { text: '- a', name: 'bad\u0000name' } }),
        400,
        /can't be a checklist name/,
      );
      expect((await inject({ url: '/api/search?q=x&checklist=%00' })).statusCode).toBe(404);
      expect((await inject({ url: '/api/checklists/%00/tree' })).statusCode).toBe(404);
      const titled = await inject({ method: 'POST', url: '/api/imports', payload: { text: '---\ntitle: "nul\\0here"\n---\n- a\n', name: 'nul' } });
      expect(titled.statusCode, titled.body).toBe(200);
      expect(titled.json<ImportResultJson>().checklist.title).toBe('nulhere');
      expect(titled.json<ImportResultJson>().warnings.join()).toMatch(/NUL/);
    });

    it('a front matter alias that contains itself imports with a warning instead of failing', async () => {
      const text = '---\nself: &a [1, *a]\ntitle: Loop\n---\n- topic\n';
      const response = await inject({ method: 'POST', url: '/api/imports', payload: { text, name: 'loop' } });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<ImportResultJson>().warnings.join()).toMatch(/alias that contains itself/);
    });

    it('ids past 32 bits, names too long for a URL, and malformed escapes are 4xx in the usual shape', async () => {
      await prepare();
      expect((await inject({ url: '/api/topics/2147483648' })).statusCode).toBe(404);
      expect((await inject({ method: 'PATCH', url: '/api/topics/99999999999999999999', payload: { state: 'known' } })).statusCode).toBe(404);
      const longName = 'n'.repeat(150);
      await inject({ method: 'POST', url: '/api/imports', payload: { text: '- a', name: longName } });
      expect((await inject({ url: `/api/checklists/${longName}/tree` })).statusCode).toBe(200);
      const malformed = await inject({ url: '/api/checklists/%E0%A4%A/tree' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json<ErrorJson>().error.type).toBe('BadRequest');
      for (const name of ['.', '..', 'a/b']) {
        expectError(await inject({ method: 'POST', url: '/api/imports', payload: { text: '- a', name } }), 400, /can't be a checklist name/);
      }
      const names = (await inject({ url: '/api/checklists' })).json<ChecklistListJson>().checklists.map((c) => c.name);
      expect(names.sort()).toEqual([longName, 'prep'].sort());
    });

    it('search treats LIKE wildcards as text', async () => {
      await prepare();
      for (const q of ['%', '\\']) {
        expect((await inject({ url: `/api/search?q=${encodeURIComponent(q)}` })).json<SearchResultJson>().topics, q).toEqual([]);
      }
      const underscores = (await inject({ url: '/api/search?q=_' })).json<SearchResultJson>().topics;
      expect(underscores.length).toBeGreaterThan(0);
      expect(underscores.every((t) => t.text.includes('_'))).toBe(true);
    });
  });
}
