// Imports from the browser: what importing a Markdown checklist would do, and doing it.
import { Type, type Static } from 'typebox';
import { Nullable, TopicsMode, TopicState } from './common.js';
import { TOPICS_CHOICES } from './vocabulary.js';

export const TopicsChoice = Type.Enum(TOPICS_CHOICES);
export type TopicsChoice = Static<typeof TopicsChoice>;

/** POST /api/imports/preview and POST /api/imports */
export const ImportRequestJson = Type.Object(
  {
    text: Type.String({ description: 'the checklist Markdown; 10 MB at most' }),
    fileName: Type.Optional(Type.String({ maxLength: 255, description: "the uploaded file's name; names the checklist when `name` is absent" })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 're-importing into an existing name keeps its progress' })),
    topics: Type.Optional(TopicsChoice),
  },
  { additionalProperties: false },
);
export type ImportRequestJson = Static<typeof ImportRequestJson>;

export const ImportCounts = Type.Object({
  sections: Type.Integer(),
  topics: Type.Integer(),
  goals: Type.Integer(),
  books: Type.Integer(),
  resources: Type.Integer({ description: 'distinct resource URLs' }),
  resourceBullets: Type.Integer({ description: 'bullets holding only links, turned into resources of their parent' }),
  notes: Type.Integer(),
  cards: Type.Integer({ description: 'question/answer cards written in the file' }),
  duplicates: Type.Integer(),
});
export type ImportCounts = Static<typeof ImportCounts>;

export const DuplicateReport = Type.Object({
  text: Type.String(),
  occurrences: Type.Array(Type.Object({ title: Type.String(), section: Type.String(), line: Type.Integer() })),
});
export type DuplicateReport = Static<typeof DuplicateReport>;

const TopicChange = Type.Object({ id: Type.Integer(), title: Type.String(), from: Type.String(), to: Type.String() });

/** The answer to POST /api/imports/preview (dryRun: true) and POST /api/imports, and `prepdeck import --json`. */
export const ImportResultJson = Type.Object({
  checklist: Type.Object({ id: Nullable(Type.Integer()), name: Type.String(), title: Type.String() }),
  created: Type.Boolean({ description: 'true on the first import of this name' }),
  unchanged: Type.Boolean({ description: 'true when nothing was written: same file as last time, or a dry run with no changes' }),
  dryRun: Type.Boolean(),
  current: Type.Boolean({
    description:
      "true when, once imported, it is the current checklist (the one the CLI's commands work on when none is named): the CLI's import makes it so unless the file has no topics to study and another checklist is worked on; an import through the API leaves the choice as it was; a dry run says what the import would do",
  }),
  linkedFile: Nullable(
    Type.String({
      description:
        "the file this import makes the checklist's own, its absolute path, when the checklist had none (uploaded in the browser) or another (imported from elsewhere): `prepdeck sync` and Write to file use it from then on; a dry run says the file it would link. Null otherwise: a first import (the file is its own from the start), the same file again, an upload",
    }),
  ),
  topicsMode: Type.Object({ mode: TopicsMode, reason: Type.String({ description: 'why this reading was chosen, one sentence' }) }),
  counts: ImportCounts,
  changes: Type.Object({
    added: Type.Array(Type.Object({ index: Type.Integer(), title: Type.String(), section: Type.String() })),
    renamed: Type.Array(TopicChange),
    moved: Type.Array(TopicChange),
    archived: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), section: Type.String() })),
    restored: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String() })),
    retick: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), state: TopicState })),
    details: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String() }), {
      description: 'topics kept whose details (the Markdown under their title) the file changed',
    }),
    sectionNotes: Type.Array(Type.Object({ section: Type.String() }), {
      description: "sections whose notes the file changed (added, edited or removed), by title; '' is the top of the file",
    }),
    unchanged: Type.Integer({ description: 'entries kept where they were, their state and details as they were' }),
    cards: Type.Object(
      { added: Type.Integer(), edited: Type.Integer(), archived: Type.Integer() },
      { description: "the file's question/answer cards added, edited and archived" },
    ),
  }),
  duplicates: Type.Array(DuplicateReport),
  warnings: Type.Array(Type.String()),
});
export type ImportResultJson = Static<typeof ImportResultJson>;
