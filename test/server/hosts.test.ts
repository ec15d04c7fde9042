// Which names a server answers to, whatever address it listens on: the loopback names, the address it was told
// to serve (each of the machine's addresses for 0.0.0.0), and the names the user allowed; never a stranger's.
import { describe, expect, it } from 'vitest';
import type { ErrorJson } from '../../src/contract/common.js';
import { servedHosts } from '../../src/server/app.js';
import { BACKENDS } from '../store/backends.js';
import { useServer } from './helpers.js';

describe('servedHosts', () => {
  it('is the loopback names plus the address served, and the allowed names', () => {
    expect(servedHosts('127.0.0.2', ['192.168.1.5'])).toEqual(['localhost', '127.0.0.1', '[::1]', '::1', '127.0.0.2']);
    expect(servedHosts('127.0.0.1', ['192.168.1.5'])).toEqual(['localhost', '127.0.0.1', '[::1]', '::1']);
    expect(servedHosts('Prep.LAN', [], ['Other.Example'])).toEqual(['localhost', '127.0.0.1', '[::1]', '::1', 'prep.lan', 'other.example']);
  });

  it("on a wildcard address, is the machine's own addresses, IPv6 in brackets", () => {
    for (const wildcard of ['0.0.0.0', '::']) {
      expect(servedHosts(wildcard, ['127.0.0.1', '192.168.1.5', 'fe80::1', 'box'])).toEqual([
        'localhost',
        '127.0.0.1',
        '[::1]',
        '::1',
        '192.168.1.5',
        '[fe80::1]',
        'box',
      ]);
    }
  });
});

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`a server on another address keeps both checks (${backend.name})`, () => {
    const current = useServer(backend, { allowedHosts: servedHosts('127.0.0.2', [], ['prep.lan']) });

    it('refuses a rebinding Host and a foreign Origin, and answers its own names', async () => {
      const { server } = current();
      const patch = (host: string, origin: string) =>
        server.inject({ method: 'PATCH', url: '/api/topics/1', headers: { host, origin }, payload: { state: 'known' } });
      const rebound = await patch('evil.example', 'http://evil.example');
      expect(rebound.statusCode).toBe(403);
      expect(rebound.json<ErrorJson>().error.message).toMatch(/answers only to localhost/);
      const foreign = await patch('127.0.0.2:4321', 'http://evil.example');
      expect(foreign.statusCode).toBe(403);
      expect(foreign.json<ErrorJson>().error.message).toMatch(/only from prepdeck's own pages/);
      for (const host of ['127.0.0.2:4321', 'prep.lan:4321', 'localhost:4321']) {
        expect((await patch(host, `http://${host}`)).statusCode, host).toBe(404);
      }
    });
  });
}
