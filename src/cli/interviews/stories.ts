// `prepdeck stories`: the bank of behavioural (STAR) stories, the matrix of competencies they cover, and the list of
// competencies. Handlers load when run.
import type { Command } from 'commander';
import { addCommon, checked, examples, fieldNames, wholeNumber } from '../command-kit.js';
import { parseTag } from '../hunt/parse.js';
import type { Handler } from '../program.js';

type Action = (load: () => Promise<Handler>) => (...args: unknown[]) => Promise<void>;

const collect = (parse: (value: string) => string) => (value: string, previous: string[] | undefined) => [...(previous ?? []), parse(value)];

function competencyReference(value: string): string {
  const reference = value.trim();
  if (reference === '')
    throw new Error('a --competency names a competency by its key or label, e.g. tight-deadline (`prepdeck stories competencies` lists them)');
  return reference;
}

/** The STAR fields, shared by `stories add` and `stories edit`. */
function storyOptions(command: Command): Command {
  return fieldNames(command, { competencies: '--competency', tags: '--tag' })
    .option('--situation <markdown>', 'S: where and when, what was at stake')
    .option('--task <markdown>', 'T: what you had to do')
    .option('--action <markdown>', 'A: what you did')
    .option('--result <markdown>', 'R: what came of it, in figures if you can')
    .option(
      '--competency <competency>',
      'a competency it shows: its key, or part of its label as the matrix shows it (repeatable; `stories competencies` lists them)',
      checked(collect(competencyReference)),
    )
    .option('--tag <tag>', 'a tag (repeatable)', checked(collect(parseTag)));
}

const STORY = ['<story>', 'an id, or part of its title'] as const;

export function registerStoryCommands(program: Command, action: Action): void {
  const commands = async () => import('../commands/stories.js');
  const stories = program
    .command('stories')
    .description('behavioural (STAR) stories: which competencies have one, which only a stale one; rehearse them like cards')
    .addHelpText(
      'after',
      examples(
        'prepdeck stories',
        'prepdeck stories add "Shipped the migration in a week" --competency tight-deadline --action "Cut scope to the invoices"',
        'prepdeck stories review migration --rating 3',
        'prepdeck stories competencies add "Influence without authority"',
      ),
    );
  addCommon(stories.command('list', { isDefault: true }).description('the matrix: each competency with its stories, none or stale marked'), false)
    .addHelpText('after', examples('prepdeck stories', 'prepdeck stories --json'))
    .action(action(async () => (await commands()).storiesMatrix));
  storyOptions(addCommon(stories.command('add').argument('<title>', 'what the story is, in a line').description('write a story'), false))
    .addHelpText(
      'after',
      examples(
        'prepdeck stories add "Shipped the billing migration in a week" --competency tight-deadline --competency ownership',
        'prepdeck stories add "Disagreed about a rewrite" --situation "..." --result "We kept the old core" --tag architecture',
      ),
    )
    .action(action(async () => (await commands()).storiesAdd));
  addCommon(
    stories
      .command('show')
      .argument(...STORY)
      .description('a story in full, with its schedule'),
    false,
  )
    .addHelpText('after', examples('prepdeck stories show migration', 'prepdeck stories show 3 --json'))
    .action(action(async () => (await commands()).storiesShow));
  storyOptions(
    addCommon(
      stories
        .command('edit')
        .argument(...STORY)
        .description('change a story: the fields given (--competency and --tag given replace its own)'),
      false,
    ),
  )
    .option('--title <title>', 'a new title')
    .option('--no-competency', 'map it to no competency')
    .addHelpText('after', examples('prepdeck stories edit migration --result "No invoice lost"', 'prepdeck stories edit 3 --competency leadership'))
    .action(action(async () => (await commands()).storiesEdit));
  for (const [name, archived, text] of [
    ['archive', true, 'archive a story: it leaves the matrix, and is kept'],
    ['restore', false, 'bring an archived story back'],
  ] as const) {
    addCommon(
      stories
        .command(name)
        .argument(...STORY)
        .description(text),
      false,
    )
      .addHelpText('after', examples(`prepdeck stories ${name} migration`))
      .action(action(async () => (await commands()).storiesArchive(archived)));
  }
  addCommon(
    stories
      .command('delete')
      .argument(...STORY)
      .description('delete a story with its rehearsals, for good (archive keeps it)'),
    false,
  )
    .option('-y, --yes', 'yes, delete it (required: there is no undo)')
    .addHelpText('after', examples('prepdeck stories delete 3 --yes'))
    .action(action(async () => (await commands()).storiesDelete));
  addCommon(
    stories
      .command('review')
      .argument(...STORY)
      .description('rehearse a story and rate how it went, like a card: 1 again, 2 hard, 3 good, 4 easy'),
    false,
  )
    .option('--rating <n>', 'how it went, 1-4', checked(wholeNumber('--rating', 1, 4)))
    .option('--undo', 'undo its last rehearsal instead')
    .addHelpText('after', examples('prepdeck stories review migration --rating 3', 'prepdeck stories review migration --undo'))
    .action(action(async () => (await commands()).storiesReview));

  const competencies = stories
    .command('competencies')
    .description('the competencies behavioural rounds ask about: list, add, rename, move')
    .addHelpText(
      'after',
      examples(
        'prepdeck stories competencies',
        'prepdeck stories competencies add "Influence without authority"',
        'prepdeck stories competencies rename tight-deadline "A deadline moved up"',
      ),
    );
  addCommon(competencies.command('list', { isDefault: true }).description('the competencies in order, with their keys'), false)
    .addHelpText('after', examples('prepdeck stories competencies', 'prepdeck stories competencies --json'))
    .action(action(async () => (await commands()).competenciesList));
  addCommon(competencies.command('add').argument('<label>', 'what it is called').description('add a competency (last, or before another)'), false)
    .option('--before <key>', 'place it before this one')
    .addHelpText('after', examples('prepdeck stories competencies add "Influence without authority" --before conflict'))
    .action(action(async () => (await commands()).competenciesAdd));
  addCommon(
    competencies
      .command('rename')
      .argument('<competency>', 'its key, or part of its label')
      .argument('<label>', 'the new label')
      .description('rename a competency; its key, which stories refer to, stays'),
    false,
  )
    .addHelpText('after', examples('prepdeck stories competencies rename tight-deadline "A deadline moved up"'))
    .action(action(async () => (await commands()).competenciesRename));
  addCommon(
    competencies
      .command('move')
      .argument('<competency>', 'its key, or part of its label')
      .argument('<position>', 'where it goes: 1 is first', checked(wholeNumber('the position', 1, 1000)))
      .description('move a competency in the list'),
    false,
  )
    .addHelpText('after', examples('prepdeck stories competencies move tight-deadline 1'))
    .action(action(async () => (await commands()).competenciesMove));
}
