// The CLI's words on bad input, spawned as a user runs it (issue 14): it names its own options and arguments, says why
// a date does not exist, suggests the nearest stage, state, section or competency, takes -c before the command, and
// names the topic ids a review cannot scope to. One line each, misuse exit 2, an unknown thing exit 1.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetailJson, FollowUpListJson } from '../../src/contract/hunt.js';
import type { StoryJson } from '../../src/contract/interviews.js';
import type { ReviewQueueJson } from '../../src/contract/review.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { EXAMPLE_CHECKLIST } from '../support/fixtures.js';
import { cliFor, lines, type Cli } from './run-cli.js';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`the CLI's words on bad input (${backend.name})`, { timeout: 120_000 }, () => {
    let database: TestDatabase;
    let cli: Cli;
    beforeAll(async () => {
      database = await backend.createDatabase();
      cli = cliFor(database.location);
      expect((await cli.run(['import', EXAMPLE_CHECKLIST, '--name', 'prep'])).code).toBe(0);
      expect((await cli.run(['apps', 'add', 'Acme', '--stage', 'applied'])).code).toBe(0);
    }, 60_000);
    afterAll(async () => {
      cli.dispose();
      await database.drop();
    });

    /** Runs `args`, expecting `code` and one line on stderr matching `message`; returns that line. */
    async function refused(args: string[], code: number, message: RegExp): Promise<string> {
      const result = await cli.run(args);
      expect(lines(result.stderr), args.join(' ')).toEqual([expect.stringMatching(message)]);
      expect(result.code, args.join(' ')).toBe(code);
      // With --json the error is printed as JSON on standard output too; without, nothing is.
      if (args.includes('--json')) expect(JSON.parse(result.stdout)).toMatchObject({ error: { message: expect.any(String) } });
      else expect(result.stdout).toBe('');
      return lines(result.stderr)[0]!;
    }

    it("names the option or argument the user typed, never the API's field; a value the app refuses stays a failure (exit 1)", async () => {
      const move = await refused(
        ['apps', 'move', 'acme', 'nowhere-near'],
        2,
        /^prepdeck: error: STAGE: there is no stage 'nowhere-near'; use one of: wishlist, applied/,
      );
      expect(move).not.toMatch(/\bto:/);
      await refused(['apps', 'move', 'acme', 'applied'], 1, /^prepdeck: error: STAGE: the application is already in Applied$/);
      await refused(['apps', 'add', 'Initech', '--on', '2999-01-01'], 1, /^prepdeck: error: --on: 2999-01-01 is in the future/);
      await refused(
        ['rounds', 'add', 'acme', '--at', '2026-12-20T15:00', '--tz', 'Mars/Olympus'],
        2,
        /^prepdeck: error: --tz must be an IANA time zone such as Europe\/Berlin, not 'Mars\/Olympus'/,
      );
      await refused(['apps', 'add', '   '], 1, /^prepdeck: error: COMPANY is empty; write something$/);
      // Nothing was written by any of them.
      const acme = await cli.json<ApplicationDetailJson>(['apps', 'show', 'acme']);
      expect(acme.application.stage).toBe('applied');
      expect((await cli.json<{ applications: unknown[] }>(['apps'])).applications).toHaveLength(1);
    });

    it('the same words with --json: a UsageError naming the option, on standard output', async () => {
      const result = await cli.run(['apps', 'move', 'acme', 'nowhere-near', '--json']);
      expect(result.code).toBe(2);
      expect(JSON.parse(result.stdout)).toEqual({ error: { type: 'UsageError', message: expect.stringMatching(/^STAGE: there is no stage/) } });
    });

    it('a date the calendar lacks says why, and is misuse like a date that is not one', async () => {
      await refused(
        ['apps', 'follow-up', 'acme', 'call', '--due', 'tomorrow'],
        2,
        /^prepdeck: error: --due: 'tomorrow' is not a date; write YYYY-MM-DD/,
      );
      await refused(
        ['apps', 'follow-up', 'acme', 'call', '--due', '2026-02-30'],
        2,
        /^prepdeck: error: --due: '2026-02-30' is not a date \(February 2026 has 28 days\)/,
      );
      await refused(['apps', 'follow-up', 'acme', 'call', '--due', '2028-02-30'], 2, /\(February 2028 has 29 days\)/);
      await refused(
        ['apps', 'follow-up', 'acme', 'call', '--due', '2026-13-01'],
        2,
        /^prepdeck: error: --due: '2026-13-01' is not a date \(a month is 01 to 12\)/,
      );
      await refused(
        ['rounds', 'add', 'acme', '--at', '2026-02-30T15:00'],
        2,
        /^prepdeck: error: --at: '2026-02-30T15:00' is not a date and time \(February 2026 has 28 days\)/,
      );
      expect((await cli.json<FollowUpListJson>(['followups'])).followUps).toEqual([]);
      // A day that exists is taken.
      expect((await cli.run(['apps', 'follow-up', 'acme', 'call', '--due', '2028-02-29'])).code).toBe(0);
    });

    it('a zone is misuse with the nearest named, for a round as for the settings; an empty search is misuse', async () => {
      await refused(
        ['rounds', 'add', 'acme', '--at', '2026-12-20T15:00', '--tz', 'Europe/Berln'],
        2,
        /^prepdeck: error: --tz must be an IANA time zone such as Europe\/Berlin, not 'Europe\/Berln'; did you mean 'Europe\/Berlin'\?/,
      );
      await refused(['settings', '--time-zone', 'Europe/Moskow'], 2, /^prepdeck: error: --time-zone .*; did you mean 'Europe\/Moscow'\?/);
      await refused(['search', ''], 2, /^prepdeck: error: QUERY is empty; write the words to look for/);
      await refused(['search', '  ', '--json'], 2, /^prepdeck: error: QUERY is empty/);
    });

    it('suggests the nearest stage, and takes a stage by its label in any case', async () => {
      await refused(['apps', 'move', 'acme', 'scrining'], 2, /^prepdeck: error: STAGE: there is no stage 'scrining'; did you mean 'screening'\?/);
      await refused(
        ['apps', 'add', 'Initech', '--stage', 'techncal'],
        2,
        /^prepdeck: error: --stage: there is no stage 'techncal'; did you mean 'technical'\?/,
      );
      await refused(['apps', '--stage', 'wishlst'], 2, /^prepdeck: error: --stage: there is no stage 'wishlst'; did you mean 'wishlist'\?/);
      const moved = await cli.json<ApplicationDetailJson>(['apps', 'move', 'acme', 'Screening']);
      expect(moved.application.stage).toBe('screening');
    });

    it('suggests the nearest state and section of list and review; a section that names none is not an empty list', async () => {
      await refused(['list', '--state', 'knwon'], 2, /^prepdeck: error: --state: unknown state 'knwon': did you mean 'known'\?/);
      await refused(['list', '--section', 'pyton'], 1, /^prepdeck: error: --section: no section of 'prep' matches 'pyton'; did you mean 'Python'\?$/);
      await refused(
        ['list', '--section', 'qqqqqqqq'],
        1,
        /^prepdeck: error: --section: no section of 'prep' matches 'qqqqqqqq'; `prepdeck progress` lists them$/,
      );
      await refused(
        ['review', '--section', 'databse', '--json'],
        1,
        /^prepdeck: error: --section: no section of 'prep' matches 'databse'; did you mean 'Databases'\?$/,
      );
      // A section that exists with nothing in that state is still an answer, not a mistake.
      const empty = await cli.run(['list', '--section', 'books', '--state', 'learning']);
      expect(empty.code).toBe(0);
    });

    it('takes a mistyped command of a family as the unknown command it is, not as the arguments of its list or its own', async () => {
      await refused(['apps', 'shw', 'acme'], 2, /^prepdeck: error: unknown command 'apps shw'; did you mean 'show'\? \(see --help\)$/);
      await refused(
        ['stories', 'competencies', 'ad', 'Mentoring'],
        2,
        /^prepdeck: error: unknown command 'stories competencies ad'; did you mean 'add'\?/,
      );
      await refused(['rounds', 'zzzz'], 2, /^prepdeck: error: unknown command 'rounds zzzz' \(see --help\)$/);
      // A family with an action of its own took the word as its argument.
      await refused(['plan', 'tagets'], 2, /^prepdeck: error: unknown command 'plan tagets'; did you mean 'targets'\?/);
      expect((await cli.run(['plan', '--days', '2'])).code).toBe(0);
      const json = await cli.run(['goals', 'ad', 'visa', '--json']);
      expect(JSON.parse(json.stdout)).toEqual({ error: { type: 'UsageError', message: "unknown command 'goals ad'; did you mean 'add'?" } });
      // Their bare name and its options still list.
      expect((await cli.run(['apps', '--stage', 'screening'])).code).toBe(0);
      // A refused argument says it once, with --json as on standard error, without commander's sentence before it.
      const state = await cli.run(['mark', 'descriptors', 'knwn', '--json']);
      expect((JSON.parse(state.stdout) as { error: { message: string } }).error.message).toMatch(/^unknown state 'knwn': did you mean 'known'\?/);
    });

    it('stories --competency takes a label as the matrix shows it, any case, or a unique fragment of it, beside the key', async () => {
      const story = await cli.json<StoryJson>(['stories', 'add', 'Shipped it', '--competency', 'A TIGHT DEADLINE', '--competency', 'conflict']);
      expect(story.competencies).toEqual(['conflict', 'tight-deadline']);
      const edited = await cli.json<StoryJson>(['stories', 'edit', 'shipped', '--competency', 'deadline']);
      expect(edited.competencies).toEqual(['tight-deadline']);
      await refused(
        ['stories', 'add', 'Other', '--competency', 'deadlne'],
        1,
        /^prepdeck: error: --competency: no competency matches 'deadlne'; did you mean 'tight-deadline'\?$/,
      );
      expect((await cli.json<{ stories: StoryJson[] }>(['stories'])).stories).toHaveLength(1);
    });

    it('-c works before the command as after it, and is refused where no checklist is worked on', async () => {
      try {
        expect((await cli.run(['import', EXAMPLE_CHECKLIST, '--name', 'second'])).code).toBe(0);
        const before = await cli.json<{ checklists: Array<{ name: string }> }>(['-c', 'prep', 'list']);
        const after = await cli.json<{ checklists: Array<{ name: string }> }>(['list', '-c', 'prep']);
        expect(before.checklists.map((c) => c.name)).toEqual(['prep']);
        expect(after).toEqual(before);
        expect((await cli.json<ReviewQueueJson>(['--checklist', 'prep', 'review', '--limit', '1'])).checklist).toBe('prep');
        await refused(['-c', 'nope', 'list'], 1, /^prepdeck: error: no checklist named 'nope'/);
        await refused(['-c', 'prep', 'list', '-c', 'second'], 2, /^prepdeck: error: -c names two checklists, 'prep' and 'second'; give it once$/);
        await refused(['-c', 'prep', 'funnel'], 2, /^prepdeck: error: -c names a checklist, and `prepdeck funnel` works on none; leave -c out$/);
      } finally {
        expect((await cli.run(['remove', 'second', '--yes'])).code).toBe(0);
      }
    });

    it('--json and --db work before the command as after it, as -c does', async () => {
      const asJson = await cli.run(['--json', 'checklists']);
      expect(asJson.code, asJson.stderr).toBe(0);
      expect((JSON.parse(asJson.stdout) as { checklists: Array<{ checklist: { name: string } }> }).checklists.map((c) => c.checklist.name)).toContain(
        'prep',
      );
      const other = join(cli.home, 'other.db');
      const elsewhere = await cli.run(['--db', other, '--json', 'checklists']);
      expect(elsewhere.code, elsewhere.stderr).toBe(0);
      expect(JSON.parse(elsewhere.stdout)).toEqual({ checklists: [] });
      await refused(
        ['--db', other, 'checklists', '--db', join(cli.home, 'third.db')],
        2,
        /^prepdeck: error: --db names two databases, '.*other\.db' and '.*third\.db'; give it once$/,
      );
    });

    it('review --topics names the ids the checklist lacks, as other commands name an unknown id', async () => {
      const [first] = (await cli.json<ReviewQueueJson>(['review', '-c', 'prep', '--limit', '1'])).cards;
      const id = first!.topic!.id;
      await refused(
        ['review', '-c', 'prep', '--topics', `${id},999999`, '--json'],
        1,
        /^prepdeck: error: --topics: 'prep' has no topic 999999; `prepdeck search` shows ids$/,
      );
      await refused(['review', '-c', 'prep', '--topics', '999998,999999', '--json'], 1, /--topics: 'prep' has no topics 999998, 999999;/);
      const scoped = await cli.json<ReviewQueueJson>(['review', '-c', 'prep', '--topics', String(id)]);
      expect(new Set(scoped.cards.map((card) => card.topic?.id))).toEqual(new Set([id]));
    });
  });
}
