import { markTopic } from '../../app/topics/topics.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { topicLine } from '../render.js';
import { withApp } from '../session.js';
import { topicScope } from '../checklist.js';

export async function mark(ctx: CommandContext, reference: string, state: string, options: { confidence?: number }): Promise<void> {
  const topic = await withApp(ctx, async (app) =>
    markTopic(app, reference, { state, confidence: options.confidence }, await topicScope(app, ctx, reference)),
  );
  if (ctx.json) printJson({ topic });
  // The state it set, for a goal or a book too (`[x] full remote`), as `show` prints it.
  else printLines([topicLine(topic, ctx.color, { withState: true })]);
}
