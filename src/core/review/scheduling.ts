// Spaced repetition with FSRS: a thin, pure layer over ts-fsrs 5. Time always comes in as ISO-8601 text;
// fuzz is seeded from the card id (and its reps), so the same card reviewed the same way gets the same interval.
import { fsrs, GenSeedStrategyWithCardId, generatorParameters, State, StrategyMode } from 'ts-fsrs';
import type { CardInput, FSRS, Steps } from 'ts-fsrs';
import type { CardKind, CardOrigin, FsrsState, RatingPreviewJson, ReviewRating } from '../../contract/review.js';
import { FSRS_STATES, RATINGS } from '../../contract/vocabulary.js';

// The states (in ts-fsrs's State order), ratings and card kinds the API shows: listed once, in the contract.
export type { CardKind, CardOrigin, FsrsState, ReviewRating } from '../../contract/review.js';

/** A card's FSRS fields as stored: plain data, timestamps as ISO-8601 text. */
export interface CardSchedule {
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
  /** Which (re)learning step the card is at. */
  learningSteps: number;
  state: FsrsState;
  lastReview: string | null;
}

/** What `review` needs of a card: its id seeds the fuzz. */
export interface SchedulableCard extends CardSchedule {
  id: number;
}

/**
 * One line of the review log, as ts-fsrs builds it (its `ReviewLog`): state, stability and difficulty are the
 * card's when it was reviewed, i.e. before this review (0 for a new card). `previous` holds all of the card's
 * fields before the review, so that an undo restores them exactly.
 */
export interface ReviewRecord {
  rating: ReviewRating;
  reviewedAt: string;
  /** Days since the previous review (0 for the first). */
  elapsedDays: number;
  scheduledDays: number;
  stability: number;
  difficulty: number;
  /** The card's FSRS state when it was reviewed. */
  state: FsrsState;
  previous: CardSchedule;
}

export interface ReviewOutcome {
  card: CardSchedule;
  log: ReviewRecord;
}

export interface SchedulerSettings {
  /** Probability of recall aimed for at the due date. */
  desiredRetention?: number;
  /** In days. */
  maximumInterval?: number;
  fuzz?: boolean;
  /** ts-fsrs step strings such as `1m`, `10m`; ts-fsrs's defaults when left out. Steps of a day or more are discouraged. */
  learningSteps?: Steps;
  relearningSteps?: Steps;
  /** FSRS parameters (w) fitted to the user's own log; ts-fsrs's defaults when left out. */
  parameters?: readonly number[];
}

/** A ts-fsrs scheduler, as `schedulerFor` makes it. */
export type Scheduler = FSRS;

/** The field of the ts-fsrs card that the seed strategy reads the card id from. */
const CARD_ID_FIELD = 'card_id';

/** A ts-fsrs scheduler; fuzz (when on) is seeded from the card id plus its reps, never the clock. */
export function schedulerFor(settings: SchedulerSettings = {}): FSRS {
  const params = generatorParameters({
    request_retention: settings.desiredRetention ?? 0.9,
    maximum_interval: settings.maximumInterval ?? 36500,
    enable_fuzz: settings.fuzz ?? true,
    ...(settings.learningSteps !== undefined ? { learning_steps: settings.learningSteps } : {}),
    ...(settings.relearningSteps !== undefined ? { relearning_steps: settings.relearningSteps } : {}),
    ...(settings.parameters !== undefined ? { w: [...settings.parameters] } : {}),
  });
  return fsrs(params).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId(CARD_ID_FIELD));
}

const DEFAULT_SCHEDULER = schedulerFor();

/** A card never reviewed, due at `now`. */
export function newCardSchedule(now: string): CardSchedule {
  return {
    due: now,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    reps: 0,
    lapses: 0,
    learningSteps: 0,
    state: 'new',
    lastReview: null,
  };
}

export function isRating(value: unknown): value is ReviewRating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

export function stateName(state: State): FsrsState {
  const name = FSRS_STATES[state];
  if (name === undefined) throw new Error(`unknown FSRS state ${String(state)}`);
  return name;
}

function stateValue(state: FsrsState): State {
  return FSRS_STATES.indexOf(state);
}

/** The ts-fsrs card for a stored one, with the id its seed strategy reads. */
function toFsrsCard(card: SchedulableCard): CardInput & { card_id: number } {
  return {
    card_id: card.id,
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    reps: card.reps,
    lapses: card.lapses,
    learning_steps: card.learningSteps,
    state: stateValue(card.state),
    last_review: card.lastReview,
  };
}

function scheduleOf(card: CardSchedule): CardSchedule {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsedDays,
    scheduledDays: card.scheduledDays,
    reps: card.reps,
    lapses: card.lapses,
    learningSteps: card.learningSteps,
    state: card.state,
    lastReview: card.lastReview,
  };
}

/**
 * `now`, or the card's last review when the clock says earlier: ts-fsrs refuses a negative elapsed time, which
 * a second machine whose clock is a little behind (sharing a PostgreSQL database) would otherwise cause.
 */
function notBeforeLastReview(card: SchedulableCard, now: string): string {
  return card.lastReview !== null && Date.parse(card.lastReview) > Date.parse(now) ? card.lastReview : now;
}

/** Reviews `card` at `now` with `rating`: its new FSRS fields and the log line, exactly as ts-fsrs gives them. */
export function review(card: SchedulableCard, rating: ReviewRating, now: string, scheduler: FSRS = DEFAULT_SCHEDULER): ReviewOutcome {
  if (!isRating(rating)) throw new RangeError(`a rating is 1-4, not ${String(rating)}`);
  const { card: next, log } = scheduler.next(toFsrsCard(card), notBeforeLastReview(card, now), rating);
  return {
    card: {
      due: next.due.toISOString(),
      stability: next.stability,
      difficulty: next.difficulty,
      elapsedDays: next.elapsed_days,
      scheduledDays: next.scheduled_days,
      reps: next.reps,
      lapses: next.lapses,
      learningSteps: next.learning_steps,
      state: stateName(next.state),
      lastReview: next.last_review ? next.last_review.toISOString() : null,
    },
    log: {
      rating: log.rating as number as ReviewRating,
      reviewedAt: log.review.toISOString(),
      elapsedDays: log.elapsed_days,
      scheduledDays: log.scheduled_days,
      stability: log.stability,
      difficulty: log.difficulty,
      state: stateName(log.state),
      previous: scheduleOf(card),
    },
  };
}

/** The predicted probability of recall at `now`, 0..1 (0 for a card never reviewed). */
export function retrievability(card: SchedulableCard, now: string, scheduler: FSRS = DEFAULT_SCHEDULER): number {
  return scheduler.get_retrievability(toFsrsCard(card), notBeforeLastReview(card, now), false);
}

/** A card as the store holds it: what is asked, and its FSRS fields. */
export interface StudyCard extends SchedulableCard {
  checklistId: number;
  /** Always set for a topic card. */
  topicId: number | null;
  kind: CardKind;
  /** The question of a question/answer card; a topic card shows its topic and leaves it empty. */
  front: string;
  back: string;
  origin: CardOrigin;
  /** The section path key of its topic (or of the section it stands in). */
  sectionKey: string;
  /** Where a file card is written; null for one only prepdeck holds. */
  lines: { start: number; end: number } | null;
  createdAt: string;
  archivedAt: string | null;
}

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** An interval as the rating buttons show it: `1m`, `10m`, `5h`, `3d`, `2.5mo`, `1.2y`. */
function intervalLabel(ms: number): string {
  const trim = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, ''));
  if (ms < HOUR_MS) return `${Math.max(1, Math.round(ms / MINUTE_MS))}m`;
  if (ms < DAY_MS) return `${Math.round(ms / HOUR_MS)}h`;
  const days = ms / DAY_MS;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trim(Math.round((days / 30) * 10) / 10)}mo`;
  return `${trim(Math.round((days / 365) * 10) / 10)}y`;
}

/** What each rating would schedule if the card were answered at `now`: the labels of the four buttons. */
export function previewRatings(card: SchedulableCard, now: string, scheduler: FSRS = DEFAULT_SCHEDULER): RatingPreviewJson[] {
  const nowMs = Date.parse(now);
  return RATINGS.map((rating) => {
    const due = review(card, rating, now, scheduler).card.due;
    return { rating, due, interval: intervalLabel(Date.parse(due) - nowMs) };
  });
}
