// Topics: one with its links and history, a change to it, and a search.
import { Type, type Static } from 'typebox';
import { component, EntryKind, ExportedResource, Nullable, StateWord, TopicState } from './common.js';
import { EVENT_TYPES, REVIEW_SOURCES, TASK_MARKERS, TOPIC_ORIGINS } from './vocabulary.js';

/** `file`: read from the checklist file; `app`: added in prepdeck, written into the file at the next `sync --write`. */
export const TopicOrigin = Type.Enum(TOPIC_ORIGINS, { description: 'file, or app: added in prepdeck and not in the file yet' });
export type TopicOrigin = Static<typeof TopicOrigin>;

/** A topic as the API shows it: where it sits, what the file says, and the user's state and notes. */
export const TopicJson = Type.Object(
  {
    id: Type.Integer(),
    checklist: Type.String(),
    kind: EntryKind,
    title: Type.String({ description: 'inline Markdown source' }),
    text: Type.String({ description: 'plain text' }),
    details: Type.String({ description: 'Markdown source of what the item holds besides its title' }),
    state: TopicState,
    confidence: Nullable(Type.Integer()),
    notes: Type.String({ description: "the user's own notes, Markdown" }),
    section: Type.Array(Type.String(), { description: 'section titles as the file writes them, top level first' }),
    line: Type.Integer({ description: 'its first line in the file; 0 for a topic added in prepdeck and not written yet' }),
    origin: TopicOrigin,
    createdAt: Type.String(),
    updatedAt: Type.String(),
    archivedAt: Nullable(Type.String()),
  },
  { $id: 'Topic' },
);
export type TopicJson = Static<typeof TopicJson>;

export const EventType = Type.Enum(EVENT_TYPES);
export type EventType = Static<typeof EventType>;

/** One line of a topic's history. */
export const TopicEventJson = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  type: EventType,
  // Whatever the change recorded (from, to, source ...): an open object.
  data: Type.Unsafe<Record<string, unknown>>(Type.Object({}, { additionalProperties: true })),
});
export type TopicEventJson = Static<typeof TopicEventJson>;

/** Where a review came from: a review session, or a question asked in an interview round (its evidence). */
export const ReviewSource = Type.Enum(REVIEW_SOURCES);
export type ReviewSource = Static<typeof ReviewSource>;

/** One review of a topic's topic card. */
export const TopicReviewJson = Type.Object({
  at: Type.String(),
  rating: Type.Integer({ minimum: 1, maximum: 4 }),
  source: ReviewSource,
  questionId: Nullable(Type.Integer({ description: 'the question it is the evidence of (source interview)' })),
  roundId: Nullable(Type.Integer()),
});
export type TopicReviewJson = Static<typeof TopicReviewJson>;

/** GET and PATCH /api/topics/:id */
export const TopicDetailJson = Type.Object({
  topic: component(TopicJson),
  resources: Type.Array(component(ExportedResource)),
  history: Type.Array(TopicEventJson, { description: 'oldest first' }),
  reviews: Type.Array(TopicReviewJson, { description: "its topic card's reviews, interview evidence included, oldest first" }),
  sections: Type.Record(Type.String(), Type.String(), {
    description: 'the titles of the sections its history names (created in, moved from and to), by path key: "Python / Tools"',
  }),
  timeZone: Type.String({
    description: "its checklist's time zone (the review settings', else the server machine's): its history's times are shown in it",
  }),
});
export type TopicDetailJson = Static<typeof TopicDetailJson>;

/** PATCH /api/topics/:id: any of the three; absent fields are left alone. */
export const TopicPatchJson = Type.Object(
  {
    state: Type.Optional(StateWord),
    confidence: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 4, description: '1-4, or null to clear it' }))),
    notes: Type.Optional(Type.String({ maxLength: 200_000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type TopicPatchJson = Static<typeof TopicPatchJson>;

/** POST /api/checklists/:name/topics: a topic added in prepdeck, last in its section until `sync --write` puts it into the file. */
export const TopicCreateJson = Type.Object(
  {
    section: Type.String({ minLength: 1, maxLength: 500, description: 'a title, or a path of titles joined by " > "' }),
    title: Type.String({ minLength: 1, maxLength: 500, description: 'one line of inline Markdown, or the characters meant with asTyped' }),
    asTyped: Type.Optional(
      Type.Boolean({
        description:
          'true: the title is the characters typed, not Markdown (`__slots__ and memory`, not a bold "slots"): the * and _ Markdown would read as emphasis are escaped in it; links and code spans stay Markdown. Left out: the title is Markdown',
      }),
    ),
  },
  { additionalProperties: false },
);
export type TopicCreateJson = Static<typeof TopicCreateJson>;

/** DELETE /api/topics/:id?dryRun=true: with it, what removing the topic would take, nothing removed. */
export const TopicRemoveQuery = Type.Object({
  dryRun: Type.Optional(Type.Boolean({ description: 'say what removing it would take, and remove nothing' })),
});

/**
 * DELETE /api/topics/:id (and `prepdeck unadd --json`): a topic added in prepdeck, removed before the file holds it,
 * with its cards, their reviews and its history; the interview questions mapped to it keep their text and their other
 * topics, losing only this one.
 */
export const TopicRemovalJson = Type.Object({
  removed: Type.Object({
    id: Type.Integer(),
    title: Type.String({ description: 'inline Markdown source' }),
    section: Type.Array(Type.String(), { description: 'section titles, top level first' }),
  }),
  cards: Type.Integer({ description: 'its cards removed: its topic card and its question/answer cards' }),
  qaCards: Type.Integer({ description: 'of those, the question/answer cards you added' }),
  reviews: Type.Integer({ description: 'reviews of those cards removed, interview evidence included' }),
  questions: Type.Integer({ description: 'interview questions mapped to it: each keeps its text and other topics, losing this one' }),
  notes: Type.Boolean({ description: 'it had notes of yours' }),
  dryRun: Type.Boolean({ description: 'true: nothing was removed; this is what removing it takes' }),
});
export type TopicRemovalJson = Static<typeof TopicRemovalJson>;

/** GET /api/search?q=...&checklist=... */
export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 500 }),
  checklist: Type.Optional(Type.String({ maxLength: 200 })),
});
export const SearchResultJson = Type.Object({ query: Type.String(), topics: Type.Array(component(TopicJson)) });
export type SearchResultJson = Static<typeof SearchResultJson>;

/**
 * The stored fields of a topic that `show`, `mark`, `note` and `search --json` printed before their topic took the
 * contract's shape: kept beside it, since `--json` output never loses a field (the README's promise).
 */
const StoredTopicFields = {
  checklistId: Type.Integer(),
  sectionId: Nullable(Type.Integer({ description: 'null once archived and its section is gone from the file' })),
  sectionKey: Type.String({ description: "its section's path key, `python / core`" }),
  parentId: Nullable(Type.Integer({ description: 'the topic it is a sub-item of' })),
  identityKey: Type.String({ description: 'what recognises it across imports: section path and normalised text' }),
  marker: Type.Enum(TASK_MARKERS, { description: 'its task box in the file' }),
  position: Type.Integer({ description: 'its place among its section’s entries' }),
  depth: Type.Integer({ description: 'its nesting under other topics' }),
  lines: Type.Object({ start: Type.Integer(), end: Type.Integer() }, { description: 'its first and last lines in the file' }),
};

/** A topic in the CLI's `show`, `mark`, `note` and `search --json`: the API's topic, and its stored fields. */
export const CliTopicJson = Type.Object({ ...TopicJson.properties, ...StoredTopicFields });
export type CliTopicJson = Static<typeof CliTopicJson>;

/** `prepdeck mark` and `note --json`: the topic as changed, and the name of its checklist. */
export const TopicChangeJson = Type.Object({ topic: CliTopicJson, checklist: Type.String() });
export type TopicChangeJson = Static<typeof TopicChangeJson>;

/** `prepdeck search --json`: GET /api/search's answer, each topic with its stored fields. */
export const CliSearchResultJson = Type.Object({ query: Type.String(), topics: Type.Array(CliTopicJson) });
export type CliSearchResultJson = Static<typeof CliSearchResultJson>;

/**
 * `prepdeck show --json`: GET /api/topics/:id's answer, each part with the stored fields `show` printed first
 * (`sectionTitles` is `sections` under its first name), and the name of the topic's checklist.
 */
export const TopicShowJson = Type.Object({
  ...TopicDetailJson.properties,
  topic: CliTopicJson,
  resources: Type.Array(
    Type.Object({
      ...ExportedResource.properties,
      id: Type.Integer(),
      sectionId: Type.Integer(),
      topicId: Nullable(Type.Integer()),
      fromBullet: Type.Boolean({ description: 'the link was a bullet of its own under the topic' }),
      line: Type.Integer(),
    }),
  ),
  history: Type.Array(Type.Object({ ...TopicEventJson.properties, checklistId: Type.Integer(), topicId: Type.Integer() }), {
    description: 'oldest first',
  }),
  sectionTitles: TopicDetailJson.properties.sections,
  checklist: Type.String(),
});
export type TopicShowJson = Static<typeof TopicShowJson>;
