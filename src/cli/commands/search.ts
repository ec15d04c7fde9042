import { searchTopics } from '../../app/topics.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { topicLine } from '../render.js';
import { withApp } from '../session.js';

export async function search(ctx: CommandContext, words: string[]): Promise<void> {
  const query = words.join(' ');
  const topics = await withApp(ctx, (app) => searchTopics(app, query, ctx.checklist));
  if (ctx.json) {
    printJson({ query, topics });
    return;
  }
  const c = ctx.color;
  if (topics.length === 0) {
    printLines([c.dim(`nothing matches '${query}'`)]);
    return;
  }
  printLines(topics.map((t) => `${topicLine(t, c)}  ${c.dim(t.sectionKey)}`));
}
