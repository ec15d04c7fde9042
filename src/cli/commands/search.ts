import { placeTopics, searchTopics } from '../../app/topics/topics.js';
import { cliTopicJson } from '../../app/topics/topic-json.js';
import type { CliSearchResultJson } from '../../contract/topics.js';
import { printJson, printLines, UsageError } from '../output.js';
import type { CommandContext } from '../program.js';
import { topicLine } from '../render.js';
import { withApp } from '../session.js';
import { checklistToUse } from '../checklist.js';

export async function search(ctx: CommandContext, words: string[], options: { all?: boolean }): Promise<void> {
  const query = words.join(' ');
  // `search ""`: no words is a misuse of the command, not a search that failed.
  if (query.trim() === '') throw new UsageError('QUERY is empty; write the words to look for, such as `prepdeck search generator`');
  const all = options.all === true && ctx.checklist === undefined;
  const placed = await withApp(ctx, async (app) => {
    const chosen = await checklistToUse(app, ctx, { announce: !all });
    const scope = all ? undefined : chosen;
    return placeTopics(app, await searchTopics(app, query, scope));
  });
  if (ctx.json) {
    printJson({ query, topics: placed.map(cliTopicJson) } satisfies CliSearchResultJson);
    return;
  }
  const c = ctx.color;
  if (placed.length === 0) {
    printLines([c.dim(`nothing matches '${query}'`)]);
    return;
  }
  // Hits of --all say which checklist each is in, even when all are of one (it may not be the current one).
  printLines(
    placed.map(
      ({ topic, checklistName, sectionPath }) => `${topicLine(topic, c)}  ${c.dim([...(all ? [checklistName] : []), ...sectionPath].join(' / '))}`,
    ),
  );
}
