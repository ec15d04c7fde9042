// `prepdeck sync`: the file's edits coming in, states going back out as task markers, and the write that never
// loses an edit. The CLI is the built bin; the edit made during a write is simulated in process (app layer).
import { spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../src/app/import/import-checklist.js';
import { closeApp, openApp, type AppContext } from '../../src/app/context.js';
import { importChecklist, readChecklistFile } from '../../src/app/import/import-checklist.js';
import { markTopic, resolveTopic } from '../../src/app/topics/topics.js';
import type { SyncResult } from '../../src/app/write-back/sync.js';
import { writeBackChecklist } from '../../src/app/write-back/write-back.js';
import { ConflictError } from '../../src/core/errors.js';
import type { ChecklistTreeJson as ExportedChecklist, ExportedSection, ExportedTopic } from '../../src/contract/checklists.js';
import type { TopicState } from '../../src/core/checklist/model.js';
import { hasUserFixture, USER_FIXTURE } from '../support/fixtures.js';
import { makeUnwritable } from '../app/write-back/read-only.js';
import { BACKENDS } from '../store/backends.js';
import { BIN, cliEnv, cliFor, lines, runBin, type Cli } from './run-cli.js';

const TIMEOUT_MS = 60_000;

const SAMPLE = [
  '# Python',
  '* generators',
  '* descriptors',
  '  * \\_\\_get\\_\\_ and \\_\\_set\\_\\_',
  '* плюшки',
  '',
  '# Databases',
  '1. SELECT FOR UPDATE',
  '2. [ ] indexes',
  '3. [X] sharding',
  '',
  '<pre>',
  '* kept as it is',
  '</pre>',
  '',
].join('\n');

interface TopicRow {
  id: number;
  text: string;
  state: TopicState;
  kind: string;
  line: number;
}

function topicsOf(checklist: ExportedChecklist): TopicRow[] {
  const out: TopicRow[] = [];
  const walkTopics = (topics: ExportedTopic[]) => {
    for (const t of topics) {
      out.push({ id: t.id, text: t.text, state: t.state, kind: t.kind, line: t.line });
      walkTopics(t.children);
    }
  };
  const walk = (section: ExportedSection) => {
    walkTopics(section.topics);
    section.sections.forEach(walk);
  };
  walk(checklist.root);
  return out.sort((a, b) => a.line - b.line);
}

async function topics(cli: Cli): Promise<TopicRow[]> {
  const listed = await cli.json<{ checklists: ExportedChecklist[] }>(['list']);
  return topicsOf(listed.checklists[0]!);
}

function byText(rows: TopicRow[], text: string): TopicRow {
  const found = rows.find((t) => t.text === text);
  if (!found) throw new Error(`no topic '${text}'`);
  return found;
}

/** Line numbers (1-based) where two texts differ; they must have the same number of lines. */
function changedLines(before: string, after: string): number[] {
  const a = before.split(/\r\n|\r|\n/);
  const b = after.split(/\r\n|\r|\n/);
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

/** A CLI with its own HOME and database, and a checklist file in that HOME imported with it. */
async function imported(text: string, onTestFinished: (fn: () => void) => void): Promise<{ cli: Cli; file: string }> {
  const cli = cliFor();
  onTestFinished(() => cli.dispose());
  const file = join(cli.home, 'plan.md');
  writeFileSync(file, text);
  expect((await cli.run(['import', file])).code).toBe(0);
  return { cli, file };
}

// Each test has its own HOME and database, so they run side by side.
describe('prepdeck sync', { timeout: TIMEOUT_MS, concurrent: true }, () => {
  it('with no state changed since the import, leaves the file byte for byte, not even rewritten', async ({ onTestFinished }) => {
    const { cli, file } = await imported(SAMPLE, onTestFinished);
    const before = statSync(file);
    const result = await cli.json<SyncResult>(['sync', file, '--write']);
    expect(result.writeBack).toMatchObject({ written: false, edits: [], backup: null });
    expect(readFileSync(file, 'utf8')).toBe(SAMPLE);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    const text = await cli.run(['sync', file, '--write']);
    expect(text.stdout).toContain('every marker already matches; nothing to write');
  });

  it('writes known as [x], un-known as [ ], keeps [X] and everything else, and re-reads with no state changed', async ({ onTestFinished }) => {
    const { cli, file } = await imported(SAMPLE, onTestFinished);
    const rows = await topics(cli);
    await cli.run(['mark', String(byText(rows, 'generators').id), 'known']);
    await cli.run(['mark', String(byText(rows, 'indexes').id), 'known']);
    await cli.run(['mark', String(byText(rows, 'SELECT FOR UPDATE').id), 'learning']);
    const result = await cli.json<SyncResult>(['sync', file, '--write']);
    expect(result.writeBack!.edits.map((e) => [e.line, e.from, e.to])).toEqual([
      [2, '', '[x]'],
      [9, '[ ]', '[x]'],
    ]);
    expect(readFileSync(file, 'utf8')).toBe(SAMPLE.replace('* generators', '* [x] generators').replace('2. [ ] indexes', '2. [x] indexes'));
    const after = await topics(cli);
    expect(after.map((t) => t.state)).toEqual(
      rows.map((t) => (['generators', 'indexes'].includes(t.text) ? 'known' : t.text === 'SELECT FOR UPDATE' ? 'learning' : t.state)),
    );

    // Re-importing what was written changes nothing: the hash of the written file was recorded.
    const reimport = await cli.json<ImportResult>(['import', file]);
    expect(reimport.unchanged).toBe(true);

    // Un-knowing a topic turns its [x] into [ ].
    await cli.run(['mark', String(byText(rows, 'sharding').id), 'new']);
    const second = await cli.json<SyncResult>(['sync', file, '--write']);
    expect(second.writeBack!.edits.map((e) => [e.line, e.from, e.to])).toEqual([[10, '[X]', '[ ]']]);
    expect(byText(await topics(cli), 'sharding').state).toBe('new');
  });

  it('brings a tick made by hand in, as known, and reports it', async ({ onTestFinished }) => {
    const { cli, file } = await imported(SAMPLE, onTestFinished);
    writeFileSync(file, SAMPLE.replace('* плюшки', '* [x] плюшки').replace('SELECT FOR UPDATE', 'SELECT FOR UPDATE NOWAIT'));
    const result = await cli.json<SyncResult>(['sync', file]);
    expect(result.writeBack).toBeNull();
    expect(result.readIn.changes.retick).toEqual([expect.objectContaining({ title: 'плюшки', state: 'known' })]);
    expect(result.readIn.changes.renamed).toEqual([expect.objectContaining({ from: 'SELECT FOR UPDATE', to: 'SELECT FOR UPDATE NOWAIT' })]);
    expect(byText(await topics(cli), 'плюшки').state).toBe('known');
    const text = await cli.run(['sync', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('unchanged');
  });

  it("says a topic's details and a section's notes edited in the file, in sync's and import's --dry-run as when they come in", async ({
    onTestFinished,
  }) => {
    const { cli, file } = await imported(SAMPLE, onTestFinished);
    const generators = byText(await topics(cli), 'generators');
    writeFileSync(
      file,
      SAMPLE.replace('# Python\n', '# Python\n\nLanguage notes.\n\n').replace('* generators\n', '* generators\n\n  Lazy iterators.\n\n'),
    );
    const said = "0 restored, 6 unchanged; changed: 1 topic's details, 1 section's notes";
    for (const command of [
      ['sync', file, '--dry-run'],
      ['import', file, '--dry-run'],
    ]) {
      const preview = await cli.run(command);
      expect(preview.stdout, command.join(' ')).toContain(said);
      expect(preview.stdout).toContain(`    details changed #${generators.id}: generators\n    notes changed: Python\n`);
      expect(preview.stdout).not.toMatch(/: unchanged\n/);
    }
    expect((await cli.json<SyncResult>(['sync', file, '--dry-run'])).readIn.changes).toMatchObject({
      details: [{ id: generators.id, title: 'generators' }],
      sectionNotes: [{ section: 'Python' }],
    });
    const synced = await cli.json<SyncResult>(['sync', file]);
    expect(synced.readIn.changes).toMatchObject({ details: [{ id: generators.id }], sectionNotes: [{ section: 'Python' }] });
    expect((await cli.json<ImportResult>(['import', file, '--dry-run'])).unchanged).toBe(true);
  });

  it('shows a unified diff on --dry-run and writes nothing, neither the file nor the database', async ({ onTestFinished }) => {
    const { cli, file } = await imported(SAMPLE, onTestFinished);
    const rows = await topics(cli);
    await cli.run(['mark', String(byText(rows, 'плюшки').id), 'known']);
    writeFileSync(file, `${SAMPLE}* added by hand\n`);
    const result = await cli.run(['sync', file, '--write', '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `--- ${file}\n+++ ${file} (with markers)\n@@ -2,7 +2,7 @@\n * generators\n * descriptors\n   * \\_\\_get\\_\\_ and \\_\\_set\\_\\_\n-* плюшки\n+* [x] плюшки\n`,
    );
    expect(result.stdout).toContain(`would write 1 marker into ${file}`);
    expect(readFileSync(file, 'utf8')).toBe(`${SAMPLE}* added by hand\n`);
    expect((await topics(cli)).some((t) => t.text === 'added by hand')).toBe(false);
    expect(readdirSync(cli.home).filter((f) => f.includes('prepdeck-') && f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps CRLF line endings, the BOM and the file mode, and keeps the previous version as a backup', async ({ onTestFinished }) => {
    const crlf = `\uFEFF${SAMPLE.replace(/\n/g, '\r\n')}`;
    const { cli, file } = await imported(crlf, onTestFinished);
    chmodSync(file, 0o640);
    const rows = await topics(cli);
    for (const text of ['generators', 'плюшки', 'SELECT FOR UPDATE']) await cli.run(['mark', String(byText(rows, text).id), 'known']);
    const result = await cli.run(['sync', file, '--write']);
    expect(result.code, result.stderr).toBe(0);
    const written = readFileSync(file);
    expect([...written.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = written.toString('utf8');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(changedLines(crlf, text)).toEqual([2, 5, 8]);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    // Beside the database in use (PREPDECK_DB), never in a folder another database shares.
    const backup = join(dirname(cli.location), 'backups', 'plan.md');
    expect(result.stdout).toContain(`the previous version is kept in ${backup}`);
    expect(readFileSync(backup, 'utf8')).toBe(crlf);
  });

  it('writes through a symlink into the file it points to', async ({ onTestFinished }) => {
    const { cli, file } = await imported(SAMPLE, onTestFinished);
    const link = join(cli.home, 'link.md');
    symlinkSync(file, link);
    // The checklist was imported from the real path; --name connects the link to it.
    const rows = await topics(cli);
    await cli.run(['mark', String(byText(rows, 'generators').id), 'known']);
    const result = await cli.run(['sync', link, '--write', '--name', 'plan']);
    expect(result.code, result.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('* [x] generators');
  });

  it('--all gives every study topic a marker but no goal, keeps reading an outline as an outline, and changes no state', async ({
    onTestFinished,
  }) => {
    const { cli, file } = await imported(`# Goals\n* remote\n${SAMPLE}`, onTestFinished);
    const rows = await topics(cli);
    const result = await cli.json<SyncResult>(['sync', file, '--write', '--all']);
    expect(result.writeBack!.edits).toHaveLength(5);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('* remote\n');
    expect(text).toContain('* [ ] generators\n* [ ] descriptors\n  * [ ] \\_\\_get\\_\\_ and \\_\\_set\\_\\_\n* [ ] плюшки\n');
    expect(result.writeBack!.warnings).toEqual([expect.stringContaining('sync keeps reading it as an outline')]);
    expect(await topics(cli)).toEqual(rows);
    // A later plain bullet is still a topic: the reading stays an outline.
    writeFileSync(file, `${text}* added later\n`);
    const later = await cli.json<SyncResult>(['sync', file]);
    expect(later.readIn.topicsMode.mode).toBe('all');
    expect(later.readIn.changes.added.map((a) => a.title)).toEqual(['added later']);
  });

  it('writes a skipped topic as --skipped says, and keeps it skipped', async ({ onTestFinished }) => {
    const { cli, file } = await imported(SAMPLE, onTestFinished);
    const rows = await topics(cli);
    await cli.run(['mark', String(byText(rows, 'generators').id), 'skipped']);
    await cli.run(['mark', String(byText(rows, 'sharding').id), 'skipped']);
    const kept = await cli.json<SyncResult>(['sync', file, '--write']);
    expect(kept.writeBack!.edits).toEqual([]);
    const done = await cli.json<SyncResult>(['sync', file, '--write', '--skipped', 'done']);
    expect(done.writeBack!.edits.map((e) => [e.title, e.to])).toEqual([['generators', '[x]']]);
    const open = await cli.json<SyncResult>(['sync', file, '--write', '--skipped', 'open']);
    expect(open.writeBack!.edits.map((e) => [e.title, e.to])).toEqual([
      ['generators', '[ ]'],
      ['sharding', '[ ]'],
    ]);
    const after = await topics(cli);
    expect([byText(after, 'generators').state, byText(after, 'sharding').state]).toEqual(['skipped', 'skipped']);
  });

  for (const backend of BACKENDS) {
    it.skipIf(backend.skipReason !== null)(
      `reads Obsidian's [/] and [-] as learning and skipped, writes them back into such a file, and re-reads them as its own (${backend.name})`,
      async ({ onTestFinished }) => {
        const database = await backend.createDatabase();
        onTestFinished(() => database.drop());
        const cli = cliFor(database.location);
        onTestFinished(() => cli.dispose());
        const file = join(cli.home, 'obsidian.md');
        writeFileSync(file, '# Study\n- [/] generators\n- [-] descriptors\n- [ ] slots\n- [x] GIL\n');
        expect((await cli.run(['import', file])).code).toBe(0);
        const states = async () => (await topics(cli)).map((t) => [t.text, t.state]);
        expect(await states()).toEqual([
          ['generators', 'learning'],
          ['descriptors', 'skipped'],
          ['slots', 'new'],
          ['GIL', 'known'],
        ]);
        for (const [topic, state] of [
          ['slots', 'learning'],
          ['GIL', 'skipped'],
          ['generators', 'known'],
          ['descriptors', 'new'],
        ]) {
          expect((await cli.run(['mark', topic!, state!])).code).toBe(0);
        }
        const written = await cli.json<SyncResult>(['sync', file, '--write']);
        expect(written.writeBack!.edits.map((e) => [e.title, e.from, e.to])).toEqual([
          ['generators', '[/]', '[x]'],
          ['descriptors', '[-]', '[ ]'],
          ['slots', '[ ]', '[/]'],
          ['GIL', '[x]', '[-]'],
        ]);
        expect(readFileSync(file, 'utf8')).toBe('# Study\n- [x] generators\n- [ ] descriptors\n- [/] slots\n- [-] GIL\n');
        // The markers written are prepdeck's own: read again, nothing changes.
        const again = await cli.json<SyncResult>(['sync', file, '--write']);
        expect(again.writeBack!.edits).toEqual([]);
        expect(again.readIn.changes.retick).toEqual([]);
        expect(await states()).toEqual([
          ['generators', 'known'],
          ['descriptors', 'new'],
          ['slots', 'learning'],
          ['GIL', 'skipped'],
        ]);
      },
    );
  }

  it('--cards writes the cards added in prepdeck under their topics, which then belong to the file with their reviews', async ({
    onTestFinished,
  }) => {
    const { cli, file } = await imported(SAMPLE, onTestFinished);
    // A marker written in the same sync must not stop the cards from going in.
    await cli.run(['mark', String(byText(await topics(cli), 'generators').id), 'known']);
    // A marker after a card: reported at its line in the written file, as the cards are.
    await cli.run(['mark', String(byText(await topics(cli), 'плюшки').id), 'known']);
    const added = await cli.json<{ card: { id: number } }>([
      'card',
      'add',
      'descriptors',
      'What does __set_name__ do?',
      'tells a descriptor its name',
    ]);
    await cli.json(['card', 'add', 'SELECT FOR UPDATE', 'Which rows?', 'the selected ones']);
    const result = await cli.run(['sync', file, '--write', '--cards']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`wrote 2 markers and 2 cards into ${file}`);
    const written = readFileSync(file, 'utf8');
    expect(written.split('\n')[5]).toBe('* [x] плюшки');
    expect(result.stdout).toMatch(/line 6: .*плюшки/);
    // Only the markers and the inserted lines: the sample's other lines are all there, in order, unchanged.
    expect(written).toBe(
      SAMPLE.replace('* generators\n', '* [x] generators\n')
        .replace('* плюшки\n', '* [x] плюшки\n')
        .replace(
          '  * \\_\\_get\\_\\_ and \\_\\_set\\_\\_\n',
          '  * \\_\\_get\\_\\_ and \\_\\_set\\_\\_\n  * What does __set_name__ do? :: tells a descriptor its name\n',
        )
        .replace('1. SELECT FOR UPDATE\n', '1. SELECT FOR UPDATE\n   - Which rows? :: the selected ones\n'),
    );
    const listed = await cli.json<{ cards: Array<{ id: number; origin: string; line: number | null }> }>(['card', 'list', 'descriptors']);
    expect(listed.cards.find((c) => c.id === added.card.id)).toMatchObject({ origin: 'file', line: 5 });
    const again = await cli.run(['sync', file, '--write', '--cards']);
    expect(again.stdout).toContain('every marker already matches; nothing to write');
    expect(readFileSync(file, 'utf8')).toBe(written);
  });

  it('refuses to sync another file into a checklist that keeps its own, archiving nothing', async ({ onTestFinished }) => {
    const { cli } = await imported(SAMPLE, onTestFinished);
    const other = join(cli.home, 'other.md');
    writeFileSync(other, '# Rust\n* ownership\n');
    const result = await cli.run(['sync', other, '--name', 'plan']);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(
        /^prepdeck: error: 'plan' keeps .*plan\.md in step, not .*other\.md; to take its topics from .*other\.md instead, run `prepdeck import .*other\.md --name plan`$/,
      ),
    ]);
    expect((await topics(cli)).map((t) => t.text)).toContain('generators');
  });

  it('fails with one line: a file never imported (1), a missing file (1), options that need --write or clash (2)', async ({ onTestFinished }) => {
    const cli = cliFor();
    onTestFinished(() => cli.dispose());
    writeFileSync(join(cli.home, 'new.md'), SAMPLE);
    const never = await cli.run(['sync', join(cli.home, 'new.md')]);
    expect(never.code).toBe(1);
    expect(lines(never.stderr)).toEqual([
      expect.stringMatching(/^prepdeck: error: .*new\.md was never imported; run `prepdeck import .*` first, or give --name$/),
    ]);
    const missing = await cli.run(['sync', join(cli.home, 'missing.md')]);
    expect(missing.code).toBe(1);
    expect(lines(missing.stderr)).toHaveLength(1);
    for (const args of [['--all'], ['--skipped', 'done'], ['--watch', '--write'], ['--skipped', 'maybe', '--write']]) {
      const misuse = await cli.run(['sync', join(cli.home, 'new.md'), ...args]);
      expect(misuse.code, args.join(' ')).toBe(2);
      expect(lines(misuse.stderr)).toHaveLength(1);
    }
    const json = await cli.run(['sync', join(cli.home, 'new.md'), '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ error: { type: 'NotFoundError', message: expect.stringContaining('never imported') } });
    const help = await cli.run(['sync', '--help']);
    expect(help.stdout).toContain('Examples:');
  });

  it('--watch brings each change in, a line per change, until Ctrl+C', async ({ onTestFinished }) => {
    const { cli, file } = await imported(SAMPLE, onTestFinished);
    const child = spawn(process.execPath, [BIN, 'sync', file, '--watch'], { env: cliEnv(cli.location, cli.home), cwd: cli.home });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const until = async (what: () => boolean, label: string) => {
      for (let waited = 0; !what(); waited += 50) {
        if (waited > 15_000) throw new Error(`timed out waiting for ${label}\n${stdout}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await until(() => stderr.includes('watching'), 'the watch to start');
      writeFileSync(file, `${SAMPLE}* added while watching\n`);
      await until(() => stdout.includes('added: added while watching'), 'the change');
      expect(lines(stdout).filter((l) => l.includes('changed: 1 added'))).toHaveLength(1);
      writeFileSync(file, `${SAMPLE.replace('* generators', '* [x] generators')}* added while watching\n`);
      await until(() => stdout.includes('ticked in the file'), 'the tick');
      expect(stdout).toMatch(/ {4}ticked in the file #\d+ generators: now known/);
      // Taking the tick away again says so, not 'ticked'.
      writeFileSync(file, `${SAMPLE}* added while watching\n`);
      await until(() => stdout.includes('unticked in the file'), 'the untick');
      expect(stdout).toMatch(/unticked in the file #\d+ generators: now (new|learning)/);
      // An edit of a topic's details (and the lines it moves) is said too, not a line of zeros.
      writeFileSync(file, `${SAMPLE.replace('* плюшки', '* плюшки\n\n  Sweet buns.\n')}* added while watching\n`);
      await until(() => stdout.includes("topic's details"), 'the details');
      expect(lines(stdout).find((l) => l.includes("topic's details"))).toMatch(
        /changed: 0 added, 0 renamed, 0 moved, 0 archived, 0 restored, 0 ticks followed; changed: 1 topic's details; rewritten from the file: \d+ line positions$/,
      );
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(byText(await topics(cli), 'generators').state).not.toBe('known');
  });
});

describe.skipIf(!hasUserFixture)("prepdeck sync on the user's checklist", { timeout: TIMEOUT_MS, concurrent: true }, () => {
  it('marking 10 topics known then sync --write changes exactly those 10 lines, by their markers only', async ({ onTestFinished }) => {
    const { cli, file } = await imported(readFileSync(USER_FIXTURE, 'utf8'), onTestFinished);
    const original = readFileSync(file, 'utf8');
    const study = (await topics(cli)).filter((t) => t.kind === 'topic');
    const chosen = Array.from({ length: 10 }, (_, i) => study[Math.floor((i * study.length) / 10) + 2]!);
    for (const topic of chosen) expect((await cli.run(['mark', String(topic.id), 'known'])).code).toBe(0);
    const result = await cli.json<SyncResult>(['sync', file, '--write']);
    expect(result.writeBack!.edits).toHaveLength(10);
    const written = readFileSync(file, 'utf8');
    expect(changedLines(original, written)).toEqual(chosen.map((t) => t.line).sort((a, b) => a - b));
    const before = original.split('\n');
    const after = written.split('\n');
    for (const line of changedLines(original, written)) {
      // The old line with `[x] ` put where its text begins; nothing else moved.
      const at = after[line - 1]!.indexOf('[x] ');
      expect(after[line - 1]!.slice(0, at) + after[line - 1]!.slice(at + 4)).toBe(before[line - 1]);
      expect(after[line - 1]!.slice(0, at)).toMatch(/^\s*[-*+] $/);
    }
    // Re-reading changes no state, and the file stays an outline with the same topics.
    const again = await cli.json<SyncResult>(['sync', file]);
    expect(again.readIn.unchanged).toBe(true);
    expect(again.readIn.topicsMode.mode).toBe('all');
    expect(
      (await topics(cli))
        .filter((t) => t.state === 'known')
        .map((t) => t.id)
        .sort(),
    ).toEqual(chosen.map((t) => t.id).sort());
  });

  it('with no state changed, sync --write leaves it byte for byte', async ({ onTestFinished }) => {
    const { cli, file } = await imported(readFileSync(USER_FIXTURE, 'utf8'), onTestFinished);
    await cli.json<SyncResult>(['sync', file, '--write']);
    expect(readFileSync(file).equals(readFileSync(USER_FIXTURE))).toBe(true);
  });
});

/** An expected failure: exit 1 and one line on stderr, never a stack trace. */
function expectOneLine(result: { code: number | null; stderr: string }, message: RegExp): void {
  expect(result.code, result.stderr).toBe(1);
  expect(lines(result.stderr)).toHaveLength(1);
  expect(result.stderr).not.toContain('unexpected error');
  expect(result.stderr).toMatch(message);
}

describe('when the disk says no, one line saying what to do (exit 1)', { timeout: TIMEOUT_MS, concurrent: true }, () => {
  it('a file the user made read-only is left as it is, whoever runs prepdeck; --force writes it and it stays read-only', async ({
    onTestFinished,
  }) => {
    const { cli, file } = await imported(SAMPLE, onTestFinished);
    await cli.run(['mark', 'generators', 'known']);
    chmodSync(file, 0o444);
    expectOneLine(
      await cli.run(['sync', file, '--write']),
      /^prepdeck: error: .*plan\.md is read-only, so prepdeck leaves it as it is; make it writable \(chmod u\+w\), or give --force to write it anyway; nothing was written\n$/,
    );
    expect(readFileSync(file, 'utf8')).toBe(SAMPLE);
    expect((await cli.run(['sync', file, '--force'])).code).toBe(2);
    const forced = await cli.run(['sync', file, '--write', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('* [x] generators');
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('a folder prepdeck cannot write into: the file and the folder stay as they were', async ({ onTestFinished, skip }) => {
    const cli = cliFor();
    onTestFinished(() => cli.dispose());
    const folder = join(cli.home, 'notes');
    mkdirSync(folder);
    const file = join(folder, 'plan.md');
    writeFileSync(file, SAMPLE);
    expect((await cli.run(['import', file])).code).toBe(0);
    await cli.run(['mark', 'generators', 'known']);
    const unwritable = makeUnwritable(folder);
    if ('skip' in unwritable) return skip(unwritable.skip);
    try {
      expectOneLine(
        await cli.run(['sync', file, '--write']),
        /^prepdeck: error: cannot write .*plan\.md: permission denied \(E(ACCES|PERM)\); prepdeck writes the new version beside it, in .*notes, and renames it over the file: make that folder writable; nothing was written\n$/,
      );
    } finally {
      unwritable.undo();
    }
    expect(readdirSync(folder)).toEqual(['plan.md']);
    expect(readFileSync(file, 'utf8')).toBe(SAMPLE);
  });

  it('a backups folder prepdeck cannot write into: nothing is written', async ({ onTestFinished, skip }) => {
    const { cli, file } = await imported(SAMPLE, onTestFinished);
    await cli.run(['mark', 'generators', 'known']);
    const backups = join(dirname(cli.location), 'backups');
    mkdirSync(backups, { recursive: true });
    const unwritable = makeUnwritable(backups);
    if ('skip' in unwritable) return skip(unwritable.skip);
    try {
      expectOneLine(
        await cli.run(['sync', file, '--write']),
        /^prepdeck: error: cannot keep the previous version in .*backups: permission denied \(E(ACCES|PERM)\); make that folder writable \(or set XDG_DATA_HOME to one that is\); nothing was written\n$/,
      );
    } finally {
      unwritable.undo();
    }
    expect(readFileSync(file, 'utf8')).toBe(SAMPLE);
    expect(readdirSync(cli.home).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  for (const backend of BACKENDS) {
    it.skipIf(backend.skipReason !== null)(`mark on a read-only database (${backend.name})`, async ({ onTestFinished, skip }) => {
      const database = await backend.createDatabase();
      onTestFinished(() => database.drop());
      const cli = cliFor(database.location);
      onTestFinished(() => cli.dispose());
      const file = join(cli.home, 'plan.md');
      writeFileSync(file, SAMPLE);
      expect((await cli.run(['import', file])).code).toBe(0);
      let readOnly: Cli;
      if (backend.name === 'postgres') {
        // A session that may only read, as on a standby.
        const url = new URL(database.location);
        url.searchParams.set('options', `${url.searchParams.get('options') ?? ''} -c default_transaction_read_only=on`);
        readOnly = { ...cli, run: (args) => runBin(args, cliEnv(url.toString(), cli.home)) };
      } else {
        const unwritable = makeUnwritable(database.location);
        if ('skip' in unwritable) return skip(unwritable.skip);
        onTestFinished(() => unwritable.undo());
        readOnly = cli;
      }
      expectOneLine(await readOnly.run(['mark', 'generators', 'known']), /^prepdeck: error: the (PostgreSQL )?database is read-only .*\n$/);
    });
  }
});

describe('an edit made to the file while prepdeck writes it', { timeout: TIMEOUT_MS }, () => {
  let dir: string;
  let app: AppContext;
  let file: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'prepdeck-sync-'));
    file = join(dir, 'plan.md');
    writeFileSync(file, SAMPLE);
    app = await openApp(join(dir, 'prepdeck.db'), () => '2025-01-01T00:00:00.000Z');
    await importChecklist(app, { file: await readChecklistFile(file) });
    await markTopic(app, 'generators', { state: 'known' });
  });
  afterEach(async () => {
    await closeApp(app);
    rmSync(dir, { recursive: true, force: true });
  });
  const stateOf = async (text: string) => (await resolveTopic(app, text)).state;

  it('is never lost: prepdeck brings it in and writes its markers on top of it', async () => {
    const userEdit = SAMPLE.replace('* плюшки', '* [x] плюшки\n* written by hand meanwhile');
    const result = await writeBackChecklist(app, {
      path: file,
      backupDir: join(dir, 'backups'),
      beforeReplace: (attempt) => {
        if (attempt === 1) writeFileSync(file, userEdit);
      },
    });
    const final = readFileSync(file, 'utf8');
    expect(final).toBe(userEdit.replace('* generators', '* [x] generators'));
    expect(result.writeBack).toMatchObject({ written: true, attempts: 2 });
    const meanwhile = result.writeBack.changedMeanwhile[0]!;
    expect(meanwhile.changes.added.map((a) => a.title)).toEqual(['written by hand meanwhile']);
    // The hand tick would tip this short outline into a task list; sync keeps its reading, so nothing is archived.
    expect(meanwhile.changes.archived).toEqual([]);
    expect(meanwhile.warnings).toEqual([expect.stringContaining('sync keeps reading it as an outline, as before (give --topics tasks to switch)')]);
    expect(await stateOf('плюшки')).toBe('known');
    expect(await stateOf('written by hand meanwhile')).toBe('new');
    expect(readFileSync(join(dir, 'backups', 'plan.md'), 'utf8')).toBe(userEdit);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('when the file keeps changing, refuses after a few tries and leaves the last edit in place', async () => {
    let n = 0;
    const attempt = writeBackChecklist(app, {
      path: file,
      backupDir: join(dir, 'backups'),
      beforeReplace: () => writeFileSync(file, `${SAMPLE}* edit ${++n}\n`),
    });
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(/kept changing while prepdeck was writing it \(3 tries\)/);
    expect(readFileSync(file, 'utf8')).toBe(`${SAMPLE}* edit 3\n`);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
