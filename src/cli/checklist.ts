// Which checklist a command works on when -c names none, saying so when it is not the only one, and saying where a
// topic named by id is when it is outside that checklist.
import { chosenChecklist, type ChecklistChoice } from '../app/checklists/current.js';
import type { AppContext } from '../app/context.js';
import { placeTopics } from '../app/topics/topics.js';
import type { Topic } from '../core/checklist/model.js';
import { UsageError, type Colors } from './output.js';
import type { CommandContext } from './program.js';

const WHY: Record<ChecklistChoice['how'], string> = {
  named: 'named with -c',
  only: 'the only one',
  current: 'the current checklist',
  latest: 'imported last',
};

/** `working on 'job-interview-checklist' (the current checklist; prepdeck use NAME picks another)`. */
export function choiceLine(choice: ChecklistChoice, lead = 'working on'): string {
  return `${lead} '${choice.name}' (${WHY[choice.how]}; \`prepdeck use NAME\` picks another)`;
}

/**
 * The name of the checklist to work on. With `announce`, a checklist picked among several (not named with -c) is named
 * on stderr; commands whose output starts with the checklist's name leave that off.
 */
export async function checklistToUse(app: AppContext, ctx: CommandContext, { announce }: { announce: boolean }): Promise<string> {
  const choice = await chosenChecklist(app, ctx.checklist);
  if (announce && !ctx.json && (choice.how === 'current' || choice.how === 'latest')) process.stderr.write(`${choiceLine(choice)}\n`);
  return choice.name;
}

/** Before any import, every command says so in one wording (core/checklist/current.ts#NO_CHECKLIST_YET). */
export async function requireAChecklist(app: AppContext): Promise<void> {
  await chosenChecklist(app);
}

/**
 * Where a topic reference is looked up: an id (`42`, `#42`) anywhere, as it names one topic; words in the checklist
 * named with -c, else in the one the other commands work on.
 */
export async function topicScope(app: AppContext, ctx: CommandContext, reference: string): Promise<string | undefined> {
  const { name } = await chosenChecklist(app, ctx.checklist);
  return ctx.checklist === undefined && /^#?\d+$/.test(reference.trim()) ? undefined : name;
}

/**
 * The checklist `import` and `sync` write into: `--name`, or `-c` as its short form; the two naming different
 * checklists is misuse. Undefined: the command's own default (the file's name, or the checklist of that file).
 */
export function checklistNameOption(ctx: CommandContext, options: { name?: string | undefined }): string | undefined {
  if (options.name !== undefined && ctx.checklist !== undefined && options.name !== ctx.checklist) {
    throw new UsageError(`--name and -c name two checklists, '${options.name}' and '${ctx.checklist}'; give one`);
  }
  return options.name ?? ctx.checklist;
}

/** Where a topic named by id sits: its checklist's name, and the checklist the commands work on when none is named. */
export interface TopicWhereabouts {
  checklist: string;
  workedOn: string;
}

export async function whereaboutsOf(app: AppContext, ctx: CommandContext, topic: Topic): Promise<TopicWhereabouts> {
  const [placed] = await placeTopics(app, [topic]);
  return whereaboutsIn(app, ctx, placed!.checklistName);
}

/** The same, for a topic whose checklist's name is known already (a card's answer carries it). */
export async function whereaboutsIn(app: AppContext, ctx: CommandContext, checklist: string): Promise<TopicWhereabouts> {
  return { checklist, workedOn: (await chosenChecklist(app, ctx.checklist)).name };
}

/**
 * ` (in 'interview-prep', not the current checklist)`: an id names a topic of any checklist, so one outside the checklist
 * the commands work on says where it is; nothing for one inside it.
 */
export function elsewhereNote({ checklist, workedOn }: TopicWhereabouts, c: Colors): string {
  return checklist === workedOn ? '' : c.yellow(` (in '${checklist}', not in the current checklist '${workedOn}')`);
}
