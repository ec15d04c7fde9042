// A topic's own question/answer cards, added, edited and removed in prepdeck. Cards written in the file belong
// to the file: they change when it does (re-import), and prepdeck refuses to edit them behind its back.
import type { CardJson, CardListJson } from '../../contract/review.js';
import { cardJson } from './card-json.js';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { cardIdentity, cardRefusal, type CardText } from '../../core/review/cards.js';
import type { Topic } from '../../core/checklist/model.js';
import { retrievability, type StudyCard } from '../../core/review/scheduling.js';
import { checkNoNul, MAX_ID } from '../../core/validate.js';
import type { Kysely } from 'kysely';
import { cardsOfTopic, getCard, insertQaCard, setCardArchived, updateCardText, type NewQaCard } from '../../store/review/cards.js';
import type { Database } from '../../store/schema.js';
import { getChecklist } from '../../store/checklists/checklists.js';
import { getTopic, logTopicEvent } from '../../store/topics/topics.js';
import type { AppContext } from '../context.js';
import { reviewRules } from './settings.js';
import { resolveTopic } from '../topics/topics.js';

/** A question or an answer longer than this is a document, not a card. */
const MAX_CARD_TEXT = 20_000;

export interface CardDraft {
  front?: string | undefined;
  back?: string | undefined;
}

function checkText(value: string, what: 'question' | 'answer'): string {
  checkNoNul(value, `the ${what}`);
  if (value.length > MAX_CARD_TEXT) throw new InvalidInputError(`the ${what} is ${value.length} characters; ${MAX_CARD_TEXT} at most`);
  return value.trim();
}

/**
 * The import's rule for the cards written in the file (core/review/cards.ts#cardRefusal), said to whoever typed the
 * card; without a topic, only that it has a question and an answer.
 */
function refuseCard(card: CardText, topic: Topic | null): void {
  const refusal = cardRefusal(card, topic?.text ?? null);
  if (refusal === 'no-question') throw new InvalidInputError('a card needs a question (its front); it is empty');
  if (refusal === 'no-answer') throw new InvalidInputError('a card needs an answer (its back); it is empty');
  if (refusal === 'repeats-topic') {
    throw new InvalidInputError(`'${card.front}' only repeats the topic '${topic!.text}', which its topic card asks already; ask something about it`);
  }
}

async function studyTopic(ctx: AppContext, topicId: number): Promise<Topic> {
  const topic = Number.isInteger(topicId) && topicId >= 1 && topicId <= MAX_ID ? await getTopic(ctx.store.db, topicId) : null;
  if (!topic) throw new NotFoundError(`no topic with id ${topicId}`);
  return topic;
}

/** Two cards asking the same under one topic would be reviewed twice and written twice: the user edits the one there. */
async function refuseDuplicate(db: Kysely<Database>, topic: Topic, front: string, self?: number): Promise<void> {
  const identity = cardIdentity(front);
  const same = (await cardsOfTopic(db, topic.id)).find((c) => c.kind === 'qa' && c.id !== self && cardIdentity(c.front) === identity);
  if (same) throw new InvalidInputError(`'${topic.text}' already has card ${same.id} asking this; change that one instead`);
}

async function payload(ctx: AppContext, cards: StudyCard[], topic: Topic | null): Promise<CardJson[]> {
  if (cards.length === 0) return [];
  const checklist = await getChecklist(ctx.store.db, cards[0]!.checklistId);
  if (!checklist) return [];
  const { scheduler } = await reviewRules(ctx, checklist);
  const now = ctx.now();
  return cards.map((card) => cardJson(card, checklist.name, topic, card.state === 'new' ? null : retrievability(card, now, scheduler)));
}

/** A topic's cards: its topic card (every study topic has one from its import on) first, then its question/answer cards. */
export async function topicCardList(ctx: AppContext, topicId: number): Promise<CardListJson> {
  const topic = await studyTopic(ctx, topicId);
  if (topic.kind !== 'topic') throw new InvalidInputError(`'${topic.text}' is a ${topic.kind}, not a study topic; only study topics have cards`);
  return { cards: await payload(ctx, await cardsOfTopic(ctx.store.db, topic.id), topic) };
}

/** The row of a card added in prepdeck under `topic` (checked already). */
export function appCardOf(topic: Topic, front: string, back: string): NewQaCard {
  return {
    checklistId: topic.checklistId,
    topicId: topic.id,
    sectionKey: topic.sectionKey,
    front,
    back,
    identityKey: cardIdentity(front),
    origin: 'app',
    lines: null,
  };
}

/** Adds a question/answer card under a study topic (by id, or a reference as `prepdeck show` takes it). */
export async function addCard(ctx: AppContext, topicRef: number | string, draft: CardDraft, checklistName?: string): Promise<CardJson> {
  const front = checkText(draft.front ?? '', 'question');
  const back = checkText(draft.back ?? '', 'answer');
  // Before the topic is looked up: a card with nothing to ask or to reveal is refused whatever it is under.
  refuseCard({ front, back }, null);
  const topic = typeof topicRef === 'number' ? await studyTopic(ctx, topicRef) : await resolveTopic(ctx, topicRef, checklistName);
  if (topic.kind !== 'topic') throw new InvalidInputError(`'${topic.text}' is a ${topic.kind}, not a study topic; cards go under study topics`);
  refuseCard({ front, back }, topic);
  if (topic.archivedAt !== null) throw new InvalidInputError(`'${topic.text}' is archived (gone from the file); add cards to a topic that is in it`);
  // The duplicate check and the insert in one transaction: two adds of one question at once make one card.
  const card = await ctx.store.transaction(async (trx) => {
    await refuseDuplicate(trx, topic, front);
    const now = ctx.now();
    const added = await insertQaCard(trx, appCardOf(topic, front, back), now);
    await logTopicEvent(trx, topic, 'card', { cardId: added.id, front }, now);
    return added;
  });
  return (await payload(ctx, [card], topic))[0]!;
}

/** A card prepdeck may change: a question/answer card of its own, not one written in the file. */
async function ownCard(db: Kysely<Database>, id: number): Promise<StudyCard> {
  const card = Number.isInteger(id) && id >= 1 && id <= MAX_ID ? await getCard(db, id) : null;
  if (!card) throw new NotFoundError(`no card with id ${id}`);
  if (card.kind === 'topic') throw new InvalidInputError(`card ${id} asks about its topic; change the topic (or its notes) instead`);
  // A removed card is gone from its topic's cards and from reviewing: there is no card to change or remove again.
  if (card.archivedAt !== null) throw new NotFoundError(`no card with id ${id}: it was removed`);
  if (card.origin === 'file') {
    throw new InvalidInputError(
      `card ${id} is written in the checklist file${card.lines ? ` (line ${card.lines.start})` : ''}; change it there and sync`,
    );
  }
  return card;
}

/** Changes the question and/or the answer; the card keeps its schedule and reviews. */
export async function editCard(ctx: AppContext, id: number, draft: CardDraft): Promise<CardJson> {
  // Read and written in one transaction: an edit of the question and one of the answer at once both land.
  const { updated, topic } = await ctx.store.transaction(async (trx) => {
    const card = await ownCard(trx, id);
    if (draft.front === undefined && draft.back === undefined) throw new InvalidInputError('nothing to change: give a question, an answer or both');
    const front = draft.front === undefined ? card.front : checkText(draft.front, 'question');
    const back = draft.back === undefined ? card.back : checkText(draft.back, 'answer');
    const topic = card.topicId !== null ? await getTopic(trx, card.topicId) : null;
    // A question kept as it was is not asked again whether it repeats the topic.
    refuseCard({ front, back }, draft.front === undefined ? null : topic);
    if (topic && draft.front !== undefined) await refuseDuplicate(trx, topic, front, card.id);
    const updated = await updateCardText(trx, id, { front, back, identityKey: cardIdentity(front) });
    if (!updated) throw new NotFoundError(`no card with id ${id}`);
    return { updated, topic };
  });
  return (await payload(ctx, [updated], topic))[0]!;
}

/** Removes a card from reviewing; its reviews stay in the log (nothing of the learning history is lost). A removed card is not found. */
export async function removeCard(ctx: AppContext, id: number): Promise<CardJson> {
  // Checked in the write's transaction: of two removals at once, the second finds the card removed.
  const { card, archived } = await ctx.store.transaction(async (trx) => {
    const card = await ownCard(trx, id);
    return { card, archived: await setCardArchived(trx, id, ctx.now()) };
  });
  if (!archived) throw new NotFoundError(`no card with id ${id}`);
  return (await payload(ctx, [archived], card.topicId !== null ? await getTopic(ctx.store.db, card.topicId) : null))[0]!;
}
