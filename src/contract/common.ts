// What every capability's payloads share: the vocabulary (states, kinds, roles), progress, a link, the error body,
// and the one way a payload refers to a schema registered once (a component of the OpenAPI document).
import { Type, type Static, type TOptional, type TProperties, type TSchema, type TSchemaOptions, type TUnsafe } from 'typebox';
import { ENTRY_KINDS, SECTION_ROLES, STATE_WORDS, TOPIC_STATES, TOPICS_MODES } from './vocabulary.js';

/** A value or null: JSON has no undefined. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * A reference to a schema registered under its `$id` (see components.ts), typed as that schema: a bare
 * `Type.Ref` would type as unknown, so a wrong payload would compile.
 */
export function component<T extends TSchema>(schema: T): TUnsafe<Static<T>> {
  const { $id } = schema as TSchemaOptions & T;
  if ($id === undefined) throw new Error('a component needs an $id');
  return Type.Unsafe<Static<T>>(Type.Ref($id));
}

/** The same properties, each optional: the fields of a create that needs few, or of a patch. */
export function allOptional<T extends TProperties>(properties: T): { [K in keyof T]: TOptional<T[K]> } {
  return Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, Type.Optional(schema)])) as { [K in keyof T]: TOptional<T[K]> };
}

export const TopicState = Type.Enum(TOPIC_STATES, { description: 'new, learning, known or skipped' });
export type TopicState = Static<typeof TopicState>;

/** A state as a change writes it: one of the four, or `done` for known, as the CLI takes it. */
export const StateWord = Type.Enum(STATE_WORDS, { description: 'new, learning, known or skipped; done is known, as in `prepdeck mark X done`' });

export const EntryKind = Type.Enum(ENTRY_KINDS);
export type EntryKind = Static<typeof EntryKind>;

export const SectionRole = Type.Enum(SECTION_ROLES);
export type SectionRole = Static<typeof SectionRole>;

export const TopicsMode = Type.Enum(TOPICS_MODES);
export type TopicsMode = Static<typeof TopicsMode>;

/** Progress of a section (its subsections included) or of a whole checklist. */
export const Progress = Type.Object(
  {
    total: Type.Integer(),
    new: Type.Integer(),
    learning: Type.Integer(),
    known: Type.Integer(),
    skipped: Type.Integer(),
    ratio: Type.Number({ description: 'known / (total - skipped), 0..1' }),
  },
  { $id: 'Progress' },
);
export type Progress = Static<typeof Progress>;

/** A link of a topic or a section. */
export const ExportedResource = Type.Object(
  {
    url: Type.String(),
    title: Type.String(),
    clickable: Type.Boolean({ description: 'only http(s) and mailto links may be rendered as links' }),
  },
  { $id: 'Resource' },
);
export type ExportedResource = Static<typeof ExportedResource>;

/** Every error: the HTTP status says which kind, the message says what to do. */
export const ErrorJson = Type.Object(
  {
    error: Type.Object({
      type: Type.String(),
      message: Type.String(),
      candidates: Type.Optional(Type.Array(Type.Object({ id: Type.Integer(), label: Type.String() }))),
    }),
  },
  { $id: 'Error' },
);
export type ErrorJson = Static<typeof ErrorJson>;

/** The error statuses a route may answer with, each with the error body. */
export const errorResponses = <S extends number>(...statuses: S[]) =>
  Object.fromEntries(statuses.map((status) => [status, component(ErrorJson)])) as Record<S, TUnsafe<ErrorJson>>;

/** `/checklists/:name/...` */
export const ChecklistParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) });
/** `/topics/:id/...` */
export const TopicParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
