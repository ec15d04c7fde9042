import { markTopic } from '../../app/topics/topics.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { topicLine } from '../render.js';
import { withApp } from '../session.js';
import { elsewhereNote, topicScope, whereaboutsOf } from '../checklist.js';

export async function mark(ctx: CommandContext, reference: string, state: string, options: { confidence?: number }): Promise<void> {
  const { topic, where } = await withApp(ctx, async (app) => {
    const topic = await markTopic(app, reference, { state, confidence: options.confidence }, await topicScope(app, ctx, reference));
    return { topic, where: await whereaboutsOf(app, ctx, topic) };
  });
  if (ctx.json) printJson({ topic, checklist: where.checklist });
  // The state it set, for a goal or a book too (`[x] full remote`), as `show` prints it.
  else printLines([`${topicLine(topic, ctx.color, { withState: true })}${elsewhereNote(where, ctx.color)}`]);
}
