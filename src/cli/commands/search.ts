import { placeTopics, searchTopics } from '../../app/topics/topics.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { topicLine } from '../render.js';
import { withApp } from '../session.js';

export async function search(ctx: CommandContext, words: string[]): Promise<void> {
  const query = words.join(' ');
  const placed = await withApp(ctx, async (app) => placeTopics(app, await searchTopics(app, query, ctx.checklist)));
  if (ctx.json) {
    printJson({ query, topics: placed.map((p) => p.topic) });
    return;
  }
  const c = ctx.color;
  if (placed.length === 0) {
    printLines([c.dim(`nothing matches '${query}'`)]);
    return;
  }
  printLines(placed.map(({ topic, sectionPath }) => `${topicLine(topic, c)}  ${c.dim(sectionPath.join(' / '))}`));
}
