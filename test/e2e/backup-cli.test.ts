// A backup from the terminal, end to end on both databases: `export --format json` writes it, `import --backup`
// puts the checklist back in another database as it was (states, notes, reviews), and a wrong file restores nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestoreResultJson } from '../../src/contract/backup.js';
import { closeApp, openApp } from '../../src/app/context.js';
import { answerCard, reviewQueue } from '../../src/app/review/review.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { cliFor, type Cli } from './run-cli.js';

const TIMEOUT_MS = 120_000;
const FILE = '# Databases\n\n- SELECT FOR UPDATE\n- MVCC\n\n# Python\n\n- descriptors\n- плюшки Python\n';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`backup from the terminal (${backend.name})`, { timeout: TIMEOUT_MS }, () => {
    let databases: TestDatabase[];
    let from: Cli;
    let to: Cli;
    beforeAll(async () => {
      databases = [await backend.createDatabase(), await backend.createDatabase()];
      [from, to] = databases.map((database) => cliFor(database.location)) as [Cli, Cli];
    }, TIMEOUT_MS);
    afterAll(async () => {
      from.dispose();
      to.dispose();
      for (const database of databases) await database.drop();
    }, TIMEOUT_MS);

    it('exports a checklist with its backup and restores it in another database as it was', async () => {
      const checklist = join(from.home, 'prep.md');
      writeFileSync(checklist, FILE);
      expect((await from.run(['import', checklist])).code).toBe(0);
      expect((await from.run(['mark', 'MVCC', 'learning'])).code).toBe(0);
      expect((await from.run(['note', 'descriptors', '__get__ and __set__'])).code).toBe(0);
      // One review, answered in process as the terminal session would.
      const app = await openApp(from.location, () => new Date().toISOString());
      try {
        const [first] = (await reviewQueue(app, {})).cards;
        await answerCard(app, first!.card.id, 3);
      } finally {
        await closeApp(app);
      }
      const file = join(from.home, 'backup.json');
      const exported = await from.run(['export', '--format', 'json', '-o', file]);
      expect([exported.code, exported.stdout]).toEqual([0, `wrote ${file}\n`]);

      const restored = await to.json<RestoreResultJson>(['import', '--backup', file]);
      expect(restored.restored).toEqual([expect.objectContaining({ name: 'prep', topics: 4, reviews: 1 })]);
      // The restored checklist is the current one, and shows what the first database showed.
      for (const args of [['show', 'MVCC'], ['show', 'descriptors'], ['progress']]) {
        const [before, after] = [await from.run(args), await to.run(args)];
        expect(after.code, args.join(' ')).toBe(0);
        expect(after.stdout, args.join(' ')).toBe(before.stdout);
      }
      const again = await to.run(['import', '--backup', file]);
      expect([again.code, again.stderr]).toEqual([
        1,
        "prepdeck: error: a checklist named 'prep' is already here; restore under another name with --name, or remove it first, for good (`prepdeck remove prep --yes`)\n",
      ]);
      const copy = await to.run(['import', '--backup', file, '--name', 'copy']);
      // Restored beside the original, it is the current checklist now, and says so.
      expect([copy.code, copy.stdout]).toEqual([
        0,
        "restored copy: 4 topics, 0 goals, 0 books, 3 history lines, 4 cards, 1 review\ncommands now work on 'copy' (`prepdeck use prep` goes back to 'prep')\n",
      ]);
    });

    it('refuses a file that is not a backup in one line, and --dry-run beside --backup as misuse', async () => {
      const markdown = join(to.home, 'notes.md');
      writeFileSync(markdown, FILE);
      const notJson = await to.run(['import', '--backup', markdown]);
      expect([notJson.code, notJson.stderr]).toEqual([
        1,
        `prepdeck: error: ${markdown} is not JSON; a backup is what \`prepdeck export --format json\` writes\n`,
      ]);
      const misuse = await to.run(['import', '--backup', markdown, '--dry-run']);
      expect(misuse.code).toBe(2);
      expect(misuse.stderr).toContain('--dry-run and --topics do not apply');
      const missing = await to.run(['import', '--backup', join(to.home, 'nope.json')]);
      expect([missing.code, missing.stderr]).toEqual([1, `prepdeck: error: no such file: ${join(to.home, 'nope.json')}\n`]);
    });
  });
}
