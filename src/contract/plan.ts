// The plan to an interview date: targets (an interview round, or any date with a scope of sections or topics),
// the study availability and time costs of a checklist, and the plan made from them: each day's items with their
// reasons, and each target's predicted readiness under three strategies. Readiness is a prediction of the memory
// model (FSRS, with the parameters named), a fraction 0-1.
import { Type, type Static } from 'typebox';
import { Nullable } from './common.js';
import { CARD_KINDS, COST_SOURCES, PLAN_ACTIONS, WEEKDAYS } from './vocabulary.js';

const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const LocalTime = Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'HH:MM, in the checklist’s time zone' });
export const Weekday = Type.Enum(WEEKDAYS);
export type Weekday = Static<typeof Weekday>;
const Weight = Type.Number({ minimum: 0.1, maximum: 10, description: 'how much the target counts (an onsite more than a screen)' });
const MinutesPerDay = Type.Integer({ minimum: 1, maximum: 1440 });

/** A time cost as the plan uses it, and where it came from: set by you, the median of your review log, or the default. */
export const CostJson = Type.Object({ value: Type.Number(), source: Type.Enum(COST_SOURCES) });
export type CostJson = Static<typeof CostJson>;

export const SectionCostJson = Type.Object({
  key: Type.String({ description: "the section's path key" }),
  path: Type.Array(Type.String()),
  learnTopicMinutes: Type.Number({ description: 'minutes to learn a new topic of this section' }),
});
export type SectionCostJson = Static<typeof SectionCostJson>;

/** GET /api/checklists/:name/plan/settings: availability and costs. */
export const PlanSettingsJson = Type.Object({
  checklist: Type.String(),
  minutesPerDay: Type.Integer(),
  weekdays: Type.Array(Weekday, { description: 'the days of the week one studies' }),
  daysOff: Type.Array(LocalDate, { description: 'dates without study (a holiday, the day of another interview)' }),
  costs: Type.Object({
    learnTopicMinutes: CostJson,
    reviewTopicSeconds: CostJson,
    reviewQaSeconds: CostJson,
    sections: Type.Array(SectionCostJson, { description: 'sections whose new topics take their own time to learn' }),
  }),
  /** How many timed answers of the log the review medians come from (20 of a kind are needed). */
  loggedAnswers: Type.Object({ topic: Type.Integer(), qa: Type.Integer() }),
});
export type PlanSettingsJson = Static<typeof PlanSettingsJson>;

const CostSetting = (minimum: number, maximum: number, description: string) =>
  Type.Optional(
    Nullable(Type.Number({ exclusiveMinimum: minimum, maximum, description: `${description}; null: back to the log's median or the default` })),
  );

/** PATCH /api/checklists/:name/plan/settings; `prepdeck plan set --minutes --days --off --learn ...`. */
export const PlanSettingsPatchJson = Type.Object(
  {
    minutesPerDay: Type.Optional(MinutesPerDay),
    weekdays: Type.Optional(Type.Array(Weekday, { minItems: 1, maxItems: 7, uniqueItems: true })),
    daysOff: Type.Optional(Type.Array(LocalDate, { maxItems: 366, uniqueItems: true })),
    learnTopicMinutes: CostSetting(0, 600, 'minutes to learn a new topic'),
    reviewTopicSeconds: CostSetting(0, 3600, 'seconds per review of a topic card'),
    reviewQaSeconds: CostSetting(0, 3600, 'seconds per review of a Q&A card'),
    sectionCosts: Type.Optional(
      Type.Array(
        Type.Object(
          {
            section: Type.String({ minLength: 1, maxLength: 500, description: 'a title, or a path of titles joined by " > "' }),
            learnTopicMinutes: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 600, description: 'null: the checklist’s own figure again' })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 200 },
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PlanSettingsPatchJson = Static<typeof PlanSettingsPatchJson>;

/** A target: an interview round (its time and sections, read live from the round), or a date with a scope. */
export const PlanTargetJson = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  at: Type.String({ description: 'ISO-8601 instant of the interview' }),
  date: LocalDate,
  weight: Type.Number(),
  roundId: Nullable(Type.Integer({ description: 'the round it comes from; its time and sections follow the round' })),
  sections: Type.Array(Type.Object({ key: Type.String(), path: Type.Array(Type.String()) })),
  topicIds: Type.Array(Type.Integer(), { description: 'topics in the scope besides its sections' }),
  topics: Type.Integer({ description: 'study topics in the scope now' }),
  /** A round's target the user took out of the plan; it stays listed so it can be put back. */
  excluded: Type.Boolean(),
  /**
   * Set on a round's target whose application is closed (an outcome stage) or archived: "Globex withdrawn", "Acme
   * archived". Such a round is no target of the plan until the application is open again.
   */
  closed: Type.Optional(Type.String({ description: "why a round's target is left out: its application closed or archived ('Globex withdrawn')" })),
});
export type PlanTargetJson = Static<typeof PlanTargetJson>;

/** POST /api/checklists/:name/plan/targets; `prepdeck plan set --date ... | --round ...`. */
export const PlanTargetCreateJson = Type.Object(
  {
    date: Type.Optional(LocalDate),
    time: Type.Optional(LocalTime),
    round: Type.Optional(Type.Integer({ minimum: 1, description: 'plan for this interview round (its time and sections)' })),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    sections: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 200, description: 'titles or paths; none: the whole checklist' }),
    ),
    topicIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 5000, uniqueItems: true })),
    weight: Type.Optional(Weight),
  },
  { additionalProperties: false },
);
export type PlanTargetCreateJson = Static<typeof PlanTargetCreateJson>;

/** PATCH /api/checklists/:name/plan/targets/:id */
export const PlanTargetPatchJson = Type.Object(
  {
    date: Type.Optional(LocalDate),
    time: Type.Optional(LocalTime),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    sections: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 200 })),
    weight: Type.Optional(Weight),
    excluded: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PlanTargetPatchJson = Static<typeof PlanTargetPatchJson>;
export const PlanTargetParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), id: Type.Integer({ minimum: 1 }) });

/** One thing to study on a day, and why it is there. */
export const PlanItemJson = Type.Object({
  cardId: Type.Integer(),
  topicId: Nullable(Type.Integer()),
  kind: Type.Enum(CARD_KINDS),
  action: Type.Enum(PLAN_ACTIONS),
  title: Type.String({ description: "the topic's title, or the Q&A card's question" }),
  section: Type.Array(Type.String()),
  minutes: Type.Number(),
  why: Type.String({ description: '"new, needed by Acme onsite in 9 days", "review now: recall would fall to 62% by ..."' }),
  done: Type.Boolean({ description: 'studied today (today’s items only)' }),
});
export type PlanItemJson = Static<typeof PlanItemJson>;

export const PlanDayJson = Type.Object({
  date: LocalDate,
  minutesAvailable: Type.Number(),
  minutesPlanned: Type.Number(),
  /** Minutes studied that day, from the review log's durations (today and past days). */
  minutesDone: Type.Number(),
  newTopics: Type.Integer(),
  reviews: Type.Integer(),
  items: Type.Array(PlanItemJson),
  /** Why the day has no study minutes: a date set off, or a weekday one does not study (a rest day); absent on a study day. */
  noStudy: Type.Optional(Type.Union([Type.Literal('day-off'), Type.Literal('weekday')])),
});
export type PlanDayJson = Static<typeof PlanDayJson>;

/** Predicted readiness (mean expected recall of the scope at the target's time), 0-1, under each strategy. */
export const ReadinessJson = Type.Object({
  plan: Type.Number({ description: 'if the plan is followed' }),
  stop: Type.Number({ description: 'if one stops studying today' }),
  usual: Type.Number({ description: "if one keeps doing FSRS's usual due reviews (then new topics in file order) in the same minutes" }),
});
export type ReadinessJson = Static<typeof ReadinessJson>;

export const TargetReadinessJson = Type.Object({
  target: PlanTargetJson,
  daysLeft: Type.Integer({ description: "whole days from today's date to the target's, in the checklist's time zone (0: today)" }),
  when: Type.String({ description: '"today", "tomorrow" or "in 14 days": daysLeft in the words every face shows' }),
  readiness: ReadinessJson,
  curve: Type.Array(Type.Object({ date: LocalDate, plan: Type.Number(), stop: Type.Number(), usual: Type.Number() }), {
    description: "readiness of the scope on each day up to the target, after that day's study",
  }),
  /** Set when the minutes do not reach the whole scope: "with 20 minutes a day, 140 of 189 new topics ...". */
  note: Nullable(Type.String()),
  leftOut: Type.Integer({ description: 'new cards of the scope the plan cannot learn by then' }),
});
export type TargetReadinessJson = Static<typeof TargetReadinessJson>;

/** GET /api/checklists/:name/plan; `prepdeck plan --json`. */
export const PlanJson = Type.Object({
  checklist: Type.String(),
  madeAt: Type.String({ description: 'when this plan was computed' }),
  timeZone: Type.String(),
  /** The memory model's parameters the predictions come from. */
  parameters: Type.Union([Type.Literal('default'), Type.Literal('fitted')]),
  costs: Type.Object({ learnTopicMinutes: Type.Number(), reviewTopicSeconds: Type.Number(), reviewQaSeconds: Type.Number() }),
  /** Where each cost comes from (yours, the log's median, the default), and the sections' own minutes to learn a topic. */
  costSources: Type.Optional(
    Type.Object({
      learnTopicMinutes: Type.Enum(COST_SOURCES),
      reviewTopicSeconds: Type.Enum(COST_SOURCES),
      reviewQaSeconds: Type.Enum(COST_SOURCES),
    }),
  ),
  sectionCosts: Type.Optional(Type.Array(SectionCostJson)),
  targets: Type.Array(TargetReadinessJson, { description: 'the targets planned for, soonest first; excluded ones are in `excluded`' }),
  excluded: Type.Array(PlanTargetJson, {
    description:
      "targets not planned for: taken out, past, a round's whose application is closed or archived (`closed`), or with no study topic in their scope now",
  }),
  /** Today's work (fixed for the day when first planned; done items tick off); null without a target. */
  today: Nullable(PlanDayJson),
  items: Type.Array(PlanItemJson, { description: "today's items, in the order to study them (the same as today.items)" }),
  days: Type.Array(PlanDayJson, { description: 'the days from today on, up to the last target (or the `days` asked)' }),
  history: Type.Array(Type.Object({ date: LocalDate, minutesPlanned: Type.Number(), minutesDone: Type.Number() }), {
    description: 'earlier days since planning began (up to 30): what was planned and what was done',
  }),
  /** Set when fewer minutes were studied than planned since the last plan of an earlier day. */
  behind: Nullable(
    Type.Object({
      minutes: Type.Number(),
      since: LocalDate,
      readiness: Type.Array(Type.Object({ targetId: Type.Integer(), label: Type.String(), before: Type.Number(), now: Type.Number() })),
    }),
  ),
  /** "Today: 12 reviews and 2 new topics, about 40 minutes, for Acme onsite in 9 days", or how to begin. */
  summary: Type.String(),
});
export type PlanJson = Static<typeof PlanJson>;

export const PlanQuery = Type.Object({
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, description: 'only this many days from today in `days`' })),
});
export type PlanQuery = Static<typeof PlanQuery>;
