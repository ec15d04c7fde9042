// `prepdeck serve` writes checklist files from the page only when it is the user's own server (a loopback
// address): one open to a network serves others, and must not write into its own disk on their behalf.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorJson } from '../../src/contract/common.js';
import type { WriteBackResultJson } from '../../src/contract/write-back.js';
import { EXAMPLE_CHECKLIST } from '../support/fixtures.js';
import { cliEnv, cliFor, type Cli } from './run-cli.js';
import { startServe, type ServeProcess } from './serve-process.js';

const TIMEOUT_MS = 60_000;

describe('prepdeck serve and Write to file', () => {
  let cli: Cli | undefined;
  let serve: ServeProcess | undefined;
  afterEach(async () => {
    if (serve && serve.child.exitCode === null) await serve.stop('SIGKILL');
    cli?.dispose();
    serve = undefined;
    cli = undefined;
  });

  /** A checklist imported from a file with one topic marked known, and the server over its database. */
  async function prepare(host: string): Promise<{ file: string; url: string; home: string; location: string }> {
    cli = cliFor();
    const file = join(cli.home, 'plan.md');
    copyFileSync(EXAMPLE_CHECKLIST, file);
    expect((await cli.run(['import', file])).code).toBe(0);
    expect((await cli.run(['mark', 'metaclasses', 'known'])).code).toBe(0);
    serve = await startServe(cliEnv(cli.location, cli.home), ['--host', host]);
    return { file, url: serve.url, home: cli.home, location: cli.location };
  }

  const write = (url: string, body: object) =>
    fetch(`${url}api/checklists/plan/write`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url.replace(/\/$/, '') },
      body: JSON.stringify(body),
    });

  it(
    'on 127.0.0.1 it writes the file, keeping the previous version in the data directory',
    async () => {
      const { file, url, location } = await prepare('127.0.0.1');
      const before = readFileSync(file, 'utf8');
      const response = await write(url, {});
      expect(response.status).toBe(200);
      const result = (await response.json()) as WriteBackResultJson;
      expect(result.writeBack.written).toBe(true);
      expect(result.writeBack.edits.map((e) => [e.title, e.to])).toEqual([['metaclasses', '[x]']]);
      expect(readFileSync(file, 'utf8')).toBe(before.replace('\n* metaclasses\n', '\n* [x] metaclasses\n'));
      expect(result.writeBack.backup).toBe(join(dirname(location), 'backups', 'plan.md'));
      expect(readFileSync(result.writeBack.backup!, 'utf8')).toBe(before);
    },
    TIMEOUT_MS,
  );

  it(
    'on 0.0.0.0 it refuses with 403, a dry run too, and the file stays as it was',
    async () => {
      const { file, url, location } = await prepare('0.0.0.0');
      const before = readFileSync(file);
      for (const body of [{}, { dryRun: true }]) {
        const response = await write(url, body);
        expect(response.status).toBe(403);
        expect(((await response.json()) as ErrorJson).error.message).toBe('this server does not write files; run `prepdeck sync FILE --write`');
      }
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(existsSync(join(dirname(location), 'backups'))).toBe(false);
    },
    TIMEOUT_MS,
  );

  it(
    'never writes into the bundled example it imports on first run: that checklist has no file behind it',
    async () => {
      cli = cliFor();
      serve = await startServe(cliEnv(cli.location, cli.home), []);
      const before = readFileSync(EXAMPLE_CHECKLIST);
      const response = await fetch(`${serve.url}api/checklists/interview-prep/write`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: serve.url.replace(/\/$/, '') },
        body: JSON.stringify({ dryRun: true }),
      });
      expect(response.status).toBe(409);
      expect(((await response.json()) as ErrorJson).error.message).toMatch(
        /^'interview-prep' has no file behind it \(uploaded, pasted, or the bundled example\), so there is nothing to write/,
      );
      expect(readFileSync(EXAMPLE_CHECKLIST).equals(before)).toBe(true);
    },
    TIMEOUT_MS,
  );
});
