// Writing a checklist's states back into its file: `prepdeck sync FILE --write`, and POST /api/checklists/:name/write.
import { Type, type Static } from 'typebox';
import { Nullable } from './common.js';
import { ImportResultJson } from './imports.js';
import { MARKER_TEXTS, SKIPPED_AS } from './vocabulary.js';

export const SkippedAs = Type.Enum(SKIPPED_AS, { description: "a skipped topic's marker: [ ], [x], or as the file has it" });
export type SkippedAs = Static<typeof SkippedAs>;

export const MarkerText = Type.Enum(MARKER_TEXTS, { description: "'' for no marker" });
export type MarkerText = Static<typeof MarkerText>;

/** POST /api/checklists/:name/write: the options of `prepdeck sync FILE --write`. */
export const WriteBackRequestJson = Type.Object(
  {
    dryRun: Type.Optional(Type.Boolean({ description: 'plan only: the diff, and nothing written anywhere' })),
    all: Type.Optional(Type.Boolean({ description: 'give every study topic a marker' })),
    cards: Type.Optional(Type.Boolean({ description: 'also write the question/answer cards added in prepdeck' })),
    skipped: Type.Optional(SkippedAs),
    force: Type.Optional(Type.Boolean({ description: 'write the file even when it is read-only (it stays read-only)' })),
  },
  { additionalProperties: false },
);
export type WriteBackRequestJson = Static<typeof WriteBackRequestJson>;

/** One task marker written (or, in a dry run, to write). */
export const MarkerChangeJson = Type.Object({
  line: Type.Integer({ description: '1-based, in the written file (cards and topics written before it shift it)' }),
  topicId: Nullable(Type.Integer()),
  title: Type.String(),
  from: MarkerText,
  to: MarkerText,
});
export type MarkerChangeJson = Static<typeof MarkerChangeJson>;

/** A card added in prepdeck, written under its topic. */
export const CardWrittenJson = Type.Object({
  line: Type.Integer({ description: 'its first line in the written file' }),
  cardId: Type.Integer(),
  topic: Type.String({ description: "the topic's plain-text title" }),
  front: Type.String(),
});
export type CardWrittenJson = Static<typeof CardWrittenJson>;

/** A topic added in prepdeck, written as the last item of its section. */
export const TopicWrittenJson = Type.Object({
  line: Type.Integer({ description: 'its line in the written file' }),
  topicId: Type.Integer(),
  title: Type.String({ description: "the topic's plain-text title" }),
  section: Type.Array(Type.String(), { description: 'section titles, top level first' }),
  marker: MarkerText,
});
export type TopicWrittenJson = Static<typeof TopicWrittenJson>;

export const WriteBackReportJson = Type.Object({
  dryRun: Type.Boolean(),
  written: Type.Boolean({ description: 'true when the file was replaced' }),
  edits: Type.Array(MarkerChangeJson),
  cards: Type.Array(CardWrittenJson),
  topics: Type.Array(TopicWrittenJson, { description: 'the topics added in prepdeck, written into their sections' }),
  diff: Type.String({ description: 'unified diff of the file; empty when nothing changes' }),
  backup: Nullable(Type.String({ description: "the previous version's path; null when nothing was written" })),
  attempts: Type.Integer({ description: '1, or more when the file changed during the write and it started over' }),
  changedMeanwhile: Type.Array(ImportResultJson, { description: "the file's edits made during the write, brought in before trying again" }),
  warnings: Type.Array(Type.String()),
});
export type WriteBackReportJson = Static<typeof WriteBackReportJson>;

const syncHead = {
  file: Type.String({ description: 'the file written: the path the checklist was imported from' }),
  readIn: ImportResultJson,
};

/** The answer to POST /api/checklists/:name/write, as `prepdeck sync FILE --write --json` prints it. */
export const WriteBackResultJson = Type.Object({ ...syncHead, writeBack: WriteBackReportJson });
export type WriteBackResultJson = Static<typeof WriteBackResultJson>;

/** `prepdeck sync FILE --json`: the file's edits brought in, and without --write no write-back. */
export const SyncResultJson = Type.Object({ ...syncHead, writeBack: Nullable(WriteBackReportJson) });
export type SyncResultJson = Static<typeof SyncResultJson>;
