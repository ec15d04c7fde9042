// Export, import and restore on a newcomer's path, spawned as a user runs them: `export -o` writes only a new file (over
// another with --force, never over a checklist's own Markdown) and says in one line why it can't; an import that finds
// no topics does not take over from the checklist being studied; a restore says it is now the current checklist, and
// sync then syncs the current one of those imported from the file; -c names the checklist import and sync work on, as
// --name does.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncResult } from '../../src/app/write-back/sync.js';
import type { ImportResultJson } from '../../src/contract/imports.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { cliFor, lines, type Cli, type CliResult } from './run-cli.js';

const TIMEOUT_MS = 120_000;
const PREP = '# Databases\n\n* SELECT FOR UPDATE\n* MVCC\n* mypy - type checker <https://mypy.readthedocs.io/en/stable/>\n';

/** Exit `code`, nothing on standard output, and one line on standard error. */
function oneLine(result: CliResult, code: number): string {
  expect(result.stdout).toBe('');
  expect(lines(result.stderr)).toHaveLength(1);
  expect(result.code, result.stderr).toBe(code);
  return result.stderr.trimEnd();
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`export, import and restore on a newcomer's path (${backend.name})`, { timeout: TIMEOUT_MS }, () => {
    let database: TestDatabase;
    let cli: Cli;
    let dir: string;
    let prep: string;
    beforeAll(async () => {
      database = await backend.createDatabase();
      cli = cliFor(database.location);
      // The checklist's file stands in a folder of its own, as a copy of the user's would.
      dir = mkdtempSync(join(tmpdir(), 'prepdeck-newcomer-'));
      prep = join(dir, 'prep.md');
      writeFileSync(prep, PREP);
      expect((await cli.run(['import', prep])).code).toBe(0);
    }, TIMEOUT_MS);
    afterAll(async () => {
      cli.dispose();
      rmSync(dir, { recursive: true, force: true });
      await database.drop();
    }, TIMEOUT_MS);

    it('export -o into a folder that is not there says so in one line (exit 1)', async () => {
      const target = join(dir, 'no-such-folder', 'prep.md');
      expect(oneLine(await cli.run(['export', '--format', 'md', '-o', target]), 1)).toBe(
        `prepdeck: error: can't write ${target}: no such folder (${join(dir, 'no-such-folder')})`,
      );
    });

    it("export -o never writes over a checklist's own file, even with --force, and points to sync --write", async () => {
      for (const args of [[], ['--force']]) {
        const message = oneLine(await cli.run(['export', '--format', 'md', '-o', prep, ...args]), 1);
        expect(message).toMatch(new RegExp(`^prepdeck: error: ${prep} is the Markdown file 'prep' was imported from, which export never writes`));
        expect(message).toContain(`\`prepdeck sync ${prep} --write\` puts the states into it`);
      }
      expect(readFileSync(prep, 'utf8')).toBe(PREP);
    });

    it('export -o writes a new file, refuses one that is there, and writes over it with --force', async () => {
      const out = join(dir, 'exported.md');
      expect(await cli.run(['export', '--format', 'md', '-o', out])).toEqual({ code: 0, stdout: `wrote ${out}\n`, stderr: '' });
      // Every link kept, the one that ended a title beside it again.
      expect(readFileSync(out, 'utf8')).toContain('- [ ] mypy - type checker <https://mypy.readthedocs.io/en/stable/>\n');
      writeFileSync(out, 'mine\n');
      expect(oneLine(await cli.run(['export', '--format', 'json', '-o', out]), 1)).toBe(
        `prepdeck: error: ${out} exists already; give --force to write over it (nothing was written)`,
      );
      expect(readFileSync(out, 'utf8')).toBe('mine\n');
      expect((await cli.run(['export', '--format', 'json', '-o', out, '--force'])).code).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ checklists: [{ name: 'prep' }] });
      // --force asks nothing of standard output, which is never refused.
      expect(oneLine(await cli.run(['export', '--force']), 2)).toMatch(/--force only applies with -o/);
    });

    it('an import that finds no topics is kept but does not become the current checklist, and says so (--json in `current`); a goals-only file imports too', async () => {
      const empty = join(dir, 'empty.md');
      writeFileSync(empty, '');
      const preview = await cli.run(['import', empty, '--dry-run']);
      expect(lines(preview.stdout).at(-1)).toBe(
        "  would not be made the current checklist, as it has no topics to study: commands would still work on 'prep'",
      );
      expect(await cli.json<ImportResultJson>(['import', empty, '--dry-run'])).toMatchObject({ dryRun: true, current: false });
      const imported = await cli.run(['import', empty]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toContain('warning: no list items found: 0 topics imported');
      expect(lines(imported.stdout).at(-1)).toBe(
        "  not made the current checklist, as it has no topics to study: commands still work on 'prep' (`prepdeck use empty` picks it)",
      );
      expect(await cli.json<{ checklist: string }>(['use'])).toMatchObject({ checklist: 'prep' });

      const goals = join(dir, 'goals.md');
      writeFileSync(goals, '# Goals\n\n* full remote\n* USA/Europe\n');
      // --json says it too; a re-import of the checklist worked on is current.
      expect(await cli.json<ImportResultJson>(['import', goals])).toMatchObject({ created: true, counts: { topics: 0, goals: 2 }, current: false });
      expect(await cli.json<{ checklist: string }>(['use'])).toMatchObject({ checklist: 'prep' });
      expect(await cli.json<ImportResultJson>(['import', prep])).toMatchObject({ checklist: { name: 'prep' }, current: true });
      for (const name of ['empty', 'goals']) expect((await cli.run(['remove', name, '--yes'])).code).toBe(0);
    });

    it('a restore beside the original says it is now current; sync syncs the current one of the two; the refusal to restore over a name suggests a command that works', async () => {
      const backup = join(dir, 'prep.json');
      expect((await cli.run(['export', '--format', 'json', '-o', backup])).code).toBe(0);
      const taken = oneLine(await cli.run(['import', '--backup', backup]), 1);
      expect(taken).toBe(
        "prepdeck: error: a checklist named 'prep' is already here; restore under another name with --name, or remove it first, for good (`prepdeck remove prep --yes`)",
      );

      const restored = await cli.run(['import', '--backup', backup, '--name', 'restored']);
      expect(restored.code, restored.stderr).toBe(0);
      expect(lines(restored.stdout)).toEqual([
        expect.stringMatching(/^restored restored: 3 topics, /),
        "commands now work on 'restored' (`prepdeck use prep` goes back to 'prep')",
      ]);
      // Both were imported from prep.md: sync takes the current one, and the other once it is current.
      expect((await cli.json<SyncResult>(['sync', prep])).readIn.checklist.name).toBe('restored');
      expect((await cli.run(['use', 'prep'])).code).toBe(0);
      expect((await cli.json<SyncResult>(['sync', prep])).readIn.checklist.name).toBe('prep');

      // Neither current: sync can't tell which, and says how to pick.
      const other = join(dir, 'other.md');
      writeFileSync(other, '# Other\n\n* queues\n');
      expect((await cli.run(['import', other])).code).toBe(0);
      expect(oneLine(await cli.run(['sync', prep]), 1)).toBe(
        `prepdeck: error: ${prep} was imported as 'prep', 'restored'; pick one with --name, or make it the current checklist (\`prepdeck use NAME\`)`,
      );

      // -c names it as --name does, before the command or after it; two different names are misuse.
      expect((await cli.json<SyncResult>(['-c', 'restored', 'sync', prep])).readIn.checklist.name).toBe('restored');
      expect((await cli.json<SyncResult>(['sync', prep, '-c', 'prep'])).readIn.checklist.name).toBe('prep');
      expect(oneLine(await cli.run(['-c', 'prep', 'sync', prep, '--name', 'restored']), 2)).toBe(
        "prepdeck: error: --name and -c name two checklists, 'restored' and 'prep'; give one",
      );

      // The command the refusal suggested runs as written.
      expect((await cli.run(['remove', 'restored', '--yes'])).code).toBe(0);
    });

    it('-c names the checklist an import goes into, as --name does, before the command or after it; two different names are misuse', async () => {
      const queues = join(dir, 'queues.md');
      writeFileSync(queues, '# Queues\n\n* backpressure\n');
      expect(await cli.json<ImportResultJson>(['-c', 'brokers', 'import', queues])).toMatchObject({ checklist: { name: 'brokers' }, created: true });
      expect(await cli.json<ImportResultJson>(['import', queues, '-c', 'brokers'])).toMatchObject({
        checklist: { name: 'brokers' },
        created: false,
        unchanged: true,
      });
      expect(oneLine(await cli.run(['-c', 'brokers', 'import', queues, '--name', 'queues']), 2)).toBe(
        "prepdeck: error: --name and -c name two checklists, 'queues' and 'brokers'; give one",
      );
      // A backup is restored under the name -c gives, as under --name.
      const backup = join(dir, 'brokers.json');
      expect((await cli.run(['export', '--format', 'json', '-c', 'brokers', '-o', backup])).code).toBe(0);
      const restored = await cli.run(['-c', 'brokers-copy', 'import', '--backup', backup]);
      expect(restored.code, restored.stderr).toBe(0);
      expect(lines(restored.stdout)[0]).toMatch(/^restored brokers-copy: 1 topic, /);
      for (const name of ['brokers', 'brokers-copy']) expect((await cli.run(['remove', name, '--yes'])).code).toBe(0);
    });
  });
}
