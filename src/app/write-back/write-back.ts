// `prepdeck sync FILE --write` (and the web's Write to file): the file's edits come in first, then each topic's
// state goes back out as task markers (and, with --cards, the cards added in prepdeck), written by the file writer.
import { mkdir, realpath } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { Checklist, ParsedChecklist, TopicsMode } from '../../core/checklist/model.js';
import { markerText } from '../../core/checklist/task-markers.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../../core/errors.js';
import { decodeChecklist } from '../../core/import/decode.js';
import { parseChecklist } from '../../core/import/parse-checklist.js';
import { planImport } from '../../core/import/plan.js';
import { checkCardInsertions, insertCards, lineAfterInsertions, type CardInsertion, type CardToWrite } from '../../core/write-back/cards.js';
import { unifiedDiff } from '../../core/write-back/diff.js';
import { checkWriteBack, markerOfText, writeBack, type MarkerText, type SkippedAs } from '../../core/write-back/markers.js';
import { checkTopicInsertions, insertTopics, lineAfterTopics, withoutEntriesAt, type TopicToWrite } from '../../core/write-back/topics.js';
import { findChecklistByName } from '../../store/checklists/checklists.js';
import { loadImportBaseline } from '../../store/import/import.js';
import { appCardsOf } from '../../store/review/cards.js';
import { appTopicsOf } from '../../store/topics/added.js';
import {
  dropPendingWrite,
  recordPendingWrite,
  settlePendingWrite,
  type PendingWrite,
  type WrittenCard,
} from '../../store/write-back/pending-write.js';
import { selectChecklists } from '../checklists/checklists.js';
import type { AppContext } from '../context.js';
import { importChecklist, readChecklistFile, type ChecklistFile, type ImportResult } from '../import/import-checklist.js';
import { bringEditsIn, checklistForFile, fallbackTitleOf, readingOf } from './checklist-for-file.js';
import { fileSystemFailure, fingerprintOf, isReadOnly, replaceFile, writeWholeFile } from './file-writer.js';
import { fileCardKeys, THIS_WRITER, whileWriting } from './pending-write.js';
import type { SyncInput } from './sync.js';
import type {
  CardWrittenJson as CardWritten,
  MarkerChangeJson as MarkerChange,
  TopicWrittenJson as TopicWritten,
  WriteBackReportJson as WriteBackReport,
  WriteBackResultJson as WriteBackResult,
} from '../../contract/write-back.js';

// What a write-back answers is the API's payload: `sync --write --json` prints what the server sends.
export type { WriteBackReport, WriteBackResult };

/** What `--write` may be asked to do, from the CLI or the web. */
export interface WriteBackOptions {
  /** Plan only: report what would change and the diff, and write nothing anywhere. */
  dryRun?: boolean | undefined;
  /** Give every study topic a marker, not only the known ones and those that have one. */
  all?: boolean | undefined;
  /** Also write the cards added in prepdeck under their topics, in the file's card syntax. */
  cards?: boolean | undefined;
  skipped?: SkippedAs | undefined;
  /** Write a file the user made read-only (it stays read-only). */
  force?: boolean | undefined;
}

export interface WriteBackInput extends SyncInput, WriteBackOptions {
  /** Where the previous version of the file is kept. */
  backupDir: string;
  /** Runs once the new text is on disk beside the file, just before it replaces it (tests edit the file here). */
  beforeReplace?: ((attempt: number) => void | Promise<void>) | undefined;
  /** How often to start over when the file keeps changing during the write. */
  maxAttempts?: number | undefined;
  /** Runs after each step of a write (tests crash the process here). */
  onStep?: ((step: WriteStep) => void | Promise<void>) | undefined;
}

/** The steps of one write, in order; a crash after any of them loses nothing and misreads no marker. */
export type WriteStep = 'backup-saved' | 'write-recorded' | 'replaced' | 'settled';

const DEFAULT_ATTEMPTS = 3;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

function encode(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([Buffer.from(UTF8_BOM), body]) : body;
}

function hasBom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((byte, i) => bytes[i] === byte);
}

async function saveBackup(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeWholeFile(path, bytes, 0o600);
  } catch (error) {
    throw fileSystemFailure(
      error,
      `cannot keep the previous version in ${dir}`,
      'make that folder writable (or set XDG_DATA_HOME to one that is); nothing was written',
    );
  }
  return path;
}

/** The new text of one attempt, checked to read back as the same topics, with what it changes. */
interface PlannedWrite {
  text: string;
  /** In the written file's numbering. */
  edits: MarkerChange[];
  cards: CardWritten[];
  /** The cards' insertions, their lines in the written file's numbering. */
  insertions: CardInsertion[];
  /** The topics added in prepdeck written into their sections. */
  topics: TopicWritten[];
  warnings: string[];
  /** The reading to import the written text with. */
  readAs: TopicsMode | 'auto';
  /** The written text, read back. */
  after: ParsedChecklist;
  /** The stored topic of each entry of `after` (null for one not stored yet). */
  topicIds: Array<number | null>;
  sectionKeys: string[];
}

/** Titles of a parsed section from the top level down. */
function sectionTitles(parsed: ParsedChecklist, sectionIndex: number): string[] {
  const titles: string[] = [];
  for (let s = parsed.sections[sectionIndex]; s && s.parentIndex !== null; s = parsed.sections[s.parentIndex]) titles.unshift(s.text);
  return titles;
}

/**
 * Plans the markers (and cards, and the topics added in prepdeck) of `file` from the states the import just left;
 * throws when they would change how it reads.
 */
async function planWrite(
  ctx: AppContext,
  checklist: Checklist,
  file: ChecklistFile,
  topics: TopicsMode | 'auto',
  input: WriteBackInput,
): Promise<PlannedWrite> {
  const fallbackTitle = fallbackTitleOf(input.path);
  // Which stored topic each entry is, and its state, as the import just left them (or would leave them).
  const baseline = await loadImportBaseline(ctx.store.db, checklist.id);
  const parsed = parseChecklist(file.text, { fallbackTitle, topics });
  const plan = planImport(parsed, baseline.sections, baseline.topics);
  const topicIds = plan.entries.map((e) => e.existingId);
  const sectionKeys = plan.sections.map((section) => section.pathKey);
  const states = plan.entries.map((e) => ({ state: e.state, topicId: e.existingId }));
  const options = { all: input.all ?? false, skipped: input.skipped ?? 'keep' };
  const markers = writeBack(file.text, parsed, states, options);
  const toWrite = input.cards ? await cardsToWrite(ctx, checklist.id, topicIds) : [];
  // Cards go into the text with its new markers, so they are placed (and checked) against that text's reading.
  const readAs = { fallbackTitle, topics: parsed.topicsMode.mode };
  const marked = markers.edits.length > 0 ? parseChecklist(markers.text, readAs) : parsed;
  const withCards = toWrite.length > 0 ? insertCards(markers.text, marked, toWrite) : { text: markers.text, insertions: [], warnings: [] };
  // The topics added in prepdeck go in last, each at the end of its section's list, into the text with the cards.
  const newTopics = await topicsToWrite(ctx, checklist.id, sectionKeys);
  const carded = withCards.insertions.length > 0 ? parseChecklist(withCards.text, readAs) : marked;
  const withTopics =
    newTopics.length > 0 ? insertTopics(withCards.text, carded, newTopics, options) : { text: withCards.text, insertions: [], warnings: [] };
  const added = withTopics.insertions;
  const warnings = [...markers.warnings, ...withCards.warnings, ...withTopics.warnings];
  // All in the written file's numbering: the cards' and topics' lines shift the lines after them.
  const lineAfter = (line: number) => lineAfterTopics(lineAfterInsertions(line, withCards.insertions), added);
  const insertions = withCards.insertions.map((insertion) => ({ ...insertion, line: lineAfterTopics(insertion.line, added) }));
  const edits = markers.edits.map(({ line, topicId, title, from, to }) => ({ line: lineAfter(line), topicId, title, from, to }));
  const cards = insertions.map(({ line, cardId, title, front }) => ({ line, cardId, topic: title, front }));
  const topicsWritten = added.map(({ line, topicId, title, sectionIndex, marker }) => ({
    line,
    topicId,
    title,
    section: sectionTitles(parsed, sectionIndex),
    marker: markerText(marker) as MarkerText,
  }));
  const planned = {
    text: withTopics.text,
    edits,
    cards,
    insertions,
    topics: topicsWritten,
    warnings,
    readAs: topics,
    after: parsed,
    topicIds,
    sectionKeys,
  };
  if (markers.edits.length === 0 && insertions.length === 0 && added.length === 0) return planned;

  // Markers must never change how the file is read: the same entries, and the same reading (task list or outline).
  let after = parseChecklist(withTopics.text, { fallbackTitle, topics });
  if (after.topicsMode.mode !== parsed.topicsMode.mode) {
    warnings.push(
      `with these markers the file alone would read as ${readingOf(after.topicsMode.mode)}; sync keeps reading it as ${readingOf(parsed.topicsMode.mode)} (as with --topics ${parsed.topicsMode.mode})`,
    );
    planned.readAs = parsed.topicsMode.mode;
    after = parseChecklist(withTopics.text, { fallbackTitle, topics: planned.readAs });
  }
  // The topics written in are checked on their own; without them, the file must read as before.
  const rest = added.length > 0 ? withoutEntriesAt(after, new Set(added.map((insertion) => insertion.line))) : after;
  const problem =
    checkWriteBack(parsed, rest, markers.edits, insertions.length + added.length > 0 ? lineAfter : undefined) ??
    checkCardInsertions(parsed, rest, insertions, new Map(toWrite.map((card) => [card.cardId, card]))) ??
    (added.length > 0 ? checkTopicInsertions(carded, after, added, newTopics) : null);
  if (problem) throw new InvalidInputError(`writing the markers would change how ${input.path} is read: ${problem}; nothing was written`);
  // Each entry of the written file and its stored topic: the topics written in among the file's own.
  const addedAt = new Map(added.map((insertion) => [insertion.line, insertion.topicId]));
  let next = 0;
  const topicIdsAfter = after.entries.map((entry) => addedAt.get(entry.lines.start) ?? topicIds[next++] ?? null);
  return { ...planned, after, topicIds: topicIdsAfter };
}

/** The topics added in prepdeck, in the order they were added, each with the section of the file it goes into. */
async function topicsToWrite(ctx: AppContext, checklistId: number, sectionKeys: readonly string[]): Promise<TopicToWrite[]> {
  const sectionIndex = new Map(sectionKeys.map((key, index) => [key, index]));
  return (await appTopicsOf(ctx.store.db, checklistId)).map((topic) => ({
    topicId: topic.id,
    title: topic.title,
    text: topic.text,
    // A section gone from the file archives its topics at the import before: -1 is never met, but says so if it is.
    sectionIndex: sectionIndex.get(topic.sectionKey) ?? -1,
    state: topic.state,
  }));
}

/**
 * `prepdeck sync FILE --write`: brings the file's edits in, then writes each topic's state back as task markers.
 * The new text replaces the file only if the file is still exactly what was read; otherwise the new edits are
 * brought in and it starts over, so nothing written by hand is ever lost.
 */
export async function writeBackChecklist(ctx: AppContext, input: WriteBackInput): Promise<WriteBackResult> {
  const firstRead = input.file ?? (await readChecklistFile(input.path));
  const checklist = await checklistForFile(ctx, input.path, input.name);
  const dryRun = input.dryRun ?? false;
  const maxAttempts = input.maxAttempts ?? DEFAULT_ATTEMPTS;
  const target = await realpath(input.path).catch(() => resolve(input.path));
  const changedMeanwhile: ImportResult[] = [];
  let firstReadIn: ImportResult | null = null;

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    // The checklist as it is now: an earlier attempt may have changed its reading.
    const current = attempt === 1 ? checklist : ((await findChecklistByName(ctx.store.db, checklist.name)) ?? checklist);
    const read = attempt === 1 ? firstRead : await readChecklistFile(input.path);
    const { file, topics, result: imported } = await bringEditsIn(ctx, current, input, read);
    const seen = await fingerprintOf(target, file.bytes);
    const bom = hasBom(file.bytes);
    if (!encode(file.text, bom).equals(file.bytes)) {
      throw new InvalidInputError(`${input.path} would not be written back byte for byte; nothing was written`);
    }
    if (firstReadIn === null) firstReadIn = imported;
    else changedMeanwhile.push(imported);

    const planned = await planWrite(ctx, checklist, file, topics, input);
    const report = (written: boolean, backup: string | null): WriteBackResult => ({
      file: input.path,
      readIn: firstReadIn!,
      writeBack: {
        dryRun,
        written,
        edits: planned.edits,
        cards: planned.cards,
        topics: planned.topics,
        diff: unifiedDiff(file.text, planned.text, { oldLabel: `${input.path}`, newLabel: `${input.path} (with markers)` }),
        backup,
        attempts: attempt,
        changedMeanwhile,
        warnings: planned.warnings,
      },
    });
    if (planned.edits.length === 0 && planned.insertions.length === 0 && planned.topics.length === 0) return report(false, null);
    if (dryRun) {
      if (!input.force && (await isReadOnly(target))) planned.warnings.push(`${input.path} is read-only: writing it takes --force`);
      return report(false, null);
    }

    const bytes = encode(planned.text, bom);
    // prepdeck's own markers are not ticks made by hand: recorded before the rename, settled after it, so that a
    // crash anywhere in between leaves the next read able to tell them apart (pending-write.ts).
    const write: PendingWrite = {
      markers: [
        ...planned.edits.filter((e) => e.topicId !== null).map((e) => ({ topicId: e.topicId!, marker: markerOfText(e.to) })),
        // A topic added in prepdeck has no marker yet: the one it is written with is prepdeck's, not a tick made by hand.
        ...planned.topics.filter((t) => t.marker !== '').map((t) => ({ topicId: t.topicId, marker: markerOfText(t.marker) })),
      ],
      cards: writtenCards(planned.after, planned.insertions, planned.topicIds, planned.sectionKeys),
    };
    let backup = '';
    // Marked as this process's write until settled, so that a sync here meanwhile leaves its record alone.
    const replaced = await whileWriting(checklist.id, async () => {
      let renamed: boolean;
      try {
        renamed = await replaceFile(target, bytes, {
          expected: seen,
          force: input.force,
          label: input.path,
          beforeRename: async () => {
            backup = await saveBackup(input.backupDir, `${checklist.name}${extname(target) || '.md'}`, file.bytes);
            await input.onStep?.('backup-saved');
            await recordPendingWrite(ctx.store.db, checklist.id, write, ctx.now(), THIS_WRITER);
            await input.onStep?.('write-recorded');
            await input.beforeReplace?.(attempt);
          },
        });
      } catch (error) {
        // The write's own failure is what the user must see; a record left behind is settled by the next sync.
        await dropPendingWrite(ctx.store.db, checklist.id).catch(() => undefined);
        throw error;
      }
      if (!renamed) {
        await dropPendingWrite(ctx.store.db, checklist.id);
        return false;
      }
      await input.onStep?.('replaced');
      // Then the written text is imported, recording its hash.
      await settlePendingWrite(ctx.store.db, checklist.id, write);
      return true;
    });
    // Changed since it was read: start over from what is there now, its new edits brought in first.
    if (!replaced) continue;
    await input.onStep?.('settled');
    const writtenFile: ChecklistFile = { path: input.path, sourcePath: resolve(input.path), bytes, text: decodeChecklist(bytes, input.path) };
    const readBack = await importChecklist(ctx, { file: writtenFile, name: checklist.name, topics: planned.readAs });
    if (readBack.changes.retick.length > 0) {
      planned.warnings.push(`re-reading the written file changed ${readBack.changes.retick.length} states (a bug; please report it)`);
    }
    return report(true, backup);
  }
  throw new ConflictError(
    `${input.path} kept changing while prepdeck was writing it (${maxAttempts} tries); no marker was written; run sync --write again`,
  );
}

/** Each inserted card's identity key and lines as the written file has them, paired as the import pairs them. */
function writtenCards(after: ParsedChecklist, insertions: CardInsertion[], topicIds: Array<number | null>, sectionKeys: string[]): WrittenCard[] {
  const keys = fileCardKeys(after, topicIds, sectionKeys);
  return insertions.flatMap((insertion) => {
    const index = after.cards.findIndex((card) => card.lines.start === insertion.line);
    return index < 0 ? [] : [{ cardId: insertion.cardId, identityKey: keys[index]!, lines: after.cards[index]!.lines }];
  });
}

/** The cards added in prepdeck whose topic is an entry of the file (`topicIds[i]` is entry i's topic). */
async function cardsToWrite(ctx: AppContext, checklistId: number, topicIds: Array<number | null>): Promise<CardToWrite[]> {
  const entryOf = new Map(topicIds.flatMap((id, index) => (id === null ? [] : [[id, index] as const])));
  return (await appCardsOf(ctx.store.db, checklistId)).flatMap((card) => {
    const entryIndex = card.topicId === null ? undefined : entryOf.get(card.topicId);
    return entryIndex === undefined ? [] : [{ cardId: card.id, entryIndex, front: card.front, back: card.back }];
  });
}

/** A shell word for a checklist name in a message (names may hold spaces and quotes). */
const shellWord = (text: string) => (/^[\w.@%+=:,-]+$/u.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

/**
 * The web's Write to file: `sync FILE --write` into the file the checklist `name` was imported from. A checklist
 * with no file behind it, or whose file is gone, is a conflict that says what to do instead.
 */
export async function writeBackToSource(ctx: AppContext, name: string, options: WriteBackOptions & { backupDir: string }): Promise<WriteBackResult> {
  const [checklist] = await selectChecklists(ctx, name);
  const { sourcePath } = checklist!;
  if (sourcePath === null) {
    throw new ConflictError(
      `'${name}' has no file behind it (uploaded, pasted, or the bundled example), so there is nothing to write; to link your file, import it once from the terminal: \`prepdeck import FILE --name ${shellWord(name)}\` (\`prepdeck export --format md -c ${shellWord(name)}\` gives its Markdown)`,
    );
  }
  // Read here, so that a file gone from disk says which checklist it was and what to do.
  const file = await readChecklistFile(sourcePath).catch((error: unknown) => {
    if (error instanceof NotFoundError) {
      throw new ConflictError(
        `${sourcePath}, the file '${name}' was imported from, is not there any more; import it again from where it is now (\`prepdeck import FILE --name ${shellWord(name)}\`)`,
      );
    }
    throw error;
  });
  const { dryRun, all, cards, skipped, force, backupDir } = options;
  return writeBackChecklist(ctx, { path: sourcePath, name, file, dryRun, all, cards, skipped, force, backupDir });
}
