// POST /api/checklists/:name/write on both backends: `prepdeck sync FILE --write` from the web, into the file the
// checklist was imported from, only on a server allowed to write files, and only from its own pages.
import type { InjectOptions } from 'fastify';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeApp, openApp, type AppContext } from '../../src/app/context.js';
import { importChecklist, readChecklistFile } from '../../src/app/import/import-checklist.js';
import type { ChecklistTreeJson, ExportedSection, ExportedTopic } from '../../src/contract/checklists.js';
import type { ErrorJson } from '../../src/contract/common.js';
import type { ImportResultJson } from '../../src/contract/imports.js';
import type { WriteBackResultJson } from '../../src/contract/write-back.js';
import { buildServer, LOOPBACK_HOSTS, type PrepdeckServer } from '../../src/server/app.js';
import { BACKENDS, type Backend, type TestDatabase } from '../store/backends.js';
import { EXAMPLE_CHECKLIST } from '../support/fixtures.js';

const HOST = '127.0.0.1:4321';
const MARKED = ['metaclasses', '__repr__ and __str__', 'comprehensions for list, dict and set'];

interface WriteServer {
  server: PrepdeckServer;
  app: AppContext;
  /** A copy of the bundled example, imported from disk as 'prep'. */
  file: string;
  backupDir: string;
}

/** A server as `prepdeck serve` builds it on 127.0.0.1 (hosts checked, file writes on or off), over a fresh database. */
function useWriteServer(backend: Backend, { fileWrites }: { fileWrites: boolean }): () => WriteServer {
  let current: (WriteServer & { database: TestDatabase; dir: string }) | undefined;
  beforeEach(async () => {
    const database = await backend.createDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'prepdeck-write-api-'));
    const app = await openApp(database.location);
    const backupDir = join(dir, 'backups');
    const server = await buildServer({ app, webRoot: null, allowedHosts: LOOPBACK_HOSTS, fileWrites: fileWrites ? { backupDir } : null });
    const file = join(dir, 'prep.md');
    copyFileSync(EXAMPLE_CHECKLIST, file);
    await importChecklist(app, { file: await readChecklistFile(file) });
    current = { server, app, database, dir, file, backupDir };
  });
  afterEach(async () => {
    if (!current) return;
    await current.server.close();
    await closeApp(current.app);
    await current.database.drop();
    rmSync(current.dir, { recursive: true, force: true });
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('useWriteServer: no server outside a test');
    return current;
  };
}

function topicsOf(section: ExportedSection): ExportedTopic[] {
  const walk = (topic: ExportedTopic): ExportedTopic[] => [topic, ...topic.children.flatMap(walk)];
  return [...section.topics.flatMap(walk), ...section.sections.flatMap(topicsOf)];
}

/** 1-based numbers of the lines that differ; both texts must have as many lines. */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

function expectError(response: { statusCode: number; json: <T>() => T }, status: number, message: RegExp): void {
  expect(response.statusCode).toBe(status);
  const body = response.json<ErrorJson>();
  expect(body.error.message).toMatch(message);
  // One line a user can act on: no stack, no newline.
  expect(body.error.message).not.toMatch(/\n|\bat .+:\d+\)/);
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`writing a checklist's file from the web (${backend.name})`, () => {
    describe('on a server that writes files', () => {
      const current = useWriteServer(backend, { fileWrites: true });
      const inject = (options: InjectOptions) => current().server.inject({ ...options, headers: { host: HOST, ...options.headers } });
      const write = (payload: unknown, name = 'prep') =>
        inject({
          method: 'POST',
          url: `/api/checklists/${encodeURIComponent(name)}/write`,
          headers: { origin: `http://${HOST}` },
          payload: payload as object,
        });
      /** Marks the example's three topics known through the API, as the Checklist page does; their topics, by line. */
      const markThree = async (): Promise<ExportedTopic[]> => {
        const tree = (await inject({ url: '/api/checklists/prep/tree' })).json<ChecklistTreeJson>();
        const topics = MARKED.map((text) => topicsOf(tree.root).find((t) => t.text === text)!);
        for (const topic of topics) {
          expect(topic, 'a topic of the example').toBeDefined();
          const patched = await inject({ method: 'PATCH', url: `/api/topics/${topic.id}`, payload: { state: 'known' } });
          expect(patched.statusCode, patched.body).toBe(200);
        }
        return topics.sort((a, b) => a.line - b.line);
      };

      it('the tree says which file the checklist came from', async () => {
        const tree = (await inject({ url: '/api/checklists/prep/tree' })).json<ChecklistTreeJson>();
        expect(tree.sourcePath).toBe(current().file);
      });

      it('a dry run answers the markers and the unified diff, and leaves the file byte for byte (and the database) as it was', async () => {
        const topics = await markThree();
        const { file, backupDir } = current();
        const before = readFileSync(file);
        const mtime = statSync(file).mtimeMs;

        const response = await write({ dryRun: true });
        expect(response.statusCode, response.body).toBe(200);
        const result = response.json<WriteBackResultJson>();
        expect(result.file).toBe(file);
        expect(result.readIn).toMatchObject({ dryRun: true, unchanged: true, checklist: { name: 'prep' } });
        expect(result.writeBack).toMatchObject({ dryRun: true, written: false, backup: null, attempts: 1, cards: [], changedMeanwhile: [] });
        expect(result.writeBack.edits.map((e) => [e.line, e.topicId, e.from, e.to])).toEqual(topics.map((t) => [t.line, t.id, '', '[x]']));
        expect(result.writeBack.diff).toContain('-* metaclasses\n+* [x] metaclasses\n');
        expect(result.writeBack.diff).toMatch(/^--- .*prep\.md\n\+\+\+ /);
        expect(result.writeBack.diff.split('\n').filter((l) => /^[-+](?![-+]{2} )/.test(l))).toHaveLength(6);

        expect(readFileSync(file).equals(before)).toBe(true);
        expect(statSync(file).mtimeMs).toBe(mtime);
        expect(existsSync(backupDir)).toBe(false);
        // The same dry run again: nothing was recorded meanwhile.
        expect((await write({ dryRun: true })).json<WriteBackResultJson>().writeBack.edits).toHaveLength(3);
      });

      it('writing three known topics changes exactly their three lines, keeps the old version as a backup, and is then in step', async () => {
        const topics = await markThree();
        const { file } = current();
        const before = readFileSync(file, 'utf8');

        const response = await write({});
        expect(response.statusCode, response.body).toBe(200);
        const { writeBack } = response.json<WriteBackResultJson>();
        expect(writeBack).toMatchObject({ dryRun: false, written: true, attempts: 1, warnings: [] });
        const after = readFileSync(file, 'utf8');
        expect(changedLines(before, after)).toEqual(topics.map((t) => t.line));
        for (const topic of topics) {
          const line = topic.line - 1;
          expect(after.split('\n')[line]).toBe(before.split('\n')[line]!.replace(/^(\s*[-*+] )/, '$1[x] '));
        }
        expect(writeBack.backup).not.toBeNull();
        expect(readFileSync(writeBack.backup!, 'utf8')).toBe(before);

        // Written and read back in: nothing more to write, the states kept.
        const again = (await write({ dryRun: true })).json<WriteBackResultJson>();
        expect(again.writeBack).toMatchObject({ edits: [], cards: [], diff: '' });
        expect(again.readIn.changes.retick).toEqual([]);
        const tree = (await inject({ url: '/api/checklists/prep/tree' })).json<ChecklistTreeJson>();
        expect(
          topicsOf(tree.root)
            .filter((t) => t.state === 'known')
            .map((t) => t.id)
            .sort(),
        ).toEqual(expect.arrayContaining(topics.map((t) => t.id)));
      });

      it('takes the options of `sync --write`: all, skipped and cards', async () => {
        await markThree();
        const before = readFileSync(current().file, 'utf8');
        const all = (await write({ dryRun: true, all: true, skipped: 'done' })).json<WriteBackResultJson>().writeBack;
        expect(all.edits.length).toBeGreaterThan(20);
        expect(all.edits.filter((e) => e.to === '[ ]').length).toBeGreaterThan(0);

        const tree = (await inject({ url: '/api/checklists/prep/tree' })).json<ChecklistTreeJson>();
        const descriptors = topicsOf(tree.root).find((t) => t.text.startsWith('descriptors'))!;
        const added = await inject({
          method: 'POST',
          url: `/api/topics/${descriptors.id}/cards`,
          payload: { front: 'What builds @property?', back: 'Descriptors' },
        });
        expect(added.statusCode, added.body).toBe(201);
        expect((await write({ dryRun: true })).json<WriteBackResultJson>().writeBack.cards).toEqual([]);
        const withCards = (await write({ dryRun: true, cards: true })).json<WriteBackResultJson>().writeBack;
        expect(withCards.cards).toEqual([expect.objectContaining({ topic: descriptors.text, front: 'What builds @property?' })]);
        expect(withCards.diff).toContain('+  * What builds @property? :: Descriptors');
        expect(readFileSync(current().file, 'utf8')).toBe(before);
      });

      it('a checklist imported from an upload has no file to write: 409, saying how to link one and that `prepdeck export` gives its Markdown', async () => {
        const imported = await inject({ method: 'POST', url: '/api/imports', payload: { text: '# Topics\n* one\n* two\n', name: 'pasted plan' } });
        expect(imported.statusCode, imported.body).toBe(200);
        const response = await write({ dryRun: true }, 'pasted plan');
        expectError(
          response,
          409,
          /^'pasted plan' has no file behind it \(uploaded, pasted, or the bundled example\), so there is nothing to write; to link your file, import it once from the terminal: `prepdeck import FILE --name 'pasted plan'` \(`prepdeck export --format md -c 'pasted plan'` gives its Markdown\)$/,
        );
      });

      it('importing the same text from a file into a checklist uploaded in the browser links the file, so Write to file works', async () => {
        const { app, file } = current();
        const text = readFileSync(file, 'utf8');
        const uploaded = await inject({ method: 'POST', url: '/api/imports', payload: { text, name: 'uploaded' } });
        expect([uploaded.statusCode, uploaded.json<ImportResultJson>().linkedFile]).toEqual([200, null]);
        expect((await write({ dryRun: true }, 'uploaded')).statusCode).toBe(409);
        // The answer names the file it links (a dry run, the one it would link), once: the same file again links nothing.
        const preview = await importChecklist(app, { file: await readChecklistFile(file), name: 'uploaded', dryRun: true });
        expect([preview.unchanged, preview.linkedFile]).toEqual([true, file]);
        expect((await write({ dryRun: true }, 'uploaded')).statusCode).toBe(409);
        const again = await importChecklist(app, { file: await readChecklistFile(file), name: 'uploaded' });
        expect([again.unchanged, again.linkedFile]).toEqual([true, file]);
        expect((await importChecklist(app, { file: await readChecklistFile(file), name: 'uploaded' })).linkedFile).toBeNull();
        // Another text uploaded: the file's import changes it and links the file, both said.
        expect(
          (await inject({ method: 'POST', url: '/api/imports', payload: { text: `${text}\n- one more topic\n`, name: 'edited' } })).statusCode,
        ).toBe(200);
        const edited = await importChecklist(app, { file: await readChecklistFile(file), name: 'edited' });
        expect([edited.unchanged, edited.linkedFile]).toEqual([false, file]);
        const response = await write({ dryRun: true }, 'uploaded');
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json<WriteBackResultJson>().file).toBe(file);
      });

      it('a file gone from disk: 409 naming the file and what to do, and nothing written anywhere', async () => {
        const { file, backupDir } = current();
        unlinkSync(file);
        const response = await write({});
        expectError(response, 409, /is not there any more; import it again/);
        expect(response.json<ErrorJson>().error.message).toContain(file);
        expect(existsSync(file)).toBe(false);
        expect(existsSync(backupDir)).toBe(false);
      });

      it('a file the user made read-only: the dry run warns, the write is 409 with one line and writes nothing; force writes it, still read-only', async () => {
        await markThree();
        const { file, backupDir } = current();
        chmodSync(file, 0o444);
        const before = readFileSync(file);
        const preview = (await write({ dryRun: true })).json<WriteBackResultJson>();
        expect(preview.writeBack.warnings).toContain(`${file} is read-only: writing it takes --force`);
        expectError(
          await write({}),
          409,
          /^.*prep\.md is read-only, so prepdeck leaves it as it is; make it writable \(chmod u\+w\), or give --force to write it anyway; nothing was written$/,
        );
        expect(readFileSync(file).equals(before)).toBe(true);
        expect(existsSync(backupDir)).toBe(false);
        const forced = await write({ force: true });
        expect(forced.statusCode, forced.body).toBe(200);
        expect(forced.json<WriteBackResultJson>().writeBack).toMatchObject({ written: true });
        expect(readFileSync(file, 'utf8')).toContain('* [x] metaclasses');
        expect(statSync(file).mode & 0o777).toBe(0o444);
      });

      it('an unknown checklist is 404', async () => {
        expectError(await write({ dryRun: true }, 'nothing-here'), 404, /no checklist named 'nothing-here'/);
      });

      it('a bad body is 400 naming the field', async () => {
        expectError(await write({ skipped: 'sometimes' }), 400, /^body field 'skipped' must be one of: open, done, keep/);
        expectError(await write({ dryRun: 'yes' }), 400, /^body field 'dryRun'/);
        expectError(await write({ dryrun: true }), 400, /^body field 'dryrun' is not allowed/);
        expectError(
          await inject({ method: 'POST', url: '/api/checklists/prep/write', payload: '[]', headers: { 'content-type': 'application/json' } }),
          400,
          /body/,
        );
      });

      it('a write from another site gets 403 and leaves the file alone', async () => {
        await markThree();
        const before = readFileSync(current().file);
        const response = await inject({
          method: 'POST',
          url: '/api/checklists/prep/write',
          headers: { origin: 'http://attacker.example' },
          payload: {},
        });
        expectError(response, 403, /only from prepdeck's own pages/);
        expect(readFileSync(current().file).equals(before)).toBe(true);
      });

      it('is in the OpenAPI document with its body and answers', async () => {
        const openapi = (await inject({ url: '/api/openapi.json' })).json<{
          paths: Record<string, { post?: { responses: Record<string, unknown> } }>;
        }>();
        const route = openapi.paths['/api/checklists/{name}/write']?.post;
        expect(route).toBeDefined();
        expect(Object.keys(route!.responses).sort()).toEqual(['200', '400', '403', '404', '409']);
      });
    });

    describe('on a server that does not write files', () => {
      const current = useWriteServer(backend, { fileWrites: false });

      it('answers 403 saying to run `prepdeck sync FILE --write`, and writes nothing, not even a dry run', async () => {
        const before = readFileSync(current().file);
        for (const payload of [{}, { dryRun: true }]) {
          const response = await current().server.inject({ method: 'POST', url: '/api/checklists/prep/write', headers: { host: HOST }, payload });
          expectError(response, 403, /^this server does not write files; run `prepdeck sync FILE --write`$/);
        }
        expect(readFileSync(current().file).equals(before)).toBe(true);
        expect(existsSync(current().backupDir)).toBe(false);
      });
    });
  });
}
