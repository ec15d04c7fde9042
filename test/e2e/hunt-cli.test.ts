// The job hunt from the terminal, spawned as a user runs it, on SQLite and on PostgreSQL: the walk-through.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApplicationDetailJson,
  ApplicationListJson,
  CriterionJson,
  FollowUpListJson,
  FunnelJson,
  OfferComparisonJson,
} from '../../src/contract/hunt.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { hasUserFixture, USER_FIXTURE } from '../support/fixtures.js';
import { cliEnv, cliFor, lines, runBin, type Cli } from './run-cli.js';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null || !hasUserFixture)(`the job hunt from the terminal (${backend.name})`, { timeout: 120_000 }, () => {
    let database: TestDatabase;
    let cli: Cli;
    let fixture: string;
    beforeAll(async () => {
      database = await backend.createDatabase();
      cli = cliFor(database.location);
      fixture = join(cli.home, 'job-interview-checklist.md');
      // The shared fixture is read-only: write its bytes, not the file with its mode.
      writeFileSync(fixture, readFileSync(USER_FIXTURE));
      expect((await cli.run(['import', fixture])).code).toBe(0);
    }, 60_000);
    afterAll(async () => {
      cli.dispose();
      await database.drop();
    });

    const criteria = async () => (await cli.json<{ criteria: CriterionJson[] }>(['goals'])).criteria;

    it("turns the file's five goals into criteria, makes two gates and weights the others", async () => {
      expect((await criteria()).map((k) => k.text)).toEqual([
        'full remote',
        'USA/Europe',
        'interesting companies',
        'плюшки',
        'опыт прохождения собеседований - relocation',
      ]);
      expect((await cli.run(['goals', 'edit', 'full remote', '--gate'])).code).toBe(0);
      expect((await cli.run(['goals', 'edit', 'usa/europe', '--gate'])).code).toBe(0);
      expect((await cli.run(['goals', 'edit', 'ПЛЮШКИ', '--weight', '2'])).code).toBe(0);
      expect((await cli.run(['goals', 'edit', 'interesting', '--weight', '5'])).code).toBe(0);
      const after = await criteria();
      expect(after.map((k) => [k.kind, k.weight])).toEqual([
        ['gate', 3],
        ['gate', 3],
        ['weighted', 5],
        ['weighted', 2],
        ['weighted', 3],
      ]);
      const text = await cli.run(['goals']);
      expect(text.stdout).toContain('плюшки  weight 2');
    });

    it('adds an application, marks it, moves it forward and back, and keeps every move in its history', async () => {
      const added = await cli.json<ApplicationDetailJson>([
        'apps',
        'add',
        'Acme',
        '--role',
        'Backend engineer',
        '--stage',
        'applied',
        '--remote',
        'remote',
        '--salary',
        '120k-150k',
        '--currency',
        'usd',
        '--tag',
        'fintech',
      ]);
      expect(added.application).toMatchObject({ company: 'Acme', stage: 'applied', remote: 'remote', tags: ['fintech'] });
      expect(added.application.salary).toEqual({ min: 120_000, max: 150_000, currency: 'USD', period: 'year' });
      expect((await cli.run(['apps', 'add', 'Globex', '--role', 'Platform engineer'])).code).toBe(0);

      for (const [goal, value] of [
        ['full remote', 'yes'],
        ['USA', 'no'],
        ['interesting', 'yes'],
        ['плюшки', 'no'],
      ])
        expect((await cli.run(['apps', 'mark', 'acme', goal!, value!])).code).toBe(0);
      for (const stage of ['screening', 'technical', 'screening'])
        expect((await cli.run(['apps', 'move', 'acme', stage, '--note', `to ${stage}`])).code).toBe(0);

      const shown = await cli.json<ApplicationDetailJson>(['apps', 'show', 'acme']);
      expect(shown.history.map((e) => [e.from, e.to])).toEqual([
        [null, 'applied'],
        ['applied', 'screening'],
        ['screening', 'technical'],
        ['technical', 'screening'],
      ]);
      expect(shown.history[3]!.note).toBe('to screening');
      // 5 x yes + 2 x no over the known weighted ones (5 + 2); one gate failed, one unknown left.
      expect(shown.application.fit).toMatchObject({ score: 5 / 7, unknown: 1, gates: { passed: 1, failed: 1, unknown: 0 } });
      expect(shown.application.fit.failedGates).toHaveLength(1);

      const text = await cli.run(['apps', 'show', 'acme']);
      expect(text.stdout).toMatch(/Technical → Screening/);
      expect(text.stdout).toMatch(/1 gate failed/);
      const list = await cli.run(['apps']);
      expect(list.stdout).toMatch(/Acme — Backend engineer\s+Screening/);
      expect(list.stdout).toMatch(/Globex — Platform engineer\s+Wishlist/);
    });

    it("writes an application's history on the hunt's clock, naming the zone, and says which filter found nothing", async () => {
      const shown = await cli.json<ApplicationDetailJson>(['apps', 'show', 'acme']);
      // The hunt's zone is this machine's, here Japan's: 9 h ahead of UTC all year.
      const inJapan = await runBin(['apps', 'show', 'acme'], { ...cliEnv(cli.location, cli.home), TZ: 'Asia/Tokyo' });
      const local = (iso: string) => new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
      const text = lines(inJapan.stdout);
      expect(text).toContain(`  stage:      Screening since ${local(shown.application.stageChangedAt).slice(0, 10)}`);
      const history = text.indexOf('  history (Asia/Tokyo):');
      expect(text.slice(history + 1, history + 3)).toEqual([
        `    ${local(shown.history[0]!.at)}  added at Applied`,
        `    ${local(shown.history[1]!.at)}  Applied → Screening  to screening`,
      ]);
      // --json keeps the instants.
      expect(shown.history.every((e) => /^\d{4}-\d{2}-\d{2}T.*Z$/.test(e.at))).toBe(true);

      for (const [args, said] of [
        [['apps', '--stage', 'onsite'], 'no applications at Onsite; `prepdeck apps` lists all 2'],
        [['apps', '--tag', 'berlin', '-q', 'rust'], "no applications tagged berlin, matching 'rust'; `prepdeck apps` lists all 2"],
      ] as const) {
        const result = await cli.run([...args]);
        expect([args.join(' '), result.code, result.stdout]).toEqual([args.join(' '), 0, `${said}\n`]);
      }
    });

    it('keeps contacts, follow-ups due today on the list, and offers side by side', async () => {
      expect((await cli.run(['apps', 'contact', 'acme', 'Dana Li', '--email', 'dana@acme.example'])).code).toBe(0);
      expect((await cli.run(['apps', 'follow-up', 'acme', 'ask', 'about', 'the', 'onsite'])).code).toBe(0);
      const due = await cli.json<FollowUpListJson>(['followups']);
      expect(due.followUps).toHaveLength(1);
      expect(due.followUps[0]).toMatchObject({ company: 'Acme', overdueDays: 0, followUp: { title: 'ask about the onsite', dueOn: due.today } });
      expect((await cli.run(['followups'])).stdout).toMatch(/ask about the onsite .*due today/);
      const help = await cli.run(['followups', 'done', '--help']);
      expect(help.stdout).toContain('Examples:\n  $ prepdeck followups done 4\n');

      expect((await cli.run(['apps', 'offer', 'acme', '--base', '140000', '--currency', 'USD', '--deadline', '2026-12-20'])).code).toBe(0);
      expect((await cli.run(['apps', 'offer', 'globex', '--base', '9000', '--currency', 'EUR', '--per', 'month', '--bonus', '5k'])).code).toBe(0);
      const comparison = await cli.json<OfferComparisonJson>(['offers']);
      expect(comparison.offers.map((o) => [o.application.company, o.yearlyBase])).toEqual(
        expect.arrayContaining([
          ['Acme', 140_000],
          ['Globex', 108_000],
        ]),
      );
      const table = await cli.run(['offers']);
      expect(table.stdout).toMatch(/per year\s+140,000 USD\s+108,000 EUR|per year\s+108,000 EUR\s+140,000 USD/);
      const detail = await cli.json<ApplicationDetailJson>(['apps', 'show', 'acme']);
      expect(detail.contacts.map((k) => [k.name, k.role])).toEqual([['Dana Li', 'recruiter']]);
    });

    it('counts the funnel from the history and exports a CSV a parser reads back', async () => {
      const funnel = await cli.json<FunnelJson>(['funnel']);
      // Both offers moved their applications to the offer stage: Globex jumped there from the wishlist, which passes
      // screening too.
      expect(funnel.stages.map((s) => [s.stage, s.reached])).toEqual([
        ['applied', 2],
        ['screening', 2],
        ['technical', 2],
        ['onsite', 2],
        ['offer', 2],
      ]);
      const out = join(cli.home, 'applications.csv');
      expect((await cli.run(['export', '--format', 'csv', '-o', out])).code).toBe(0);
      const bytes = readFileSync(out);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parse<Record<string, string>>(bytes, { bom: true, columns: true });
      expect(rows.map((row) => Object.values(row).includes('Acme'))).toContain(true);
      expect(rows).toHaveLength((await cli.json<ApplicationListJson>(['apps'])).applications.length);
    });

    it('re-imports the file with a goal reworded and keeps its marks', async () => {
      const before = (await criteria()).find((k) => k.text === 'плюшки')!;
      writeFileSync(fixture, readFileSync(fixture, 'utf8').replace('* плюшки\n', '* плюшки и бонусы\n'));
      expect((await cli.run(['import', fixture])).code).toBe(0);
      const after = (await criteria()).find((k) => k.id === before.id)!;
      expect(after.text).toBe('плюшки и бонусы');
      const acme = await cli.json<ApplicationDetailJson>(['apps', 'show', 'acme']);
      expect(acme.marks.find((m) => m.criterionId === before.id)?.value).toBe('no');
    });

    it('refuses bad input with one line and writes nothing', async () => {
      const before = await cli.json<ApplicationListJson>(['apps', '--archived']);
      const cases: Array<[string[], number, RegExp]> = [
        [['apps', 'add', 'Initech', '--salary', '12O000'], 2, /--salary must be an amount such as 120000 or 120k, not '12O000'/],
        [['apps', 'add', 'Initech', '--found-on', '2026-02-30'], 2, /--found-on: '2026-02-30' is not a date \(February 2026 has 28 days\)/],
        [['apps', 'add', 'Initech', '--stage', 'interviewing'], 2, /--stage: there is no stage 'interviewing'/],
        [['apps', 'move', 'acme', 'nowhere'], 2, /STAGE: there is no stage 'nowhere'/],
        [['apps', 'mark', 'acme', 'full remote', 'maybe'], 2, /the mark must be yes, no, unknown, not 'maybe'/],
        [['apps', 'mark', 'acme', 'no such goal', 'yes'], 1, /no such goal/],
        [['goals', 'edit', 'плюшки', '--weight', '-1'], 2, /--weight must be a whole number from 1 to 5/],
        // Acme has an offer: a second one changes it, so only a word --clear does not know is refused.
        [['apps', 'offer', 'acme', '--clear', 'salary'], 2, /--clear: 'salary' is not one of bonus, equity/],
        [['apps', 'delete', 'acme'], 2, /--yes/],
        [['apps', 'show', 'e'], 1, /Acme|Globex/],
        [
          ['goals', 'add', 'FULL  remote', '--gate'],
          1,
          /^prepdeck: error: TEXT: criterion #\d+ 'full remote' says that already; change that one instead \(`prepdeck goals edit \d+`\)\n$/,
        ],
      ];
      const criteriaBefore = await criteria();
      for (const [args, code, message] of cases) {
        const result = await cli.run(args);
        expect([args.join(' '), result.code]).toEqual([args.join(' '), code]);
        expect(result.stderr).toMatch(message);
      }
      expect(await cli.json<ApplicationListJson>(['apps', '--archived'])).toEqual(before);
      expect(await criteria()).toEqual(criteriaBefore);
    });

    it('archives without losing the history, and deletes only when told in words', async () => {
      expect((await cli.run(['apps', 'archive', 'globex'])).code).toBe(0);
      expect((await cli.json<ApplicationListJson>(['apps'])).applications.map((a) => a.company)).toEqual(['Acme']);
      expect((await cli.run(['apps', 'restore', 'globex'])).code).toBe(0);
      const deleted = await cli.run(['apps', 'delete', 'globex', '--yes']);
      expect([deleted.code, deleted.stdout]).toEqual([0, 'deleted Globex — Platform engineer and its history\n']);
      expect((await cli.json<ApplicationListJson>(['apps', '--archived'])).applications.map((a) => a.company)).toEqual(['Acme']);
    });
  });
}
