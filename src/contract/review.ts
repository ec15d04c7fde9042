// Spaced repetition: today's queue, answers and undo, a topic's cards, statistics, settings and the optimizer.
import { Type, type Static } from 'typebox';
import { component, ExportedResource, Nullable } from './common.js';
import { TopicJson } from './topics.js';
import { CARD_KINDS, CARD_ORIGINS, FSRS_STATES, RATINGS } from './vocabulary.js';

export const FsrsState = Type.Enum(FSRS_STATES);
export type FsrsState = Static<typeof FsrsState>;

export type ReviewRating = (typeof RATINGS)[number];
// An integer range on the wire (its messages say "must be <= 4"), one of RATINGS in the types.
const Rating = Type.Unsafe<ReviewRating>(Type.Integer({ minimum: 1, maximum: 4, description: '1 again, 2 hard, 3 good, 4 easy' }));

export const CardKind = Type.Enum(CARD_KINDS, { description: 'topic: asks about its topic; qa: a question and its answer' });
export type CardKind = Static<typeof CardKind>;
export const CardOrigin = Type.Enum(CARD_ORIGINS, { description: 'file: written in the checklist file; app: added in prepdeck' });
export type CardOrigin = Static<typeof CardOrigin>;

const Probability = Type.Number({ minimum: 0, maximum: 1 });

/** A card's schedule as the UI shows it. */
export const CardJson = Type.Object(
  {
    id: Type.Integer(),
    checklist: Type.String(),
    kind: CardKind,
    origin: CardOrigin,
    topicId: Nullable(Type.Integer({ description: 'the topic it asks about (a topic card) or sits under' })),
    front: Type.String({ description: 'Markdown: the question (a topic card: the topic title)' }),
    back: Type.String({ description: "Markdown: the answer (a topic card: the topic's details and notes)" }),
    state: FsrsState,
    due: Type.String(),
    stability: Type.Number({ description: 'days, as FSRS estimates them' }),
    difficulty: Type.Number(),
    reps: Type.Integer(),
    lapses: Type.Integer(),
    lastReview: Nullable(Type.String()),
    retrievability: Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'predicted recall now; null for a card never reviewed' })),
    line: Nullable(Type.Integer({ description: 'where a file card is written, 1-based' })),
    archivedAt: Nullable(Type.String()),
  },
  { $id: 'Card' },
);
export type CardJson = Static<typeof CardJson>;

// No maximum: an id past 32 bits names nothing, so it is a 404 like any other unknown id.
export const CardParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** What answering with one rating would do: shown on the rating buttons (`10m`, `3d`). */
export const RatingPreviewJson = Type.Object({
  rating: Rating,
  due: Type.String(),
  interval: Type.String({ description: 'in words: 1m, 10m, 1d, 3.5mo' }),
});
export type RatingPreviewJson = Static<typeof RatingPreviewJson>;

/** A card to study, with everything its reveal shows; also the answer to POST /api/checklists/:name/review/undo. */
export const ReviewCardJson = Type.Object({
  card: component(CardJson),
  topic: Nullable(component(TopicJson)),
  section: Type.Array(Type.String(), { description: 'section titles, top level first' }),
  resources: Type.Array(component(ExportedResource)),
  ratings: Type.Array(RatingPreviewJson, { description: 'Again, Hard, Good, Easy, in that order' }),
});
export type ReviewCardJson = Static<typeof ReviewCardJson>;
export type UndoJson = ReviewCardJson;

export const ReviewQueueQuery = Type.Object({
  section: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'only sections whose path contains this' })),
  topics: Type.Optional(
    Type.String({
      pattern: '^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9}){0,199}$',
      description: "only these topics' cards: ids, comma-separated (Gaps' Study these now)",
    }),
  ),
  plan: Type.Optional(Type.Boolean({ description: "today's planned items not yet studied, in the plan's order (the plan to a date)" })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});

/** GET /api/checklists/:name/review, and `prepdeck review --json`. */
export const ReviewQueueJson = Type.Object({
  checklist: Type.String(),
  day: Type.Object({ date: Type.String(), start: Type.String(), end: Type.String() }, { description: "the study day, in the checklist's time zone" }),
  timeZone: Type.String({
    description: "the checklist's time zone (the review settings', else the server machine's): its days are counted and nextDueAt shown in it",
  }),
  remaining: Type.Object(
    { new: Type.Integer(), learning: Type.Integer(), review: Type.Integer() },
    { description: 'cards left for today within the daily limits' },
  ),
  doneToday: Type.Object({ new: Type.Integer(), review: Type.Integer() }),
  limits: Type.Object({ newPerDay: Type.Integer(), reviewsPerDay: Type.Integer() }),
  cards: Type.Array(ReviewCardJson, { description: 'in the order to study them' }),
  nextDueAt: Nullable(Type.String({ description: "when the next card comes due after today's are done" })),
  planSummary: Nullable(
    Type.String({
      description:
        "with plan=true and no planned item left to study now: the plan's line saying why (no target yet, a day off, today's list done) and when next; else null",
    }),
  ),
});
export type ReviewQueueJson = Static<typeof ReviewQueueJson>;

/** POST /api/cards/:id/answer */
export const AnswerRequestJson = Type.Object(
  {
    rating: Rating,
    durationMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, description: 'how long the answer took' })),
    reps: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 2 ** 31 - 1,
        description: "the card's reps as shown: answered meanwhile elsewhere, 409 and nothing recorded",
      }),
    ),
  },
  { additionalProperties: false },
);
export type AnswerRequestJson = Static<typeof AnswerRequestJson>;

/** The answer to POST /api/cards/:id/answer: the card, and its topic after the answer (a topic card reaching review made it known). */
export const AnswerJson = Type.Object({ card: component(CardJson), topic: Nullable(component(TopicJson)) });
export type AnswerJson = Static<typeof AnswerJson>;

/** POST /api/checklists/:name/review/undo */
export const UndoRequestJson = Type.Object(
  {
    cardId: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 2 ** 31 - 1,
        description: "the card this client answered last: when the last answer is another card's (given elsewhere since), 409 and nothing undone",
      }),
    ),
  },
  { additionalProperties: false },
);
export type UndoRequestJson = Static<typeof UndoRequestJson>;

/** GET /api/topics/:id/cards: a topic's cards, its topic card first. */
export const CardListJson = Type.Object({ cards: Type.Array(component(CardJson)) });
export type CardListJson = Static<typeof CardListJson>;

const CardText = Type.String({ maxLength: 20_000, description: 'Markdown' });
/** POST /api/topics/:id/cards */
export const CardDraftJson = Type.Object({ front: CardText, back: Type.Optional(CardText) }, { additionalProperties: false });
export type CardDraftJson = Static<typeof CardDraftJson>;
/** PATCH /api/cards/:id */
export const CardPatchJson = Type.Object(
  { front: Type.Optional(CardText), back: Type.Optional(CardText) },
  { additionalProperties: false, minProperties: 1 },
);
export type CardPatchJson = Static<typeof CardPatchJson>;

/** One day of the review heatmap or of the forecast. */
export const DayCountJson = Type.Object({ date: Type.String({ description: 'YYYY-MM-DD, a study day' }), count: Type.Integer() });
export type DayCountJson = Static<typeof DayCountJson>;

/** A section's predicted recall now. */
export const SectionMemoryJson = Type.Object({
  id: Type.Integer(),
  text: Type.String(),
  depth: Type.Integer(),
  reviewed: Type.Integer({ description: 'cards of the section (and its subsections) reviewed at least once' }),
  cards: Type.Integer(),
  retrievability: Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'mean predicted recall now of its reviewed cards' })),
});
export type SectionMemoryJson = Static<typeof SectionMemoryJson>;

/** GET /api/checklists/:name/review/stats */
export const ReviewStatsJson = Type.Object({
  checklist: Type.String(),
  reviewsByDay: Type.Array(DayCountJson, { description: 'reviews per study day over the last year, days with reviews only, oldest first' }),
  forecast: Type.Array(DayCountJson, { description: "cards coming due on each of the next 30 study days (today's overdue ones counted today)" }),
  trueRetention: Type.Object({ days: Type.Integer(), reviews: Type.Integer(), passed: Type.Integer(), rate: Nullable(Probability) }),
  overall: Type.Object({ reviewed: Type.Integer(), cards: Type.Integer(), retrievability: Nullable(Probability) }),
  sections: Type.Array(SectionMemoryJson),
});
export type ReviewStatsJson = Static<typeof ReviewStatsJson>;

/** GET /api/checklists/:name/review/settings; checked field by field in core/review/settings.ts. */
export const ReviewSettingsJson = Type.Object({
  desiredRetention: Type.Number({ description: 'probability of recall aimed for when a card comes due, 0.70-0.99' }),
  maximumInterval: Type.Integer({ description: 'the longest interval, in days' }),
  fuzz: Type.Boolean({ description: "spread due dates a little so that cards learnt together don't stay together" }),
  learningSteps: Type.Array(Type.String(), { description: 'steps of a new card before it graduates: 1m, 10m, 1h' }),
  relearningSteps: Type.Array(Type.String(), { description: 'steps of a forgotten card before it is back in review' }),
  newPerDay: Type.Integer({ description: 'new cards introduced per study day' }),
  reviewsPerDay: Type.Integer({ description: 'reviews (cards already seen) per study day' }),
  dayStartsAt: Type.Integer({ description: 'the hour, in the time zone, at which a study day begins' }),
  timeZone: Nullable(Type.String({ description: "an IANA time zone; null for the machine's own" })),
  parameters: Nullable(Type.Array(Type.Number(), { description: 'FSRS parameters fitted to the review log; null for the defaults' })),
});
export type ReviewSettingsJson = Static<typeof ReviewSettingsJson>;

const Steps = Type.Array(Type.String({ pattern: '^[1-9][0-9]{0,4}[mhd]$' }), { maxItems: 10 });
/** PATCH /api/checklists/:name/review/settings; core/review/settings.ts checks each field too, naming it and its range. */
export const ReviewSettingsPatchJson = Type.Object(
  {
    desiredRetention: Type.Optional(Type.Number()),
    maximumInterval: Type.Optional(Type.Integer()),
    fuzz: Type.Optional(Type.Boolean()),
    learningSteps: Type.Optional(Steps),
    relearningSteps: Type.Optional(Steps),
    newPerDay: Type.Optional(Type.Integer()),
    reviewsPerDay: Type.Optional(Type.Integer()),
    dayStartsAt: Type.Optional(Type.Integer()),
    timeZone: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    parameters: Type.Optional(Nullable(Type.Array(Type.Number(), { maxItems: 21 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ReviewSettingsPatchJson = Static<typeof ReviewSettingsPatchJson>;

/** POST /api/checklists/:name/review/optimize */
export const OptimizeRequestJson = Type.Object({ apply: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

const Metrics = Nullable(Type.Object({ logLoss: Type.Number(), rmse: Type.Number() }));
/** The answer to POST /api/checklists/:name/review/optimize, and `prepdeck optimize --json`. */
export const OptimizeJson = Type.Object({
  checklist: Type.String(),
  reviews: Type.Integer(),
  trainingItems: Type.Integer({ description: "reviews the optimizer can train on: a day or more after the card's previous one, not an outlier" }),
  enough: Type.Boolean(),
  needed: Type.Integer({ description: 'how many more training reviews it takes, when not enough' }),
  defaultMetrics: Metrics,
  fittedMetrics: Metrics,
  parameters: Nullable(Type.Array(Type.Number())),
  applied: Type.Boolean({ description: "true when the fitted parameters were saved into the checklist's settings" }),
  message: Type.String(),
});
export type OptimizeJson = Static<typeof OptimizeJson>;
