// `prepdeck serve` as a user runs it: first run imports the example, the UI and API answer, Ctrl+C
// (SIGINT) or SIGTERM lets requests in flight finish, and a busy port is a one-line error.
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecklistListJson } from '../../src/contract/checklists.js';
import type { ImportResultJson } from '../../src/contract/imports.js';
import { PROJECT_ROOT } from '../support/fixtures.js';
import { cliEnv, cliFor, lines } from './run-cli.js';
import { startServe, type ServeProcess } from './serve-process.js';

const UI_BUILT = existsSync(join(PROJECT_ROOT, 'dist', 'web', 'index.html'));

/** A checklist big enough that importing it takes a noticeable while. */
function bigChecklist(topics: number): string {
  const lines: string[] = ['# Generated'];
  for (let i = 0; i < topics; i++) {
    if (i % 50 === 0) lines.push('', `## Section ${i / 50}`, '');
    lines.push(`- topic ${i} about \`code\` and **bold** [link](https://example.com/${i})`);
  }
  return `${lines.join('\n')}\n`;
}

describe('prepdeck serve', () => {
  const cli = cliFor();
  let serve: ServeProcess;

  beforeAll(async () => {
    serve = await startServe(cliEnv(cli.location, cli.home));
  });
  afterAll(async () => {
    if (serve.child.exitCode === null) await serve.stop('SIGKILL');
    cli.dispose();
  });

  it('prints its URL on 127.0.0.1 and imports the bundled example on first run', async () => {
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const list = (await (await fetch(`${serve.url}api/checklists`)).json()) as ChecklistListJson;
    expect(list.checklists.map((c) => c.name)).toEqual(['interview-prep']);
    expect(await (await fetch(`${serve.url}healthz`)).json()).toEqual({ status: 'ok', checklists: 1 });
  });

  it('writes structured (JSON) logs on standard error', () => {
    const logLine = serve
      .stderr()
      .split('\n')
      .find((line) => line.startsWith('{'));
    expect(JSON.parse(logLine!)).toMatchObject({ level: 30, msg: expect.stringMatching(/listening/) });
  });

  it.skipIf(!UI_BUILT)('serves the web UI at / and at page routes, with a content security policy', async () => {
    for (const path of ['', 'checklist', 'topics/5']) {
      const response = await fetch(`${serve.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(await response.text()).toMatch(/<div id="root">/);
    }
    expect((await fetch(serve.url)).headers.get('cache-control')).toBe('no-cache');
    const html = await (await fetch(serve.url)).text();
    const asset = /src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect((await fetch(`${serve.url}${asset}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missingApi = await fetch(`${serve.url}api/nothing-here`);
    expect(missingApi.status).toBe(404);
    expect(missingApi.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('finishes an import in flight when stopped, then exits 0', { timeout: 30_000 }, async () => {
    const request = fetch(`${serve.url}api/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: bigChecklist(6000), name: 'big' }),
    });
    // Let the request reach the server, then ask it to stop while the import runs.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const code = serve.stop('SIGTERM');
    const response = await request;
    expect(response.status).toBe(200);
    expect(((await response.json()) as ImportResultJson).counts.topics).toBe(6000);
    expect(await code).toBe(0);
    expect(serve.stderr()).toMatch(/closing: finishing requests in flight/);

    const checklists = await cli.json<{ checklists: Array<{ checklist: { name: string } }> }>(['checklists']);
    expect(checklists.checklists.map((c) => c.checklist.name).sort()).toEqual(['big', 'interview-prep']);
  });

  it('a port in use is a one-line error and exit 1', { timeout: 30_000 }, async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await cli.run(['serve', '--port', String(port)]);
      expect(result.code).toBe(1);
      expect(lines(result.stderr)).toEqual([
        `prepdeck: error: port ${port} is in use; pick another with --port (0 picks a free one; \`npm start -- --port 0\`)`,
      ]);
    } finally {
      blocker.close();
    }
  });

  it('a bad port is misuse', async () => {
    const result = await cli.run(['serve', '--port', 'eighty']);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
  });
});

/** A PATCH with the Host and Origin a page would send (fetch may not set Host). */
function patchTopic(url: string, host: string, origin: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: hostname, port, method: 'PATCH', path: '/api/topics/1', headers: { host, origin, 'content-type': 'application/json' } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ state: 'known' }));
  });
}

describe('prepdeck serve on other addresses keeps its Host and Origin checks', () => {
  const cli = cliFor();
  afterAll(() => cli.dispose());

  it('--host 127.0.0.2 refuses a rebinding Host and a foreign Origin, and answers its own', { timeout: 60_000 }, async () => {
    const serve = await startServe(cliEnv(cli.location, cli.home), ['--host', '127.0.0.2', '--allowed-host', 'prep.lan']);
    try {
      const port = new URL(serve.url).port;
      expect(await patchTopic(serve.url, 'evil.example', 'http://evil.example')).toBe(403);
      expect(await patchTopic(serve.url, `127.0.0.2:${port}`, 'http://evil.example')).toBe(403);
      expect(await patchTopic(serve.url, `127.0.0.2:${port}`, `http://127.0.0.2:${port}`)).toBe(200);
      expect(await patchTopic(serve.url, `prep.lan:${port}`, `http://prep.lan:${port}`)).toBe(200);
    } finally {
      await serve.stop();
    }
  });

  it('--host 0.0.0.0 refuses a foreign Origin and a rebinding Host', { timeout: 60_000 }, async () => {
    const serve = await startServe(cliEnv(cli.location, cli.home), ['--host', '0.0.0.0']);
    try {
      const port = new URL(serve.url).port;
      expect(await patchTopic(serve.url, `127.0.0.1:${port}`, 'http://evil.example')).toBe(403);
      expect(await patchTopic(serve.url, `evil.example:${port}`, `http://evil.example:${port}`)).toBe(403);
      expect(await patchTopic(serve.url, `127.0.0.1:${port}`, `http://127.0.0.1:${port}`)).toBe(200);
    } finally {
      await serve.stop();
    }
  });
});
