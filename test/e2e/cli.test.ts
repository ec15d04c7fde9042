// The CLI end to end: the built bin spawned as a user runs it, on SQLite and on PostgreSQL.
// Each group of tests has its own fresh database; the groups run side by side, while the tests of one
// group run in order because they share its database (one import serves all the read-only tests).
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../src/app/import/import-checklist.js';
import type { ChecklistTreeJson as ExportedChecklist, ExportedSection, ExportedTopic } from '../../src/contract/checklists.js';
import { CliSearchResultJson, TopicChangeJson, TopicShowJson } from '../../src/contract/topics.js';
import { TOPIC_STATES, type Topic } from '../../src/core/checklist/model.js';
import type { Progress } from '../../src/core/checklist/progress.js';
import type { ChecklistSummary } from '../../src/store/checklists/checklists.js';
import { BACKENDS, type Backend, type TestDatabase } from '../store/backends.js';
import { EXAMPLE_CHECKLIST, hasUserFixture, PROJECT_ROOT, USER_FIXTURE } from '../support/fixtures.js';
import { cliEnv, cliFor, lines, runBin, type Cli, type CliResult } from './run-cli.js';

const USER_CHECKLIST_NAME = 'job-interview-checklist';
const EXAMPLE_NAME = 'interview-prep';
const COMMANDS = [
  'start',
  'import',
  'sync',
  'checklists',
  'use',
  'list',
  'show',
  'add',
  'unadd',
  'mark',
  'note',
  'progress',
  'search',
  'export',
  'remove',
  'review',
  'optimize',
  'card',
  'settings',
  'serve',
  'goals',
  'apps',
  'followups',
  'offers',
  'funnel',
  'rounds',
  'ask',
  'questions',
  'gaps',
  'stories',
  'plan',
];
const GROUP_TIMEOUT_MS = 90_000;
const ESC = '\u001b';

interface ListJson {
  checklists: ExportedChecklist[];
}
interface ProgressJson {
  checklists: Array<{
    name: string;
    title: string;
    progress: Progress;
    sections: Array<{ id: number; title: string; depth: number; progress: Progress }>;
  }>;
}
interface ChecklistsJson {
  checklists: ChecklistSummary[];
}
type ShowJson = TopicShowJson;
interface SearchJson {
  query: string;
  topics: Array<Topic & { checklist: string; section: string[] }>;
}

/** A group of tests on one database; see the comment at the top. */
function group(name: string, fn: () => void, options: { skip?: boolean } = {}): void {
  describe.skipIf(options.skip ?? false)(name, { concurrent: true, timeout: GROUP_TIMEOUT_MS }, fn);
}
/** A test of a group: runs after the ones declared before it. */
const step = it.sequential;

/** A fresh database and a CLI on it for the surrounding group, dropped after it. */
function useCli(backend: Backend): { cli: () => Cli; fresh: () => Promise<{ cli: Cli; drop: () => Promise<void> }> } {
  let database: TestDatabase | undefined;
  let current: Cli | undefined;
  beforeAll(async () => {
    database = await backend.createDatabase();
    current = cliFor(database.location);
  }, GROUP_TIMEOUT_MS);
  afterAll(async () => {
    current?.dispose();
    await database?.drop();
  }, GROUP_TIMEOUT_MS);
  return {
    cli: () => {
      if (!current) throw new Error('useCli: no database outside the group');
      return current;
    },
    /** Another empty database, for tests that need a second one. */
    fresh: async () => {
      const other = await backend.createDatabase();
      const cli = cliFor(other.location);
      const drop = async () => {
        cli.dispose();
        await other.drop();
      };
      return { cli, drop };
    },
  };
}

// --- reading the CLI's JSON -------------------------------------------------------------------------

interface Placed<T> {
  /** Section texts from the top, joined with ' / ' ('' for the root). */
  path: string;
  item: T;
}

function sectionsOf(checklist: ExportedChecklist): Array<Placed<ExportedSection>> {
  const out: Array<Placed<ExportedSection>> = [];
  const walk = (section: ExportedSection, path: string) => {
    for (const child of section.sections) {
      const childPath = path ? `${path} / ${child.text}` : child.text;
      out.push({ path: childPath, item: child });
      walk(child, childPath);
    }
  };
  walk(checklist.root, '');
  return out;
}

function topicsOf(checklist: ExportedChecklist): Array<Placed<ExportedTopic>> {
  const out: Array<Placed<ExportedTopic>> = [];
  const walkTopics = (topics: ExportedTopic[], path: string) => {
    for (const topic of topics) {
      out.push({ path, item: topic });
      walkTopics(topic.children, path);
    }
  };
  walkTopics(checklist.root.topics, '');
  for (const { path, item } of sectionsOf(checklist)) walkTopics(item.topics, path);
  return out;
}

/** The one topic with this text (in this section, when given); fails the test otherwise. */
function topicIn(checklist: ExportedChecklist, text: string, section?: string): ExportedTopic {
  const found = topicsOf(checklist).filter((t) => t.item.text === text && (section === undefined || t.path === section));
  if (found.length !== 1) throw new Error(`expected one topic '${text}'${section ? ` in ${section}` : ''}, found ${found.length}`);
  return found[0]!.item;
}

function sectionIn(checklist: ExportedChecklist, path: string): ExportedSection {
  const found = sectionsOf(checklist).find((s) => s.path === path);
  if (!found) throw new Error(`no section ${path}`);
  return found.item;
}

/** The headings of a Markdown file in order, as `list` indents them: two spaces per level below 1. */
function headingsOf(markdown: string): Array<{ level: number; text: string }> {
  return [...markdown.matchAll(/^(#{1,6})\s+(.+?)\s*$/gm)].map((m) => ({ level: m[1]!.length, text: m[2]!.replace(/\s+/g, ' ') }));
}

/** Section lines of `list` output: every line that is neither the checklist's title, a topic nor a resource. */
function listedSections(output: string): string[] {
  return lines(output)
    .slice(1)
    .filter((line) => line.trim() !== '' && !/^\s*(\[.\]|•|↗)/u.test(line))
    .map((line) => /^( *)(.+?)(?: {2}.*)?$/.exec(line)!.slice(1, 3).join(''));
}

function expectOneLineError(result: CliResult, code: number, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).toBe('');
  expect(lines(result.stderr)).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

// --- the edited copy of the user's checklist ---------------------------------------------------------

const EDITS = {
  renamed: { from: 'descriptors', to: 'descriptors and __set_name__' },
  moved: { text: 'SELECT FOR UPDATE', from: 'Tools / Databases', to: 'Other' },
  removed: { text: 'metaclasses', section: 'Python / Core / Other' },
  added: { text: 'hypothesis', section: 'Python / Libraries' },
};

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) throw new Error(`the fixture should hold ${JSON.stringify(from)} exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

function editedUserChecklist(): string {
  let text = readFileSync(USER_FIXTURE, 'utf8');
  text = replaceOnce(text, '* descriptors\n', '* descriptors and \\_\\_set\\_name\\_\\_\n');
  text = replaceOnce(text, '* SELECT FOR UPDATE\n', '');
  text = replaceOnce(text, '# Other\n\n* REST\n', '# Other\n\n* REST\n* SELECT FOR UPDATE\n');
  text = replaceOnce(text, '* metaclasses\n  * <https://stackoverflow.com/questions/100003/what-are-metaclasses-in-python>\n', '');
  text = replaceOnce(text, '* pytest\n', '* pytest\n* hypothesis\n');
  return text;
}

// --- what does not touch a database runs once ----------------------------------------------------------

describe('the command line itself', { concurrent: true, timeout: GROUP_TIMEOUT_MS }, () => {
  // Parsing fails before any database is opened, so one backend is enough; the location is a temp file.
  let cli: Cli;
  beforeAll(() => {
    cli = cliFor();
  });
  afterAll(() => cli.dispose());

  it('--help on every command exits 0 and shows an example', async () => {
    const top = await cli.run(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/\nExamples:\n {2}\$ prepdeck \S/);
    // Every command the top-level help lists is checked below: a new one cannot slip in without an example.
    const commandsSection = top.stdout.slice(top.stdout.indexOf('Commands:\n') + 'Commands:\n'.length).split('\n\n')[0]!;
    const listed = commandsSection
      .split('\n')
      .map((line) => /^ {2}(\w\S*)/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined && name !== 'help');
    expect(listed).toEqual(COMMANDS);
    const helps = await Promise.all(COMMANDS.map((command) => cli.run([command, '--help'])));
    helps.forEach((help, i) => {
      expect(help.code, COMMANDS[i]).toBe(0);
      expect(help.stdout, COMMANDS[i]).toMatch(new RegExp(`Examples:\\n {2}\\$ prepdeck ${COMMANDS[i]}\\b`));
    });
  });

  it('prepdeck help [COMMAND] is asking for help: exit 0; a bare prepdeck is misuse: exit 2 with the help', async () => {
    const help = await cli.run(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/\nCommands:\n/);
    const helpList = await cli.run(['help', 'list']);
    expect(helpList.code).toBe(0);
    expect(helpList.stdout).toMatch(/Examples:\n {2}\$ prepdeck list\b/);
    const bare = await cli.run([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout + bare.stderr).toMatch(/Commands:/);
  });

  it('prepdeck --version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = await cli.run(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('a state that does not exist is misuse: exit 2, with the valid states in a one-line error', async () => {
    const result = await cli.run(['mark', '1', 'finished']);
    expectOneLineError(result, 2, /'finished'.*new, learning, known, skipped/);
  });

  it('remove takes --yes, then removes the checklist and its history', async () => {
    const own = cliFor();
    try {
      await own.json(['import', EXAMPLE_CHECKLIST, '--name', 'prep']);
      const refused = await own.run(['remove', 'prep']);
      expectOneLineError(refused, 2, /removes 'prep' with all its progress and history, for good; run again with --yes/);
      const removed = await own.json<{ removed: { name: string; entries: number } }>(['remove', 'prep', '--yes']);
      expect(removed.removed).toMatchObject({ name: 'prep', entries: 104 });
      expect((await own.json<{ checklists: unknown[] }>(['checklists'])).checklists).toEqual([]);
      expectOneLineError(await own.run(['remove', 'prep', '--yes']), 1, /no checklist yet: prepdeck import FILE/);
    } finally {
      own.dispose();
    }
  });

  it('misuse with --json also prints the error as JSON on standard output', async () => {
    const result = await cli.run(['mark', '1', 'finished', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      error: { type: 'UsageError', message: expect.stringMatching(/'finished'.*new, learning, known, skipped/) },
    });
  });

  it('an unknown option is misuse: exit 2, with a one-line error', async () => {
    const results = await Promise.all([cli.run(['list', '--bogus']), cli.run(['--bogus'])]);
    for (const result of results) expectOneLineError(result, 2, /unknown option '--bogus'/);
  });
});

// --- everything else, on every backend ---------------------------------------------------------------

for (const backend of BACKENDS) {
  if (backend.skipReason !== null) console.warn(`[e2e] the CLI suite on ${backend.name} is skipped: ${backend.skipReason}`);

  describe.skipIf(backend.skipReason !== null)(`prepdeck on ${backend.name}`, { concurrent: true }, () => {
    group(
      "the user's checklist",
      () => {
        const { cli, fresh } = useCli(backend);
        let firstImport: ImportResult;
        let imported: ExportedChecklist;
        let topicId: (text: string, section?: string) => number;

        beforeAll(async () => {
          firstImport = await cli().json<ImportResult>(['import', USER_FIXTURE]);
          imported = (await cli().json<ListJson>(['list'])).checklists[0]!;
          topicId = (text, section) => topicIn(imported, text, section).id;
        }, GROUP_TIMEOUT_MS);

        step('import --json reports 20 sections, 189 topics, 5 goals, 4 books, 17 resources and 1 notes block', () => {
          expect(firstImport.created).toBe(true);
          expect(firstImport.unchanged).toBe(false);
          expect(firstImport.checklist.name).toBe(USER_CHECKLIST_NAME);
          expect(firstImport.counts).toMatchObject({ sections: 20, topics: 189, goals: 5, books: 4, resources: 17, notes: 1 });
        });

        step('import --json reports the likely duplicates, across sections and within one', () => {
          expect(firstImport.duplicates.length).toBeGreaterThanOrEqual(5);
          expect(firstImport.counts.duplicates).toBe(firstImport.duplicates.length);
          const groups = firstImport.duplicates.map((d) =>
            d.occurrences
              .map((o) => `${o.section}: ${o.title}`)
              .sort()
              .join(' | '),
          );
          expect(groups).toEqual(
            expect.arrayContaining([
              'Other: system design | Other: system design',
              'Other: SQL | Tools / Databases: SQL',
              'Python / Core / Other: type annotations | Python / General: type annotations',
              'AWS / Services: Redis | Tools: Redis',
              'Other: horizontal and vertical scaling | Tools / Databases: vertical vs horizontal scaling',
            ]),
          );
        });

        step('importing the same file again reports unchanged and changes nothing', async () => {
          const before = await cli().run(['list', '--json']);
          const again = await cli().json<ImportResult>(['import', USER_FIXTURE]);
          const after = await cli().run(['list', '--json']);
          expect(again).toMatchObject({ created: false, unchanged: true, checklist: { id: firstImport.checklist.id } });
          expect(before.code, before.stderr).toBe(0);
          expect(after.stdout).toBe(before.stdout);
        });

        step('list shows the sections in file order, nested as in the file, with Cyrillic intact', async () => {
          const result = await cli().run(['list']);
          expect(result.code).toBe(0);
          expect(lines(result.stdout)[0]).toMatch(/^Job Interview Checklist \(job-interview-checklist\)/);
          const headings = headingsOf(readFileSync(USER_FIXTURE, 'utf8'));
          expect(headings).toHaveLength(20);
          expect(listedSections(result.stdout)).toEqual(headings.map((h) => `${'  '.repeat(h.level - 1)}${h.text}`));
          expect(result.stdout).toContain(`  • плюшки #${topicId('плюшки', 'Goals')}\n`);
          expect(result.stdout).toContain(`  [ ] Алгоритмы и структуры данных #${topicId('Алгоритмы и структуры данных')}\n`);
          expect(result.stdout).toContain('design patterns - порождающие, структурные, поведенческие');
          expect(result.stdout).toContain('  • опыт прохождения собеседований - relocation');
          // A nested item sits under its parent, one level deeper.
          expect(result.stdout).toMatch(/\n {4}\[ \] S3 #\d+\n {6}\[ \] signed url #\d+\n/);
        });

        step('list --json is valid JSON holding the sections in file order and every topic', () => {
          const headings = headingsOf(readFileSync(USER_FIXTURE, 'utf8'));
          expect(sectionsOf(imported).map((s) => s.item.text)).toEqual(headings.map((h) => h.text));
          const kinds = topicsOf(imported).map((t) => t.item.kind);
          expect(kinds.filter((k) => k === 'topic')).toHaveLength(189);
          expect(kinds.filter((k) => k === 'goal')).toHaveLength(5);
          expect(kinds.filter((k) => k === 'book')).toHaveLength(4);
          expect(imported.progress).toMatchObject({ total: 189, known: 0, new: 189 });
        });

        step('list --state known shows only the known topics', async () => {
          const mark = await cli().run(['mark', 'алгоритмы', 'known']);
          expect(mark.code, mark.stderr).toBe(0);
          const result = await cli().run(['list', '--state', 'known']);
          expect(result.code).toBe(0);
          const topicLines = lines(result.stdout).filter((line) => /^\s*(\[.\]|•)/u.test(line));
          expect(topicLines).toContain(`  [x] Алгоритмы и структуры данных #${topicId('Алгоритмы и структуры данных')}`);
          expect(topicLines.every((line) => line.trimStart().startsWith('[x]'))).toBe(true);
          expect(listedSections(result.stdout)).toContain('Other');
          expect(listedSections(result.stdout)).not.toContain('Goals');
        });

        step('list --state known --json and list --section python --json hold the topics their lines show, and only those', async () => {
          const idsShown = (text: string) => [...text.matchAll(/^\s*(?:\[.\]|•) .* #(\d+)/gmu)].map((m) => Number(m[1]));
          const known = (await cli().json<ListJson>(['list', '--state', 'known'])).checklists[0]!;
          expect(topicsOf(known).map((t) => [t.path, t.item.text, t.item.state])).toEqual([['Other', 'Алгоритмы и структуры данных', 'known']]);
          expect(sectionsOf(known).map((s) => s.path)).toEqual(['Other']);
          expect(topicsOf(known).map((t) => t.item.id)).toEqual(idsShown((await cli().run(['list', '--state', 'known'])).stdout));

          const python = (await cli().json<ListJson>(['list', '--section', 'python'])).checklists[0]!;
          const inPython = topicsOf(python);
          expect(inPython.length).toBeGreaterThan(0);
          expect(inPython.length).toBe(topicsOf(imported).filter((t) => /python/iu.test(t.path)).length);
          expect(inPython.every((t) => /python/iu.test(t.path))).toBe(true);
          expect(inPython.map((t) => t.item.id)).toEqual(idsShown((await cli().run(['list', '--section', 'python'])).stdout));
        });

        step("mark <id> known moves the topic's section in progress --json", async () => {
          const before = sectionIn(imported, 'Python / Core / Concurrency').progress;
          expect(before.known).toBe(0);
          const mark = await cli().run(['mark', String(topicId('ContextVar')), 'known']);
          expect(mark.code, mark.stderr).toBe(0);
          expect(mark.stdout).toBe(`[x] ContextVar #${topicId('ContextVar')}\n`);
          const progress = await cli().json<ProgressJson>(['progress']);
          const section = progress.checklists[0]!.sections.find((s) => s.title === 'Concurrency')!;
          expect(section.progress).toMatchObject({ known: 1, total: before.total, new: before.total - 1 });
          expect(section.progress.ratio).toBeCloseTo(1 / before.total);
        });

        step('mark "SELECT FOR UPDATE" learning --confidence 2 records it in the history shown by show --json', async () => {
          const mark = await cli().run(['mark', 'SELECT FOR UPDATE', 'learning', '--confidence', '2']);
          expect(mark.code, mark.stderr).toBe(0);
          const shown = await cli().json<ShowJson>(['show', String(topicId('SELECT FOR UPDATE'))]);
          expect(shown.topic).toMatchObject({ text: 'SELECT FOR UPDATE', state: 'learning', confidence: 2 });
          expect(shown.history.map((e) => e.type)).toEqual(['created', 'state', 'confidence']);
          expect(shown.history[1]!.data).toMatchObject({ from: 'new', to: 'learning' });
        });

        step('list --state learning and list --section databases title the parents of a nested match, as their JSON holds them', async () => {
          const learning = await cli().run(['list', '--state', 'learning']);
          expect(learning.code, learning.stderr).toBe(0);
          // Tools only leads to Databases: titled, without a bar, so Databases does not read as the section above's child.
          expect(lines(learning.stdout).slice(2)).toEqual([
            'Tools',
            expect.stringMatching(/^ {2}Databases {2}█?░+ +\d+% \d+\/12$/u),
            `    [/] SELECT FOR UPDATE #${topicId('SELECT FOR UPDATE')}`,
          ]);
          const learningJson = (await cli().json<ListJson>(['list', '--state', 'learning'])).checklists[0]!;
          expect(sectionsOf(learningJson).map((s) => s.path)).toEqual(['Tools', 'Tools / Databases']);

          const databases = await cli().run(['list', '--section', 'databases']);
          expect(databases.code, databases.stderr).toBe(0);
          expect(listedSections(databases.stdout)).toEqual(['Tools', '  Databases']);
        });

        step("show prints the history at the checklist's local times and in section titles; --json keeps instants and keys", async () => {
          const id = String(topicId('SELECT FOR UPDATE'));
          expect((await cli().run(['settings', '--time-zone', 'Asia/Kolkata'])).code).toBe(0);
          try {
            const shown = await cli().json<ShowJson>(['show', id]);
            expect(shown.history.every((e) => /^\d{4}-\d{2}-\d{2}T.*Z$/.test(e.at))).toBe(true);
            const text = (await cli().run(['show', id])).stdout;
            const section = /^ {2}section: {4}(.*)$/m.exec(text)![1]!;
            // India is 5 h 30 min ahead of UTC all year.
            const local = (iso: string) => new Date(Date.parse(iso) + 5.5 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
            const history = text.split('  history (Asia/Kolkata):\n')[1]!.trimEnd().split('\n');
            expect(history).toEqual([
              `    ${local(shown.history[0]!.at)}  created in ${section}, new`,
              `    ${local(shown.history[1]!.at)}  state new → learning`,
              `    ${local(shown.history[2]!.at)}  confidence set to 2`,
            ]);
            expect(section).not.toBe(shown.topic.sectionKey);
            expect(text).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);
          } finally {
            expect((await cli().run(['settings', '--time-zone', 'local'])).code).toBe(0);
          }
        });

        step(
          "show, mark, note and search --json give the API's topic, as the contract describes it, and every stored field they gave before",
          async () => {
            const id = topicId('SELECT FOR UPDATE');
            const shown = await cli().json<TopicShowJson>(['show', String(id)]);
            expect([...Value.Errors(TopicShowJson, shown)]).toEqual([]);
            // The contract's fields beside the stored ones they repeat: the section's titles, the first line, the checklist's name.
            expect(shown.topic).toMatchObject({ checklist: shown.checklist, line: shown.topic.lines.start, section: ['Tools', 'Databases'] });
            expect(shown.sections).toEqual(shown.sectionTitles);

            const marked = await cli().json<TopicChangeJson>(['mark', String(id), 'learning', '--confidence', '2']);
            expect([...Value.Errors(TopicChangeJson, marked)]).toEqual([]);
            const noted = await cli().json<TopicChangeJson>(['note', String(id), '--append', 'locks the rows it reads']);
            expect([...Value.Errors(TopicChangeJson, noted)]).toEqual([]);
            expect(noted.topic).toMatchObject({ id, notes: 'locks the rows it reads', section: ['Tools', 'Databases'] });
            const found = await cli().json<CliSearchResultJson>(['search', 'rows it reads']);
            expect([...Value.Errors(CliSearchResultJson, found)]).toEqual([]);
            expect(found.topics.map((t) => [t.id, t.checklist, t.line])).toEqual([[id, shown.checklist, shown.topic.lines.start]]);
            expect((await cli().run(['note', String(id), '--clear'])).code).toBe(0);
          },
        );

        step('note writes notes, note --append adds standard input as a new paragraph, and show prints them', async () => {
          const id = String(topicId('descriptors'));
          const first = await cli().run(['note', id, '__get__, __set__, __delete__']);
          expect(first.code, first.stderr).toBe(0);
          const second = await cli().run(['note', id, '--append'], { input: 'see the Raymond Hettinger talk\n' });
          expect(second.code, second.stderr).toBe(0);
          const shown = await cli().run(['show', id]);
          expect(shown.code).toBe(0);
          expect(shown.stdout).toContain('  notes:\n    __get__, __set__, __delete__\n\n    see the Raymond Hettinger talk\n');
        });

        step('an ambiguous title exits 1 and lists both candidates with their ids on stderr', async () => {
          const result = await cli().run(['mark', 'type annotations', 'known']);
          expect(result.code).toBe(1);
          expect(result.stdout).toBe('');
          const [message, ...candidates] = lines(result.stderr);
          expect(message).toMatch(/^prepdeck: error: 2 topics are titled 'type annotations'; give an id/);
          expect(candidates).toEqual([
            `  #${topicId('type annotations', 'Python / General')} Python / General / type annotations`,
            `  #${topicId('type annotations', 'Python / Core / Other')} Python / Core / Other / type annotations`,
          ]);
        });

        step('an unknown id exits 1 with a one-line error on stderr and no stack trace', async () => {
          expectOneLineError(await cli().run(['show', '99999']), 1, /^prepdeck: error: no topic with id 99999/);
        });

        step('takes an id as lists print it (#N), and refuses a mistyped one (-5) instead of matching digits in a title', async () => {
          const id = topicId('плюшки');
          expect((await cli().json<{ topic: { text: string } }>(['show', `#${id}`])).topic.text).toBe('плюшки');
          expectOneLineError(
            await cli().run(['mark', '--', '-5', 'skipped']),
            1,
            /^prepdeck: error: '-5' is not a topic id: ids are whole numbers from 1/,
          );
        });

        step('search ПЛЮШКИ finds плюшки: case-insensitive in Cyrillic', async () => {
          const result = await cli().run(['search', 'ПЛЮШКИ']);
          expect(result.code, result.stderr).toBe(0);
          expect(result.stdout).toBe(`• плюшки #${topicId('плюшки')}  Goals\n`);
        });

        step('search GENERATOR finds the generator topics', async () => {
          const found = await cli().json<SearchJson>(['search', 'GENERATOR']);
          const texts = found.topics.map((t) => t.text);
          expect(texts).toEqual(
            expect.arrayContaining([
              'iterator protocol - iter and next, iterator, iterable, generator',
              'generator and iterator - method based and class based (generator is iterator)',
              'yield and generators',
            ]),
          );
          for (const text of texts) expect(text).toMatch(/generator/i);
          // Each hit names its checklist and section path, as GET /api/search's topics do.
          const yieldTopic = found.topics.find((t) => t.text === 'yield and generators')!;
          expect(yieldTopic).toMatchObject({ checklist: USER_CHECKLIST_NAME, section: ['Python', 'Core', 'Other'] });
        });

        step("export --format json is valid JSON carrying every topic's state", async () => {
          const mark = await cli().run(['mark', 'PostgREST', 'known']);
          expect(mark.code, mark.stderr).toBe(0);
          const result = await cli().run(['export', '--format', 'json']);
          expect(result.code, result.stderr).toBe(0);
          const exported = (JSON.parse(result.stdout) as ListJson).checklists;
          expect(exported.map((c) => c.name)).toEqual([USER_CHECKLIST_NAME]);
          const topics = topicsOf(exported[0]!);
          expect(topics).toHaveLength(189 + 5 + 4);
          for (const { item } of topics) expect(TOPIC_STATES).toContain(item.state);
          expect(topicIn(exported[0]!, 'PostgREST').state).toBe('known');
          expect(topicIn(exported[0]!, 'pytest').state).toBe('new');
        });

        step('export --format md -c <name> re-imports into a fresh database with the same topics and known ones', async () => {
          const [markdown, progress] = await Promise.all([
            cli().run(['export', '--format', 'md', '-c', USER_CHECKLIST_NAME]),
            cli().json<ProgressJson>(['progress']),
          ]);
          expect(markdown.code, markdown.stderr).toBe(0);
          const file = join(cli().home, 'exported.md');
          writeFileSync(file, markdown.stdout);
          const other = await fresh();
          try {
            const reimported = await other.cli.json<ImportResult>(['import', file]);
            expect(reimported.counts).toMatchObject({ sections: 20, topics: 189, goals: 5, books: 4 });
            const after = await other.cli.json<ProgressJson>(['progress']);
            const { known, total } = progress.checklists[0]!.progress;
            expect(known).toBeGreaterThan(0);
            expect(after.checklists[0]!.progress).toMatchObject({ known, total });
          } finally {
            await other.drop();
          }
        });

        step('piped output has no colour escapes, even with NO_COLOR unset', async () => {
          const runs = await Promise.all([
            cli().run(['list'], { color: true }),
            cli().run(['show', String(topicId('ContextVar'))], { color: true }),
            cli().run(['mark', 'type annotations', 'known'], { color: true }),
          ]);
          expect(runs.map((r) => r.code)).toEqual([0, 0, 1]);
          expect(runs[0].stdout).toContain('█');
          for (const run of runs) {
            expect(run.stdout).not.toContain(ESC);
            expect(run.stderr).not.toContain(ESC);
          }
        });
      },
      { skip: !hasUserFixture },
    );

    group(
      "re-importing an edited copy of the user's checklist",
      () => {
        const { cli } = useCli(backend);
        let checklistId: number | null;
        let before: ExportedChecklist;
        let reimport: ImportResult;
        let after: ExportedChecklist;
        const ids = { renamed: 0, moved: 0, removed: 0 };

        beforeAll(async () => {
          const first = await cli().json<ImportResult>(['import', USER_FIXTURE]);
          expect(first.created).toBe(true);
          checklistId = first.checklist.id;
          before = (await cli().json<ListJson>(['list'])).checklists[0]!;
          ids.renamed = topicIn(before, EDITS.renamed.from).id;
          ids.moved = topicIn(before, EDITS.moved.text, EDITS.moved.from).id;
          ids.removed = topicIn(before, EDITS.removed.text, EDITS.removed.section).id;
          for (const [id, state] of [
            [ids.renamed, 'known'],
            [ids.moved, 'known'],
            [ids.removed, 'learning'],
          ] as const) {
            const mark = await cli().run(['mark', String(id), state]);
            if (mark.code !== 0) throw new Error(mark.stderr);
          }
          const dir = join(cli().home, 'copy');
          mkdirSync(dir);
          const copy = join(dir, 'edited.md');
          writeFileSync(copy, editedUserChecklist());
          reimport = await cli().json<ImportResult>(['import', copy, '--name', USER_CHECKLIST_NAME]);
          after = (await cli().json<ListJson>(['list'])).checklists[0]!;
        }, GROUP_TIMEOUT_MS);

        step('the copy re-imports the same checklist and reports each change', () => {
          expect(reimport).toMatchObject({ created: false, unchanged: false, checklist: { id: checklistId, name: USER_CHECKLIST_NAME } });
          expect(reimport.changes.renamed.map((r) => r.id)).toEqual([ids.renamed]);
          expect(reimport.changes.moved.map((m) => m.id)).toEqual([ids.moved]);
          expect(reimport.changes.archived.map((a) => a.id)).toEqual([ids.removed]);
          expect(reimport.changes.added.map((a) => a.title)).toEqual([EDITS.added.text]);
          expect(reimport.counts.topics).toBe(189);
        });

        step('a renamed topic keeps its id and its state', () => {
          const renamed = topicIn(after, EDITS.renamed.to, 'Python / Core / Other');
          expect(renamed).toMatchObject({ id: ids.renamed, state: 'known' });
        });

        step('a topic moved to another section keeps its id and its state', () => {
          const moved = topicsOf(after).filter((t) => t.item.text === EDITS.moved.text);
          expect(moved.map((t) => ({ path: t.path, id: t.item.id, state: t.item.state }))).toEqual([
            { path: EDITS.moved.to, id: ids.moved, state: 'known' },
          ]);
        });

        step('a topic removed from the file is archived: gone from list, its history kept', async () => {
          expect(topicsOf(after).find((t) => t.item.id === ids.removed)).toBeUndefined();
          const shown = await cli().json<ShowJson>(['show', String(ids.removed)]);
          expect(shown.topic).toMatchObject({ text: EDITS.removed.text, state: 'learning' });
          expect(shown.topic.archivedAt).not.toBeNull();
          expect(shown.history.map((e) => e.type)).toEqual(['created', 'state', 'archived']);
        });

        step('a topic added to the file appears as new, and every other topic is untouched', () => {
          const added = topicIn(after, EDITS.added.text, EDITS.added.section);
          expect(added.state).toBe('new');
          const summary = (c: ExportedChecklist) => new Map(topicsOf(c).map((t) => [t.item.id, `${t.path} | ${t.item.text} | ${t.item.state}`]));
          const was = summary(before);
          const now = summary(after);
          for (const id of [ids.renamed, ids.moved, ids.removed]) was.delete(id);
          for (const id of [ids.renamed, ids.moved, added.id]) now.delete(id);
          expect(now).toEqual(was);
        });
      },
      { skip: !hasUserFixture },
    );

    group('bad input', () => {
      const { cli } = useCli(backend);
      let dir: string;

      beforeAll(async () => {
        dir = join(cli().home, 'inputs');
        mkdirSync(join(dir, 'a-directory.md'), { recursive: true });
        writeFileSync(join(dir, 'binary.md'), Buffer.from('# Topics\n* a\u0000b\n', 'utf8'));
        writeFileSync(join(dir, 'latin1.md'), Buffer.from([0xff, 0xfe, 0x41, 0xc3, 0x28]));
        // Sparse: the size is refused before a byte is read.
        const huge = openSync(join(dir, 'huge.md'), 'w');
        ftruncateSync(huge, 10.5 * 1024 * 1024);
        closeSync(huge);
        writeFileSync(join(dir, 'empty.md'), '');
      }, GROUP_TIMEOUT_MS);

      const cases: Array<[string, string, RegExp]> = [
        ['a missing file', 'missing.md', /no such file: .*missing\.md$/m],
        ['a directory', 'a-directory.md', /a-directory\.md is a directory/],
        ['a binary file (NUL bytes)', 'binary.md', /binary\.md looks binary/],
        ['a file that is not UTF-8', 'latin1.md', /latin1\.md is not valid UTF-8/],
        ['a file over 10 MB', 'huge.md', /huge\.md is 10\.5 MB; checklists over 10 MB are refused/],
      ];
      for (const [what, file, message] of cases) {
        step(`importing ${what} exits 1 with a one-line error`, async () => {
          expectOneLineError(await cli().run(['import', join(dir, file)]), 1, message);
        });
      }

      step('importing a device exits 1 with a one-line error, rather than a checklist named "null"', async () => {
        expectOneLineError(
          await cli().run(['import', '/dev/null']),
          1,
          /^prepdeck: error: \/dev\/null is not a regular file \(a device\); give a Markdown file$/m,
        );
      });

      // One look after all of them is enough: the database started empty, and a checklist, once written, stays.
      step('none of the refused files wrote a checklist', async () => {
        expect(await cli().json<ChecklistsJson>(['checklists'])).toEqual({ checklists: [] });
      });

      step('an empty file imports with 0 topics and says so; its dry run before says it would, not that nothing changes', async () => {
        const preview = await cli().run(['import', join(dir, 'empty.md'), '--dry-run']);
        expect(preview.code, preview.stderr).toBe(0);
        expect(preview.stdout).toMatch(/: would import\n/);
        const result = await cli().run(['import', join(dir, 'empty.md')]);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toMatch(/: imported\n/);
        expect(result.stdout).toContain(' 0 topics,');
        expect(result.stdout).toContain('no list items found: 0 topics imported');
      });
    });

    group(
      'two checklists side by side',
      () => {
        const { cli } = useCli(backend);

        beforeAll(async () => {
          await cli().json<ImportResult>(['import', USER_FIXTURE]);
          await cli().json<ImportResult>(['import', EXAMPLE_CHECKLIST]);
        }, GROUP_TIMEOUT_MS);

        step('checklists --json lists both', async () => {
          const listed = await cli().json<ChecklistsJson>(['checklists']);
          expect(listed.checklists.map((c) => c.checklist.name).sort()).toEqual([EXAMPLE_NAME, USER_CHECKLIST_NAME]);
          const user = listed.checklists.find((c) => c.checklist.name === USER_CHECKLIST_NAME)!;
          expect(user).toMatchObject({ goals: 5, books: 4, progress: { total: 189 } });
        });

        step("checklists writes each import time on its checklist's clock, naming the zone, as show does", async () => {
          // One checklist reviews in India (5 h 30 min ahead of UTC all year), the other on this machine's clock, Tokyo's.
          expect((await cli().run(['settings', '-c', USER_CHECKLIST_NAME, '--time-zone', 'Asia/Kolkata'])).code).toBe(0);
          try {
            const listed = await cli().json<ChecklistsJson>(['checklists']);
            const local = (name: string, hours: number) => {
              const imported = Date.parse(listed.checklists.find((c) => c.checklist.name === name)!.checklist.importedAt);
              return new Date(imported + hours * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
            };
            const text = await runBin(['checklists'], { ...cliEnv(cli().location, cli().home), TZ: 'Asia/Tokyo' });
            const line = (name: string) => lines(text.stdout).find((l) => l.startsWith(name))!;
            expect(line(USER_CHECKLIST_NAME)).toMatch(new RegExp(`, imported ${local(USER_CHECKLIST_NAME, 5.5)} Asia/Kolkata$`));
            expect(line(EXAMPLE_NAME)).toMatch(new RegExp(`, imported ${local(EXAMPLE_NAME, 9)} Asia/Tokyo$`));
          } finally {
            expect((await cli().run(['settings', '-c', USER_CHECKLIST_NAME, '--time-zone', 'local'])).code).toBe(0);
          }
        });

        step('list -c <name> shows only that checklist', async () => {
          const result = await cli().run(['list', '-c', USER_CHECKLIST_NAME]);
          expect(result.code, result.stderr).toBe(0);
          expect(result.stdout).toContain(`(${USER_CHECKLIST_NAME})`);
          expect(result.stdout).not.toContain(`(${EXAMPLE_NAME})`);
          expect(lines(result.stdout).filter((line) => /^\S.*\(\S+\) {2}/.test(line))).toHaveLength(1);
        });
      },
      { skip: !hasUserFixture },
    );

    group('Markdown write-back', () => {
      // A topic with a paragraph of details, and one that gets notes: what the user's file lacks.
      const CHECKLIST = ['# Python', '', '* descriptors', '', '  the protocol: get, set and delete', '* slots', '  * memory layout', ''].join('\n');
      const { cli } = useCli(backend);
      let firstExport: string;
      let reimport: ImportResult;

      beforeAll(async () => {
        const file = join(cli().home, 'python.md');
        writeFileSync(file, CHECKLIST);
        await cli().json<ImportResult>(['import', file]);
        await cli().json(['note', 'slots', 'use them for many small objects']);
        const exported = await cli().run(['export', '--format', 'md', '-c', 'python']);
        if (exported.code !== 0) throw new Error(exported.stderr);
        firstExport = exported.stdout;
        writeFileSync(join(cli().home, 'exported.md'), firstExport);
        reimport = await cli().json<ImportResult>(['import', join(cli().home, 'exported.md'), '--name', 'python']);
      }, GROUP_TIMEOUT_MS);

      step('re-importing its own Markdown export renames, moves, adds and archives nothing', () => {
        const { added, renamed, moved, archived } = reimport.changes;
        expect({ added, renamed, moved, archived }).toEqual({ added: [], renamed: [], moved: [], archived: [] });
      });

      step('exporting again after that re-import gives the same Markdown: notes and details are not copied', async () => {
        const again = await cli().run(['export', '--format', 'md', '-c', 'python']);
        expect(again.code, again.stderr).toBe(0);
        expect(again.stdout).toBe(firstExport);
      });
    });

    group('first run', () => {
      const { cli } = useCli(backend);

      step('start on a fresh database imports the bundled example and prints the progress overview', async () => {
        const result = await cli().run(['start']);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toMatch(new RegExp(`^Backend Interview Prep \\(${EXAMPLE_NAME}\\): imported\\n`));
        expect(result.stdout).toMatch(/\nBackend Interview Prep +\S+ +\d+% \d+\/\d+\n +\d+ known, \d+ learning, \d+ new, \d+ skipped\n/);
        expect(result.stdout).toMatch(/\n {2}Python +/);
      });

      step('start a second time does not import again', async () => {
        const result = await cli().run(['start']);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).not.toMatch(/imported/);
        expect(result.stdout).toMatch(/^Backend Interview Prep +/);
        const listed = await cli().json<ChecklistsJson>(['checklists']);
        expect(listed.checklists.map((c) => c.checklist.name)).toEqual([EXAMPLE_NAME]);
      });
    });
  });
}
