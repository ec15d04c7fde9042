// Topics: one with its links and history, a change to it, and a search.
import { Type, type Static } from 'typebox';
import { component, EntryKind, ExportedResource, Nullable, TopicState } from './common.js';
import { EVENT_TYPES, REVIEW_SOURCES } from './vocabulary.js';

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
    line: Type.Integer(),
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
});
export type TopicDetailJson = Static<typeof TopicDetailJson>;

/** PATCH /api/topics/:id: any of the three; absent fields are left alone. */
export const TopicPatchJson = Type.Object(
  {
    state: Type.Optional(TopicState),
    confidence: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 4, description: '1-4, or null to clear it' }))),
    notes: Type.Optional(Type.String({ maxLength: 200_000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type TopicPatchJson = Static<typeof TopicPatchJson>;

/** GET /api/search?q=...&checklist=... */
export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 500 }),
  checklist: Type.Optional(Type.String({ maxLength: 200 })),
});
export const SearchResultJson = Type.Object({ query: Type.String(), topics: Type.Array(component(TopicJson)) });
export type SearchResultJson = Static<typeof SearchResultJson>;
