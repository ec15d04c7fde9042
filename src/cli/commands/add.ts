// `prepdeck add SECTION TITLE`: a study topic added to a section of the checklist, studied from now on and written
// into the file (last in that section) at the next `prepdeck sync FILE --write`.
import { addTopic } from '../../app/topics/add-topic.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { withApp } from '../session.js';
import { checklistToUse } from '../checklist.js';
import { sanitize } from '../review/markdown-text.js';

export async function add(ctx: CommandContext, section: string, title: string): Promise<void> {
  // Typed in a shell, `__slots__` means the underscores: the title is read as typed, not as Markdown emphasis.
  const added = await withApp(ctx, async (app) =>
    addTopic(app, { checklist: await checklistToUse(app, ctx, { announce: true }), section, title, asTyped: true }),
  );
  if (ctx.json) {
    printJson(added);
    return;
  }
  const c = ctx.color;
  const { topic, history } = added;
  const came = history.at(-1)?.type === 'restored' ? 'back (archived before, its history kept)' : 'added';
  const escaped = topic.title !== title.trim();
  printLines([
    `${came} ${sanitize(topic.text)} ${c.dim(`#${topic.id}`)} to ${sanitize(topic.section.join(' > '))}, ${topic.state}`,
    ...(escaped ? [c.dim(`  written as ${sanitize(topic.title)} in the file, so that Markdown keeps the * and _ you typed`)] : []),
    c.dim(
      `  not in the file yet: \`prepdeck sync FILE --write\` writes it there, last in its section (\`prepdeck unadd ${topic.id}\` takes it back)`,
    ),
  ]);
}
