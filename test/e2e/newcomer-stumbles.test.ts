// A newcomer's small stumbles at the terminal (issue 14), end to end on both databases: a topic named by id (in mark,
// show, note, card add, unadd) in another checklist says where it is, a restore counts as the import counts, an import
// that only links a file says so, one wording for a state no word is near, the nearest choice of an option, a section
// suggested only when near, and a title's reference link and a card's Markdown shown as the review shows them.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestoreResultJson } from '../../src/contract/backup.js';
import type { ImportResultJson } from '../../src/contract/imports.js';
import type { Topic } from '../../src/core/checklist/model.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { EXAMPLE_CHECKLIST } from '../support/fixtures.js';
import { cliFor, type Cli, type CliResult } from './run-cli.js';

const TIMEOUT_MS = 120_000;
const MINE = [
  '# Tools',
  '',
  '- Learn [Docker][d] basics',
  '- `git` and [the book]',
  '',
  '# Databases',
  '',
  '- MVCC',
  '',
  '[d]: https://docs.docker.com',
  '[the book]: https://git-scm.com/book',
  '',
].join('\n');

function expectMisuse(result: CliResult, code: number, stderr: string): void {
  expect([result.code, result.stdout, result.stderr]).toEqual([code, '', stderr]);
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`a newcomer's small stumbles (${backend.name})`, { timeout: TIMEOUT_MS }, () => {
    let database: TestDatabase;
    let cli: Cli;
    let mine: string;
    beforeAll(async () => {
      database = await backend.createDatabase();
      cli = cliFor(database.location);
      expect((await cli.run(['start'])).code).toBe(0);
      mine = join(cli.home, 'mine.md');
      writeFileSync(mine, MINE);
      expect((await cli.run(['import', mine])).code).toBe(0);
    }, TIMEOUT_MS);
    afterAll(async () => {
      cli.dispose();
      await database.drop();
    }, TIMEOUT_MS);

    it("a topic named by id in another checklist than the current one says which checklist it is in; one of the current one doesn't", async () => {
      const example = (await cli.json<{ topics: Topic[] }>(['search', '-c', 'interview-prep', 'MVCC'])).topics[0]!;
      const marked = await cli.run(['mark', String(example.id), 'known']);
      expect([marked.code, marked.stdout]).toEqual([
        0,
        `[x] ${example.text} #${example.id} (in 'interview-prep', not in the current checklist 'mine')\n`,
      ]);
      const shown = await cli.run(['show', String(example.id)]);
      expect(shown.stdout.split('\n')[0]).toBe(`[x] ${example.text} #${example.id} (in 'interview-prep', not in the current checklist 'mine')`);
      expect(await cli.json<{ checklist: string }>(['mark', String(example.id), 'learning'])).toMatchObject({ checklist: 'interview-prep' });
      expect(await cli.json<{ checklist: string }>(['show', String(example.id)])).toMatchObject({ checklist: 'interview-prep' });

      const own = (await cli.json<{ topics: Topic[] }>(['search', 'MVCC'])).topics[0]!;
      expect((await cli.run(['mark', String(own.id), 'known'])).stdout).toBe(`[x] MVCC #${own.id}\n`);
    });

    it('note, card add and unadd of a topic named by id in another checklist say which checklist it is in, as mark does', async () => {
      const example = (await cli.json<{ topics: Topic[] }>(['search', '-c', 'interview-prep', 'MVCC'])).topics[0]!;
      const elsewhere = ` (in 'interview-prep', not in the current checklist 'mine')`;
      const noted = await cli.run(['note', String(example.id), 'snapshots']);
      expect([noted.code, noted.stdout]).toEqual([0, `notes of #${example.id} ${example.text} saved (9 characters)${elsewhere}\n`]);
      expect((await cli.run(['note', String(example.id), 'snapshots'])).stdout).toBe(
        `notes of #${example.id} ${example.text} unchanged${elsewhere}\n`,
      );
      expect(await cli.json<{ checklist: string }>(['note', String(example.id), '--clear'])).toMatchObject({ checklist: 'interview-prep' });

      const carded = await cli.run(['card', 'add', String(example.id), 'Who waits in MVCC?', 'no reader']);
      expect(carded.code).toBe(0);
      const [, topicText, topicId] = /^added to (.+) #(\d+): card \d+ Who waits in MVCC\? :: no reader {2}new, due /.exec(carded.stdout) ?? [];
      expect([topicText, topicId]).toEqual([example.text, String(example.id)]);
      expect(carded.stdout.endsWith(` added here${elsewhere}\n`)).toBe(true);
      expect(await cli.json<{ card: { checklist: string } }>(['card', 'add', String(example.id), 'Who blocks?', 'writers'])).toMatchObject({
        card: { checklist: 'interview-prep' },
      });

      const added = await cli.json<{ topic: Topic }>(['add', '-c', 'interview-prep', 'Databases', 'Vacuum']);
      const removed = await cli.run(['unadd', String(added.topic.id)]);
      expect([removed.code, removed.stdout]).toEqual([0, `removed Vacuum #${added.topic.id} from Databases: 1 card, 0 reviews${elsewhere}\n`]);
      const again = await cli.json<{ topic: Topic }>(['add', '-c', 'interview-prep', 'Databases', 'Vacuum']);
      expect((await cli.run(['note', String(again.topic.id), 'dead rows'])).code).toBe(0);
      expectMisuse(
        await cli.run(['unadd', String(again.topic.id)]),
        2,
        `prepdeck: error: 'Vacuum' (#${again.topic.id})${elsewhere} has your notes, which would go with it; \`prepdeck unadd ${again.topic.id} --yes\` removes it all\n`,
      );
      expect(await cli.json<{ checklist: string }>(['unadd', String(again.topic.id), '--yes'])).toMatchObject({ checklist: 'interview-prep' });

      const own = (await cli.json<{ topics: Topic[] }>(['search', 'MVCC'])).topics[0]!;
      expect((await cli.run(['note', String(own.id), 'versions'])).stdout).toBe(`notes of #${own.id} MVCC saved (8 characters)\n`);
    });

    it('a restore counts topics, goals and books as the import counts them', async () => {
      const counts = (await cli.json<ImportResultJson>(['import', EXAMPLE_CHECKLIST, '--name', 'interview-prep', '--dry-run'])).counts;
      const file = join(cli.home, 'example.json');
      expect((await cli.run(['export', '-c', 'interview-prep', '--format', 'json', '-o', file])).code).toBe(0);
      const restored = await cli.run(['import', '--backup', file, '--name', 'copy']);
      expect(restored.code).toBe(0);
      expect(restored.stdout.split('\n')[0]).toMatch(
        new RegExp(`^restored copy: ${counts.topics} topics, ${counts.goals} goals, ${counts.books} books, \\d+ history lines?, `),
      );
      const json = await cli.json<RestoreResultJson>(['import', '--backup', file, '--name', 'copy2']);
      expect(json.restored).toEqual([expect.objectContaining({ topics: counts.topics, goals: counts.goals, books: counts.books, archived: 0 })]);
      expect((await cli.run(['use', 'mine'])).code).toBe(0);
    });

    it('an import that only gives a checklist its file says it linked it, and the file is the one sync uses', async () => {
      const moved = join(cli.home, 'moved');
      mkdirSync(moved);
      copyFileSync(mine, join(moved, 'mine.md'));
      const preview = await cli.run(['import', join(moved, 'mine.md'), '--dry-run']);
      expect(preview.stdout.split('\n')[0]).toBe(
        `mine (mine): the same text, would be linked to ${join(moved, 'mine.md')} (\`prepdeck sync\` and Write to file would use this file)`,
      );
      expect(await cli.json<ImportResultJson>(['import', join(moved, 'mine.md'), '--dry-run'])).toMatchObject({
        unchanged: true,
        linkedFile: join(moved, 'mine.md'),
      });
      const linked = await cli.run(['import', join(moved, 'mine.md')]);
      expect(linked.code).toBe(0);
      expect(linked.stdout.split('\n')[0]).toBe(
        `mine (mine): the same text, linked to ${join(moved, 'mine.md')} (\`prepdeck sync\` and Write to file use this file now)`,
      );
      const listed = await cli.json<{ checklists: Array<{ checklist: { name: string; sourcePath: string | null } }> }>(['checklists']);
      expect(listed.checklists.find(({ checklist }) => checklist.name === 'mine')?.checklist.sourcePath).toBe(join(moved, 'mine.md'));
      // Again: nothing to link any more.
      expect((await cli.run(['import', join(moved, 'mine.md')])).stdout.split('\n')[0]).toBe('mine (mine): unchanged');
      expect(await cli.json<ImportResultJson>(['import', join(moved, 'mine.md')])).toMatchObject({ unchanged: true, linkedFile: null });
      // --json says it as the line does: back to the first file, with an edit, both in one import.
      writeFileSync(mine, `${MINE}- VACUUM\n`);
      expect(await cli.json<ImportResultJson>(['import', mine])).toMatchObject({ unchanged: false, linkedFile: mine });
    });

    it('a state no word is near is refused in the words of a typo; a value outside the choices names the nearest', async () => {
      const tail = ' (one of new, learning, known, skipped, or done for known) (see --help)\n';
      expectMisuse(await cli.run(['mark', 'MVCC', 'x']), 2, `prepdeck: error: unknown state 'x'${tail}`);
      expectMisuse(await cli.run(['mark', 'MVCC', 'knwon']), 2, `prepdeck: error: unknown state 'knwon': did you mean 'known'?${tail}`);
      expectMisuse(
        await cli.run(['import', mine, '--topics', 'heading']),
        2,
        "prepdeck: error: --topics: 'heading' is not one of auto, all, tasks, headings; did you mean 'headings'? (see --help)\n",
      );
      expectMisuse(
        await cli.run(['export', '--format', 'jsn']),
        2,
        "prepdeck: error: --format: 'jsn' is not one of json, md, csv; did you mean 'json'? (see --help)\n",
      );
      const json = await cli.run(['import', mine, '--topics', 'heading', '--json']);
      expect(JSON.parse(json.stdout)).toEqual({
        error: { type: 'UsageError', message: "--topics: 'heading' is not one of auto, all, tasks, headings; did you mean 'headings'?" },
      });
    });

    it('a section is suggested only when near; else the line names the top-level sections', async () => {
      const working = "working on 'mine' (the current checklist; `prepdeck use NAME` picks another)\n";
      expectMisuse(
        await cli.run(['add', 'Nosection', 'foo']),
        1,
        `${working}prepdeck: error: SECTION: no section of 'mine' is named 'Nosection'; its top-level sections are Tools, Databases (\`prepdeck list\` shows them all)\n`,
      );
      expectMisuse(
        await cli.run(['add', 'Databses', 'foo']),
        1,
        `${working}prepdeck: error: SECTION: no section of 'mine' is named 'Databses'; did you mean 'Databases'?\n`,
      );
    });

    it("a title's reference link and a card's Markdown show as the review shows them, in show's card lines and the export", async () => {
      const shown = await cli.run(['show', 'Docker']);
      expect(shown.stdout).toMatch(/\n {4}card \d+ Learn Docker basics {2}new, due .* topic card\n/);
      expect(shown.stdout).not.toContain('[d]');
      expect(
        await cli.run(['card', 'add', 'Docker', 'What does `docker run --rm` do?', 'removes the container, see [the docs](https://docs.docker.com)']),
      ).toMatchObject({ code: 0 });
      const cards = await cli.run(['card', 'list', 'Docker']);
      expect(cards.stdout).toContain(' What does docker run --rm do? :: removes the container, see the docs  new, due ');
      expect((await cli.run(['show', 'book'])).stdout).toMatch(/\n {4}card \d+ git and the book {2}new/);
      const exported = await cli.run(['export', '--format', 'md']);
      expect(exported.stdout).toContain('Learn [Docker](https://docs.docker.com) basics');
      expect(exported.stdout).toContain('`git` and [the book](https://git-scm.com/book)');
    });
  });
}
