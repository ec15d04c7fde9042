// The hunt's words after a newcomer's walk through the README: what an edit or a second offer keeps, which dates and
// spellings are taken, and what each command says about what it did. Spawned as a user runs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetailJson } from '../../src/contract/hunt.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { EXAMPLE_CHECKLIST } from '../support/fixtures.js';
import { cliFor, lines, type Cli } from './run-cli.js';

const backend = BACKENDS.find((b) => b.name === 'sqlite') ?? BACKENDS[0]!;

describe.skipIf(backend.skipReason !== null)(`the hunt's words after the walk (${backend.name})`, { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let cli: Cli;
  beforeAll(async () => {
    database = await backend.createDatabase();
    cli = cliFor(database.location);
    expect((await cli.run(['import', EXAMPLE_CHECKLIST, '--name', 'prep'])).code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    cli.dispose();
    await database.drop();
  });

  /** Runs `args`, expecting `code` and one line on stderr matching `message`. */
  async function refused(args: string[], code: number, message: RegExp): Promise<string> {
    const result = await cli.run(args);
    expect(lines(result.stderr), args.join(' ')).toEqual([expect.stringMatching(message)]);
    expect(result.code, args.join(' ')).toBe(code);
    return lines(result.stderr)[0]!;
  }

  /** Runs `args`, expecting exit 0, and returns standard output. */
  async function said(args: string[]): Promise<string> {
    const result = await cli.run(args);
    expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
    return result.stdout;
  }

  it('followups done refuses a bad id in the prepdeck line, as every command does', async () => {
    await refused(['followups', 'done', 'ping'], 2, /^prepdeck: error: an id must be .*\(see --help\)$/);
    await refused(['followups', 'done'], 2, /^prepdeck: error: missing required argument 'id' \(see --help\)$/);
    await refused(['followups', 'done', '3', '--bogus'], 2, /^prepdeck: error: unknown option '--bogus' \(see --help\)$/);
  });

  const detail = async (app: string) => cli.json<ApplicationDetailJson>(['apps', 'show', app]);

  it('apps edit --salary keeps the salary in its currency and period unless they are given', async () => {
    await said(['apps', 'add', 'Salaried', '--salary', '100k-120k', '--currency', 'USD', '--per', 'month']);
    await said(['apps', 'edit', 'salaried', '--salary', '130k-160k']);
    expect((await detail('salaried')).application.salary).toEqual({ min: 130000, max: 160000, currency: 'USD', period: 'month' });
    await said(['apps', 'edit', 'salaried', '--salary', '90k', '--per', 'year']);
    expect((await detail('salaried')).application.salary).toEqual({ min: 90000, max: 90000, currency: 'USD', period: 'year' });
  });

  it('a second apps offer keeps what is not given again, says so, and --clear drops a detail', async () => {
    await said(['apps', 'add', 'Globex', '--stage', 'technical']);
    await said(['apps', 'offer', 'globex', '--base', '140000', '--currency', 'EUR', '--bonus', '10k', '--deadline', '2999-01-15']);
    const second = await said(['apps', 'offer', 'globex', '--base', '6000', '--per', 'month', '--start', '2999-02-01']);
    expect(second).toContain('Globex: offer changed');
    expect(second).toContain('kept from the offer before: bonus, deadline');
    expect((await detail('globex')).offer).toMatchObject({ base: 6000, currency: 'EUR', period: 'month', bonus: 10000, deadlineOn: '2999-01-15' });
    const cleared = await said(['apps', 'offer', 'globex', '--clear', 'deadline', '--clear', 'Bonus']);
    expect(cleared).toContain('cleared: deadline, bonus');
    expect((await detail('globex')).offer).toMatchObject({ base: 6000, bonus: null, deadlineOn: null, startOn: '2999-02-01' });
    await refused(
      ['apps', 'offer', 'globex', '--clear', 'deadline', '--deadline', '2999-01-20'],
      2,
      /--clear deadline and --deadline say opposite things/,
    );
    // Refused by the app, as PATCH .../offer refuses them, in the command's words.
    await refused(['apps', 'offer', 'salaried', '--bonus', '5k'], 1, /^prepdeck: error: --base: a first offer needs a base and a currency/);
    // A kept base under another period or currency would be another amount.
    await refused(
      ['apps', 'offer', 'globex', '--per', 'year'],
      1,
      /^prepdeck: error: --per: a new period changes what the base means .*: give the base with it$/,
    );
    await refused(['apps', 'offer', 'globex', '--currency', 'USD'], 1, /^prepdeck: error: --currency: a new currency changes what the base means/);
    await refused(['apps', 'offer', 'globex', '--vesting', '4 years'], 1, /^prepdeck: error: --equity: a vesting goes with an amount of equity/);
    // The equity's amount alone keeps its vesting.
    await said(['apps', 'offer', 'globex', '--equity', '20k', '--vesting', '4 years']);
    await said(['apps', 'offer', 'globex', '--equity', '30k']);
    expect((await detail('globex')).offer?.equity).toEqual({ amount: 30000, vesting: '4 years' });
    await said(['apps', 'offer', 'globex', '--clear', 'equity']);
    expect((await detail('globex')).offer).toMatchObject({ base: 6000, currency: 'EUR', period: 'month' });
  });

  it("takes the README's spellings of a choice, any case, and names the choices in one line otherwise", async () => {
    expect(await said(['apps', 'contact', 'globex', 'Dana Li', '--role', 'hiring manager'])).toContain('added Dana Li (hiring-manager)');
    await said(['apps', 'edit', 'globex', '--remote', 'Hybrid', '--per', 'Month', '--salary', '5k']);
    expect((await detail('globex')).application).toMatchObject({ remote: 'hybrid', salary: { period: 'month' } });
    await refused(
      ['apps', 'edit', 'globex', '--remote', 'mars'],
      2,
      /^prepdeck: error: --remote: 'mars' is not one of remote, hybrid, onsite \(see --help\)$/,
    );
    await refused(
      ['apps', 'contact', 'globex', 'Sam', '--role', 'boss'],
      2,
      /^prepdeck: error: --role: 'boss' is not one of recruiter, hiring-manager/,
    );
  });

  it('an add dated ahead says the stage is dated, and a move before the add alone says it was added then', async () => {
    await refused(
      ['apps', 'add', 'Hooli', '--on', '2999-01-01'],
      1,
      /^prepdeck: error: --on: 2999-01-01 is in the future .*; give the day it entered that stage$/,
    );
    await refused(['apps', 'add', 'Hooli', '--found-on', '2999-01-01'], 1, /^prepdeck: error: --found-on: 2999-01-01 is in the future/);
    await refused(
      ['apps', 'add', 'Hooli', '--found-on', '2020-01-05', '--on', '2020-01-01'],
      1,
      /^prepdeck: error: --on: 2020-01-01 is before the day it was found/,
    );
    // An edit of the date found checks it against the history, as the add checks it against --on.
    await said(['apps', 'add', 'Hooli', '--stage', 'applied', '--on', '2020-01-10']);
    await refused(
      ['apps', 'edit', 'hooli', '--found-on', '2020-01-12'],
      1,
      /^prepdeck: error: --found-on: 2020-01-12 is after the day it entered Applied \(2020-01-10\)/,
    );
    await refused(
      ['apps', 'move', 'salaried', 'applied', '--on', '2020-01-01'],
      1,
      /^prepdeck: error: --on: 2020-01-01 is before it was added \(on /,
    );
  });

  it('an amount too large is echoed as typed and refused as misuse, as one with letters is', async () => {
    await refused(
      ['apps', 'edit', 'globex', '--salary', '999999999999999999999999'],
      2,
      /^prepdeck: error: --salary: '999999999999999999999999' is more than an amount can be; write one up to 1,000,000,000,000 \(see --help\)$/,
    );
    await refused(['apps', 'edit', 'globex', '--salary', 'lots'], 2, /^prepdeck: error: --salary must be an amount/);
  });

  it('apps edit --stage points to apps move instead of suggesting --tag', async () => {
    await refused(
      ['apps', 'edit', 'globex', '--stage', 'onsite'],
      2,
      /^prepdeck: error: an edit leaves the stage alone: `prepdeck apps move globex onsite` moves it/,
    );
  });

  it('apps edit --tag replaces the tags, --add-tag and --remove-tag change them one at a time', async () => {
    await said(['apps', 'edit', 'globex', '--tag', 'backend', '--tag', 'eu']);
    await said(['apps', 'edit', 'globex', '--add-tag', 'us', '--remove-tag', 'EU', '--add-tag', 'Backend']);
    expect((await detail('globex')).application.tags).toEqual(['backend', 'us']);
    await refused(
      ['apps', 'edit', 'globex', '--remove-tag', 'berlin'],
      2,
      /^prepdeck: error: --remove-tag: it has no tag 'berlin' \(its tags: backend, us\)$/,
    );
    // Given twice in two cases, on an edit as on an add, a tag is kept once, as first spelled.
    await said(['apps', 'edit', 'globex', '--tag', 'Berlin', '--tag', 'berlin', '--tag', 'us']);
    expect((await detail('globex')).application.tags).toEqual(['Berlin', 'us']);
    await said(['apps', 'edit', 'globex', '--tag', 'us']);
    expect((await detail('globex')).application.tags).toEqual(['us']);
  });

  it("a group's help names its list's own options", async () => {
    expect(await said(['apps', '--help'])).toContain(
      'prepdeck apps alone lists them: prepdeck apps [--stage S] [--tag T] [-q WORDS] [--archived] [--json]',
    );
    expect(await said(['goals', '--help'])).toContain('prepdeck goals alone lists them: prepdeck goals [--archived] [--json]');
  });

  it('refuses the same contact twice on an application, shows contact ids, and edits or removes one by its id', async () => {
    await refused(
      ['apps', 'contact', 'globex', 'dana li'],
      1,
      /^prepdeck: error: NAME: Dana Li \(#\d+\) is a contact of this application already; change that one instead$/,
    );
    const [dana] = (await detail('globex')).contacts;
    expect(await said(['apps', 'show', 'globex'])).toContain(`Dana Li (hiring-manager) #${dana!.id}`);
    expect(await said(['apps', 'contact-edit', String(dana!.id), '--role', 'Recruiter', '--email', 'dana@globex.example'])).toContain(
      `Globex: changed Dana Li (recruiter) #${dana!.id}`,
    );
    await refused(['apps', 'contact-edit', String(dana!.id)], 2, /^prepdeck: error: say what to change: --name, --role/);
    expect(await said(['apps', 'contact-delete', String(dana!.id)])).toContain(`Globex: removed contact #${dana!.id}`);
    expect((await detail('globex')).contacts).toEqual([]);
    await refused(['apps', 'contact-delete', String(dana!.id)], 1, /^prepdeck: error: no contact \d+/);
  });

  it('a follow-up says when it is already past, or will be listed as due nowhere while its application is closed', async () => {
    expect(await said(['apps', 'follow-up', 'salaried', 'ping them', '--due', '2020-01-01'])).toMatch(
      /^Salaried: follow up on 2020-01-01: ping them\nnote: the follow-up is due on 2020-01-01, already past \(today is \d{4}-\d{2}-\d{2}\)\n/,
    );
    // --json says it too, in the answer's notices.
    const json = await cli.json<{ notices: string[] }>(['apps', 'follow-up', 'salaried', 'ping them again', '--due', '2020-01-02']);
    expect(json.notices).toEqual([expect.stringMatching(/^the follow-up is due on 2020-01-02, already past/)]);
    expect(await said(['apps'])).toMatch(/Salaried .*follow up 2020-01-01 \(\d+ days overdue\)/);
    await said(['apps', 'add', 'Initech', '--stage', 'rejected']);
    const closed = await said(['apps', 'follow-up', 'initech', 'ask for feedback', '--due', '2999-01-01']);
    expect(closed).toContain('not listed as due while the application is closed (`prepdeck followups --closed` lists it)');
    expect(await said(['apps'])).toMatch(/Initech .*follow-up 2999-01-01 kept, not due/);
  });

  it('refuses a link that is no web address, and says a past deadline or a mark on an archived criterion', async () => {
    await refused(['apps', 'edit', 'globex', '--link', 'notaurl'], 1, /^prepdeck: error: --link: 'notaurl' is not a web address; write it whole/);
    await said(['apps', 'edit', 'globex', '--link', 'https://globex.example/jobs/42']);
    expect(await said(['apps', 'offer', 'globex', '--deadline', '2020-01-01'])).toMatch(/the deadline 2020-01-01 is already past \(today is /);
    await said(['goals', 'add', 'small team']);
    await said(['goals', 'archive', 'small team']);
    expect(await said(['apps', 'mark', 'globex', 'small team', 'yes'])).toMatch(
      /note: 'small team' is archived: the mark is kept and counts in no fit until it is restored \(`prepdeck goals restore \d+`\)/,
    );
    expect((await cli.json<{ notices: string[] }>(['apps', 'mark', 'globex', 'small team', 'no'])).notices).toEqual([
      expect.stringMatching(/^'small team' is archived/),
    ]);
    expect((await cli.json<{ notices: string[] }>(['apps', 'offer', 'globex', '--deadline', '2020-01-03'])).notices).toEqual([
      expect.stringMatching(/^the deadline 2020-01-03 is already past/),
    ]);
  });

  it('a move that closes an application, or archiving it, says its upcoming rounds are called off', async () => {
    await said(['apps', 'add', 'Umbrella', '--stage', 'onsite']);
    await said(['rounds', 'add', 'umbrella', '--at', '2999-01-10T10:00', '--kind', 'onsite']);
    expect(await said(['apps', 'move', 'umbrella', 'withdrawn'])).toContain(
      'its upcoming interview round is called off: left out of `prepdeck rounds --upcoming`, the plan and the calendar until it reopens',
    );
    expect(await said(['apps', 'archive', 'umbrella'])).not.toContain('upcoming interview round');
    expect((await cli.json<{ roundsCalledOff: number }>(['apps', 'move', 'salaried', 'rejected'])).roundsCalledOff).toBe(0);
  });
});
