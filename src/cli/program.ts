// Every command of the CLI: its arguments, options and help. Handlers load lazily, when run.
import { Command, CommanderError, Option } from 'commander';
import {
  addCommon,
  checked,
  decimal,
  examples,
  inCommandWords,
  parseId,
  refuseUnknownSubcommands,
  timeZoneOption,
  wholeNumber,
} from './command-kit.js';
import { InvalidInputError } from '../core/errors.js';
import { TOPIC_STATES, type TopicState } from '../core/checklist/model.js';
import { didYouMean, stateRefusal } from '../app/nearest.js';
import { SKIPPED_AS, TOPICS_CHOICES } from '../contract/vocabulary.js';
import { parseTopicIds, stateOf } from '../core/validate.js';
import { isStep } from '../core/review/settings.js';
import { addHuntCommands } from './hunt/register.js';
import { registerGapCommands } from './interviews/gaps.js';
import { addInterviewCommands } from './interviews/register.js';
import { registerStoryCommands } from './interviews/stories.js';
import { registerPlanCommands } from './plan/register.js';
import { readVersion } from './version.js';
import { colors, EXIT_MISUSE, EXIT_OK, printJson, reportError, UsageError, type Colors } from './output.js';

export interface CommonOptions {
  json?: boolean;
  db?: string;
  checklist?: string;
}

export interface CommandContext {
  json: boolean;
  color: Colors;
  dbFlag: string | undefined;
  checklist: string | undefined;
}

export type Handler = (ctx: CommandContext, ...args: never[]) => Promise<void>;

/**
 * Commander puts its own sentence before a parser's message (`option '--retention <r>' argument '1.5' is
 * invalid.`); ours names the option or the argument and the value already, so it stands alone.
 */
function withoutRestatement(text: string): string {
  return oneLineSuggestion(text)
    .replace(/^error: option '[^']*' argument '.*?' is invalid\. (?=--)/s, 'error: ')
    .replace(/^error: command-argument value '.*?' is invalid for argument '[^']*'\. /s, 'error: ');
}

/** Commander suggests on a line of its own (`\n(Did you mean list?)`); an error is one line. */
function oneLineSuggestion(text: string): string {
  return withNearestChoice(text.replace(/\n\(Did you mean (.+?)\?\)/, "; did you mean '$1'?"));
}

/**
 * A value outside an option's choices (`--topics heading`) in the words of the other typos: the option, the value, the
 * choices, and the nearest of them when one is near (`did you mean 'headings'?`), instead of commander's sentence.
 */
function withNearestChoice(text: string): string {
  const choice = /^error: option '(?:[^']*, )?(--?[\w-]+)[^']*' argument '(.*?)' is invalid\. Allowed choices are (.+?)\.?$/s.exec(text.trim());
  if (!choice) return text;
  const [, option, value, allowed] = choice as unknown as [string, string, string, string];
  const choices = allowed.split(', ');
  return `error: ${option}: '${value}' is not one of ${choices.join(', ')}${didYouMean(value, choices)}`;
}

/**
 * A state, `done` for known included (as `x` is on the Checklist page); one wording for any other word, naming the
 * nearest state when one is near. An option's parser names the option (`--state: ...`), as commander's restatement of
 * it is dropped.
 */
function stateParser(option?: string): (value: string) => TopicState {
  const lead = option === undefined ? '' : `${option}: `;
  return (value) => {
    const state = stateOf(value);
    if (state === null) throw new InvalidInputError(`${lead}${stateRefusal(value)}`);
    return state;
  };
}

function buildProgram(onRun: (load: () => Promise<Handler>, command: Command, args: unknown[]) => Promise<void>): Command {
  const program = new Command('prepdeck')
    // `plan --days 7` and `plan set --days mon-fri`: a command's options stay its own, not its subcommands'.
    .enablePositionalOptions()
    .description('Turn a Markdown interview-prep checklist into a tracked study plan.')
    .version(readVersion(), '-V, --version')
    // Before the command as after it (`prepdeck -c work list`, `prepdeck --db x.db list`); each command takes them too.
    .option('-c, --checklist <name>', 'this checklist instead of the current one (see `prepdeck use`)')
    .option('--json', 'print stable JSON instead of text')
    .option('--db <location>', 'database file or postgres:// URL (default: PREPDECK_DB, DATABASE_URL, then the XDG data dir)')
    .configureOutput({ outputError: (text, write) => write(`prepdeck: ${withoutRestatement(text).replace(/\.?\n*$/, '')} (see --help)\n`) })
    .addHelpText(
      'after',
      examples(
        'prepdeck start',
        'prepdeck import job-interview-checklist.md',
        'prepdeck list --state learning',
        'prepdeck mark descriptors known',
        'prepdeck search ПЛЮШКИ',
      ),
    );

  const action =
    (load: () => Promise<Handler>) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      await onRun(load, command, args.slice(0, -2));
    };

  addCommon(program.command('start').description('import the bundled example checklist on first run, then show progress'), false)
    .addHelpText('after', examples('prepdeck start'))
    .action(action(async () => (await import('./commands/start.js')).start));

  addCommon(
    program.command('import').argument('<file>', 'a Markdown checklist').description('import a checklist, or re-import it keeping all progress'),
    false,
  )
    .option('-n, --name <name>', 'checklist name (default: the file name)')
    // As on every command that works on a checklist (`prepdeck -c work import FILE`): here it names the one imported into.
    .option('-c, --checklist <name>', 'the same as --name')
    .addOption(
      new Option(
        '--topics <reading>',
        'what the topics are: all = every list item (an outline), tasks = task items only, headings = each leaf heading (a guide written as headings; its bullets are details)',
      )
        .choices(TOPICS_CHOICES)
        .default('auto'),
    )
    .option('--dry-run', 'show what would change and write nothing')
    .option('--backup', 'the file is a backup (`prepdeck export --format json`): restore its checklists as they were, reviews and history included')
    .addHelpText(
      'after',
      examples(
        'prepdeck import job-interview-checklist.md',
        'prepdeck import plan.md --topics tasks --dry-run',
        'prepdeck import system-design-primer.md --topics headings',
        'prepdeck import notes.md --json',
        'prepdeck import --backup progress.json --name restored',
      ),
    )
    .action(action(async () => (await import('./commands/import.js')).importCommand));

  addCommon(
    program
      .command('sync')
      .argument('<file>', 'a Markdown checklist you imported')
      .description("keep a checklist and its file in step: bring the file's edits in; with --write, put each topic's state into it as task markers"),
    false,
  )
    .option('-n, --name <name>', 'the checklist to sync (default: the one imported from this file; the current one when several were)')
    // As on every command that works on a checklist (`prepdeck -c work sync FILE`): here it names the one to sync.
    .option('-c, --checklist <name>', 'the same as --name')
    .option('--write', 'write each state into the file as a task marker: known [x], others [ ] (only where a marker is, unless --all)')
    .option('--all', 'with --write: give every study topic a marker (goals and books never get one)')
    .option('--cards', 'with --write: also write the cards added in prepdeck under their topics (`question :: answer`)')
    .addOption(
      new Option('--skipped <marker>', "with --write: what a skipped topic's marker becomes (default: keep it as it is)").choices(SKIPPED_AS),
    )
    .option('--force', 'with --write: write the file even when you made it read-only (it stays read-only)')
    .addOption(
      new Option(
        '--topics <reading>',
        'what the topics are: all (list items), tasks (task items), headings (leaf headings); default: as the last import chose',
      ).choices(TOPICS_CHOICES),
    )
    .option('--dry-run', 'show what would change (with --write, as a unified diff) and write nothing')
    .option('--watch', "keep bringing the file's edits in as it changes, a line per change, until Ctrl+C")
    .addHelpText(
      'after',
      examples(
        'prepdeck sync job-interview-checklist.md',
        'prepdeck sync job-interview-checklist.md --write --dry-run',
        'prepdeck sync plan.md --write --all --skipped done',
        'prepdeck sync job-interview-checklist.md --write --cards',
        'prepdeck sync job-interview-checklist.md --watch',
      ),
    )
    .action(action(async () => (await import('./commands/sync.js')).sync));

  addCommon(program.command('checklists').description('list the imported checklists with their progress'), false)
    .addHelpText('after', examples('prepdeck checklists', 'prepdeck checklists --json'))
    .action(action(async () => (await import('./commands/checklists.js')).checklists));

  addCommon(
    program
      .command('use')
      .argument('[name]', 'the checklist, as `prepdeck checklists` names it')
      .description('choose the checklist the other commands work on when -c names none (import chooses the one it imports)'),
    false,
  )
    .addHelpText('after', examples('prepdeck use job-interview-checklist', 'prepdeck use   # says which one it is'))
    .action(action(async () => (await import('./commands/use.js')).use));

  addCommon(program.command('list').description('show the tree as in the file, with states and progress bars'))
    .option('-s, --state <state>', `only topics in this state: ${TOPIC_STATES.join(', ')} (done: known)`, checked(stateParser('--state')))
    .option('--section <fragment>', 'only sections whose path contains this')
    .addHelpText('after', examples('prepdeck list', 'prepdeck list --state learning', 'prepdeck list --section aws'))
    .action(action(async () => (await import('./commands/list.js')).list));

  addCommon(
    program
      .command('show')
      .argument('<topic>', 'an id, or part of the title (`aws/s3/signed` narrows by section)')
      .description('show a topic: state, notes, resources, history'),
  )
    .addHelpText('after', examples('prepdeck show 42', 'prepdeck show descriptors', 'prepdeck show "python/other/slots"'))
    .action(action(async () => (await import('./commands/show.js')).show));

  addCommon(
    program
      .command('add')
      .argument('<section>', 'a section: its title (`Other`) or its path (`Python > Core`), any case')
      .argument('<title>', "the new topic's title, one line, as typed (`*` and `_` stay themselves; links and `code` are Markdown)")
      .description('add a study topic to a section; the next `sync FILE --write` writes it into the file, last in that section'),
  )
    .addHelpText(
      'after',
      examples(
        'prepdeck add Other "Design a rate limiter"',
        'prepdeck add "python > core" "__slots__ and memory"',
        'prepdeck add Databases "MVCC" -c work --json',
      ),
    )
    .action(action(async () => (await import('./commands/add.js')).add));

  addCommon(
    program
      .command('unadd')
      .argument('<topic>', 'an id, or part of the title, of a topic added in prepdeck')
      .description('remove a topic added in prepdeck (add, or an interview question) before `sync FILE --write` puts it into the file'),
  )
    .option('-y, --yes', 'also when it has reviews, question/answer cards, notes or interview questions of yours: they go with it')
    .addHelpText(
      'after',
      `\nA topic of your file is removed in the file: delete its line, then \`prepdeck import FILE\` (or sync) archives it.\n${examples(
        'prepdeck unadd "Desing a rate limiter"',
        'prepdeck unadd 42 --yes',
        'prepdeck unadd "rate limiter" -c work --json',
      )}`,
    )
    .action(action(async () => (await import('./commands/unadd.js')).unadd));

  addCommon(
    program
      .command('mark')
      .argument('<topic>', 'an id, or part of the title')
      .argument('<state>', `one of ${TOPIC_STATES.join(', ')} (done: known)`, checked(stateParser()))
      .description('set the state of a topic'),
  )
    .option('--confidence <n>', 'how sure you are, 1-4', checked(wholeNumber('--confidence', 1, 4)))
    .addHelpText('after', examples('prepdeck mark 42 known', 'prepdeck mark "SELECT FOR UPDATE" learning --confidence 2'))
    .action(action(async () => (await import('./commands/mark.js')).mark));

  addCommon(
    program
      .command('note')
      .argument('<topic>', 'an id, or part of the title')
      .argument('[text]', 'the notes (Markdown); from standard input or $EDITOR when left out')
      .description("write a topic's notes"),
  )
    .option('--append', 'add to the notes as a new paragraph instead of replacing them')
    .option('--clear', 'erase the notes (empty input never does)')
    .addHelpText(
      'after',
      examples(
        'prepdeck note descriptors "__get__, __set__, __delete__"',
        'echo "see the Raymond Hettinger talk" | prepdeck note 42 --append',
        'prepdeck note 42   # opens $EDITOR',
        'prepdeck note 42 --clear',
      ),
    )
    .action(action(async () => (await import('./commands/note.js')).note));

  addCommon(program.command('progress').description('progress overall and per section'))
    .option(
      '--depth <n>',
      'section depth to show (default: all)',
      checked((v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) throw new InvalidInputError(`--depth must be a whole number, not '${v}'`);
        return n;
      }),
    )
    .addHelpText('after', examples('prepdeck progress', 'prepdeck progress --depth 1 --json'))
    .action(action(async () => (await import('./commands/progress.js')).progress));

  addCommon(program.command('search').argument('<query...>', 'words to find, any case, any script').description('find topics by title or notes'))
    .option('--all', 'in every checklist, not only the current one')
    .addHelpText('after', examples('prepdeck search generator', 'prepdeck search ПЛЮШКИ', 'prepdeck search --all SELECT'))
    .action(action(async () => (await import('./commands/search.js')).search));

  addCommon(program.command('export').description('write a checklist out as JSON (with its backup) or Markdown, or the job applications as CSV'))
    .addOption(
      new Option('-f, --format <format>', 'output format (json: the tree and a backup `import --backup` restores; csv: the applications)')
        .choices(['json', 'md', 'csv'])
        .default('md'),
    )
    .option('-o, --output <file>', 'write to a new file instead of standard output')
    .option('--force', "with -o: write over a file that is there already (never over a checklist's own Markdown file)")
    .addHelpText(
      'after',
      examples(
        'prepdeck export --format md > checklist.md',
        'prepdeck export --format json -o progress.json',
        'prepdeck export --format json -o progress.json --force',
        'prepdeck export -c interview-prep',
        'prepdeck export --format csv -o applications.csv',
      ),
    )
    .action(action(async () => (await import('./commands/export.js')).exportCommand));

  addCommon(
    program
      .command('remove')
      .argument('<name>', 'the checklist, as `prepdeck checklists` names it')
      .description('remove a checklist with all its progress and history, for good'),
    false,
  )
    .option('-y, --yes', 'yes, remove it (required: there is no undo)')
    .addHelpText('after', examples('prepdeck remove interview-prep --yes'))
    .action(action(async () => (await import('./commands/remove.js')).remove));

  addCommon(
    program
      .command('review')
      .description("study today's cards in the terminal: space shows the answer, 1-4 rates it (again, hard, good, easy), u undoes, q quits"),
  )
    .option('--section <fragment>', 'only cards of sections whose path contains this')
    .option('--plan', "today's planned items (`prepdeck plan`) in the plan's order, due or not")
    .option(
      '--topics <ids>',
      'only the cards of these topics, ids comma-separated (`prepdeck gaps` shows the worst ones)',
      checked((v) => parseTopicIds(v)),
    )
    .option(
      '--limit <n>',
      'stop after this many cards (with --json: list at most this many)',
      checked((v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 500) throw new InvalidInputError(`--limit must be a whole number from 1 to 500, not '${v}'`);
        return n;
      }),
    )
    .addHelpText(
      'after',
      `\nKeys: space or enter shows the answer · 1 again · 2 hard · 3 good · 4 easy · u undoes the last answer · ↑ ↓ PgUp PgDn scroll a card taller than the terminal · q, Esc or Ctrl+C quits (every answer is already saved).\nNew cards and reviews per day follow the checklist's review settings.\n${examples('prepdeck review', 'prepdeck review --section python', 'prepdeck review --limit 20', 'prepdeck review --json')}`,
    )
    .action(action(async () => (await import('./commands/review.js')).review));

  addCommon(program.command('optimize').description("fit FSRS parameters to a checklist's own review log and compare them with the defaults"))
    .option('--apply', "save the fitted parameters into the checklist's review settings (when they predict the log better)")
    .addHelpText('after', examples('prepdeck optimize', 'prepdeck optimize --apply', 'prepdeck optimize --json'))
    .action(action(async () => (await import('./commands/optimize.js')).optimize));

  const card = program.command('card').description("a topic's own question/answer cards: add, list, edit, remove");
  card.addHelpText(
    'after',
    `\nCards can also be written in the checklist file, under their topic:\n  - What does send() do? :: resumes the generator with a value\nor over several lines, a line holding only ? between the question and the answer.\n${examples('prepdeck card add generators "What does close() raise?" GeneratorExit', 'prepdeck card list generators', 'prepdeck card edit 42 --answer "GeneratorExit, at the paused yield"', 'prepdeck card remove 42')}`,
  );
  addCommon(
    card
      .command('add')
      .argument('<topic>', 'an id, or part of the title')
      .argument('<question>', 'the front (Markdown)')
      .argument('<answer>', 'the back (Markdown)')
      .description('add a question/answer card under a study topic'),
  )
    .addHelpText('after', examples('prepdeck card add "SELECT FOR UPDATE" "What does it lock?" "the selected rows, until commit"'))
    .action(action(async () => (await import('./commands/card.js')).cardAdd));
  addCommon(card.command('list').argument('<topic>', 'an id, or part of the title').description("a topic's cards with their schedule"))
    .addHelpText('after', examples('prepdeck card list generators', 'prepdeck card list 42 --json'))
    .action(action(async () => (await import('./commands/card.js')).cardList));
  addCommon(
    card
      .command('edit')
      .argument('<id>', 'the card id (`prepdeck card list` shows it)', checked(parseId))
      .description('change the question or answer of a card added in prepdeck'),
    false,
  )
    .option('-q, --question <text>', 'the new front')
    .option('-a, --answer <text>', 'the new back')
    .addHelpText('after', examples('prepdeck card edit 42 --answer "GeneratorExit"'))
    .action(action(async () => (await import('./commands/card.js')).cardEdit));
  addCommon(
    card
      .command('remove')
      .argument('<id>', 'the card id', checked(parseId))
      .description('stop reviewing a card added in prepdeck (its reviews stay in the log)'),
    false,
  )
    .addHelpText('after', examples('prepdeck card remove 42'))
    .action(action(async () => (await import('./commands/card.js')).cardRemove));

  addCommon(
    program.command('settings').description("show or change how a checklist's cards are scheduled: retention, steps, daily limits, day start"),
  )
    .option('--retention <r>', 'desired retention, 0.70-0.99 (default 0.9)', checked(decimal('--retention', 0.7, 0.99)))
    .option('--max-interval <days>', 'longest interval in days', checked(wholeNumber('--max-interval', 1, 36500)))
    .option('--fuzz', 'spread due dates a little (default)')
    .option('--no-fuzz', 'keep due dates exact')
    .option('--steps <steps...>', 'learning steps, e.g. 1m 10m', checked(steps('--steps')))
    .option('--relearning-steps <steps...>', 'relearning steps, e.g. 10m', checked(steps('--relearning-steps')))
    .option('--new-per-day <n>', 'new cards introduced per study day', checked(wholeNumber('--new-per-day', 0, 9999)))
    .option('--reviews-per-day <n>', 'reviews per study day', checked(wholeNumber('--reviews-per-day', 0, 99999)))
    .option('--day-starts-at <hour>', 'hour a study day begins, 0-23 (default 4)', checked(wholeNumber('--day-starts-at', 0, 23)))
    .option(
      '--time-zone <zone>',
      "IANA time zone such as Europe/Berlin, or 'local' for this machine's",
      checked(timeZoneOption('--time-zone', { local: true })),
    )
    .option('--reset-parameters', 'go back to the default FSRS parameters')
    .addHelpText(
      'after',
      examples(
        'prepdeck settings',
        'prepdeck settings --retention 0.85 --new-per-day 10',
        'prepdeck settings --day-starts-at 5 --time-zone Europe/Moscow',
      ),
    )
    .action(action(async () => (await import('./commands/settings.js')).settings));

  addCommon(program.command('serve').description('serve the web UI and its HTTP API (imports the bundled example on first run)'), false)
    .option('--host <host>', 'address to listen on; 0.0.0.0 opens it to your network', '127.0.0.1')
    .option('-p, --port <port>', 'port to listen on; 0 picks a free one', checked(parsePort), 4321)
    .option(
      '--allowed-host <name>',
      'another host name to answer to, such as a DNS name of this machine (repeatable)',
      (name: string, previous: string[]) => [...previous, name],
      [] as string[],
    )
    .addOption(
      new Option('--log <level>', 'structured log level, on standard error').choices(['silent', 'error', 'warn', 'info', 'debug']).default('info'),
    )
    .addHelpText(
      'after',
      examples(
        'prepdeck serve',
        'prepdeck serve --port 8080 --log warn',
        'DATABASE_URL=postgres://me@db/prep prepdeck serve --host 0.0.0.0 --allowed-host prep.lan',
      ),
    )
    .action(action(async () => (await import('./commands/serve.js')).serve));

  addHuntCommands(program, action);
  addInterviewCommands(program, action);
  registerGapCommands(program, action);
  registerStoryCommands(program, action);
  registerPlanCommands(program, action);

  return program;
}

/** A parser of one step of a variadic steps option (`1m`, `10m`, `1h`, `1d`), collecting them. */
function steps(name: string): (value: string, previous: string[] | undefined) => string[] {
  return (value, previous) => {
    if (!isStep(value)) throw new InvalidInputError(`${name} takes steps such as 1m, 10m, 1h or 1d, not '${value}'`);
    return [...(previous ?? []), value];
  };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidInputError(`--port must be a whole number from 0 to 65535, not '${value}'`);
  return port;
}

/** The options given before the command (`prepdeck --db x.db list`), nearest first. */
function optionsBefore(command: Command): CommonOptions[] {
  const found: CommonOptions[] = [];
  for (let parent = command.parent; parent !== null; parent = parent.parent) found.push(parent.opts<CommonOptions>());
  return found;
}

/**
 * The checklist -c names, before the command (`prepdeck -c work list`) or after it (`prepdeck list -c work`); refused
 * for a command that works on no checklist, and when the two name different ones.
 */
function checklistOption(command: Command): string | undefined {
  // Read apart, not merged with optsWithGlobals (where the program's value wins): the two must agree.
  const before = optionsBefore(command).find((options) => options.checklist !== undefined)?.checklist;
  const after = command.opts<CommonOptions>().checklist;
  const own = command.options.some((option) => option.attributeName() === 'checklist');
  if (!own && before !== undefined) {
    throw new UsageError(`-c names a checklist, and \`prepdeck ${commandPath(command)}\` works on none; leave -c out`);
  }
  if (before !== undefined && after !== undefined && before !== after) {
    throw new UsageError(`-c names two checklists, '${before}' and '${after}'; give it once`);
  }
  return after ?? before;
}

/** --db before the command or after it; refused when the two name different databases. */
function dbOption(command: Command): string | undefined {
  const before = optionsBefore(command).find((options) => options.db !== undefined)?.db;
  const after = command.opts<CommonOptions>().db;
  if (before !== undefined && after !== undefined && before !== after) {
    throw new UsageError(`--db names two databases, '${before}' and '${after}'; give it once`);
  }
  return after ?? before;
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Runs the CLI and returns the exit code: 0 success, 1 failure, 2 misuse. */
export async function run(argv: string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(async (load, command, args) => {
    const options = command.opts<CommonOptions>();
    const json = Boolean(options.json) || optionsBefore(command).some((before) => before.json === true);
    try {
      const ctx: CommandContext = { json, color: colors, dbFlag: dbOption(command), checklist: checklistOption(command) };
      const handler = await load();
      await (handler as (ctx: CommandContext, ...rest: unknown[]) => Promise<void>)(ctx, ...args, options);
    } catch (error) {
      exitCode = reportError(inCommandWords(command, error), json);
    }
  });
  const overrideExits = (command: Command) => {
    command.exitOverride();
    for (const sub of command.commands) overrideExits(sub);
  };
  overrideExits(program);
  refuseUnknownSubcommands(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
      // `prepdeck help [COMMAND]` asked for help (commander's exit code 0); a bare `prepdeck` is still misuse.
      if (error.code === 'commander.help' && error.exitCode === 0) return EXIT_OK;
      // Commander printed the one-line message on stderr; a script that asked for JSON gets it there too.
      if (argv.includes('--json')) printJson({ error: { type: 'UsageError', message: withoutRestatement(error.message).replace(/^error: /, '') } });
      return EXIT_MISUSE;
    }
    return reportError(error, false);
  }
  return exitCode;
}
