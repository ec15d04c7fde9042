// `prepdeck add SECTION TITLE`: a study topic added to a section of the checklist, studied from now on and written
// into the file (last in that section) at the next `prepdeck sync FILE --write`.
import { addTopic } from '../../app/topics/add-topic.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { withApp } from '../session.js';
import { checklistToUse } from '../checklist.js';
import { sanitize } from '../review/markdown-text.js';

export async function add(ctx: CommandContext, section: string, title: string): Promise<void> {
  const added = await withApp(ctx, async (app) => addTopic(app, { checklist: await checklistToUse(app, ctx, { announce: true }), section, title }));
  if (ctx.json) {
    printJson(added);
    return;
  }
  const c = ctx.color;
  const { topic, history } = added;
  const came = history.at(-1)?.type === 'restored' ? 'back (archived before, its history kept)' : 'added';
  printLines([
    `${came} ${sanitize(topic.text)} ${c.dim(`#${topic.id}`)} to ${sanitize(topic.section.join(' > '))}, ${topic.state}`,
    c.dim(
      `  not in the file yet: \`prepdeck sync FILE --write\` writes it there, last in its section (\`prepdeck unadd ${topic.id}\` takes it back)`,
    ),
  ]);
}
