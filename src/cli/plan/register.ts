// The plan commands: `plan` (today's work and the readiness; --days N the days ahead; --ics the calendar),
// `plan set` (a target and the availability and costs), `plan targets`, `plan remove`, `plan include`, `plan replan`.
import type { Command } from 'commander';
import { checkLocalDate } from '../../core/hunt/dates.js';
import { parseWeekdays } from '../../core/plan/availability.js';
import { MAX_SETTABLE_COST, MIN_SETTABLE_COST } from '../../core/plan/model.js';
import { addCommon, checked, decimal, examples, fieldNames, parseId, wholeNumber } from '../command-kit.js';
import type { Handler } from '../program.js';

type Action = (load: () => Promise<Handler>) => (...args: unknown[]) => Promise<void>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function list(option: string, example: string) {
  return (value: string): string[] => {
    const parts = value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    if (parts.length === 0) throw new Error(`${option} takes values separated by commas, e.g. ${example}; not '${value}'`);
    return parts;
  };
}

function datesOff(value: string): string[] {
  if (value.trim().toLowerCase() === 'none') return [];
  return list('--off', '2026-12-24,2026-12-31')(value).map((date) => checkLocalDate(date, '--off'));
}

function time(value: string): string {
  if (!TIME.test(value.trim())) throw new Error(`--time must be a time of day written HH:MM, e.g. 14:30, not '${value}'`);
  return value.trim();
}

/** `Databases=30`: a section's own minutes to learn a new topic; `Databases=default` drops them. */
function sectionLearn(value: string, previous: Array<{ section: string; minutes: number | null }> | undefined) {
  const at = value.lastIndexOf('=');
  const section = value.slice(0, at).trim();
  const minutes = value.slice(at + 1).trim();
  if (at < 0 || section === '' || minutes === '')
    throw new Error(`--section-learn takes SECTION=MINUTES, e.g. Databases=30 (or Databases=default), not '${value}'`);
  return [
    ...(previous ?? []),
    {
      section,
      minutes: minutes === 'default' ? null : decimal('--section-learn minutes', MIN_SETTABLE_COST, MAX_SETTABLE_COST.learnTopicMinutes)(minutes),
    },
  ];
}

/**
 * A cost in minutes or seconds, or `default` to go back to the log's median or the default. `default` stays a word
 * here: commander takes a parser's null for "no value" and stores '' instead (commands.ts#settingsPatch maps it).
 */
function cost(name: string, max: number) {
  return (value: string): number | 'default' => (value.trim().toLowerCase() === 'default' ? 'default' : decimal(name, MIN_SETTABLE_COST, max)(value));
}

export function registerPlanCommands(program: Command, action: Action): void {
  const plan = addCommon(
    program
      .command('plan')
      .enablePositionalOptions()
      .description("the plan to your interview: today's work and how ready you will be (`plan set` sets the date)"),
  )
    .option('--days <n>', 'the days ahead, this many (7: the week)', checked(wholeNumber('--days', 1, 366)))
    .option('--ics', 'print the study days as an iCalendar file (one all-day event per day with study planned)')
    .addHelpText(
      'after',
      `\nThe planner chooses, each day, the new topics to learn and the cards to review (before or after their usual due date)\nthat give the most expected recall of each target's scope at its time, within your minutes. Readiness is a prediction\nof the memory model (FSRS): if you follow the plan, if you stop today, and with FSRS's usual reviews in the same minutes.\n${examples(
        'prepdeck plan',
        'prepdeck plan --days 7',
        'prepdeck plan --json',
        'prepdeck plan --ics > plan.ics',
        'prepdeck review --plan',
      )}`,
    )
    .action(action(async () => (await import('./commands.js')).planShow));

  fieldNames(addCommon(plan.command('set').description('set a target (a date with sections, or an interview round) and your study time and costs')), {
    minutesPerDay: '--minutes',
    weekdays: '--days',
    daysOff: '--off',
    learnTopicMinutes: '--learn',
    reviewTopicSeconds: '--review-seconds',
    reviewQaSeconds: '--qa-seconds',
    sectionCosts: '--section-learn',
  })
    .option(
      '--date <date>',
      'the interview day, YYYY-MM-DD',
      checked((v: string) => checkLocalDate(v.trim(), '--date')),
    )
    .option('--time <hh:mm>', 'its time of day (default 09:00), in the checklist’s time zone', checked(time))
    .option(
      '--sections <list>',
      'the sections it is about, comma-separated titles or paths (default: every study section)',
      checked(list('--sections', 'Python,Databases')),
    )
    .option('--round <id>', 'plan for this interview round instead: its time and sections (`prepdeck rounds --upcoming`)', checked(parseId))
    .option('--weight <w>', 'how much this target counts beside others (0.1-10; an onsite more than a screen)', checked(decimal('--weight', 0.1, 10)))
    .option('--label <text>', 'a name for the target')
    .option('--minutes <n>', 'minutes a day you can study', checked(wholeNumber('--minutes', 1, 1440)))
    .option(
      '--days <weekdays>',
      'the days you study: mon-fri, mon,wed,fri, all, weekends',
      checked((v: string) => parseWeekdays(v, '--days')),
    )
    .option('--off <dates>', 'days without study, comma-separated YYYY-MM-DD (none: clear them)', checked(datesOff))
    .option('--learn <minutes>', 'minutes to learn a new topic (default: 20)', checked(cost('--learn', MAX_SETTABLE_COST.learnTopicMinutes)))
    .option(
      '--review-seconds <s>',
      'seconds per review of a topic card (default: your log’s median, else 60)',
      checked(cost('--review-seconds', MAX_SETTABLE_COST.reviewTopicSeconds)),
    )
    .option(
      '--qa-seconds <s>',
      'seconds per review of a Q&A card (default: your log’s median, else 20)',
      checked(cost('--qa-seconds', MAX_SETTABLE_COST.reviewQaSeconds)),
    )
    .option('--section-learn <section=minutes>', 'a section’s own minutes to learn a new topic (repeatable)', checked(sectionLearn))
    .addHelpText(
      'after',
      examples(
        'prepdeck plan set --date 2026-12-20 --sections Python,Databases --minutes 60 --days mon-fri',
        'prepdeck plan set --round 3 --weight 3',
        'prepdeck plan set --minutes 90 --off 2026-12-24,2026-12-25',
        'prepdeck plan set --section-learn "System design=45" --review-seconds default',
      ),
    )
    .action(action(async () => (await import('./commands.js')).planSet));

  addCommon(plan.command('targets').description('the targets, soonest first, with their ids'))
    .addHelpText('after', examples('prepdeck plan targets', 'prepdeck plan targets --json'))
    .action(action(async () => (await import('./commands.js')).planTargets));

  addCommon(
    plan
      .command('remove')
      .argument('<target>', 'the target id (`prepdeck plan targets`)', checked(parseId))
      .description("remove a date target; a round's target is taken out of the plan (`plan include` puts it back)"),
  )
    .addHelpText('after', examples('prepdeck plan remove 2'))
    .action(action(async () => (await import('./commands.js')).planRemove));

  addCommon(
    plan
      .command('include')
      .argument('<target>', 'the target id (`prepdeck plan targets`)', checked(parseId))
      .description("put a round's target back into the plan"),
  )
    .addHelpText('after', examples('prepdeck plan include 2'))
    .action(action(async () => (await import('./commands.js')).planInclude));

  addCommon(plan.command('replan').description("make today's list again from your memory now (it is otherwise kept for the day)"))
    .addHelpText('after', examples('prepdeck plan replan'))
    .action(action(async () => (await import('./commands.js')).planReplan));
}
