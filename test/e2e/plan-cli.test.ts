// The plan to a date from the terminal, spawned as a user runs it, on SQLite and on PostgreSQL: the forms
// as written (`plan set --date ... --sections Python,Databases --minutes 60 --days mon-fri`, `plan`, `plan --days 7`,
// `plan --json` with items and readiness { plan, stop, usual }, `plan --ics`, `review --plan --json`), and bad input
// as one line with exit 1 or 2.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanJson, PlanTargetJson } from '../../src/contract/plan.js';
import type { ReviewQueueJson } from '../../src/contract/review.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { hasUserFixture, USER_FIXTURE } from '../support/fixtures.js';
import { cliFor, type Cli } from './run-cli.js';

/** The local date `days` from today (the CLI runs on the real clock, in UTC as set below). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null || !hasUserFixture)(`the plan from the terminal (${backend.name})`, { timeout: 120_000 }, () => {
    let database: TestDatabase;
    let cli: Cli;
    beforeAll(async () => {
      database = await backend.createDatabase();
      cli = cliFor(database.location);
      const file = join(cli.home, 'prep.md');
      writeFileSync(file, readFileSync(USER_FIXTURE));
      expect((await cli.run(['import', file, '--name', 'prep'])).code).toBe(0);
      expect((await cli.run(['settings', '--time-zone', 'UTC'])).code).toBe(0);
    }, 60_000);
    afterAll(async () => {
      cli.dispose();
      await database.drop();
    });

    it('shows an example in the help of plan and each of its commands', async () => {
      for (const command of [['plan'], ...['set', 'targets', 'remove', 'include', 'replan'].map((name) => ['plan', name])]) {
        const help = await cli.run([...command, '--help']);
        expect(help.code, command.join(' ')).toBe(0);
        expect(help.stdout, command.join(' ')).toMatch(new RegExp(`Examples:\\n {2}\\$ prepdeck ${command.join(' ')}\\b`));
      }
    });

    it('says how to begin without a target', async () => {
      const result = await cli.run(['plan']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^No target yet.*\nset one: prepdeck plan set --date/);
    });

    it('without a target, plan set --minutes says the costs once, at the end, as with one', async () => {
      const set = await cli.run(['plan', 'set', '--minutes', '60']);
      expect(set.code, set.stderr).toBe(0);
      expect(set.stdout).toMatch(/^study time: 60 minutes on mon-fri\n\nNo target yet.*\n.*\ncosts: learning a topic 20 min \(default\), [^\n]*\n$/);
      expect(set.stdout.match(/^costs: /gm)).toHaveLength(1);
    });

    it('sets a target of Python and Databases 14 days ahead with 60 minutes on weekdays, and prints today, the week and the readiness', async () => {
      const set = await cli.run(['plan', 'set', '--date', inDays(14), '--sections', 'Python,Databases', '--minutes', '60', '--days', 'mon-fri']);
      expect(set.code, set.stderr).toBe(0);
      // Weekdays as the plan writes them everywhere, in runs (the form --days reads).
      expect(set.stdout).toMatch(
        /^study time: 60 minutes on mon-fri\ntarget #\d+ Python, Databases, \d{4}-\d{2}-\d{2} \(weight 1; Python, Tools > Databases\)\n/,
      );
      // The costs are said once, ending the output, as the README has it.
      expect(set.stdout.match(/^costs: /gm)).toHaveLength(1);
      expect(set.stdout).toMatch(/\ncosts: learning a topic 20 min \(default\), [^\n]*\n$/);
      expect(set.stdout).toMatch(
        /readiness on the day, predicted by the memory model \(FSRS, default parameters\):\n {2}Python, Databases \((in \d+ days), \d+ topics\): plan \d+% · if you stop today \d+% · usual reviews \d+%/,
      );

      const plan = await cli.json<PlanJson>(['plan']);
      const [target] = plan.targets;
      // Whole days from the plan's today (its study day) to the target's date, whatever the time of day: 14 from the
      // date 14 days ahead, one more only in the hours after midnight that still belong to the day before. The
      // terminal says what the JSON (and so the web page) says.
      const days = Math.round((Date.parse(target!.target.date) - Date.parse(plan.today!.date)) / 86_400_000);
      expect(days).toBe(plan.today!.date === inDays(0) ? 14 : 15);
      expect(target!).toMatchObject({ daysLeft: days, when: `in ${days} days` });
      expect(set.stdout).toContain(`Python, Databases (in ${days} days,`);
      expect(plan.summary).toMatch(new RegExp(`for Python, Databases in ${days} days`));
      for (const figure of ['plan', 'stop', 'usual'] as const) {
        expect(target!.readiness[figure]).toBeGreaterThanOrEqual(0);
        expect(target!.readiness[figure]).toBeLessThanOrEqual(1);
      }
      expect(target!.readiness.plan).toBeGreaterThanOrEqual(target!.readiness.usual);
      expect(plan.items).toEqual(plan.today!.items);
      const week = await cli.run(['plan', '--days', '7']);
      expect(week.code).toBe(0);
      const ahead = week.stdout.split('the days ahead:\n')[1]!.split('\n\n')[0]!.split('\n');
      expect(ahead).toHaveLength(7);
      // Saturday and Sunday are rest days (not studied weekdays), not days off (dates set off).
      expect(ahead.filter((line) => /(Sat|Sun) \S+ {2}rest day$/.test(line))).toHaveLength(2);
      expect(ahead.filter((line) => /day off$/.test(line))).toEqual([]);
      expect((await cli.json<PlanJson>(['plan', '--days', '7'])).days).toHaveLength(7);

      // The plan's own review session: today's items in the plan's order.
      const queue = await cli.json<ReviewQueueJson>(['review', '--plan']);
      expect(queue.cards.map((c) => c.card.id)).toEqual(plan.items.map((i) => i.cardId));
    });

    it('takes `default` for a cost, as the help shows, says where each cost comes from, and plans on', async () => {
      const set = await cli.run(['plan', 'set', '--review-seconds', 'default', '--learn', 'default', '--qa-seconds', 'default']);
      expect(set.code, set.stderr).toBe(0);
      expect(set.stdout).toContain('\ncosts: learning a topic 20 min (default), a review 60 s (default), Q&A 20 s (default)\n');
      expect(set.stdout.match(/^costs: /gm)).toHaveLength(1);
      const own = await cli.run(['plan', 'set', '--section-learn', 'Databases=45', '--review-seconds', '40']);
      expect(own.code, own.stderr).toBe(0);
      expect(own.stdout).toMatch(
        /\ncosts: learning a topic 20 min \(default; Tools > Databases 45 min, yours\), a review 40 s \(yours\), Q&A 20 s \(default\)\n/,
      );
      const plan = await cli.run(['plan']);
      expect(plan.code, plan.stderr).toBe(0);
      expect(plan.stdout).toContain('costs: learning a topic 20 min (default; Tools > Databases 45 min, yours), a review 40 s (yours)');
      expect((await cli.json<PlanJson>(['plan'])).costSources).toEqual({
        learnTopicMinutes: 'default',
        reviewTopicSeconds: 'yours',
        reviewQaSeconds: 'default',
      });
      expect((await cli.run(['plan', 'set', '--review-seconds', 'default', '--section-learn', 'Databases=default'])).code).toBe(0);
    });

    it('says what plan include does with a date target, or one in the plan already; refuses an empty label', async () => {
      const [target] = await cli.json<PlanTargetJson[]>(['plan', 'targets']);
      const include = await cli.run(['plan', 'include', String(target!.id)]);
      expect(include.code).toBe(1);
      expect(include.stderr).toMatch(/^prepdeck: error: target #\d+ is a date target, always in the plan until `plan remove` deletes it;/);
      expect(include.stderr).not.toContain('excluded');
      const empty = await cli.run(['plan', 'set', '--date', inDays(9), '--label', '']);
      expect(empty.code).toBe(1);
      expect(empty.stderr).toMatch(/^prepdeck: error: --label: it is empty; give the target a name/);
      expect(await cli.json<PlanTargetJson[]>(['plan', 'targets'])).toHaveLength(1);
    });

    it('prints the calendar, lists, takes out and puts back targets', async () => {
      const ics = await cli.run(['plan', '--ics']);
      expect(ics.code).toBe(0);
      expect(ics.stdout).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(ics.stdout).toMatch(/UID:plan-prep-\d{4}-\d{2}-\d{2}@prepdeck/);
      const [target] = await cli.json<PlanTargetJson[]>(['plan', 'targets']);
      const removed = await cli.run(['plan', 'remove', String(target!.id)]);
      expect(removed.stdout).toMatch(/^removed: #\d+ Python, Databases/);
      expect(await cli.json<PlanTargetJson[]>(['plan', 'targets'])).toEqual([]);
      const include = await cli.run(['plan', 'include', String(target!.id)]);
      expect(include.code).toBe(1);
      expect(include.stderr).toMatch(/^prepdeck: error: no plan target \d+ in 'prep'/);
    });

    it('answers bad input with one line: misuse exit 2, refused values exit 1, nothing set', async () => {
      const cases: Array<[string[], number, RegExp]> = [
        [['plan', 'set'], 2, /nothing to set: give --date/],
        [['plan', 'set', '--date', '2026-02-30'], 2, /--date: '2026-02-30' is not a date/],
        [['plan', 'set', '--days', 'funday'], 2, /--days: 'funday' is not a day of the week/],
        [['plan', 'set', '--minutes', '0'], 2, /--minutes must be a whole number from 1 to 1440, not '0'/],
        [['plan', 'set', '--round', '3', '--date', inDays(5)], 2, /--round takes its time and sections from the round; leave --date out/],
        [['plan', 'set', '--sections', 'Python'], 2, /--sections belongs to a target: give its --date/],
        [['plan', 'set', '--date', inDays(-3)], 1, /error: --date: .* is not in the future/],
        [['plan', 'set', '--date', inDays(5), '--sections', 'Haskell'], 1, /error: --sections: no section of 'prep' is named 'Haskell'/],
        [
          ['plan', 'set', '--date', inDays(5), '--sections', 'Python,Databses'],
          1,
          /^prepdeck: error: --sections: no section of 'prep' is named 'Databses'; did you mean 'Databases'\?\n$/,
        ],
        [
          ['plan', 'set', '--section-learn', 'Pyton > Core=30'],
          1,
          /^prepdeck: error: --section-learn: no section of 'prep' is named 'Pyton > Core'; did you mean 'Python > Core'\?\n$/,
        ],
        [['plan', '--ics', '--json'], 2, /--ics prints the calendar/],
        [
          ['plan', 'set', '--minutes', '45', '--date', inDays(5), '--sections', 'Haskell'],
          1,
          /study time saved, but not the target: sections: no section/,
        ],
        [['review', '--plan', '--section', 'python', '--json'], 2, /--plan studies today's planned items/],
      ];
      for (const [args, code, message] of cases) {
        const result = await cli.run(args);
        expect(result.code, args.join(' ')).toBe(code);
        expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
        expect(result.stderr, args.join(' ')).toMatch(message);
      }
      expect(await cli.json<PlanTargetJson[]>(['plan', 'targets'])).toEqual([]);
    });
  });
}
