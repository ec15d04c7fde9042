// `prepdeck unadd TOPIC`: a topic added in prepdeck (`prepdeck add`, an interview question) removed before a
// `sync --write` puts it into the file, with its cards, reviews and history. What the user did with it (reviews, cards,
// notes, questions mapped to it) goes only with --yes; a topic of the file is removed in the file.
import pc from 'picocolors';
import { unaddTopic } from '../../app/topics/unadd-topic.js';
import { listed, usersWork } from '../../core/checklist/removed-topic.js';
import { printJson, printLines, UsageError } from '../output.js';
import type { CommandContext } from '../program.js';
import { plural } from '../render.js';
import { sanitize } from '../review/markdown-text.js';
import { withApp } from '../session.js';
import { elsewhereNote, topicScope, whereaboutsOf } from '../checklist.js';
import { resolveTopic } from '../../app/topics/topics.js';

export async function unadd(ctx: CommandContext, reference: string, options: { yes?: boolean }): Promise<void> {
  const { answer, where, topicText } = await withApp(ctx, async (app) => {
    const topic = await resolveTopic(app, reference, await topicScope(app, ctx, reference));
    // Where it was, asked before it goes.
    const where = await whereaboutsOf(app, ctx, topic);
    // Checked and removed in one transaction: a review given meanwhile is never erased unasked.
    return { answer: await unaddTopic(app, topic.id, { keepUsersWork: options.yes !== true }), where, topicText: topic.text };
  });
  const { removed } = answer;
  // Its plain text, as `add` said it: the title is the Markdown written to the file (`\_\_slots\_\_` for `__slots__`).
  const text = sanitize(topicText);
  if (answer.dryRun) {
    throw new UsageError(
      `'${text}' (#${removed.id})${elsewhereNote(where, pc.createColors(false))} has ${listed(usersWork(answer))}, which would go with it; \`prepdeck unadd ${removed.id} --yes\` removes it all`,
    );
  }
  if (ctx.json) {
    printJson({ ...answer, checklist: where.checklist });
    return;
  }
  const c = ctx.color;
  const kept =
    answer.questions === 0
      ? ''
      : answer.questions === 1
        ? '; its interview question stays, without it'
        : `; its ${answer.questions} interview questions stay, without it`;
  printLines([
    `removed ${text} ${c.dim(`#${removed.id}`)} from ${sanitize(removed.section.join(' > '))}: ${plural(answer.cards, 'card')}, ${plural(answer.reviews, 'review')}${kept}${elsewhereNote(where, c)}`,
  ]);
}
