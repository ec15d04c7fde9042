// The job hunt's commands: goals (the criteria), apps (applications and their parts), followups, offers, funnel.
import { Option, type Command } from 'commander';
import { CONTACT_ROLES, MARK_VALUES, PAY_PERIODS, REMOTE_POLICIES } from '../../contract/vocabulary.js';
import { addCommon, checked, examples, fieldNames, parseId, wholeNumber } from '../command-kit.js';
import type { Handler } from '../program.js';
import { choice, OFFER_CLEARABLE, parseAmount, parseLocalDate, parseSalary, parseTag } from './parse.js';

type Action = (load: () => Promise<Handler>) => (...args: unknown[]) => Promise<void>;

const collect = (parse: (value: string) => string) => (value: string, previous: string[] | undefined) => [...(previous ?? []), parse(value)];

/** The fields of an application, shared by `apps add` and `apps edit`. */
function applicationOptions(command: Command): Command {
  return fieldNames(command, { tags: '--tag', 'salary.currency': '--currency', 'salary.period': '--per' })
    .option('--role <role>', 'the job title')
    .option('--link <url>', 'the posting')
    .option('--location <place>', 'city, country or region')
    .addOption(new Option('--remote <policy>', 'remote, hybrid or onsite').argParser(checked(choice('--remote', REMOTE_POLICIES))))
    .option('--salary <range>', 'a range such as 120000-150000, or one figure', checked(parseSalary))
    .option('--currency <code>', 'ISO 4217 code of --salary, e.g. EUR (default EUR)', checked(currencyCode))
    .addOption(
      new Option('--per <period>', 'what --salary is paid per: year (default), month or hour').argParser(checked(choice('--per', PAY_PERIODS))),
    )
    .option('--source <source>', 'where you found it: referral, job board, recruiter, ...')
    .option('--found-on <date>', 'when you found it, YYYY-MM-DD', checked(parseLocalDate('--found-on')))
    .option('--tag <tag>', 'a tag (repeatable); on edit, the tags given replace them all', checked(collect(parseTag)))
    .option('--notes <markdown>', 'notes, Markdown');
}

function currencyCode(value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new Error(`--currency must be a three-letter ISO 4217 code such as EUR or USD, not '${value}'`);
  return code;
}

export function addHuntCommands(program: Command, action: Action): void {
  const goalsCommands = async () => import('../commands/goals.js');
  const appsCommands = async () => import('../commands/apps.js');

  const goals = program
    .command('goals')
    .description("the hunt's criteria: your checklists' Goals and your own, each a gate (must-have) or weighted 1-5")
    .addHelpText('after', listedAlone('goals', '[--archived] [--json]'))
    .addHelpText('after', examples('prepdeck goals', 'prepdeck goals edit "full remote" --gate', 'prepdeck goals add "visa sponsorship" --weight 4'));
  addCommon(goals.command('list', { isDefault: true }).description('list the criteria'), false)
    .option('--archived', 'archived ones too')
    .addHelpText('after', examples('prepdeck goals', 'prepdeck goals --json'))
    .action(action(async () => (await goalsCommands()).goalsList));
  addCommon(goals.command('add').argument('<text...>', 'what you want').description('add a criterion of your own'), false)
    .option('--gate', 'a must-have: an application that does not meet it is flagged')
    .option('--weight <n>', 'how much it counts, 1-5 (default 3)', checked(wholeNumber('--weight', 1, 5)))
    .addHelpText('after', examples('prepdeck goals add "visa sponsorship" --gate', 'prepdeck goals add "small team" --weight 2'))
    .action(action(async () => (await goalsCommands()).goalsAdd));
  addCommon(
    goals
      .command('edit')
      .argument('<goal>', 'an id, or part of its text')
      .description('make a criterion a gate or weighted, change its weight, or the text of your own'),
    false,
  )
    .option('--gate', 'make it a must-have')
    .option('--weighted', 'make it count by its weight again')
    .option('--weight <n>', 'its weight, 1-5 (makes it weighted)', checked(wholeNumber('--weight', 1, 5)))
    .option('--text <text>', 'new text (only of your own criteria: a goal reads as the file writes it)')
    .addHelpText('after', examples('prepdeck goals edit "full remote" --gate', 'prepdeck goals edit плюшки --weight 2'))
    .action(action(async () => (await goalsCommands()).goalsEdit));
  for (const [name, archived, text] of [
    ['archive', true, 'archive a criterion: it keeps its marks and counts in no fit'],
    ['restore', false, 'bring an archived criterion back'],
  ] as const) {
    addCommon(goals.command(name).argument('<goal>', 'an id, or part of its text').description(text), false)
      .addHelpText('after', examples(`prepdeck goals ${name} "small team"`))
      .action(action(async () => (await goalsCommands()).goalsArchive(archived)));
  }

  const apps = program
    .command('apps')
    .description('job applications: their stage, how they meet your goals, contacts, follow-ups, offers')
    .addHelpText('after', listedAlone('apps', '[--stage S] [--tag T] [-q WORDS] [--archived] [--json]'))
    .addHelpText(
      'after',
      examples(
        'prepdeck apps',
        'prepdeck apps add Acme --role "Backend engineer" --stage applied',
        'prepdeck apps move acme screening',
        'prepdeck apps show acme',
      ),
    );
  addCommon(apps.command('list', { isDefault: true }).description('list the applications with their stage and fit'), false)
    .option('--stage <stage>', 'only those at this stage')
    .option('--tag <tag>', 'only those with this tag')
    .option('-q, --query <words>', 'only those whose company, role, location or tags contain these words')
    .option('--archived', 'archived ones too')
    .addHelpText('after', examples('prepdeck apps', 'prepdeck apps --stage technical', 'prepdeck apps --tag berlin --json'))
    .action(action(async () => (await appsCommands()).appsList));
  applicationOptions(
    addCommon(
      apps.command('add').argument('<company>', 'the company').description('add an application (at the wishlist stage unless --stage)'),
      false,
    ),
  )
    .option('--stage <stage>', 'its stage now (default wishlist)')
    .option('--on <date>', 'the day it entered that stage, YYYY-MM-DD (default --found-on, else today)', checked(parseLocalDate('--on')))
    .addHelpText(
      'after',
      examples(
        'prepdeck apps add Acme --role "Backend engineer" --stage applied --remote remote',
        'prepdeck apps add Initech --stage applied --on 2026-11-20',
        'prepdeck apps add "Яндекс" --salary 250000-300000 --currency RUB --per month --tag moscow',
      ),
    )
    .action(action(async () => (await appsCommands()).appsAdd));
  addCommon(
    apps.command('show').argument('<app>', 'an id, or part of the company or role').description('an application: details, fit, marks, history'),
    false,
  )
    .addHelpText('after', examples('prepdeck apps show acme', 'prepdeck apps show 3 --json'))
    .action(action(async () => (await appsCommands()).appsShow));
  fieldNames(
    addCommon(
      apps
        .command('move')
        .argument('<app>', 'an id, or part of the company or role')
        .argument('<stage>', 'the stage it is at now (`prepdeck apps stages` lists them)')
        .description('move an application to a stage; every move is kept in its history'),
      false,
    ),
    { to: 'STAGE' },
  )
    .option('--note <text>', 'what happened')
    .option('--on <date>', 'the day it happened, YYYY-MM-DD (default today)', checked(parseLocalDate('--on')))
    .addHelpText(
      'after',
      examples('prepdeck apps move acme screening --note "call with the recruiter"', 'prepdeck apps move 3 rejected --on 2026-11-30'),
    )
    .action(action(async () => (await appsCommands()).appsMove));
  addCommon(apps.command('stages').description("the hunt's stages, in board order"), false)
    .addHelpText('after', examples('prepdeck apps stages'))
    .action(action(async () => (await appsCommands()).appsStages));
  addCommon(
    apps
      .command('mark')
      .argument('<app>', 'an id, or part of the company or role')
      .argument('<goal>', 'a criterion: an id, or part of its text')
      .argument('<value>', MARK_VALUES.join(', '), checked(markValue))
      .description('say whether an application meets a criterion'),
    false,
  )
    .option('--note <text>', 'why, e.g. "2 days a week in the office"')
    .addHelpText('after', examples('prepdeck apps mark acme "full remote" yes', 'prepdeck apps mark acme плюшки no --note "no budget for courses"'))
    .action(action(async () => (await appsCommands()).appsMark));
  applicationOptions(
    addCommon(apps.command('edit').argument('<app>', 'an id, or part of the company or role').description("change an application's details"), false),
  )
    .option('--company <name>', 'the company')
    .option('--add-tag <tag>', 'add a tag, keeping the others (repeatable)', checked(collect(parseTag)))
    .option('--remove-tag <tag>', 'remove a tag, keeping the others (repeatable)', checked(collect(parseTag)))
    // Not an edit: taken only to point to `apps move`, which a typo's suggestion (--tag) would not.
    .addOption(new Option('--stage <stage>').hideHelp())
    .addHelpText(
      'after',
      examples(
        'prepdeck apps edit acme --salary 130000-160000 --currency USD',
        'prepdeck apps edit 3 --tag fintech --tag berlin',
        'prepdeck apps edit 3 --add-tag remote --remove-tag berlin',
      ),
    )
    .action(action(async () => (await appsCommands()).appsEdit));
  for (const [name, archived, text] of [
    ['archive', true, 'archive an application: it leaves the board, its history stays'],
    ['restore', false, 'bring an archived application back'],
  ] as const) {
    addCommon(apps.command(name).argument('<app>', 'an id, or part of the company or role').description(text), false)
      .addHelpText('after', examples(`prepdeck apps ${name} acme`))
      .action(action(async () => (await appsCommands()).appsArchive(archived)));
  }
  addCommon(
    apps
      .command('delete')
      .argument('<app>', 'an id, or part of the company or role')
      .description('delete an application with its whole history, contacts, follow-ups and offer, for good (archive keeps them)'),
    false,
  )
    .option('-y, --yes', 'yes, delete it and its history (required: there is no undo)')
    .addHelpText('after', examples('prepdeck apps delete 3 --yes'))
    .action(action(async () => (await appsCommands()).appsDelete));
  addCommon(
    apps
      .command('contact')
      .argument('<app>', 'an id, or part of the company or role')
      .argument('<name>', "the person's name")
      .description('add a contact to an application'),
    false,
  )
    .addOption(
      new Option('--role <role>', `who they are: ${CONTACT_ROLES.join(', ')} ("hiring manager" too)`)
        .argParser(checked(choice('--role', CONTACT_ROLES)))
        .default('recruiter'),
    )
    .option('--email <address>', 'their email')
    .option('--link <url>', 'a profile or page')
    .option('--notes <text>', 'anything to remember')
    .addHelpText('after', examples('prepdeck apps contact acme "Dana Li" --role recruiter --email dana@acme.example'))
    .action(action(async () => (await appsCommands()).appsContact));
  addCommon(
    apps
      .command('contact-edit')
      .argument('<id>', 'the contact id (`prepdeck apps show APP` shows it)', checked(parseId))
      .description("change a contact's name, role, email, link or notes"),
    false,
  )
    .option('--name <name>', 'their name')
    .addOption(new Option('--role <role>', `who they are: ${CONTACT_ROLES.join(', ')}`).argParser(checked(choice('--role', CONTACT_ROLES))))
    .option('--email <address>', 'their email (empty: none)')
    .option('--link <url>', 'a profile or page (empty: none)')
    .option('--notes <text>', 'anything to remember')
    .addHelpText('after', examples('prepdeck apps contact-edit 3 --role "hiring manager"', 'prepdeck apps contact-edit 3 --email ""'))
    .action(action(async () => (await appsCommands()).appsContactEdit));
  addCommon(
    apps
      .command('contact-delete')
      .argument('<id>', 'the contact id (`prepdeck apps show APP` shows it)', checked(parseId))
      .description('remove a contact from its application'),
    false,
  )
    .addHelpText('after', examples('prepdeck apps contact-delete 3'))
    .action(action(async () => (await appsCommands()).appsContactDelete));
  fieldNames(
    addCommon(
      apps
        .command('follow-up')
        .argument('<app>', 'an id, or part of the company or role')
        .argument('<title...>', 'what to do')
        .description('add a follow-up to an application (due today unless --due)'),
      false,
    ),
    { dueOn: '--due' },
  )
    .option('--due <date>', 'when, YYYY-MM-DD (default today)', checked(parseLocalDate('--due')))
    .addHelpText('after', examples('prepdeck apps follow-up acme "write to Dana about the schedule" --due 2026-12-08'))
    .action(action(async () => (await appsCommands()).appsFollowUp));
  fieldNames(
    addCommon(
      apps
        .command('offer')
        .argument('<app>', 'an id, or part of the company or role')
        .description("record an application's offer, or change it: what is not given again is kept (--clear drops a detail)"),
      false,
    ),
    { period: '--per', startOn: '--start', deadlineOn: '--deadline' },
  )
    .option('--base <amount>', 'base pay per --per (needed for a first offer)', checked(parseAmount('--base')))
    .option('--currency <code>', 'ISO 4217 code, e.g. EUR (needed for a first offer)', checked(currencyCode))
    .addOption(
      new Option('--per <period>', "what the base is paid per: year (a first offer's default), month or hour").argParser(
        checked(choice('--per', PAY_PERIODS)),
      ),
    )
    .option('--bonus <amount>', 'yearly bonus', checked(parseAmount('--bonus')))
    .option('--equity <amount>', 'equity grant, in the currency', checked(parseAmount('--equity')))
    .option('--vesting <text>', 'how the equity vests, e.g. "4 years, 1-year cliff"')
    .option('--sign-on <amount>', 'sign-on bonus', checked(parseAmount('--sign-on')))
    .option('--perks <text>', 'perks')
    .addOption(new Option('--remote <policy>', 'remote, hybrid or onsite').argParser(checked(choice('--remote', REMOTE_POLICIES))))
    .option('--start <date>', 'start date, YYYY-MM-DD', checked(parseLocalDate('--start')))
    .option('--deadline <date>', 'decision deadline, YYYY-MM-DD', checked(parseLocalDate('--deadline')))
    .option('--notes <text>', 'anything else')
    .option(
      '--clear <field>',
      `drop a detail the offer had (repeatable): ${Object.keys(OFFER_CLEARABLE).join(', ')}`,
      checked(collect(choice('--clear', Object.keys(OFFER_CLEARABLE)))),
    )
    .addHelpText(
      'after',
      examples(
        'prepdeck apps offer acme --base 140000 --currency EUR --bonus 10000 --deadline 2026-12-15',
        'prepdeck apps offer acme --base 150000',
        'prepdeck apps offer acme --clear deadline',
      ),
    )
    .action(action(async () => (await appsCommands()).appsOffer));

  const followups = addCommon(program.command('followups').description('open follow-ups, overdue first; `followups done ID` ticks one'), false);
  followups
    .option('--all', 'done ones too')
    .option('--closed', 'those of applications in a closed stage (rejected, withdrawn, ghosted, accepted) too')
    .addHelpText('after', examples('prepdeck followups', 'prepdeck followups --closed', 'prepdeck followups done 4', 'prepdeck followups --json'))
    .action(action(async () => (await import('../commands/followups.js')).followUpsList))
    .addCommand(
      addCommon(
        // Made apart from its parent, it takes the program's error output (the `prepdeck:` line) explicitly.
        program
          .createCommand('done')
          .copyInheritedSettings(followups)
          .argument('<id>', 'the follow-up id (`prepdeck followups` shows it)', checked(parseId))
          .description('tick a follow-up done (--undo opens it again)'),
        false,
      )
        .option('--undo', 'open it again')
        .addHelpText('after', examples('prepdeck followups done 4', 'prepdeck followups done 4 --undo'))
        .action(action(async () => (await import('../commands/followups.js')).followUpDone)),
    );

  addCommon(program.command('offers').description('the offers side by side: pay, fit, and each criterion'), false)
    .addHelpText('after', examples('prepdeck offers', 'prepdeck offers --json'))
    .action(action(async () => (await import('../commands/offers.js')).offers));

  addCommon(program.command('funnel').description('how applications convert from stage to stage, from their history'), false)
    .addHelpText('after', examples('prepdeck funnel', 'prepdeck funnel --json'))
    .action(action(async () => (await import('../commands/funnel.js')).funnelCommand));
}

/** A group's help names its list's own options, which `prepdeck GROUP` alone takes (its default command's). */
const listedAlone = (group: string, options: string) =>
  `\nprepdeck ${group} alone lists them: prepdeck ${group} ${options} (\`prepdeck ${group} list --help\` says more)`;

function markValue(value: string): (typeof MARK_VALUES)[number] {
  const found = MARK_VALUES.find((v) => v === value.toLowerCase());
  if (!found) throw new Error(`the mark must be ${MARK_VALUES.join(', ')}, not '${value}'`);
  return found;
}
