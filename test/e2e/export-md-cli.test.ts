// `export --format md` keeps what the user made in prepdeck, spawned as a user runs it (issue 14, point 15): the user's
// checklist with topics marked known and skipped, notes, question/answer cards and a topic added here, and a file with
// cards written in it, are exported, and the export imported into a new checklist gives the same topics, the known ones
// known, the same cards, and each topic's notes as a quote in its details. Learning and skipped topics come back so:
// the export writes Obsidian's `[/]` and `[-]`, which the import reads.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecklistTreeJson, ExportedSection, ExportedTopic } from '../../src/contract/checklists.js';
import type { ImportResultJson } from '../../src/contract/imports.js';
import type { CardJson } from '../../src/contract/review.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { hasUserFixture, USER_FIXTURE } from '../support/fixtures.js';
import { cliFor, type Cli } from './run-cli.js';

const TIMEOUT_MS = 180_000;

/** Notes in Markdown whose list, card syntax and heading must stay text. */
const NOTES = 'Asked at **Acme**:\n\n- copy_context() per task\n- Q :: not a card\n\n## not a section';
const QUOTED = ['> **Notes**', '>', '> Asked at **Acme**:', '>', '> - copy_context() per task', '> - Q :: not a card', '>', '> ## not a section'];

/** A file with cards written in it: under topics, over lines, both ways, and one standing in its section. */
const WITH_CARDS = [
  '# Databases',
  '',
  'Isolation::what a transaction sees of others',
  '',
  '- SELECT FOR UPDATE',
  '  - Which rows does it lock? :: the rows it selects, until the transaction ends',
  '  - What does SKIP LOCKED change?',
  '    ?',
  '    Rows locked by others are passed over instead of waited for.',
  '- MVCC',
  '  - snapshot ::: a view of the data as of a moment',
  '',
].join('\n');

/** A task list whose tasks hold detail bullets, inside their item and after it. */
const TASK_LIST = ['# Plan', '', '- [ ] Heap', '  - sift down', '- [ ] Trie', '- walk it by prefix', '- [ ] Graph', '- [x] Sort', ''].join('\n');

interface Listed {
  path: string;
  state: string;
  notes: string;
  details: string;
}

/** Every topic of the checklist (goals and books too) by its path of section and parent texts, in file order. */
async function topicsOf(cli: Cli, name: string): Promise<Listed[]> {
  const [tree] = (await cli.json<{ checklists: ChecklistTreeJson[] }>(['list', '-c', name])).checklists;
  const out: Listed[] = [];
  const topic = (t: ExportedTopic, at: string) => {
    out.push({ path: `${at} > ${t.text}`, state: t.state, notes: t.notes, details: t.details });
    for (const child of t.children) topic(child, `${at} > ${t.text}`);
  };
  const section = (s: ExportedSection, at: string) => {
    const here = s.level === 0 ? '' : `${at}/${s.text}`;
    for (const t of s.topics) topic(t, here);
    for (const child of s.sections) section(child, here);
  };
  section(tree!.root, '');
  return out;
}

/** The question/answer cards of a topic, as `card list` gives them. */
async function qaCards(cli: Cli, name: string, topic: string): Promise<Array<[string, string]>> {
  const { cards } = await cli.json<{ cards: CardJson[] }>(['card', 'list', topic, '-c', name]);
  return cards.filter((card) => card.kind === 'qa').map((card) => [card.front, card.back]);
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`export --format md keeps the user's work (${backend.name})`, { timeout: TIMEOUT_MS }, () => {
    let database: TestDatabase;
    let cli: Cli;
    let dir: string;
    beforeAll(async () => {
      database = await backend.createDatabase();
      cli = cliFor(database.location);
      dir = mkdtempSync(join(tmpdir(), 'prepdeck-md-export-'));
    }, TIMEOUT_MS);
    afterAll(async () => {
      cli.dispose();
      rmSync(dir, { recursive: true, force: true });
      await database.drop();
    }, TIMEOUT_MS);

    it.skipIf(!hasUserFixture)(
      "the user's checklist, worked on, comes back from its export: topics, their states, notes (as a quote in the details) and cards",
      async () => {
        const file = join(dir, 'job-interview-checklist.md');
        copyFileSync(USER_FIXTURE, file);
        expect((await cli.run(['import', file, '--name', 'mine'])).code).toBe(0);
        const work = [
          ['mark', 'mypy', 'known'],
          ['mark', 'Celery', 'skipped'],
          ['mark', 'ThreadLocal', 'learning'],
          ['note', 'ContextVar', NOTES],
          ['card', 'add', 'ThreadLocal', 'What does each thread see?', 'its own value'],
          ['card', 'add', 'ThreadLocal', 'And across\nasync tasks?', 'the same value:\n\nuse ContextVar'],
          ['add', 'Python > Tools', 'ruff'],
          ['note', 'ruff', 'replaces flake8'],
          ['card', 'add', 'ruff', 'Written in?', 'Rust'],
        ];
        for (const args of work) {
          const result = await cli.run([...args, '-c', 'mine']);
          expect(result.code, result.stderr).toBe(0);
        }

        const out = join(dir, 'exported.md');
        const exported = await cli.run(['export', '--format', 'md', '-c', 'mine', '-o', out]);
        expect(exported.code, exported.stderr).toBe(0);
        expect(exported.stderr).toBe('');
        const markdown = readFileSync(out, 'utf8');
        expect(markdown).toContain(['- [ ] ContextVar', '', ...QUOTED.map((line) => `  ${line}`), ''].join('\n'));
        expect(markdown).toMatch(/^ *- \[-\] Celery/m);
        expect(markdown).toMatch(/^ *- \[\/\] ThreadLocal/m);

        const imported = await cli.json<ImportResultJson>(['import', out, '--name', 'again']);
        expect(imported).toMatchObject({ created: true, counts: { topics: 190, cards: 3 } });
        const [before, after] = [await topicsOf(cli, 'mine'), await topicsOf(cli, 'again')];
        expect(after.map((t) => t.path)).toEqual(before.map((t) => t.path));
        // Every state comes back: known [x], learning [/], skipped [-].
        expect(after.map((t) => t.state)).toEqual(before.map((t) => t.state));
        expect(before.filter((t) => t.state === 'skipped').map((t) => t.path)).toEqual(['/Python/Tools > Celery']);
        expect(before.filter((t) => t.state === 'learning').map((t) => t.path)).toEqual([expect.stringMatching(/ > ThreadLocal$/)]);
        // The notes are the topic's details now, whole: its list, `::` and heading no topics, cards or sections.
        const noted = after.find((t) => t.path.endsWith(' > ContextVar'))!;
        expect(noted).toMatchObject({ notes: '', details: QUOTED.join('\n') });
        expect(after.find((t) => t.path.endsWith('Tools > ruff'))).toMatchObject({ notes: '', details: '> **Notes**\n>\n> replaces flake8' });
        for (const topic of ['ThreadLocal', 'ruff']) expect(await qaCards(cli, 'again', topic)).toEqual(await qaCards(cli, 'mine', topic));
        expect(await qaCards(cli, 'again', 'ThreadLocal')).toEqual([
          ['What does each thread see?', 'its own value'],
          ['And across\nasync tasks?', 'the same value:\n\nuse ContextVar'],
        ]);

        // Exported from the new checklist: the same Markdown, and nothing to warn of.
        expect(await cli.run(['export', '--format', 'md', '-c', 'again'])).toEqual({ code: 0, stdout: markdown, stderr: '' });
      },
    );

    it('a file with cards written in it and one added here: the export, imported anew, holds every card under the same topic or section', async () => {
      const file = join(dir, 'databases.md');
      writeFileSync(file, WITH_CARDS);
      expect(await cli.json<ImportResultJson>(['import', file, '--name', 'db'])).toMatchObject({ counts: { topics: 2, cards: 5 } });
      expect((await cli.run(['card', 'add', 'MVCC', 'What does vacuum do?', 'Reclaims dead rows', '-c', 'db'])).code).toBe(0);

      const exported = await cli.run(['export', '--format', 'md', '-c', 'db']);
      expect([exported.code, exported.stderr]).toEqual([0, '']);
      expect(exported.stdout).toBe(
        [
          '# Databases',
          '',
          '- Isolation :: what a transaction sees of others',
          '',
          '- [ ] SELECT FOR UPDATE',
          '  - Which rows does it lock? :: the rows it selects, until the transaction ends',
          // The write-back's syntax: on one line when both sides fit on one.
          '  - What does SKIP LOCKED change? :: Rows locked by others are passed over instead of waited for.',
          '- [ ] MVCC',
          '  - snapshot :: a view of the data as of a moment',
          '  - a view of the data as of a moment :: snapshot',
          '  - What does vacuum do? :: Reclaims dead rows',
          '',
        ].join('\n'),
      );
      const copy = join(dir, 'databases-export.md');
      writeFileSync(copy, exported.stdout);
      expect(await cli.json<ImportResultJson>(['import', copy, '--name', 'db-again'])).toMatchObject({ counts: { topics: 2, cards: 6 } });
      for (const topic of ['SELECT FOR UPDATE', 'MVCC']) expect(await qaCards(cli, 'db-again', topic)).toEqual(await qaCards(cli, 'db', topic));
      expect((await cli.run(['export', '--format', 'md', '-c', 'db-again'])).stdout).toBe(exported.stdout);
    });

    it('a task list with notes and cards on tasks that hold detail bullets: exported, imported anew and exported again, the same bytes', async () => {
      const file = join(dir, 'plan.md');
      writeFileSync(file, TASK_LIST);
      expect((await cli.run(['import', file, '--name', 'plan'])).code).toBe(0);
      const work = [
        ['note', 'Heap', NOTES],
        ['note', 'Trie', 'tries are trees'],
        ['card', 'add', 'Trie', 'Why a trie?', 'shared prefixes'],
        ['card', 'add', 'Heap', 'Sift down costs?', 'O(log n)'],
      ];
      for (const args of work) {
        const result = await cli.run([...args, '-c', 'plan']);
        expect(result.code, result.stderr).toBe(0);
      }
      const exported = await cli.run(['export', '--format', 'md', '-c', 'plan']);
      expect([exported.code, exported.stderr]).toEqual([0, '']);
      // The notes stand after the task's detail bullet, a blank line apart; read back, they are a quote of their own.
      expect(exported.stdout).toContain(
        ['- [ ] Heap', '  - sift down', '', ...QUOTED.map((line) => `  ${line}`), '', '  - Sift down costs? :: O(log n)', ''].join('\n'),
      );
      const copy = join(dir, 'plan-export.md');
      writeFileSync(copy, exported.stdout);
      expect(await cli.json<ImportResultJson>(['import', copy, '--name', 'plan-again'])).toMatchObject({ counts: { topics: 4, cards: 2 } });
      expect((await topicsOf(cli, 'plan-again')).map((t) => [t.path, t.state])).toEqual((await topicsOf(cli, 'plan')).map((t) => [t.path, t.state]));
      expect(await cli.run(['export', '--format', 'md', '-c', 'plan-again'])).toEqual({ code: 0, stdout: exported.stdout, stderr: '' });
    });
  });
}
