import { chosenChecklist } from '../../app/checklists/current.js';
import type { AppContext } from '../../app/context.js';
import { markTopic, placeTopics } from '../../app/topics/topics.js';
import type { Topic } from '../../core/checklist/model.js';
import { printJson, printLines, type Colors } from '../output.js';
import type { CommandContext } from '../program.js';
import { topicLine } from '../render.js';
import { withApp } from '../session.js';
import { topicScope } from '../checklist.js';

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

export async function mark(ctx: CommandContext, reference: string, state: string, options: { confidence?: number }): Promise<void> {
  const { topic, where } = await withApp(ctx, async (app) => {
    const topic = await markTopic(app, reference, { state, confidence: options.confidence }, await topicScope(app, ctx, reference));
    return { topic, where: await whereaboutsOf(app, ctx, topic) };
  });
  if (ctx.json) printJson({ topic, checklist: where.checklist });
  // The state it set, for a goal or a book too (`[x] full remote`), as `show` prints it.
  else printLines([`${topicLine(topic, ctx.color, { withState: true })}${elsewhereNote(where, ctx.color)}`]);
}
