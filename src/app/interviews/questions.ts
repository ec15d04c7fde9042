// The questions asked in a round: each linked to the topics it touches and scored on the review scale, its score
// written as evidence into those topics' review logs in the same transaction (store/interviews/evidence.ts).
import type { NewTopicJson, QuestionCardJson, QuestionCreateJson, QuestionPatchJson, RoundDetailJson } from '../../contract/interviews.js';
import type { ReviewRating } from '../../contract/review.js';
import { TopicTakenError } from '../../core/checklist/added-topic.js';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { evidenceTime } from '../../core/interviews/evidence.js';
import { checkRequiredText } from '../../core/hunt/fields.js';
import { isRating } from '../../core/review/scheduling.js';
import { MAX_ID } from '../../core/validate.js';
import type { Store } from '../../store/database.js';
import { writeEvidence, withdrawEvidence } from '../../store/interviews/evidence.js';
import {
  changeQuestion,
  deleteQuestionRow,
  existingStories,
  insertQuestion,
  questionById,
  setQuestionStories,
  setQuestionTopics,
  topicIdsOf,
  type QuestionRow,
} from '../../store/interviews/questions.js';
import { changeRound, roundById } from '../../store/interviews/rounds.js';
import { topicsByIds } from '../../store/topics/topics.js';
import type { AppContext } from '../context.js';
import { addCard } from '../review/cards.js';
import { addTopicInTransaction } from '../topics/add-topic.js';
import { roundDetailOf } from './round-json.js';
import { checkRoundId } from './rounds.js';
import { schedulersOver } from './schedulers.js';

type Db = Store['db'];

function checkScore(score: number | null): ReviewRating | null {
  if (score === null || isRating(score)) return score;
  throw new InvalidInputError(`score: ${String(score)} is not a self-score; use 1 (again), 2 (hard), 3 (good) or 4 (easy)`);
}

/**
 * The topics to link: study topics that exist; a topic archived since it was linked may stay, but a new link to an
 * archived one is refused, naming `topicIds`.
 */
async function checkTopics(db: Db, topicIds: readonly number[], linked: readonly number[] = []): Promise<number[]> {
  const unique = [...new Set(topicIds)];
  const bad = unique.find((id) => !Number.isSafeInteger(id) || id < 1 || id > MAX_ID);
  if (bad !== undefined) throw new InvalidInputError(`topicIds: ${bad} is not a topic id`);
  const topics = await topicsByIds(db, unique);
  for (const id of unique) {
    const topic = topics.get(id);
    if (!topic) throw new InvalidInputError(`topicIds: there is no topic ${id}`);
    if (topic.kind !== 'topic') throw new InvalidInputError(`topicIds: '${topic.text}' (${id}) is a ${topic.kind}, not a study topic`);
    if (topic.archivedAt !== null && !linked.includes(id)) {
      throw new InvalidInputError(`topicIds: '${topic.text}' (${id}) is archived (gone from its file); link a topic that is in it`);
    }
  }
  return unique;
}

async function checkStories(db: Db, storyIds: readonly number[]): Promise<number[]> {
  const unique = [...new Set(storyIds)];
  const found = await existingStories(
    db,
    unique.filter((id) => Number.isSafeInteger(id) && id >= 1 && id <= MAX_ID),
  );
  const missing = unique.find((id) => !found.has(id));
  if (missing !== undefined) throw new InvalidInputError(`storyIds: there is no story ${missing}`);
  return unique;
}

/**
 * The topic a question adds (to the section named, titled by the question's first line unless a title is given),
 * written into the file at the next write-back; its refusals name `newTopic`.
 */
async function newTopicOf(trx: Db, newTopic: NewTopicJson, text: string, now: string): Promise<number> {
  const title =
    newTopic.title ??
    text
      .split('\n')
      .find((line) => line.trim() !== '')!
      .trim();
  try {
    const placed = await addTopicInTransaction(
      trx,
      { checklist: newTopic.checklist, section: newTopic.section, title, asTyped: newTopic.asTyped },
      now,
    );
    return placed.topic.id;
  } catch (error) {
    if (error instanceof InvalidInputError) {
      // The question can be about the topic there is: a link, not a new topic.
      const instead = error instanceof TopicTakenError ? '; link the question to it instead' : '';
      throw new InvalidInputError(`newTopic.${error.message}${instead}`, { cause: error });
    }
    throw error;
  }
}

/** The use-case context inside `trx`, so that another use case's writes join this transaction. */
function inside(ctx: AppContext, trx: Db): AppContext {
  return { ...ctx, store: { ...ctx.store, db: trx, transaction: (fn) => fn(trx) } };
}

async function requireQuestion(db: Db, id: number): Promise<QuestionRow> {
  const question = Number.isSafeInteger(id) && id >= 1 && id <= MAX_ID ? await questionById(db, id) : null;
  if (!question) throw new NotFoundError(`no question ${id}; \`prepdeck rounds show ROUND\` lists a round's questions`);
  return question;
}

/** Logs a question asked in the round; with a score, it is evidence about its topics at the round's start (now, for a round to come). */
export async function addQuestion(ctx: AppContext, roundId: number, body: QuestionCreateJson): Promise<RoundDetailJson> {
  checkRoundId(roundId);
  const text = checkRequiredText(body.text, 'text');
  const score = checkScore(body.score ?? null);
  await ctx.store.transaction(async (trx) => {
    const round = await roundById(trx, roundId);
    if (!round) throw new NotFoundError(`no round ${roundId}; \`prepdeck rounds\` lists them`);
    const topicIds = await checkTopics(trx, body.topicIds ?? []);
    const storyIds = await checkStories(trx, body.storyIds ?? []);
    // A question that touches nothing in the checklist adds its topic to a section, in this same transaction.
    if (body.newTopic) topicIds.push(await newTopicOf(trx, body.newTopic, text, ctx.now()));
    const id = await insertQuestion(trx, { round_id: roundId, text, score, created_at: ctx.now() });
    await setQuestionTopics(trx, id, topicIds);
    await setQuestionStories(trx, id, storyIds);
    const at = evidenceTime(round.starts_at, ctx.now());
    if (score !== null) await writeEvidence(trx, { questionId: id, rating: score, at, topicIds }, schedulersOver(trx));
  });
  return roundDetailOf(ctx.store.db, roundId);
}

/** Changes the text, the score (null withdraws the evidence), the topics (replacing the links) or the stories. */
export async function updateQuestion(ctx: AppContext, id: number, patch: QuestionPatchJson): Promise<RoundDetailJson> {
  const text = patch.text === undefined ? undefined : checkRequiredText(patch.text, 'text');
  const score = patch.score === undefined ? undefined : checkScore(patch.score);
  const roundId = await ctx.store.transaction(async (trx) => {
    const question = await requireQuestion(trx, id);
    const round = (await roundById(trx, question.round_id))!;
    const linked = await topicIdsOf(trx, id);
    const topicIds = patch.topicIds === undefined ? linked : await checkTopics(trx, patch.topicIds, linked);
    if (patch.storyIds !== undefined) await setQuestionStories(trx, id, await checkStories(trx, patch.storyIds));
    if (patch.topicIds !== undefined) await setQuestionTopics(trx, id, topicIds);
    await changeQuestion(trx, id, { ...(text !== undefined ? { text } : {}), ...(score !== undefined ? { score } : {}), updated_at: ctx.now() });
    const rating = score === undefined ? (question.score as ReviewRating | null) : score;
    if (score !== undefined || patch.topicIds !== undefined) {
      await writeEvidence(trx, { questionId: id, rating, at: evidenceTime(round.starts_at, ctx.now()), topicIds }, schedulersOver(trx));
    }
    return question.round_id;
  });
  return roundDetailOf(ctx.store.db, roundId);
}

/**
 * Deletes a question, withdrawing its evidence first. The round counts as changed: without its last question it may
 * be called off again, and a calendar takes that only from a SEQUENCE that grows (app/interviews/calendar.ts).
 */
export async function deleteQuestion(ctx: AppContext, id: number): Promise<RoundDetailJson> {
  const roundId = await ctx.store.transaction(async (trx) => {
    const question = await requireQuestion(trx, id);
    await withdrawEvidence(trx, [id], schedulersOver(trx));
    await deleteQuestionRow(trx, id);
    await changeRound(trx, question.round_id, { updated_at: ctx.now() });
    return question.round_id;
  });
  return roundDetailOf(ctx.store.db, roundId);
}

/** The question becomes a question/answer card of a topic (its first linked one unless named): front the question, back the better answer. */
export async function questionToCard(ctx: AppContext, id: number, body: QuestionCardJson): Promise<RoundDetailJson> {
  const roundId = await ctx.store.transaction(async (trx) => {
    const question = await requireQuestion(trx, id);
    if (question.card_id !== null) throw new InvalidInputError(`question ${id} is card ${question.card_id} already; edit that card instead`);
    const topicId = body.topicId ?? (await topicIdsOf(trx, id))[0];
    if (topicId === undefined) throw new InvalidInputError(`topicId: question ${id} is linked to no topic; name the topic the card goes under`);
    // The card is added with the existing use case, inside this transaction: the card and the link land together.
    const card = await addCard(inside(ctx, trx), topicId, { front: question.text, back: body.answer });
    await changeQuestion(trx, id, { card_id: card.id, updated_at: ctx.now() });
    return question.round_id;
  });
  return roundDetailOf(ctx.store.db, roundId);
}
