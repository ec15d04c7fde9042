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
  unchanged: Type.Boolean({
    description:
      'true when the import changes nothing of the checklist (a dry run: would change nothing): the same file as last time, or one that differs only where prepdeck keeps nothing (spaces at the end of a line)',
  }),
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
    rewrites: Type.Object(
      {
        lines: Type.Integer({ description: 'kept topics and sections starting or ending on other lines, or in another order in their list' }),
        headings: Type.Integer({ description: 'headings added or removed (their topics are in added, moved and archived)' }),
        titles: Type.Integer({ description: "kept topics and sections whose title's Markdown changed while its text stayed (a link, emphasis)" }),
        nesting: Type.Integer({
          description:
            'kept headings at another level (a topic indented under another is in `moved`: the topics above it are part of what it is known by)',
        }),
        markers: Type.Integer({ description: 'kept topics whose task box changed without changing their state (`- x` became `- [ ] x`)' }),
        links: Type.Integer({ description: 'links of kept topics and sections added or removed; one whose address or text changed counts twice' }),
        frontMatter: Type.Boolean(),
        title: Type.Boolean({ description: "the checklist's title (its first heading) changed" }),
      },
      { description: 'what else the import rewrites from the file in what it keeps: none of it touches a state or a history' },
    ),
    unchanged: Type.Integer({ description: 'entries kept where they were, their state, details, title, nesting and task box as they were' }),
    cards: Type.Object(
      { added: Type.Integer(), edited: Type.Integer(), archived: Type.Integer() },
      { description: "the file's question/answer cards added, edited and archived" },
    ),
  }),
  duplicates: Type.Array(DuplicateReport),
  warnings: Type.Array(Type.String()),
});
export type ImportResultJson = Static<typeof ImportResultJson>;
