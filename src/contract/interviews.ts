// Interviews: the rounds of an application, the questions asked in them (linked to the checklist's topics, scored
// on the review scale, and fed into review as evidence), the gaps they add up to across companies, and the bank
// of behavioural (STAR) stories with the competencies they cover. A round's start is an instant (ISO-8601 UTC)
// with the IANA zone it was set in; what the user types is a local date-time in that zone.
import { Type, type Static } from 'typebox';
import { allOptional, Nullable } from './common.js';
import { Notices } from './hunt.js';
import { COVERAGE_STATES, FSRS_STATES, ROUND_OUTCOMES } from './vocabulary.js';
import type { ReviewRating } from './review.js';

/** A round's kind: one of ROUND_KINDS or the user's own, as a key. */
const RoundKind = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$', description: 'recruiter, technical, coding, system-design, ... or your own' });
export const RoundOutcome = Type.Enum(ROUND_OUTCOMES);
export type RoundOutcome = Static<typeof RoundOutcome>;
export const CoverageState = Type.Enum(COVERAGE_STATES);
export type CoverageState = Static<typeof CoverageState>;
// The review scale (1 Again, 2 Hard, 3 Good, 4 Easy) as a self-score.
const Score = Type.Unsafe<ReviewRating>(Type.Integer({ minimum: 1, maximum: 4, description: '1 again, 2 hard, 3 good, 4 easy' }));
/** A wall-clock time in the round's zone, as typed: 2026-12-20T15:00. */
const LocalDateTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$', description: 'YYYY-MM-DDTHH:MM in the round’s time zone' });
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const TimeZoneName = Type.String({ minLength: 1, maxLength: 64, description: 'an IANA zone, e.g. Europe/Berlin' });
const Markdown = (maxLength = 200_000) => Type.String({ maxLength, description: 'Markdown' });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20, uniqueItems: true });
const CompetencyKey = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,59}$' });

/** A checklist section a round is about. */
export const RoundSectionJson = Type.Object({
  checklist: Type.String(),
  key: Type.String({ description: "the section's path key in its checklist" }),
  path: Type.Array(Type.String(), { description: 'section titles, top level first' }),
});
export type RoundSectionJson = Static<typeof RoundSectionJson>;
/** A section as a round names it: its title, or its path of titles (`Python > Core`); within one checklist. */
export const SectionRefJson = Type.Object(
  {
    checklist: Type.Optional(Type.String({ maxLength: 200, description: 'the current checklist when left out' })),
    section: Type.String({ minLength: 1, maxLength: 500, description: 'a title, or a path of titles joined by " > "' }),
  },
  { additionalProperties: false },
);
export type SectionRefJson = Static<typeof SectionRefJson>;

const InterviewerJson = Type.Object({ contactId: Type.Integer(), name: Type.String(), role: Type.String() });

/** A round as lists, the Dashboard and the calendar show it. */
export const RoundJson = Type.Object({
  id: Type.Integer(),
  applicationId: Type.Integer(),
  company: Type.String(),
  role: Type.String(),
  startsAt: Type.String({ description: 'the instant, ISO-8601 UTC' }),
  timeZone: TimeZoneName,
  localStart: LocalDateTime,
  durationMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
  kind: RoundKind,
  link: Type.String({ description: 'the meeting link, or empty' }),
  sections: Type.Array(RoundSectionJson),
  interviewers: Type.Array(InterviewerJson, { description: "from the application's contacts" }),
  prepNotes: Type.String({ description: 'Markdown' }),
  outcome: RoundOutcome,
  debrief: Type.String({ description: 'Markdown' }),
  questions: Type.Integer({ description: 'how many questions are logged' }),
  scored: Type.Integer({ description: 'how many of them have a self-score' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type RoundJson = Static<typeof RoundJson>;

const roundFields = {
  localStart: LocalDateTime,
  timeZone: TimeZoneName,
  durationMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
  kind: RoundKind,
  link: Type.String({ maxLength: 2000 }),
  sections: Type.Array(SectionRefJson, { maxItems: 50 }),
  interviewers: Type.Array(Type.Integer({ minimum: 1 }), {
    maxItems: 20,
    uniqueItems: true,
    description: "contact ids of the application's contacts",
  }),
  prepNotes: Markdown(),
  outcome: RoundOutcome,
  debrief: Markdown(),
};
const { localStart, ...roundDetails } = roundFields;
/** POST /api/rounds: when and for which application are required; the zone is the hunt's when left out, 60 minutes, kind technical. */
export const RoundCreateJson = Type.Object(
  { applicationId: Type.Integer({ minimum: 1 }), localStart, ...allOptional(roundDetails) },
  { additionalProperties: false },
);
export type RoundCreateJson = Static<typeof RoundCreateJson>;
/** PATCH /api/rounds/:id: the fields given change (a new zone alone keeps the wall-clock time and moves the instant). */
export const RoundPatchJson = Type.Object(allOptional(roundFields), { additionalProperties: false, minProperties: 1 });
export type RoundPatchJson = Static<typeof RoundPatchJson>;

/** GET /api/rounds?upcoming=&application=&kind= */
export const RoundListQuery = Type.Object({
  upcoming: Type.Optional(Type.Boolean({ description: 'true: only rounds that have not started, soonest first' })),
  application: Type.Optional(Type.Integer({ minimum: 1 })),
  kind: Type.Optional(RoundKind),
});
export type RoundListQuery = Static<typeof RoundListQuery>;
/** A round to come left out of the upcoming ones: its application closed or was archived before it. */
export const LeftOutRoundJson = Type.Object({
  id: Type.Integer(),
  applicationId: Type.Integer(),
  company: Type.String(),
  startsAt: Type.String(),
  timeZone: Type.String(),
  localStart: Type.String(),
  why: Type.String({ description: "the label of the application's closed stage (Withdrawn, Rejected, ...), or 'archived'" }),
});
export type LeftOutRoundJson = Static<typeof LeftOutRoundJson>;
export const RoundListJson = Type.Object({
  now: Type.String(),
  rounds: Type.Array(RoundJson, { description: 'upcoming: soonest first; otherwise latest first' }),
  leftOut: Type.Optional(
    Type.Array(LeftOutRoundJson, {
      description:
        'upcoming, of every application: the rounds to come of applications closed (an outcome stage) or archived, not listed, soonest first; `application=` lists them',
    }),
  ),
});
export type RoundListJson = Static<typeof RoundListJson>;

/** A topic a question touches. */
export const QuestionTopicJson = Type.Object({
  topicId: Type.Integer(),
  checklist: Type.String(),
  title: Type.String({ description: 'inline Markdown source' }),
  section: Type.Array(Type.String()),
  archived: Type.Boolean({ description: 'the topic is gone from its file since; its evidence stays in its log' }),
  outsideRound: Type.Boolean({ description: "the topic is in none of the round's sections (allowed: said, not refused)" }),
});
export type QuestionTopicJson = Static<typeof QuestionTopicJson>;

export const QuestionJson = Type.Object({
  id: Type.Integer(),
  roundId: Type.Integer(),
  text: Type.String({ description: 'Markdown' }),
  position: Type.Integer(),
  score: Nullable(Score),
  topics: Type.Array(QuestionTopicJson),
  stories: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String() }), { description: 'for a behavioural question' }),
  cardId: Nullable(Type.Integer({ description: 'the question/answer card made of it, when one was' })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type QuestionJson = Static<typeof QuestionJson>;

/** A topic added to a section of a checklist from a question that touched nothing there; written to the file at the next sync. */
export const NewTopicJson = Type.Object(
  {
    checklist: Type.Optional(Type.String({ maxLength: 200 })),
    section: Type.String({ minLength: 1, maxLength: 500, description: 'a title, or a path of titles joined by " > "' }),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: "the question's text when left out" })),
    asTyped: Type.Optional(
      Type.Boolean({
        description:
          'the title as typed, not Markdown: `__slots__` keeps its underscores (its `*` and `_` escaped in the file where Markdown would read emphasis); left out, the title is Markdown',
      }),
    ),
  },
  { additionalProperties: false },
);
export type NewTopicJson = Static<typeof NewTopicJson>;

const questionFields = {
  text: Type.String({ minLength: 1, maxLength: 20_000 }),
  topicIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50, uniqueItems: true }),
  score: Nullable(Score),
  storyIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20, uniqueItems: true }),
};
const { text: questionText, ...questionDetails } = questionFields;
/** POST /api/rounds/:id/questions */
export const QuestionCreateJson = Type.Object(
  { text: questionText, ...allOptional(questionDetails), newTopic: Type.Optional(NewTopicJson) },
  { additionalProperties: false },
);
export type QuestionCreateJson = Static<typeof QuestionCreateJson>;
/** PATCH /api/questions/:id: a score of null withdraws the question's evidence; the topics given replace the links. */
export const QuestionPatchJson = Type.Object(allOptional(questionFields), { additionalProperties: false, minProperties: 1 });
export type QuestionPatchJson = Static<typeof QuestionPatchJson>;
/** POST /api/questions/:id/card: the question becomes a question/answer card (front the question, back the better answer). */
export const QuestionCardJson = Type.Object(
  {
    answer: Type.String({ minLength: 1, maxLength: 20_000, description: 'Markdown' }),
    topicId: Type.Optional(Type.Integer({ minimum: 1, description: "the topic it belongs to; the question's first when left out" })),
  },
  { additionalProperties: false },
);
export type QuestionCardJson = Static<typeof QuestionCardJson>;

/** GET /api/rounds/:id and every change to a round or its questions. */
export const RoundDetailJson = Type.Object({
  round: RoundJson,
  questions: Type.Array(QuestionJson, { description: 'in the order asked' }),
  notices: Notices,
});
export type RoundDetailJson = Static<typeof RoundDetailJson>;

/** GET /api/topic-suggestions?q=&round=: the topics a question's text is likely about, best first. */
export const SuggestQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 2000 }),
  round: Type.Optional(Type.Integer({ minimum: 1, description: "rank the round's sections first" })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});
export type SuggestQuery = Static<typeof SuggestQuery>;
export const SuggestionJson = Type.Object({
  topicId: Type.Integer(),
  checklist: Type.String(),
  title: Type.String(),
  section: Type.Array(Type.String()),
  score: Type.Number({ description: 'higher is nearer, 0..1' }),
});
export type SuggestionJson = Static<typeof SuggestionJson>;
export const SuggestionListJson = Type.Object({ suggestions: Type.Array(SuggestionJson) });
export type SuggestionListJson = Static<typeof SuggestionListJson>;

/** GET /api/gaps?kind=&from=&to=: what interviewers asked about, worst gap first. */
export const GapsQuery = Type.Object({
  kind: Type.Optional(RoundKind),
  from: Type.Optional(LocalDate),
  to: Type.Optional(LocalDate),
  checklist: Type.Optional(Type.String({ maxLength: 200 })),
});
export type GapsQuery = Static<typeof GapsQuery>;
const gapFigures = {
  questions: Type.Integer({ description: 'questions that touched it' }),
  rounds: Type.Integer({ description: 'rounds it came up in' }),
  meanScore: Nullable(Type.Number({ description: 'mean self-score of the scored questions, 1-4' })),
  recall: Nullable(Type.Number({ description: 'predicted recall now, 0..1 (a mean over the topics of a section)' })),
  companies: Type.Array(Type.String()),
  lastAskedAt: Type.String(),
  gap: Type.Number({ description: 'the ranking: rounds asked x how badly it went (see the README)' }),
};
export const GapTopicJson = Type.Object({
  topicId: Type.Integer(),
  checklist: Type.String(),
  title: Type.String(),
  section: Type.Array(Type.String()),
  ...gapFigures,
});
export type GapTopicJson = Static<typeof GapTopicJson>;
export const GapSectionJson = Type.Object({ checklist: Type.String(), key: Type.String(), path: Type.Array(Type.String()), ...gapFigures });
export type GapSectionJson = Static<typeof GapSectionJson>;
export const GapsJson = Type.Object({
  rounds: Type.Integer({
    description: 'rounds matching the filters that were held (started) or have questions logged: those to come are no gap yet',
  }),
  questions: Type.Integer(),
  topics: Type.Array(GapTopicJson),
  sections: Type.Array(GapSectionJson),
  timeZone: Type.String({
    description: "the hunt's time zone (its settings', else the server machine's): the period's days are counted and lastAskedAt shown in it",
  }),
});
export type GapsJson = Static<typeof GapsJson>;

/** A story's review schedule: stories are rehearsed like cards. */
const StoryScheduleJson = Type.Object({
  due: Type.String(),
  state: Type.Enum(FSRS_STATES),
  reps: Type.Integer(),
  lastReview: Nullable(Type.String()),
  recall: Nullable(Type.Number({ description: 'predicted recall now, 0..1; null before the first review' })),
});

const storyFields = {
  title: Type.String({ minLength: 1, maxLength: 300 }),
  situation: Markdown(20_000),
  task: Markdown(20_000),
  action: Markdown(20_000),
  result: Markdown(20_000),
  tags: Tags,
  competencies: Type.Array(CompetencyKey, { maxItems: 30, uniqueItems: true }),
};
export const StoryJson = Type.Object({
  id: Type.Integer(),
  ...storyFields,
  schedule: StoryScheduleJson,
  questions: Type.Integer({ description: 'questions asked in rounds that it answered' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  archivedAt: Nullable(Type.String()),
});
export type StoryJson = Static<typeof StoryJson>;
const { title: storyTitle, ...storyDetails } = storyFields;
/** POST /api/stories */
export const StoryCreateJson = Type.Object({ title: storyTitle, ...allOptional(storyDetails) }, { additionalProperties: false });
export type StoryCreateJson = Static<typeof StoryCreateJson>;
/** PATCH /api/stories/:id */
export const StoryPatchJson = Type.Object(
  { ...allOptional(storyFields), archived: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type StoryPatchJson = Static<typeof StoryPatchJson>;
/** POST /api/stories/:id/review */
export const StoryReviewJson = Type.Object({ rating: Score }, { additionalProperties: false });
export type StoryReviewJson = Static<typeof StoryReviewJson>;

export const CompetencyJson = Type.Object({
  key: CompetencyKey,
  label: Type.String(),
  position: Type.Integer(),
  coverage: CoverageState,
  stories: Type.Array(Type.Integer(), { description: 'ids of the active stories mapped to it' }),
});
export type CompetencyJson = Static<typeof CompetencyJson>;
/** GET /api/stories: the bank and its matrix. */
export const StoryBankJson = Type.Object({
  stories: Type.Array(StoryJson),
  competencies: Type.Array(CompetencyJson, { description: 'in order; coverage says which have no story or only a stale one' }),
  staleAfterDays: Type.Integer({ description: 'a story not reviewed or edited for this long is stale' }),
});
export type StoryBankJson = Static<typeof StoryBankJson>;
/** POST /api/competencies */
export const CompetencyCreateJson = Type.Object(
  { label: Type.String({ minLength: 1, maxLength: 100 }), before: Type.Optional(CompetencyKey) },
  { additionalProperties: false },
);
export type CompetencyCreateJson = Static<typeof CompetencyCreateJson>;
/** PATCH /api/competencies/:key */
export const CompetencyPatchJson = Type.Object(
  { label: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), position: Type.Optional(Type.Integer({ minimum: 0 })) },
  { additionalProperties: false, minProperties: 1 },
);
export type CompetencyPatchJson = Static<typeof CompetencyPatchJson>;

/** `/rounds/:id`, `/questions/:id`, `/stories/:id` */
export const InterviewIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const CompetencyParams = Type.Object({ key: CompetencyKey });
