// A newcomer's first hours at the terminal, end to end on both databases: before any import, beside the bundled
// example (one current checklist, no -c needed), typos, notes that never erase by accident, and a topic's cards.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CurrentChecklistJson } from '../../src/contract/checklists.js';
import type { ReviewQueueJson } from '../../src/contract/review.js';
import type { Topic, TopicEvent } from '../../src/core/checklist/model.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { cliFor, type Cli, type CliResult } from './run-cli.js';

const TIMEOUT_MS = 120_000;
const NO_CHECKLIST_YET = 'prepdeck: error: no checklist yet: prepdeck import FILE\n';
const MINE = '# Databases\n\n- SELECT FOR UPDATE\n- MVCC\n\n# Python\n\n- descriptors\n- generators\n';
const WORKING_ON_MINE = "working on 'mine' (the current checklist; `prepdeck use NAME` picks another)\n";

interface ShowJson {
  topic: Topic;
  history: TopicEvent[];
}

function expectFailure(result: CliResult, code: number, stderr: string): void {
  expect([result.code, result.stdout, result.stderr]).toEqual([code, '', stderr]);
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`a newcomer's first hours (${backend.name})`, { timeout: TIMEOUT_MS }, () => {
    let database: TestDatabase;
    let cli: Cli;
    beforeAll(async () => {
      database = await backend.createDatabase();
      cli = cliFor(database.location);
    }, TIMEOUT_MS);
    afterAll(async () => {
      cli.dispose();
      await database.drop();
    }, TIMEOUT_MS);

    it('before any import, every command says so in one wording', async () => {
      const commands = [
        ['list'],
        ['progress'],
        ['settings'],
        ['optimize'],
        ['review', '--json'],
        ['export'],
        ['search', 'joins'],
        ['search', '--all', 'joins'],
        ['mark', 'joins', 'known'],
        ['unadd', 'joins'],
        ['unadd', '42', '--yes'],
        ['show', '42'],
        ['note', 'joins', 'text'],
        ['card', 'list', 'joins'],
        ['use'],
        ['remove', 'interview-prep', '--yes'],
        ['card', 'edit', '1', '--answer', 'a'],
        ['card', 'remove', '1'],
      ];
      // One after the other: the first opening of a database migrates it, which is not what this is about.
      for (const args of commands) {
        const result = await cli.run(args);
        expect([args, result.code, result.stderr]).toEqual([args, 1, NO_CHECKLIST_YET]);
      }
      const listed = await cli.run(['checklists']);
      expect([listed.code, listed.stdout]).toEqual([0, 'no checklist yet: prepdeck import FILE\n']);
    });

    it('beside the bundled example, the checklist imported last is the one every command works on, and they say so', async () => {
      expect((await cli.run(['start'])).code).toBe(0);
      const file = join(cli.home, 'mine.md');
      writeFileSync(file, MINE);
      expect((await cli.run(['import', file])).code).toBe(0);

      const settings = await cli.run(['settings']);
      expect([settings.code, settings.stdout.split('\n')[0], settings.stderr]).toEqual([0, 'mine (mine): review settings', '']);
      const optimize = await cli.run(['optimize']);
      expect([optimize.code, optimize.stdout.split(':')[0]]).toEqual([0, 'mine']);
      expect(optimize.stdout).toMatch(/, and there are no reviews yet\n$/);
      expect((await cli.json<ReviewQueueJson>(['review'])).checklist).toBe('mine');
      const exported = await cli.run(['export', '--format', 'md']);
      expect([exported.code, exported.stderr]).toEqual([0, WORKING_ON_MINE]);
      expect(exported.stdout).toContain('- [ ] SELECT FOR UPDATE\n');
      expect(exported.stdout).not.toContain('Backend Interview Prep');
      const list = await cli.run(['list']);
      expect(list.stdout.split('\n')[0]).toMatch(/^mine \(mine\) /);
      expect(list.stdout).not.toContain('interview-prep');
      const progress = await cli.run(['progress']);
      expect(progress.stdout).not.toContain('Backend Interview Prep');

      const search = await cli.run(['search', 'SELECT']);
      expect([search.code, search.stderr]).toEqual([0, WORKING_ON_MINE]);
      expect(search.stdout).toMatch(/^\[ \] SELECT FOR UPDATE #\d+ {2}Databases\n$/);
      const everywhere = await cli.run(['search', '--all', 'SELECT']);
      expect(everywhere.stdout).toMatch(/ {2}interview-prep \/ Databases\n/);
      expect(everywhere.stdout).toMatch(/SELECT FOR UPDATE #\d+ {2}mine \/ Databases\n/);
      // Each hit of --all names its checklist, also when all of them are of one, and not the current one.
      const elsewhere = await cli.run(['search', '--all', 'optimistic']);
      expect(elsewhere.stdout).toMatch(/^\[ \] optimistic locking with a version column #\d+ {2}interview-prep \/ Databases\n$/);

      const checklists = await cli.run(['checklists']);
      expect(checklists.stdout).toMatch(/\ncommands work on 'mine' \(the current checklist; `prepdeck use NAME` picks another\)\n$/);
    });

    it('prepdeck use NAME changes the current checklist, says which it is, and suggests the nearest name to a typo', async () => {
      const used = await cli.json<CurrentChecklistJson>(['use', 'interview-prep']);
      expect(Value.Check(CurrentChecklistJson, used)).toBe(true);
      expect(used).toEqual({ checklist: 'interview-prep', how: 'current' });
      expect((await cli.run(['settings'])).stdout.split('\n')[0]).toBe('Backend Interview Prep (interview-prep): review settings');
      expect((await cli.run(['use'])).stdout).toBe("commands work on 'interview-prep' (the current checklist; `prepdeck use NAME` picks another)\n");
      expectFailure(
        await cli.run(['use', 'interview-prp']),
        1,
        "prepdeck: error: no checklist named 'interview-prp'; did you mean 'interview-prep'? (`prepdeck checklists` lists them)\n",
      );
      expect((await cli.run(['use', 'mine'])).stdout).toBe("commands now work on 'mine' when -c names none\n");
    });

    it('a typo gets one line with the nearest match: a topic, a state, a command; done is known', async () => {
      expectFailure(
        await cli.run(['mark', 'SELECT FOR UPDTE', 'known']),
        1,
        "prepdeck: error: no topic matches 'SELECT FOR UPDTE'; did you mean 'SELECT FOR UPDATE'?\n",
      );
      expectFailure(
        await cli.run(['mark', 'descriptors', 'knwon']),
        2,
        "prepdeck: error: unknown state 'knwon': did you mean 'known'? (one of new, learning, known, skipped, or done for known) (see --help)\n",
      );
      expectFailure(await cli.run(['lst']), 2, "prepdeck: error: unknown command 'lst'; did you mean 'list'? (see --help)\n");
      const done = await cli.json<{ topic: Topic }>(['mark', 'SELECT FOR UPDATE', 'done']);
      expect(done.topic).toMatchObject({ text: 'SELECT FOR UPDATE', state: 'known' });
      expectFailure(
        await cli.run(['mark', 'MVCC', 'learning', '--confidence', '7']),
        2,
        "prepdeck: error: --confidence must be a whole number from 1 to 4, not '7' (see --help)\n",
      );
      // Looked up in every checklist, a reference is suggested a title of the checklist the commands work on only.
      expect((await cli.run(['apps', 'add', 'Acme'])).code).toBe(0);
      expect((await cli.run(['rounds', 'add', 'acme', '--at', '2026-12-20T10:00'])).code).toBe(0);
      expectFailure(
        await cli.run(['ask', '1', 'How does SELECT FOR UPDATE differ from SKIP LOCKED?', '--topic', 'SKIP LOCKED']),
        1,
        "prepdeck: error: no topic matches 'SKIP LOCKED'; try `prepdeck search --all skip locked`\n",
      );
    });

    it('empty notes never erase: refused, cleared only with --clear; --append starts a paragraph', async () => {
      expect((await cli.run(['note', 'MVCC', 'snapshots per transaction'])).code).toBe(0);
      expectFailure(
        await cli.run(['note', 'MVCC'], { input: '' }),
        1,
        "prepdeck: error: no notes given for 'MVCC', so nothing changed; `--clear` erases them\n",
      );
      expectFailure(
        await cli.run(['note', 'MVCC', '--append'], { input: ' \n\n' }),
        1,
        "prepdeck: error: no notes given for 'MVCC', so nothing changed; `--clear` erases them\n",
      );
      expect((await cli.run(['note', 'MVCC', '--append'], { input: 'readers never block writers\n' })).code).toBe(0);
      expect((await cli.json<ShowJson>(['show', 'MVCC'])).topic.notes).toBe('snapshots per transaction\n\nreaders never block writers');
      expectFailure(await cli.run(['note', 'MVCC', 'x', '--clear']), 2, 'prepdeck: error: --clear takes no notes and no --append: it erases them\n');
      // The same notes again change nothing, and say so.
      const same = await cli.run(['note', 'MVCC', 'snapshots per transaction\n\nreaders never block writers']);
      expect([same.code, same.stdout]).toEqual([0, expect.stringMatching(/^notes of #\d+ MVCC unchanged\n$/)]);
      expect((await cli.json<ShowJson>(['show', 'MVCC'])).history.filter((event) => event.type === 'notes')).toHaveLength(2);
      const cleared = await cli.run(['note', 'MVCC', '--clear']);
      expect([cleared.code, cleared.stdout]).toEqual([0, expect.stringMatching(/^notes of #\d+ MVCC cleared\n$/)]);
      expect((await cli.json<ShowJson>(['show', 'MVCC'])).topic.notes).toBe('');
    });

    it("show lists a topic's cards, and a card added is a line of its history", async () => {
      const added = await cli.json<{ card: { id: number } }>([
        'card',
        'add',
        'descriptors',
        'What does __set_name__ receive?',
        'the owner class and the name',
      ]);
      const shown = await cli.run(['show', 'descriptors']);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toMatch(/\n {2}cards:\n {4}card \d+ descriptors {2}new, due .*topic card\n/);
      // Shown as the review shows it: `__set_name__` is Markdown's strong emphasis of set_name, as the card was written.
      expect(shown.stdout).toContain(`\n    card ${added.card.id} What does set_name receive? :: the owner class and the name  new, due `);
      expect(shown.stdout).toMatch(/\n {4}\d{4}-\d{2}-\d{2} \d{2}:\d{2} {2}card added: “What does __set_name__ receive\?”\n/);
      const history = (await cli.json<ShowJson>(['show', 'descriptors'])).history;
      expect(history.at(-1)).toMatchObject({ type: 'card', data: { cardId: added.card.id, front: 'What does __set_name__ receive?' } });
    });

    it('mark prints the state it set, for a goal too; identical titles are told apart by their section, as the hint says', async () => {
      const file = join(cli.home, 'goals.md');
      writeFileSync(file, '# Goals\n\n- full remote\n\n# Python\n\n## General\n\n- type annotations\n\n## Other\n\n- type annotations\n');
      expect((await cli.run(['import', file])).code).toBe(0);
      const goal = await cli.run(['mark', 'full remote', 'known']);
      expect([goal.code, goal.stdout]).toEqual([0, expect.stringMatching(/^\[x\] full remote #\d+\n$/)]);
      expect((await cli.run(['show', 'full remote'])).stdout).toMatch(/^\[x\] full remote #\d+\n/);
      const twice = await cli.run(['show', 'type annotations']);
      expect([twice.code, twice.stdout]).toEqual([1, '']);
      expect(twice.stderr).toMatch(
        /^prepdeck: error: 2 topics are titled 'type annotations'; give an id, or a section before the title \(`general\/type annotations`\)\n {2}#\d+ Python \/ General \/ type annotations\n/,
      );
      expect((await cli.json<ShowJson>(['show', 'general/type annotations'])).topic.text).toBe('type annotations');
    });
  });
}
