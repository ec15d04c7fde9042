// `prepdeck card add|list|edit|remove`: a topic's own question/answer cards from the terminal.
import type { AppContext } from '../../app/context.js';
import { addCard, editCard, removeCard, topicCardList } from '../../app/review/cards.js';
import { checklistTimeZone } from '../../app/review/settings.js';
import { resolveTopic } from '../../app/topics/topics.js';
import type { CardJson } from '../../contract/review.js';
import type { Topic } from '../../core/checklist/model.js';
import { printJson, printLines, UsageError, type Colors } from '../output.js';
import type { CommandContext } from '../program.js';
import { localTime } from '../render.js';
import { renderInlineMarkdown, sanitize } from '../review/markdown-text.js';
import { withApp } from '../session.js';
import { elsewhereNote, requireAChecklist, topicScope, whereaboutsIn } from '../checklist.js';

/**
 * A card's Markdown on one line, as the review shows it (`code`, emphasis, a link's text; no control characters: a
 * file's card must not drive the terminal), not as its source is written.
 */
function oneLine(markdown: string, c: Colors): string {
  return renderInlineMarkdown(markdown.replace(/\s+/g, ' ').trim(), c);
}

/** `time` writes the due instant: on the wall clock of the checklist's review zone, as every command writes times. */
export function cardLine(card: CardJson, c: Colors, time: (iso: string) => string): string {
  const where = card.kind === 'topic' ? c.dim('topic card') : card.origin === 'file' ? c.dim(`file line ${card.line ?? '?'}`) : c.dim('added here');
  const recall = card.retrievability === null ? '' : ` ${c.dim(`recall ${Math.round(card.retrievability * 100)}%`)}`;
  const answer = card.kind === 'qa' && card.back ? ` ${c.dim('::')} ${oneLine(card.back, c)}` : '';
  // `card 12`, not `#12`: `#` numbers topics everywhere else.
  return `${c.dim(`card ${card.id}`)} ${oneLine(card.front, c)}${answer}  ${c.cyan(card.state)}, due ${time(card.due)}${recall}  ${where}`;
}

/** How the due times of a checklist's cards are written: `localTime` in its review zone (this machine's when unset). */
async function dueTimes(app: AppContext, checklist: string): Promise<(iso: string) => string> {
  const zone = await checklistTimeZone(app, checklist);
  return (iso) => localTime(iso, zone);
}

/**
 * Makes `change` to a card and prints its line as `line` words it, or `{ card }` with --json. A topic or a card named
 * by id may be of another checklist than the one worked on: the line says so, as `mark` does (the JSON card has it).
 * With `namesTopic`, `line` is given the card's topic too (the JSON card has its id).
 */
async function printCard(
  ctx: CommandContext,
  change: (app: AppContext) => Promise<CardJson>,
  line: (text: string, topic: Topic | null) => string,
  { namesTopic = false } = {},
): Promise<void> {
  const { card, time, where, topic } = await withApp(ctx, async (app) => {
    const card = await change(app);
    if (ctx.json) return { card, time: null, where: null, topic: null };
    const topic = namesTopic && card.topicId !== null ? await resolveTopic(app, String(card.topicId)) : null;
    return { card, time: await dueTimes(app, card.checklist), where: await whereaboutsIn(app, ctx, card.checklist), topic };
  });
  if (time === null || where === null) printJson({ card });
  else printLines([`${line(cardLine(card, ctx.color, time), topic)}${elsewhereNote(where, ctx.color)}`]);
}

export async function cardAdd(ctx: CommandContext, topic: string, question: string, answer: string): Promise<void> {
  await printCard(
    ctx,
    async (app) => addCard(app, topic, { front: question, back: answer }, await topicScope(app, ctx, topic)),
    // The topic was named by a fragment of its title (`generators`): the line says which one got the card.
    (text, cardTopic) => (cardTopic ? `added to ${sanitize(cardTopic.text)} ${ctx.color.dim(`#${cardTopic.id}`)}: ${text}` : `added ${text}`),
    { namesTopic: true },
  );
}

export async function cardList(ctx: CommandContext, topic: string): Promise<void> {
  const { cards, time } = await withApp(ctx, async (app) => {
    const { cards } = await topicCardList(app, (await resolveTopic(app, topic, await topicScope(app, ctx, topic))).id);
    // A topic's cards are all of its checklist.
    return { cards, time: ctx.json || cards.length === 0 ? null : await dueTimes(app, cards[0]!.checklist) };
  });
  if (ctx.json) printJson({ cards });
  else printLines(time === null ? [] : cards.map((card) => cardLine(card, ctx.color, time)));
}

export async function cardEdit(ctx: CommandContext, id: number, options: { question?: string; answer?: string }): Promise<void> {
  if (options.question === undefined && options.answer === undefined) throw new UsageError('card edit needs --question, --answer or both');
  await printCard(
    ctx,
    async (app) => {
      await requireAChecklist(app);
      return editCard(app, id, { front: options.question, back: options.answer });
    },
    (text) => `changed ${text}`,
  );
}

export async function cardRemove(ctx: CommandContext, id: number): Promise<void> {
  await printCard(
    ctx,
    async (app) => {
      await requireAChecklist(app);
      return removeCard(app, id);
    },
    (text) => `removed ${text} (its reviews stay in the log)`,
  );
}
