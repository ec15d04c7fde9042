// The rules of answering a card and of undoing an answer: what is refused, what the card and its log line become,
// and how the card's topic follows. Pure: store/review/cards.ts reads the rows in one transaction, asks these,
// and writes what they decided.
import { Rating } from 'ts-fsrs';
import type { TopicState } from '../checklist/model.js';
import { ConflictError, InvalidInputError } from '../errors.js';
import { review } from './scheduling.js';
import type { CardSchedule, FsrsState, ReviewRating, ReviewRecord, Scheduler, StudyCard } from './scheduling.js';

/** What the rules look at in a card's topic. */
export interface TopicOfCard {
  text: string;
  state: TopicState;
  archivedAt: string | null;
}

export interface TopicStateChange {
  from: TopicState;
  to: TopicState;
}

export interface AnswerInput {
  /** The card as stored now. */
  card: StudyCard;
  /** Its topic as stored now; null for a card without one. */
  topic: TopicOfCard | null;
  rating: ReviewRating;
  now: string;
  /** How long the answer took, when known. */
  durationMs: number | null;
  scheduler?: Scheduler | undefined;
  /** The card's reps as the user saw it: when another answer came first (another window), this one is refused. */
  shownReps?: number | undefined;
  /** When the current study day began (ISO); without it, a day is the 24 hours before `now`. */
  todayStart?: string | undefined;
}

export interface AnswerDecision {
  /** The card's FSRS fields after the answer. */
  card: CardSchedule;
  /** The log line: ts-fsrs's record (the card before, for undo) and how long the answer took. */
  log: ReviewRecord & { durationMs: number | null };
  /** What the answer does to the topic's state (kept on the log line, so an undo reverts exactly that); null: nothing. */
  topicChange: TopicStateChange | null;
}

const DAY_MS = 86_400_000;

/** ts-fsrs's Again, as the rating it is. */
const AGAIN: ReviewRating = Rating.Again;

/** Again on a card in Review: it was forgotten. */
function isLapse(before: FsrsState, rating: ReviewRating): boolean {
  return before === 'review' && rating === AGAIN;
}

/** What the known rule looks at in an answer: the card before it, the rating, and when the current study day began. */
export interface AnsweredCard {
  before: Pick<CardSchedule, 'state' | 'scheduledDays' | 'lastReview'>;
  after: FsrsState;
  rating: ReviewRating;
  /** When the current study day began (ISO). */
  todayStart: string;
}

/**
 * Remembered, not pressed twice: a pass on a card already in Review, on an interval of a day or more, reviewed last
 * before today's study day. Graduating through the learning steps happens within minutes, so it proves nothing yet.
 */
function recalledOnALaterDay({ before, after, rating, todayStart }: AnsweredCard): boolean {
  return (
    before.state === 'review' &&
    after === 'review' &&
    rating !== AGAIN &&
    before.scheduledDays >= 1 &&
    before.lastReview !== null &&
    Date.parse(before.lastReview) < Date.parse(todayStart)
  );
}

/**
 * What a topic's state becomes when its card is answered: `known` when the card is recalled on a later study day
 * (see recalledOnALaterDay), `learning` when it is forgotten (a lapse) or first studied while the topic is still
 * `new`; null to keep it.
 */
export function topicStateAfter(answered: AnsweredCard, topicState: TopicState | undefined): TopicState | null {
  if (recalledOnALaterDay(answered)) return 'known';
  if (isLapse(answered.before.state, answered.rating)) return 'learning';
  if (topicState === 'new') return 'learning';
  return null;
}

/**
 * Answers `card` with `rating` at `now`. Refused with an InvalidInputError: an archived card, a card whose topic is
 * archived or skipped (a card shown before that must not bring its topic back); with a ConflictError: an answer given
 * meanwhile elsewhere. A topic card recalled on a later study day makes its topic `known`; a lapse, or a first study of
 * a `new` topic, makes it `learning`.
 */
export function decideAnswer(input: AnswerInput): AnswerDecision {
  const { card, topic, rating } = input;
  if (card.archivedAt !== null) throw new InvalidInputError(`card ${card.id} is archived: its question is gone from the file or was removed`);
  if (topic?.archivedAt) throw new InvalidInputError(`card ${card.id} belongs to '${topic.text}', which is gone from the file (archived)`);
  if (topic?.state === 'skipped')
    throw new InvalidInputError(`card ${card.id} belongs to '${topic.text}', which is skipped; mark it new or learning to review it`);
  if (input.shownReps !== undefined && card.reps !== input.shownReps) {
    throw new ConflictError(`card ${card.id} was answered meanwhile, elsewhere (another window or the terminal); this answer was not recorded`);
  }
  const outcome = review(card, rating, input.now, input.scheduler);
  let topicChange: TopicStateChange | null = null;
  if (card.kind === 'topic' && topic) {
    const todayStart = input.todayStart ?? new Date(Date.parse(input.now) - DAY_MS).toISOString();
    const target = topicStateAfter({ before: card, after: outcome.card.state, rating, todayStart }, topic.state);
    if (target !== null && target !== topic.state) topicChange = { from: topic.state, to: target };
  }
  return { card: outcome.card, log: { ...outcome.log, durationMs: input.durationMs }, topicChange };
}

/** A checklist's last log line, as an undo reads it. */
export interface LoggedAnswer {
  cardId: number;
  /** The card's FSRS fields before that answer. */
  previous: CardSchedule;
  /** The topic state change that answer made, when it made one. */
  topicChange: TopicStateChange | null;
}

export interface UndoInput {
  last: LoggedAnswer;
  /** The card the undoing session answered last: another one's answer, given elsewhere since, is not undone. */
  expectedCardId?: number | undefined;
  /** The topic's state now; null for a card without a topic. */
  topicState: TopicState | null;
}

export interface UndoDecision {
  /** The card's FSRS fields exactly as they were before the answer. */
  restore: CardSchedule;
  /** The topic's state to put back (a new line of history, never a rewrite); null when there is none to. */
  topicChange: TopicStateChange | null;
}

/**
 * Undoes the last answer: the card gets its fields back exactly, and a topic state the answer changed goes back
 * too, but only while the topic still holds what the answer set: a state changed since (by hand, say) stays.
 * ConflictError when the last answer is another card's than the one expected.
 */
export function decideUndo(input: UndoInput): UndoDecision {
  const { last, expectedCardId } = input;
  if (expectedCardId !== undefined && last.cardId !== expectedCardId) {
    throw new ConflictError(
      `the last answer is now card ${last.cardId}'s, given elsewhere after yours to card ${expectedCardId}; nothing was undone`,
    );
  }
  const change = last.topicChange;
  const stillHolds = change !== null && input.topicState === change.to;
  return { restore: last.previous, topicChange: stillHolds ? { from: change.to, to: change.from } : null };
}
