// Reviewing a checklist with spaced repetition: today's queue, answering a card, undoing the last answer.
import type { AnswerJson, CardJson, ReviewCardJson, ReviewQueueJson, UndoJson } from '../../contract/review.js';
import { topicJson } from '../topics/topic-json.js';
import { cardJson } from './card-json.js';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { normalizeText } from '../../core/import/identity.js';
import type { Checklist, Topic } from '../../core/checklist/model.js';
import { isRating, previewRatings, retrievability } from '../../core/review/scheduling.js';
import type { ReviewRating, StudyCard } from '../../core/review/scheduling.js';
import { sectionPaths } from '../../core/checklist/tree.js';
import { MAX_ID } from '../../core/validate.js';
import { answer, getCard, undoLastReview } from '../../store/review/cards.js';
import { reviewsSince, sessionQueue } from '../../store/review/queue.js';
import { queueRequest } from '../../core/review/queue.js';
import { getChecklist } from '../../store/checklists/checklists.js';
import { getTopic, resourcesOfTopics, sectionsOf, topicsByIds } from '../../store/topics/topics.js';
import type { AppContext } from '../context.js';
import { checklistFor } from './review-checklist.js';
import { reviewRules, type ReviewRules } from './settings.js';
import { placeTopics } from '../topics/topics.js';
import { didYouMean } from '../nearest.js';
import { studyPlan, todaysPlannedCards } from '../plan/plan.js';

/** How many cards one call hands out at most. */
const MAX_QUEUE_LIMIT = 500;

export interface QueueOptions {
  checklist?: string | undefined;
  /** A section by its path (`python/core`, any case and script), with its subsections; else any whose path holds it. */
  section?: string | undefined;
  /** Only these topics' cards: ids (from the Gaps page, say). */
  topicIds?: readonly number[] | undefined;
  /** Today's planned items not yet studied, in the plan's order, whether due or not (the plan to a date). */
  plan?: boolean | undefined;
  limit?: number | undefined;
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUEUE_LIMIT) {
    throw new InvalidInputError(`a limit is a whole number from 1 to ${MAX_QUEUE_LIMIT}, not ${String(limit)}`);
  }
  return limit;
}

/** A path with every `/` taken as a separator, so that `CI/CD` (a title) and `DevOps/CI/CD` (a path) compare alike. */
const loosePath = (path: string) =>
  path
    .split('/')
    .map((part) => normalizeText(part))
    .filter(Boolean)
    .join(' / ');

/** The path keys of the section whose whole path is `fragment`, else of those whose path contains it; subsections included. */
async function sectionScope(ctx: AppContext, checklist: Checklist, fragment: string): Promise<string[]> {
  // `Python/Core` as topic references write it, `Python / Core` as paths are shown, and titles may hold a `/`.
  const wanted = loosePath(fragment);
  if (wanted === '') throw new InvalidInputError('a section scope is empty; give part of a section title');
  const sections = await sectionsOf(ctx.store.db, [checklist.id]);
  const all = sections.map((s) => ({ key: s.pathKey, loose: loosePath(s.pathKey) }));
  // A whole path (as the web UI sends it) means that section and its subsections; otherwise any path holding the words.
  const exact = all.filter(({ loose }) => loose === wanted || loose.startsWith(`${wanted} / `));
  const keys = (exact.length > 0 ? exact : all.filter(({ loose }) => loose.includes(wanted))).map(({ key }) => key);
  if (keys.length === 0) {
    const near = didYouMean(fragment, [...new Set(sections.map((s) => s.text))]);
    throw new NotFoundError(`section: no section of '${checklist.name}' matches '${fragment}'${near || '; `prepdeck progress` lists them'}`);
  }
  return keys;
}

/**
 * What to study now: learning cards due, then today's reviews, then new cards, within the checklist's daily
 * limits and the scope. Every study topic has its card from its import on (store/import/import.ts#saveCards).
 */
export async function reviewQueue(ctx: AppContext, options: QueueOptions = {}): Promise<ReviewQueueJson> {
  const limit = checkLimit(options.limit ?? 50);
  const checklist = await checklistFor(ctx, options.checklist);
  const sectionKeys = options.section !== undefined ? await sectionScope(ctx, checklist, options.section) : undefined;
  const rules = await reviewRules(ctx, checklist);
  const now = ctx.now();
  const done = await reviewsSince(ctx.store.db, checklist.id, rules.today.start);
  const request = queueRequest({ now, today: rules.today, limits: rules.settings, doneToday: done, limit });
  const scope = { checklistId: checklist.id, ...(sectionKeys ? { sectionKeys } : {}), ...(options.topicIds ? { topicIds: options.topicIds } : {}) };
  const {
    cards,
    counts: remaining,
    nextStudyAt: nextDueAt,
  } = options.plan ? await plannedQueue(ctx, rules, limit) : await sessionQueue(ctx.store.db, { ...scope, ...request }, rules.settings.newPerDay);
  return {
    checklist: checklist.name,
    day: rules.today,
    timeZone: rules.timeZone,
    remaining,
    doneToday: done,
    limits: { newPerDay: rules.settings.newPerDay, reviewsPerDay: rules.settings.reviewsPerDay },
    cards: await reviewCards(ctx, rules, cards, now),
    nextDueAt,
    // Nothing of the plan to study now: its own line says why, where an empty queue would say only "done".
    planSummary: options.plan && cards.length === 0 ? (await studyPlan(ctx, { checklist: checklist.name, days: 1 })).summary : null,
  };
}

/** Today's planned cards not yet studied, in the plan's order; `remaining` counts them by kind of study. */
async function plannedQueue(ctx: AppContext, rules: ReviewRules, limit: number) {
  const cards = await todaysPlannedCards(ctx, rules);
  const count = (states: readonly string[]) => cards.filter((card) => states.includes(card.state)).length;
  return {
    cards: cards.slice(0, limit),
    counts: { new: count(['new']), learning: count(['learning', 'relearning']), review: count(['review']) },
    nextStudyAt: null,
  };
}

async function topicOf(ctx: AppContext, card: StudyCard): Promise<Topic | null> {
  return card.topicId !== null ? getTopic(ctx.store.db, card.topicId) : null;
}

function cardPayload(rules: Pick<ReviewRules, 'checklist' | 'scheduler'>, card: StudyCard, topic: Topic | null, now: string): CardJson {
  const recall = card.state === 'new' ? null : retrievability(card, now, rules.scheduler);
  return cardJson(card, rules.checklist.name, topic, recall);
}

/** Cards with their topics, resources, section paths and rating previews: a few queries, whatever their number. */
async function reviewCards(ctx: AppContext, rules: ReviewRules, cards: StudyCard[], now: string): Promise<ReviewCardJson[]> {
  const topicIds = [...new Set(cards.flatMap((card) => (card.topicId === null ? [] : [card.topicId])))];
  const topics = await topicsByIds(ctx.store.db, topicIds);
  const placed = new Map((await placeTopics(ctx, [...topics.values()])).map((p) => [p.topic.id, p]));
  const resources = await resourcesOfTopics(ctx.store.db, topicIds);
  // A card standing in a section (no topic) takes that section's path.
  const sectionPath = cards.some((card) => card.topicId === null) ? await sectionPathsByKey(ctx, rules.checklist.id) : new Map<string, string[]>();
  return cards.map((card) => {
    const topic = card.topicId === null ? null : (topics.get(card.topicId) ?? null);
    const place = topic ? placed.get(topic.id) : undefined;
    return {
      card: cardPayload(rules, card, topic, now),
      topic: place ? topicJson(place) : null,
      section: place?.sectionPath ?? sectionPath.get(card.sectionKey) ?? [],
      resources: (topic ? (resources.get(topic.id) ?? []) : []).map(({ url, title, clickable }) => ({ url, title, clickable })),
      ratings: previewRatings(card, now, rules.scheduler),
    };
  });
}

/** Each section's titles (top level first) by its path key. */
async function sectionPathsByKey(ctx: AppContext, checklistId: number): Promise<Map<string, string[]>> {
  const sections = await sectionsOf(ctx.store.db, [checklistId]);
  const titles = sectionPaths(sections);
  return new Map(sections.map((section) => [section.pathKey, titles.get(section.id) ?? []]));
}

function parseRating(value: unknown): ReviewRating {
  const rating = typeof value === 'string' && /^[1-4]$/.test(value.trim()) ? Number(value.trim()) : value;
  if (!isRating(rating)) {
    throw new InvalidInputError(`a rating is 1 (again), 2 (hard), 3 (good) or 4 (easy), not ${String(value)}`);
  }
  return rating;
}

/** A card and the rules of its checklist; NotFoundError for an unknown id. */
async function cardWithRules(ctx: AppContext, cardId: number): Promise<{ card: StudyCard; rules: ReviewRules }> {
  const card = Number.isInteger(cardId) && cardId >= 1 && cardId <= MAX_ID ? await getCard(ctx.store.db, cardId) : null;
  const checklist = card ? await getChecklist(ctx.store.db, card.checklistId) : null;
  if (!card || !checklist) throw new NotFoundError(`no card with id ${cardId}`);
  return { card, rules: await reviewRules(ctx, checklist) };
}

/**
 * Answers a card with a rating 1-4; `durationMs` is how long the answer took, when known. With `shownReps`
 * (the card's reps as shown), an answer given meanwhile elsewhere makes this one a ConflictError.
 */
export async function answerCard(ctx: AppContext, cardId: number, rating: unknown, durationMs?: number, shownReps?: number): Promise<AnswerJson> {
  const checked = parseRating(rating);
  if (durationMs !== undefined && (!Number.isInteger(durationMs) || durationMs < 0 || durationMs > MAX_ID)) {
    throw new InvalidInputError(`a duration is a whole number of milliseconds, not ${String(durationMs)}`);
  }
  const { rules } = await cardWithRules(ctx, cardId);
  const now = ctx.now();
  const result = await answer(ctx.store.db, cardId, checked, now, durationMs ?? null, rules.scheduler, shownReps, rules.today.start);
  if (!result) throw new NotFoundError(`no card with id ${cardId}`);
  return { card: cardPayload(rules, result.card, result.topic, now), topic: await topicPayload(ctx, result.topic) };
}

async function topicPayload(ctx: AppContext, topic: Topic | null) {
  if (!topic) return null;
  const [placed] = await placeTopics(ctx, [topic]);
  return placed ? topicJson(placed) : null;
}

/**
 * Undoes the checklist's last answer; NotFoundError when there is none. With `expectedCardId` (the card this
 * session answered last), a last answer of another card, given elsewhere since, is a ConflictError.
 */
export async function undoReview(ctx: AppContext, checklistName?: string, expectedCardId?: number): Promise<UndoJson> {
  const checklist = await checklistFor(ctx, checklistName);
  const now = ctx.now();
  const rules = await reviewRules(ctx, checklist);
  const undone = await undoLastReview(ctx.store.db, checklist.id, now, expectedCardId, rules.scheduler);
  if (!undone) throw new NotFoundError(`no review to undo in '${checklist.name}'`);
  return (await reviewCards(ctx, rules, [undone.card], now))[0]!;
}

/** A card by id (archived ones included), as the API shows it. */
export async function cardById(ctx: AppContext, id: number): Promise<CardJson> {
  const { card, rules } = await cardWithRules(ctx, id);
  return cardPayload(rules, card, await topicOf(ctx, card), ctx.now());
}
