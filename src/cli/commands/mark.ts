import { markTopic, placeTopics } from '../../app/topics/topics.js';
import { cliTopicJson } from '../../app/topics/topic-json.js';
import type { TopicChangeJson } from '../../contract/topics.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { topicLine } from '../render.js';
import { withApp } from '../session.js';
import { elsewhereNote, topicScope, whereaboutsIn } from '../checklist.js';

export async function mark(ctx: CommandContext, reference: string, state: string, options: { confidence?: number }): Promise<void> {
  const { topic, placed, where } = await withApp(ctx, async (app) => {
    const topic = await markTopic(app, reference, { state, confidence: options.confidence }, await topicScope(app, ctx, reference));
    const [placed] = await placeTopics(app, [topic]);
    return { topic, placed: placed!, where: await whereaboutsIn(app, ctx, placed!.checklistName) };
  });
  if (ctx.json) printJson({ topic: cliTopicJson(placed), checklist: where.checklist } satisfies TopicChangeJson);
  // The state it set, for a goal or a book too (`[x] full remote`), as `show` prints it.
  else printLines([`${topicLine(topic, ctx.color, { withState: true })}${elsewhereNote(where, ctx.color)}`]);
}
