// `prepdeck card add|list|edit|remove`: a topic's own question/answer cards from the terminal.
import { addCard, editCard, removeCard, topicCardList } from '../../app/review/cards.js';
import { resolveTopic } from '../../app/topics/topics.js';
import type { CardJson } from '../../contract/review.js';
import { printJson, printLines, UsageError, type Colors } from '../output.js';
import type { CommandContext } from '../program.js';
import { sanitize } from '../review/markdown-text.js';
import { withApp } from '../session.js';
import { requireAChecklist, topicScope } from '../checklist.js';

/** On one line, and with no control characters: a file's card must not drive the terminal. */
function oneLine(markdown: string): string {
  return sanitize(markdown.replace(/\s+/g, ' ').trim());
}

/** `time` writes the due instant; by default as stored (UTC), `show` passes the checklist's local time. */
export function cardLine(card: CardJson, c: Colors, time = (iso: string) => iso.slice(0, 16).replace('T', ' ')): string {
  const where = card.kind === 'topic' ? c.dim('topic card') : card.origin === 'file' ? c.dim(`file line ${card.line ?? '?'}`) : c.dim('added here');
  const recall = card.retrievability === null ? '' : ` ${c.dim(`recall ${Math.round(card.retrievability * 100)}%`)}`;
  const answer = card.kind === 'qa' && card.back ? ` ${c.dim('::')} ${oneLine(card.back)}` : '';
  // `card 12`, not `#12`: `#` numbers topics everywhere else.
  return `${c.dim(`card ${card.id}`)} ${oneLine(card.front)}${answer}  ${c.cyan(card.state)}, due ${time(card.due)}${recall}  ${where}`;
}

export async function cardAdd(ctx: CommandContext, topic: string, question: string, answer: string): Promise<void> {
  const card = await withApp(ctx, async (app) => addCard(app, topic, { front: question, back: answer }, await topicScope(app, ctx, topic)));
  if (ctx.json) printJson({ card });
  else printLines([`added ${cardLine(card, ctx.color)}`]);
}

export async function cardList(ctx: CommandContext, topic: string): Promise<void> {
  const cards = await withApp(
    ctx,
    async (app) => (await topicCardList(app, (await resolveTopic(app, topic, await topicScope(app, ctx, topic))).id)).cards,
  );
  if (ctx.json) printJson({ cards });
  else printLines(cards.map((card) => cardLine(card, ctx.color)));
}

export async function cardEdit(ctx: CommandContext, id: number, options: { question?: string; answer?: string }): Promise<void> {
  if (options.question === undefined && options.answer === undefined) throw new UsageError('card edit needs --question, --answer or both');
  const card = await withApp(ctx, async (app) => {
    await requireAChecklist(app);
    return editCard(app, id, { front: options.question, back: options.answer });
  });
  if (ctx.json) printJson({ card });
  else printLines([`changed ${cardLine(card, ctx.color)}`]);
}

export async function cardRemove(ctx: CommandContext, id: number): Promise<void> {
  const card = await withApp(ctx, async (app) => {
    await requireAChecklist(app);
    return removeCard(app, id);
  });
  if (ctx.json) printJson({ card });
  else printLines([`removed ${cardLine(card, ctx.color)} (its reviews stay in the log)`]);
}
