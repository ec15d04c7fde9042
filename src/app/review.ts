// Reviewing a checklist's topics with spaced repetition: what is due, answering a card, undoing the last answer.
import { InvalidInputError, NotFoundError } from '../core/errors.js';
import type { Checklist, Topic } from '../core/model.js';
import { isRating } from '../core/scheduling.js';
import type { ReviewRating, StudyCard } from '../core/scheduling.js';
import { MAX_ID } from '../core/validate.js';
import { answer, ensureTopicCards, getCard, nextDue, undoLastReview } from '../store/cards.js';
import type { AnswerResult } from '../store/cards.js';
import { getTopic } from '../store/topics.js';
import type { AppContext } from './context.js';
import { checklistFor } from './review-checklist.js';

/** How many due cards one call hands out at most. */
export const MAX_DUE_LIMIT = 500;

export interface DueCard {
  card: StudyCard;
  /** The topic a topic card asks about; null for a question/answer card without one. */
  topic: Topic | null;
}

export interface DueCards {
  checklist: Checklist;
  cards: DueCard[];
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_DUE_LIMIT) {
    throw new InvalidInputError(`a limit is a whole number from 1 to ${MAX_DUE_LIMIT}, not ${String(limit)}`);
  }
  return limit;
}

/**
 * The checklist's cards due now, the most overdue first. Study topics without a card get one first
 * (due at once), so a freshly imported checklist has everything to review.
 */
export async function dueCards(ctx: AppContext, checklistName: string | undefined, limit: number): Promise<DueCards> {
  checkLimit(limit);
  const checklist = await checklistFor(ctx, checklistName);
  const now = ctx.now();
  await ensureTopicCards(ctx.store.db, checklist.id, now);
  const cards = await nextDue(ctx.store.db, checklist.id, now, limit);
  const due: DueCard[] = [];
  for (const card of cards) {
    due.push({ card, topic: card.topicId !== null ? await getTopic(ctx.store.db, card.topicId) : null });
  }
  return { checklist, cards: due };
}

export function parseRating(value: unknown): ReviewRating {
  const rating = typeof value === 'string' && /^[1-4]$/.test(value.trim()) ? Number(value.trim()) : value;
  if (!isRating(rating)) {
    throw new InvalidInputError(`a rating is 1 (again), 2 (hard), 3 (good) or 4 (easy), not ${String(value)}`);
  }
  return rating;
}

/** Answers a card with a rating 1-4; `durationMs` is how long the answer took, when known. */
export async function answerCard(
  ctx: AppContext,
  cardId: number,
  rating: number,
  durationMs?: number,
): Promise<AnswerResult> {
  const checked = parseRating(rating);
  if (durationMs !== undefined && (!Number.isInteger(durationMs) || durationMs < 0 || durationMs > MAX_ID)) {
    throw new InvalidInputError(`a duration is a whole number of milliseconds, not ${String(durationMs)}`);
  }
  if (!Number.isInteger(cardId) || cardId < 1 || cardId > MAX_ID) throw new NotFoundError(`no card with id ${cardId}`);
  const result = await answer(ctx.store.db, cardId, checked, ctx.now(), durationMs ?? null);
  if (!result) throw new NotFoundError(`no card with id ${cardId}`);
  return result;
}

/** Undoes the checklist's last answer; NotFoundError when there is none. */
export async function undoReview(ctx: AppContext, checklistName?: string): Promise<StudyCard> {
  const checklist = await checklistFor(ctx, checklistName);
  const undone = await undoLastReview(ctx.store.db, checklist.id, ctx.now());
  if (!undone) throw new NotFoundError(`no review to undo in '${checklist.name}'`);
  return undone.card;
}

/** A card by id (archived ones included). */
export async function cardById(ctx: AppContext, id: number): Promise<StudyCard> {
  const card = Number.isInteger(id) && id >= 1 && id <= MAX_ID ? await getCard(ctx.store.db, id) : null;
  if (!card) throw new NotFoundError(`no card with id ${id}`);
  return card;
}
