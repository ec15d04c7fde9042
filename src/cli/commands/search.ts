import { placeTopics, searchTopics } from '../../app/topics/topics.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { topicLine } from '../render.js';
import { withApp } from '../session.js';
import { checklistToUse } from '../checklist.js';

export async function search(ctx: CommandContext, words: string[], options: { all?: boolean }): Promise<void> {
  const query = words.join(' ');
  const placed = await withApp(ctx, async (app) => {
    const all = options.all === true && ctx.checklist === undefined;
    const chosen = await checklistToUse(app, ctx, { announce: !all });
    const scope = all ? undefined : chosen;
    return placeTopics(app, await searchTopics(app, query, scope));
  });
  if (ctx.json) {
    printJson({ query, topics: placed.map((p) => p.topic) });
    return;
  }
  const c = ctx.color;
  if (placed.length === 0) {
    printLines([c.dim(`nothing matches '${query}'`)]);
    return;
  }
  // Hits from several checklists say which one each is in.
  const several = new Set(placed.map((p) => p.checklistName)).size > 1;
  printLines(
    placed.map(
      ({ topic, checklistName, sectionPath }) =>
        `${topicLine(topic, c)}  ${c.dim([...(several ? [checklistName] : []), ...sectionPath].join(' / '))}`,
    ),
  );
}
