// The interview commands: rounds (list, add, show, edit, delete, --ics), ask, and questions (score, delete).
import { Option, type Command } from 'commander';
import { ROUND_KINDS, ROUND_OUTCOMES } from '../../contract/vocabulary.js';
import { whyNoSuchDay } from '../../core/hunt/dates.js';
import { addCommon, checked, examples, fieldNames, parseId, timeZoneOption, wholeNumber } from '../command-kit.js';
import type { Handler } from '../program.js';

type Action = (load: () => Promise<Handler>) => (...args: unknown[]) => Promise<void>;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const KIND = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** YYYY-MM-DDTHH:MM on a day the calendar has (2026-02-30 is misuse, as `tomorrow` is); whether the zone's clocks show it is the app's check. */
function localDateTime(value: string): string {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) throw new Error(`--at must be a local date and time written YYYY-MM-DDTHH:MM, e.g. 2026-12-20T15:00, not '${value}'`);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const why = whyNoSuchDay(year, month, day) ?? (hour > 23 || minute > 59 ? 'a time is 00:00 to 23:59' : null);
  if (why !== null) throw new Error(`--at: '${value.trim()}' is not a date and time (${why})`);
  return value.trim();
}

function kind(value: string): string {
  if (!KIND.test(value))
    throw new Error(`--kind must be lower-case letters, digits and dashes (${ROUND_KINDS.slice(0, 4).join(', ')}, ...), not '${value}'`);
  return value;
}

function sectionList(value: string): string[] {
  const sections = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (sections.length === 0) throw new Error(`--sections takes section titles or paths separated by commas, e.g. Python,Databases; not '${value}'`);
  return sections;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** A question's id as the lists print it (`q12`) or bare (`12`). */
export function questionId(value: string): number {
  return parseId(value.trim().replace(/^q(?=\d)/iu, ''));
}

/** The fields of a round, shared by `rounds add` and `rounds edit`. */
function roundOptions(command: Command): Command {
  return fieldNames(command, { localStart: '--at', timeZone: '--tz', durationMinutes: '--duration', interviewers: '--interviewer' })
    .option('--at <local>', "when, in the round's zone: YYYY-MM-DDTHH:MM", checked(localDateTime))
    .option('--tz <zone>', "the round's IANA time zone, e.g. Europe/Berlin (default: the hunt's)", checked(timeZoneOption('--tz', { local: false })))
    .option('--kind <kind>', `${ROUND_KINDS.join(', ')}, or your own (default technical)`, checked(kind))
    .option('--sections <list>', 'the checklist sections it is about, by title or path, separated by commas', checked(sectionList))
    .option('--duration <minutes>', 'how long, in minutes (default 60)', checked(wholeNumber('--duration', 1, 1440)))
    .option('--link <url>', 'the meeting link')
    .option('--interviewer <name>', "one of the application's contacts, by name or id (repeatable)", collect)
    .option('--notes <markdown>', 'preparation notes, Markdown');
}

export function addInterviewCommands(program: Command, action: Action): void {
  const commands = async () => import('./commands.js');

  const rounds = program
    .command('rounds')
    .description("interview rounds of your applications: when (in the round's zone), what about, who, and the questions asked")
    .addHelpText(
      'after',
      examples(
        'prepdeck rounds --upcoming',
        'prepdeck rounds add acme --at 2026-12-20T15:00 --tz Europe/Berlin --kind technical --sections Python,Databases',
        'prepdeck rounds show 3',
        'prepdeck rounds --ics > rounds.ics',
      ),
    );
  addCommon(
    rounds.command('list', { isDefault: true }).description('list the rounds, latest first (--upcoming: the ones to come, soonest first)'),
    false,
  )
    .option(
      '--upcoming',
      'only rounds that have not started, soonest first, with a countdown; those of an application closed or archived are left out, and named',
    )
    .option('--ics', 'print every round as an iCalendar file (import it into a calendar; again later to update the same events)')
    .option('--app <app>', 'only the rounds of this application (an id, or part of the company or role)')
    .option('--kind <kind>', 'only rounds of this kind', checked(kind))
    .addHelpText('after', examples('prepdeck rounds', 'prepdeck rounds --upcoming --json', 'prepdeck rounds --ics > rounds.ics'))
    .action(action(async () => (await commands()).roundsList));
  roundOptions(
    addCommon(rounds.command('add').argument('<app>', 'an id, or part of the company or role').description('add a round to an application')),
  )
    .addHelpText(
      'after',
      examples(
        'prepdeck rounds add acme --at 2026-12-20T15:00 --tz Europe/Berlin --kind technical --sections Python,Databases',
        'prepdeck rounds add 3 --at 2027-01-08T10:00 --kind system-design --duration 90 --interviewer "Dana Li" --link https://meet.example/x',
      ),
    )
    .action(action(async () => (await commands()).roundsAdd));
  addCommon(rounds.command('show').argument('<round>', 'the round id', checked(parseId)).description('a round with the questions asked in it'))
    .addHelpText('after', examples('prepdeck rounds show 3', 'prepdeck rounds show 3 --json'))
    .action(action(async () => (await commands()).roundsShow));
  roundOptions(
    addCommon(
      rounds
        .command('edit')
        .argument('<round>', 'the round id', checked(parseId))
        .description("change a round (a new start moves its questions' evidence)"),
    ),
  )
    .addOption(new Option('--outcome <outcome>', 'how it went').choices(ROUND_OUTCOMES))
    .option('--debrief <markdown>', 'what happened, Markdown')
    .addHelpText(
      'after',
      examples('prepdeck rounds edit 3 --at 2026-12-21T10:00', 'prepdeck rounds edit 3 --outcome passed --debrief "went **well**"'),
    )
    .action(action(async () => (await commands()).roundsEdit));
  addCommon(
    rounds
      .command('delete')
      .argument('<round>', 'the round id', checked(parseId))
      .description('delete a round and its questions, withdrawing their evidence from review'),
    false,
  )
    .option('-y, --yes', 'yes, delete it (required)')
    .addHelpText('after', examples('prepdeck rounds delete 3 --yes'))
    .action(action(async () => (await commands()).roundsDelete));

  fieldNames(
    addCommon(
      program
        .command('ask')
        .argument('<round>', 'the round id (`prepdeck rounds` shows it)', checked(parseId))
        .argument('<question>', 'the question as it was asked')
        .description("log a question asked in a round; with --score it counts as a review of each --topic's card at the round's start"),
    ),
    { text: 'QUESTION', topicIds: '--topic', storyIds: '--story' },
  )
    .option(
      '--topic <topic>',
      'a topic it touches: an id or part of its title, as `prepdeck show` takes it, from the start of a word of it (repeatable)',
      collect,
    )
    .option('--score <n>', 'how it went: 1 again, 2 hard, 3 good, 4 easy', checked(wholeNumber('--score', 1, 4)))
    .option(
      '--new-topic <section>',
      'add the question as a new topic in this section (title or path), titled by its first line as typed (as `add` takes a title), for a question no topic covers; with --topic it is linked to those too',
    )
    .option('--story <story>', 'a story of your bank that answered it: an id or part of its title (repeatable)', collect)
    .addHelpText(
      'after',
      examples(
        'prepdeck ask 3 "How does SELECT FOR UPDATE differ from SKIP LOCKED?" --topic "SELECT FOR UPDATE" --topic "SKIP LOCKED" --score 2',
        'prepdeck ask 3 "Explain Python descriptors" --topic descriptors --score 3',
        'prepdeck ask 3 "Design a rate limiter" --new-topic Other',
        'prepdeck ask 4 "Tell me about a conflict with a colleague" --story migration --score 3',
      ),
    )
    .action(action(async () => (await commands()).ask));

  const questions = program
    .command('questions')
    .description("change a question's score, or delete it; its evidence in review follows")
    .addHelpText('after', examples('prepdeck questions score 12 1', 'prepdeck questions score 12 --clear', 'prepdeck questions delete 12 --yes'));
  addCommon(
    questions
      .command('score')
      .argument('<question>', 'the question id, e.g. 12 or q12 (`prepdeck rounds show ROUND` shows it)', checked(questionId))
      .argument('[score]', '1 again, 2 hard, 3 good, 4 easy', checked(wholeNumber('the score', 1, 4)))
      .description("score a question again (its topics' reviews are replayed), or --clear it (its evidence withdrawn)"),
    false,
  )
    .option('--clear', 'remove the score and withdraw its evidence')
    .addHelpText('after', examples('prepdeck questions score 12 1', 'prepdeck questions score 12 --clear'))
    .action(action(async () => (await commands()).questionsScore));
  addCommon(
    questions
      .command('delete')
      .argument('<question>', 'the question id, e.g. 12 or q12', checked(questionId))
      .description('delete a question, withdrawing its evidence from review'),
    false,
  )
    .option('-y, --yes', 'yes, delete it (required)')
    .addHelpText('after', examples('prepdeck questions delete 12 --yes'))
    .action(action(async () => (await commands()).questionsDelete));
}
