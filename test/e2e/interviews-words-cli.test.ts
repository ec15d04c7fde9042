// The interview commands' words from the terminal, spawned as a user runs them (SQLite): what `ask` linked, a topic
// found only inside a word refused, `--story`, a score's effect, question ids as printed, a new kind's note, the
// upcoming rounds without those of a withdrawn application, gaps' refusals in the command's words, and `show`'s
// interview evidence.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundDetailJson } from '../../src/contract/interviews.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { cliFor, type Cli } from './run-cli.js';

const sqlite = BACKENDS.find((backend) => backend.name === 'sqlite')!;
const CHECKLIST = ['# Python', '- descriptors', '- The GIL and threads', '# Process', '- Agile/SCRUM/Kanban', '# Other', '- misc', ''].join('\n');
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

describe('the interview commands’ words from the terminal (sqlite)', { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let cli: Cli;
  beforeAll(async () => {
    database = await sqlite.createDatabase();
    cli = cliFor(database.location);
    const file = join(cli.home, 'prep.md');
    writeFileSync(file, CHECKLIST);
    expect((await cli.run(['import', file])).code).toBe(0);
    for (const company of ['Acme', 'Globex']) expect((await cli.run(['apps', 'add', company, '--stage', 'technical'])).code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    cli.dispose();
    await database.drop();
  });

  it('keeps a new kind near a usual one with a note, and leaves a withdrawn application’s round out of the upcoming ones, naming it', async () => {
    const added = await cli.run(['rounds', 'add', 'acme', '--at', `${NEXT_YEAR}-06-10T15:00`, '--tz', 'Europe/Berlin', '--kind', 'codng']);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^note: 'codng' is a new kind of round, kept as your own; it is near 'coding': change the kind if that was meant\n/);
    const globex = await cli.json<RoundDetailJson>([
      'rounds',
      'add',
      'globex',
      '--at',
      `${NEXT_YEAR}-06-11T10:00`,
      '--tz',
      'Europe/Berlin',
      '--kind',
      'onsite',
    ]);
    expect((await cli.run(['apps', 'move', 'globex', 'withdrawn'])).code).toBe(0);
    const upcoming = await cli.run(['rounds', '--upcoming']);
    expect(upcoming.code).toBe(0);
    const lines = upcoming.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/Acme \(codng\)/);
    expect(lines.slice(1)).toEqual([
      'left out, its application closed or archived (`prepdeck rounds --app APP` lists it):',
      `${`#${globex.round.id}`.padStart(4)}  ${NEXT_YEAR}-06-11 10:00 Europe/Berlin  Globex  (Withdrawn)`,
    ]);
    expect((await cli.run(['rounds', '--upcoming', '--app', 'globex'])).stdout).toMatch(/Globex \(onsite\)/);
  });

  it('says what ask linked, by title; refuses a topic found only inside a word; links stories; rescoring says what it did', async () => {
    const round = (await cli.json<{ rounds: Array<{ id: number; company: string }> }>(['rounds', '--app', 'acme'])).rounds[0]!.id;
    const inside = await cli.run(['ask', String(round), 'Tell me about agility', '--topic', 'gile', '--score', '1']);
    expect([inside.code, inside.stdout]).toEqual([1, '']);
    expect(inside.stderr).toMatch(
      /^prepdeck: error: no topic title has a word starting with 'gile': it is only inside a word of 'Agile\/SCRUM\/Kanban' \(#\d+\); name the topic by its id/,
    );

    const gil = await cli.run(['ask', String(round), 'What is the GIL?', '--topic', 'GIL', '--score', '1']);
    expect([gil.code, gil.stderr]).toEqual([0, '']);
    expect(gil.stdout).toMatch(new RegExp(`^asked in round #${round} \\(Acme\\): q(\\d+), scored 1; linked to The GIL and threads\\n$`));
    const questionId = /q(\d+)/.exec(gil.stdout)![1]!;

    expect((await cli.run(['stories', 'add', 'The migration'])).code).toBe(0);
    const story = await cli.run(['ask', String(round), 'Tell me about a conflict', '--story', 'migration']);
    expect([story.code, story.stdout]).toEqual([0, expect.stringMatching(/; linked to no topic; answered with The migration\n$/)]);

    const rescored = await cli.run(['questions', 'score', `q${questionId}`, '2']);
    expect([rescored.code, rescored.stdout]).toEqual([0, `q${questionId}: scored 2, the review of its topic rewritten\n`]);
    const none = await cli.run(['questions', 'score', questionId]);
    expect([none.code, none.stderr]).toEqual([2, expect.stringMatching(/^prepdeck: error: give the score, 1-4 .* or --clear to remove it/)]);

    const shown = await cli.run(['show', 'The GIL']);
    expect(shown.stdout).toMatch(
      new RegExp(`  interview evidence:\\n    \\S+ \\S+  round #${round} \\(Acme, codng\\) q${questionId} “What is the GIL\\?”: scored 2 hard\\n`),
    );
  });

  it('refuses a gaps kind no round has naming the nearest, and a backwards period in --from/--to', async () => {
    const typo = await cli.run(['gaps', '--kind', 'onsit']);
    expect([typo.code, typo.stdout, typo.stderr]).toEqual([
      2,
      '',
      "prepdeck: error: --kind: no round is of the kind 'onsit'; did you mean 'onsite'?\n",
    ]);
    const backwards = await cli.run(['gaps', '--from', '2026-12-10', '--to', '2026-12-01']);
    expect([backwards.code, backwards.stderr]).toEqual([
      2,
      'prepdeck: error: --to (2026-12-01) is before --from (2026-12-10); the period runs from --from to --to, both included\n',
    ]);
    expect((await cli.run(['gaps', '--kind', 'recruiter'])).code).toBe(0);
  });
});
