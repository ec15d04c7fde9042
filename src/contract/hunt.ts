// The job hunt: its stages and criteria, applications with their marks, stage history, contacts, follow-ups and
// offer, and what is computed from them (fit, funnel, agenda). Dates a user enters are local dates (YYYY-MM-DD) in
// the hunt's time zone; instants are ISO-8601 UTC.
import { Type, type Static } from 'typebox';
import { allOptional, Nullable } from './common.js';
import { CONTACT_ROLES, CRITERION_KINDS, MARK_VALUES, PAY_PERIODS, REMOTE_POLICIES } from './vocabulary.js';

export const CriterionKind = Type.Enum(CRITERION_KINDS, { description: 'gate: must be met; weighted: counts by its weight' });
export type CriterionKind = Static<typeof CriterionKind>;
export const MarkValue = Type.Enum(MARK_VALUES);
export type MarkValue = Static<typeof MarkValue>;
export const RemotePolicy = Type.Enum(REMOTE_POLICIES);
export type RemotePolicy = Static<typeof RemotePolicy>;
export const PayPeriod = Type.Enum(PAY_PERIODS);
export type PayPeriod = Static<typeof PayPeriod>;
export const ContactRole = Type.Enum(CONTACT_ROLES);
export type ContactRole = Static<typeof ContactRole>;

/** A calendar date in the hunt's time zone; checked to exist (2026-02-30 is refused). */
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, a local date' });
/** A stage's key: lower-case letters, digits and dashes. */
const StageKey = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' });
/** An amount of money, in the currency beside it. */
const Money = Type.Number({ minimum: 0, maximum: 1e12 });
/** ISO 4217, e.g. EUR, USD. */
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. EUR' });
const ShortText = (maxLength = 200) => Type.String({ maxLength });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20, uniqueItems: true });

export const StageJson = Type.Object({
  key: StageKey,
  label: Type.String(),
  outcome: Type.Boolean({ description: 'an end of the road (accepted, rejected, withdrawn, ghosted), not a step of the funnel' }),
  position: Type.Integer(),
});
export type StageJson = Static<typeof StageJson>;

export const CriterionJson = Type.Object({
  id: Type.Integer(),
  text: Type.String({ description: "the goal's text as the file writes it now, or the user's own" }),
  source: Type.Enum(['goal', 'own'], { description: 'goal: a Goals item of a checklist, kept in step on re-import' }),
  checklist: Nullable(Type.String()),
  topicId: Nullable(Type.Integer()),
  kind: CriterionKind,
  weight: Type.Integer({ minimum: 1, maximum: 5, description: 'the weight of a weighted criterion; a gate keeps it for when it is weighted again' }),
  position: Type.Integer(),
  archivedAt: Nullable(Type.String({ description: 'archived criteria keep their marks but count in no fit' })),
});
export type CriterionJson = Static<typeof CriterionJson>;

/** GET /api/hunt */
export const HuntJson = Type.Object({
  timeZone: Type.String(),
  today: LocalDate,
  stages: Type.Array(StageJson),
  criteria: Type.Array(CriterionJson, { description: 'archived ones last' }),
});
export type HuntJson = Static<typeof HuntJson>;

/** PATCH /api/hunt */
export const HuntPatchJson = Type.Object({ timeZone: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
export type HuntPatchJson = Static<typeof HuntPatchJson>;

/** POST /api/hunt/stages: a new stage, placed before `before` (or last). */
export const StageCreateJson = Type.Object(
  { label: Type.String({ minLength: 1, maxLength: 40 }), outcome: Type.Optional(Type.Boolean()), before: Type.Optional(StageKey) },
  { additionalProperties: false },
);
export type StageCreateJson = Static<typeof StageCreateJson>;
/** PATCH /api/hunt/stages/:key */
export const StagePatchJson = Type.Object(
  {
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    position: Type.Optional(Type.Integer({ minimum: 0, description: 'its new index in the list' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type StagePatchJson = Static<typeof StagePatchJson>;

/** POST /api/hunt/criteria */
export const CriterionCreateJson = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 300 }),
    kind: Type.Optional(CriterionKind),
    weight: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  },
  { additionalProperties: false },
);
export type CriterionCreateJson = Static<typeof CriterionCreateJson>;
/** PATCH /api/hunt/criteria/:id: the text only of one's own criteria (a goal's text is the file's). */
export const CriterionPatchJson = Type.Object(
  {
    text: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    kind: Type.Optional(CriterionKind),
    weight: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    archived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CriterionPatchJson = Static<typeof CriterionPatchJson>;

/** How an application meets the active criteria. */
export const FitJson = Type.Object({
  score: Nullable(Type.Number({ description: 'sum(weight x met) / sum(weight over known weighted criteria), 0..1; null when none is known' })),
  unknown: Type.Integer({ description: 'active criteria (gates included) not yet marked yes or no' }),
  gates: Type.Object({ passed: Type.Integer(), failed: Type.Integer(), unknown: Type.Integer() }),
  failedGates: Type.Array(Type.Integer(), { description: 'ids of the gates marked no: the application is flagged' }),
});
export type FitJson = Static<typeof FitJson>;

export const SalaryJson = Type.Object({
  min: Nullable(Money),
  max: Nullable(Money),
  currency: Currency,
  period: PayPeriod,
});
export type SalaryJson = Static<typeof SalaryJson>;

const applicationFields = {
  company: Type.String({ minLength: 1, maxLength: 200 }),
  role: ShortText(),
  link: ShortText(2000),
  location: ShortText(),
  remote: Nullable(RemotePolicy),
  salary: Nullable(SalaryJson),
  source: ShortText(100),
  foundOn: Nullable(LocalDate),
  notes: Type.String({ maxLength: 200_000, description: 'Markdown' }),
  tags: Tags,
};

/** An application as lists and the board show it. */
export const ApplicationSummaryJson = Type.Object({
  id: Type.Integer(),
  ...applicationFields,
  stage: StageKey,
  stageChangedAt: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  archivedAt: Nullable(Type.String()),
  fit: FitJson,
  nextFollowUp: Nullable(Type.Object({ id: Type.Integer(), title: Type.String(), dueOn: LocalDate })),
  hasOffer: Type.Boolean(),
});
export type ApplicationSummaryJson = Static<typeof ApplicationSummaryJson>;

/** GET /api/hunt/applications?stage=&tag=&q=&archived= */
export const ApplicationListQuery = Type.Object({
  stage: Type.Optional(StageKey),
  tag: Type.Optional(Type.String({ maxLength: 40 })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'words of the company, role, location or tags' })),
  archived: Type.Optional(Type.Boolean({ description: 'true: archived ones too' })),
});
export type ApplicationListQuery = Static<typeof ApplicationListQuery>;
export const ApplicationListJson = Type.Object({ applications: Type.Array(ApplicationSummaryJson) });
export type ApplicationListJson = Static<typeof ApplicationListJson>;

const { company, ...applicationDetails } = applicationFields;

/** POST /api/hunt/applications: only the company is required. */
/** `on`: the local date it entered its first stage, when not today (its date found, when that is given). */
export const ApplicationCreateJson = Type.Object(
  { company, ...allOptional(applicationDetails), stage: Type.Optional(StageKey), on: Type.Optional(LocalDate) },
  { additionalProperties: false },
);
export type ApplicationCreateJson = Static<typeof ApplicationCreateJson>;

/** PATCH /api/hunt/applications/:id: the fields given change; the stage moves only through /moves. */
export const ApplicationPatchJson = Type.Object(
  { ...allOptional(applicationFields), archived: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type ApplicationPatchJson = Static<typeof ApplicationPatchJson>;

/** One stage change, append-only: a jump over stages or a move back is history, not an error. */
export const StageEventJson = Type.Object({
  id: Type.Integer(),
  from: Nullable(StageKey),
  to: StageKey,
  at: Type.String(),
  note: Type.String(),
});
export type StageEventJson = Static<typeof StageEventJson>;

/** POST /api/hunt/applications/:id/moves. `from` is the stage the client saw: a move made against a stage that has
 *  changed since is refused with 409. `on`: the local date it happened, when not today. */
export const MoveJson = Type.Object(
  {
    to: StageKey,
    from: Type.Optional(StageKey),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    on: Type.Optional(LocalDate),
  },
  { additionalProperties: false },
);
export type MoveJson = Static<typeof MoveJson>;

export const MarkJson = Type.Object({
  criterionId: Type.Integer(),
  value: MarkValue,
  note: Type.String(),
  updatedAt: Nullable(Type.String()),
});
export type MarkJson = Static<typeof MarkJson>;
/** PUT /api/hunt/applications/:id/marks/:criterionId */
export const MarkPutJson = Type.Object({ value: MarkValue, note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export type MarkPutJson = Static<typeof MarkPutJson>;

export const ContactJson = Type.Object({
  id: Type.Integer(),
  applicationId: Type.Integer(),
  name: Type.String(),
  role: ContactRole,
  email: Type.String(),
  link: Type.String(),
  notes: Type.String(),
  createdAt: Type.String(),
});
export type ContactJson = Static<typeof ContactJson>;
const contactFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  role: ContactRole,
  email: Type.String({ maxLength: 320, description: 'an address, or empty' }),
  link: ShortText(2000),
  notes: Type.String({ maxLength: 20_000 }),
};
const { name: contactName, ...contactDetails } = contactFields;
/** POST /api/hunt/applications/:id/contacts */
export const ContactCreateJson = Type.Object({ name: contactName, ...allOptional(contactDetails) }, { additionalProperties: false });
export type ContactCreateJson = Static<typeof ContactCreateJson>;
/** PATCH /api/hunt/contacts/:id */
export const ContactPatchJson = Type.Object(allOptional(contactFields), { additionalProperties: false, minProperties: 1 });
export type ContactPatchJson = Static<typeof ContactPatchJson>;

export const FollowUpJson = Type.Object({
  id: Type.Integer(),
  applicationId: Type.Integer(),
  title: Type.String(),
  dueOn: LocalDate,
  doneAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type FollowUpJson = Static<typeof FollowUpJson>;
/** POST /api/hunt/applications/:id/follow-ups */
export const FollowUpCreateJson = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 300 }), dueOn: LocalDate },
  { additionalProperties: false },
);
export type FollowUpCreateJson = Static<typeof FollowUpCreateJson>;
/** PATCH /api/hunt/follow-ups/:id */
export const FollowUpPatchJson = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    dueOn: Type.Optional(LocalDate),
    done: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type FollowUpPatchJson = Static<typeof FollowUpPatchJson>;

/** An offer: amounts in its currency, per its period (base) or once (bonus, sign-on, equity). */
export const OfferJson = Type.Object({
  currency: Currency,
  period: PayPeriod,
  base: Money,
  bonus: Nullable(Money),
  equity: Nullable(Type.Object({ amount: Money, vesting: Type.String({ maxLength: 200, description: 'e.g. 4 years, 1-year cliff' }) })),
  signOn: Nullable(Money),
  perks: Type.String({ maxLength: 2000 }),
  remote: Nullable(RemotePolicy),
  startOn: Nullable(LocalDate),
  deadlineOn: Nullable(LocalDate),
  notes: Type.String({ maxLength: 20_000 }),
});
export type OfferJson = Static<typeof OfferJson>;
const { currency, period, base, ...offerDetails } = OfferJson.properties;
/** PUT /api/hunt/applications/:id/offer: the whole offer; currency, period and base are required. */
export const OfferPutJson = Type.Object({ currency, period, base, ...allOptional(offerDetails) }, { additionalProperties: false });
export type OfferPutJson = Static<typeof OfferPutJson>;
/**
 * PATCH /api/hunt/applications/:id/offer: the fields given change, the rest of the offer is kept; null (or '' for a
 * text) drops a detail. A first offer needs currency and base; a new currency or period needs the base with it (140,000
 * a year is not 140,000 a month); equity's amount or vesting alone keeps the other.
 */
export const OfferPatchJson = Type.Object(
  {
    ...allOptional({ currency, period, base }),
    ...allOptional(offerDetails),
    equity: Type.Optional(
      Nullable(
        Type.Object(
          { amount: Type.Optional(Money), vesting: Type.Optional(Type.String({ maxLength: 200, description: 'e.g. 4 years, 1-year cliff' })) },
          { additionalProperties: false, minProperties: 1 },
        ),
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type OfferPatchJson = Static<typeof OfferPatchJson>;

/**
 * What a change kept as given but the user should know, one sentence each: a date already past (a follow-up's, an
 * offer's deadline, a round's start), a mark on an archived criterion. Empty for a read, or when there is nothing to say.
 * Every answer of a change carries it in this one shape, so that `--json` and the API say what the CLI's lines say.
 */
export const Notices = Type.Array(Type.String(), {
  description:
    'what a change decided or kept as given that the user should know, one sentence each: a date already past, a mark on an archived criterion, the instant taken for a time the clocks skip; empty when none',
});

/** GET /api/hunt/applications/:id and every change to one. */
export const ApplicationDetailJson = Type.Object({
  application: ApplicationSummaryJson,
  marks: Type.Array(MarkJson, { description: 'one per criterion, archived ones included; unknown when never marked' }),
  history: Type.Array(StageEventJson, { description: 'oldest first; the first has from: null' }),
  contacts: Type.Array(ContactJson),
  followUps: Type.Array(FollowUpJson, { description: 'open ones first, by due date' }),
  followUpsDue: Type.Boolean({
    description: 'whether its open follow-ups are on the lists of due ones; not while it is archived or in a closed stage (an outcome)',
  }),
  offer: Nullable(OfferJson),
  notices: Notices,
});
export type ApplicationDetailJson = Static<typeof ApplicationDetailJson>;

/** POST /api/hunt/applications/:id/moves: the application, and what the move did to the lists of due follow-ups. */
export const MoveResultJson = Type.Object({
  ...ApplicationDetailJson.properties,
  followUpsNoLongerDue: Type.Integer({ description: 'its open follow-ups the move to a closed stage took off the due lists (kept on it, open)' }),
  followUpsDueAgain: Type.Integer({ description: 'its open follow-ups a move out of a closed stage put back on the due lists' }),
  roundsCalledOff: Type.Integer({
    description:
      'its interview rounds still to come when the move closed it (into an outcome stage): called off, they leave the upcoming rounds, the plan and the calendar (cancelled) until it reopens; 0 otherwise',
  }),
});
export type MoveResultJson = Static<typeof MoveResultJson>;

/** PATCH /api/hunt/applications/:id: the application, and what archiving or restoring it did to the lists of due follow-ups. */
export const ApplicationPatchResultJson = Type.Object({
  ...ApplicationDetailJson.properties,
  followUpsNoLongerDue: Type.Integer({ description: 'its open follow-ups archiving it took off the due lists (kept on it, open)' }),
  followUpsDueAgain: Type.Integer({ description: 'its open follow-ups restoring it put back on the due lists' }),
  roundsCalledOff: Type.Integer({
    description:
      'its interview rounds still to come when archiving took it off the board: called off, they leave the upcoming rounds, the plan and the calendar (cancelled) until it is restored; 0 otherwise',
  }),
});
export type ApplicationPatchResultJson = Static<typeof ApplicationPatchResultJson>;

/** PUT /api/hunt/applications/:id/offer: the application, and the stage event a new offer made. */
export const OfferPutResultJson = Type.Object({
  ...ApplicationDetailJson.properties,
  moved: Type.Union([StageEventJson, Type.Null()], {
    description: "a new offer moves an open application whose stage comes before the offer stage (in the hunt's order) to it; null when it stayed",
  }),
});
export type OfferPutResultJson = Static<typeof OfferPutResultJson>;

/** GET /api/hunt/offers: every application with an offer, side by side against the criteria. */
export const OfferComparisonJson = Type.Object({
  criteria: Type.Array(CriterionJson, { description: 'the active ones, in order' }),
  offers: Type.Array(
    Type.Object({
      application: ApplicationSummaryJson,
      offer: OfferJson,
      marks: Type.Array(MarkJson),
      yearlyBase: Type.Number({ description: 'base per year in its currency (month x 12, hour x 2080), to compare like with like' }),
    }),
  ),
});
export type OfferComparisonJson = Static<typeof OfferComparisonJson>;

/** An open (or done) follow-up with the application it belongs to. */
export const FollowUpItemJson = Type.Object({
  followUp: FollowUpJson,
  company: Type.String(),
  role: Type.String(),
  overdueDays: Type.Integer({ description: 'days past its due date: 0 due today, negative still ahead' }),
  closed: Type.Boolean({ description: 'its application is in a closed stage (listed only with closed=true)' }),
});
export type FollowUpItemJson = Static<typeof FollowUpItemJson>;
/** GET /api/hunt/follow-ups?done= */
export const FollowUpListQuery = Type.Object({
  done: Type.Optional(Type.Boolean({ description: 'true: done ones too' })),
  closed: Type.Optional(Type.Boolean({ description: 'true: those of applications in a closed stage (an outcome) too' })),
});
export type FollowUpListQuery = Static<typeof FollowUpListQuery>;
export const FollowUpListJson = Type.Object({
  today: LocalDate,
  followUps: Type.Array(FollowUpItemJson, { description: 'by due date, oldest first' }),
  closedLeftOut: Type.Integer({ description: 'follow-ups of applications in a closed stage left out of the list (0 with closed=true)' }),
});
export type FollowUpListJson = Static<typeof FollowUpListJson>;

/** GET /api/hunt/agenda: what needs doing, for the Dashboard. */
export const AgendaJson = Type.Object({
  today: LocalDate,
  followUps: Type.Array(FollowUpItemJson, { description: 'open follow-ups due today or earlier, oldest first' }),
  deadlines: Type.Array(
    Type.Object({ applicationId: Type.Integer(), company: Type.String(), role: Type.String(), deadlineOn: LocalDate, daysLeft: Type.Integer() }),
    { description: 'offer decision deadlines from today on, soonest first' },
  ),
});
export type AgendaJson = Static<typeof AgendaJson>;

/** GET /api/hunt/funnel: computed from the stage events, so a move back is counted once. */
export const FunnelJson = Type.Object({
  stages: Type.Array(
    Type.Object({
      stage: StageKey,
      reached: Type.Integer({ description: 'applications that reached this stage or a later one of the funnel' }),
      conversion: Nullable(Type.Number({ description: 'reached here / reached at the previous stage, 0..1; null for the first' })),
    }),
  ),
  weeks: Type.Array(
    Type.Object({
      weekOf: LocalDate,
      counts: Type.Record(Type.String(), Type.Integer(), { description: 'stage key -> applications in it at the end of the week' }),
    }),
    { description: 'oldest first, from the first event to this week' },
  ),
});
export type FunnelJson = Static<typeof FunnelJson>;

/** `/hunt/applications/:id`, `/hunt/contacts/:id`, `/hunt/follow-ups/:id`, `/hunt/criteria/:id` */
export const HuntIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const MarkParams = Type.Object({ id: Type.Integer({ minimum: 1 }), criterionId: Type.Integer({ minimum: 1 }) });
export const StageParams = Type.Object({ key: StageKey });
/** DELETE /api/hunt/applications/:id?confirm=delete: a hard delete, history included, only when asked in words. */
export const HardDeleteQuery = Type.Object({ confirm: Type.Literal('delete') });
