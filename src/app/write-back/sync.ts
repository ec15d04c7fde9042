// Keeping a checklist and its file in step: the file's edits come in (a re-import), each topic's state goes
// back out as task markers, written atomically and never over an edit prepdeck has not read.
import { createHash, randomBytes } from 'node:crypto';
import { watch } from 'node:fs';
import { mkdir, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { unifiedDiff } from '../../core/write-back/diff.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../../core/errors.js';
import { decodeChecklist } from '../../core/import/decode.js';
import { parseChecklist } from '../../core/import/parse-checklist.js';
import type { Checklist, ParsedChecklist, TaskMarker, TopicsMode } from '../../core/checklist/model.js';
import { planImport } from '../../core/import/plan.js';
import { checkWriteBack, requestedTopics, writeBack, type MarkerText, type SkippedAs } from '../../core/write-back/markers.js';
import { checkCardInsertions, insertCards, lineAfterInsertions, type CardInsertion, type CardToWrite } from '../../core/write-back/cards.js';
import { appCardsOf, claimWrittenCards } from '../../store/review/cards.js';
import { cardKeys } from '../../core/review/cards.js';
import { findChecklistByName } from '../../store/checklists/checklists.js';
import { loadImportBaseline } from '../../store/import/import.js';
import { fileCardOwner } from '../../core/review/cards.js';
import { findChecklistsBySourcePath, recordWrittenMarkers } from '../../store/write-back/sync.js';
import type { AppContext } from '../context.js';
import { checklistNameFromPath, importChecklist, readChecklistFile, type ChecklistFile, type ImportResult } from '../import/import-checklist.js';
import { defaultDatabasePath } from '../location.js';

export interface SyncInput {
  /** The checklist file, as the user named it. */
  path: string;
  /** The checklist to sync into; by default the one last imported from this file. */
  name?: string | undefined;
  /** By default the reading the last import chose with --topics, else the automatic one. */
  topics?: TopicsMode | 'auto' | undefined;
  /** Plan only: report what would change (and, with write, the diff) and write nothing anywhere. */
  dryRun?: boolean | undefined;
  /** The file already read and checked (readChecklistFile), used for the first read; later reads re-read it. */
  file?: ChecklistFile | undefined;
}

export interface WriteBackInput extends SyncInput {
  /** Give every study topic a marker, not only the known ones and those that have one. */
  all?: boolean | undefined;
  /** Also write the cards added in prepdeck under their topics, in the file's card syntax. */
  cards?: boolean | undefined;
  skipped?: SkippedAs | undefined;
  /** Where the previous version of the file is kept. */
  backupDir: string;
  /** Runs once the new text is on disk beside the file, just before it replaces it (tests edit the file here). */
  beforeReplace?: ((attempt: number) => void | Promise<void>) | undefined;
  /** How often to start over when the file keeps changing during the write. */
  maxAttempts?: number | undefined;
}

export interface MarkerChange {
  /** 1-based, in the written file (cards written before it shift it). */
  line: number;
  topicId: number | null;
  title: string;
  /** '' (no marker), '[ ]', '[x]' or '[X]'. */
  from: MarkerText;
  to: MarkerText;
}

export interface WriteBackReport {
  dryRun: boolean;
  /** True when the file was replaced; false for a dry run or when every marker already matched. */
  written: boolean;
  edits: MarkerChange[];
  /** Cards added in prepdeck, written under their topics (with --cards). */
  cards: CardWritten[];
  /** A unified diff of the file, before and after; empty when nothing changes. */
  diff: string;
  /** Where the previous version was saved; null when nothing was written. */
  backup: string | null;
  /** 1, or more when the file changed while prepdeck was writing it and it started over. */
  attempts: number;
  /** The edits made to the file while prepdeck was writing it, brought in before it tried again. */
  changedMeanwhile: ImportResult[];
  warnings: string[];
}

export interface CardWritten {
  /** Its first line in the written file. */
  line: number;
  cardId: number;
  /** The topic's plain-text title. */
  topic: string;
  front: string;
}

export interface SyncResult {
  file: string;
  /** The file's edits, brought in as by `import`. */
  readIn: ImportResult;
  /** Null without --write. */
  writeBack: WriteBackReport | null;
}

const DEFAULT_ATTEMPTS = 3;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Backups of files sync wrote: `$XDG_DATA_HOME/prepdeck/backups`, beside the default database. */
export function defaultBackupDir(env: NodeJS.ProcessEnv): string {
  return join(dirname(defaultDatabasePath(env)), 'backups');
}

/** The checklist a file feeds: the one named, or the one last imported from that path. */
export async function checklistForFile(ctx: AppContext, path: string, name?: string): Promise<Checklist> {
  if (name !== undefined) {
    const named = await findChecklistByName(ctx.store.db, name);
    if (!named) throw new NotFoundError(`no checklist named '${name}'; import the file first: prepdeck import ${path} --name ${name}`);
    if (named.sourcePath !== null && !(await sameFile(named.sourcePath, path))) {
      // Syncing another file into it would archive every topic that file lacks: only an import says so deliberately.
      throw new InvalidInputError(
        `'${name}' keeps ${named.sourcePath} in step, not ${path}; to take its topics from ${path} instead, run \`prepdeck import ${path} --name ${name}\``,
      );
    }
    return named;
  }
  const found = await findChecklistsBySourcePath(ctx.store.db, resolve(path));
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    throw new InvalidInputError(`${path} was imported as ${found.map((c) => `'${c.name}'`).join(', ')}; pick one with --name`);
  }
  const byName = await findChecklistByName(ctx.store.db, checklistNameFromPath(path));
  if (byName && byName.sourcePath === null) return byName;
  if (byName) {
    throw new NotFoundError(`no checklist was imported from ${path} ('${byName.name}' was imported from ${byName.sourcePath}); give --name ${byName.name} to sync this file into it`);
  }
  throw new NotFoundError(`${path} was never imported; run \`prepdeck import ${path}\` first, or give --name`);
}

/** Whether two paths are one file (through symlinks); a checklist's file gone from disk is no longer in the way. */
async function sameFile(sourcePath: string, path: string): Promise<boolean> {
  const source = await realpath(sourcePath).catch(() => null);
  if (source === null) return true;
  return source === (await realpath(path).catch(() => resolve(path)));
}

const readingOf = (mode: TopicsMode) => (mode === 'tasks' ? 'a task list' : 'an outline');

/**
 * How a sync reads the file: as --topics says, else as the last import chose. An edit that would flip the
 * automatic reading (a few ticks added to a short outline) does not: the checklist keeps its reading, and says so.
 */
function readingFor(checklist: Checklist, file: ChecklistFile, input: SyncInput): { topics: TopicsMode | 'auto'; warning: string | null } {
  if (input.topics !== undefined) return { topics: input.topics, warning: null };
  const requested = requestedTopics(checklist);
  if (requested !== 'auto') return { topics: requested, warning: null };
  const auto = parseChecklist(file.text, { fallbackTitle: fallbackTitleOf(input.path), topics: 'auto' }).topicsMode;
  if (auto.mode === checklist.topicsMode) return { topics: 'auto', warning: null };
  return {
    topics: checklist.topicsMode,
    warning: `on its own ${input.path} would now be ${auto.reason}; sync keeps reading it as ${readingOf(checklist.topicsMode)}, as before (give --topics ${auto.mode} to switch)`,
  };
}

const fallbackTitleOf = (path: string) => basename(path, extname(path));

/** Reads the file and brings its edits in, as `import` would, in the checklist's own reading. */
async function bringEditsIn(ctx: AppContext, checklist: Checklist, input: SyncInput, file: ChecklistFile) {
  const reading = readingFor(checklist, file, input);
  const result = await importChecklist(ctx, { file, name: checklist.name, topics: reading.topics, dryRun: input.dryRun });
  if (reading.warning) result.warnings.push(reading.warning);
  return { file, topics: reading.topics, result };
}

/** `prepdeck sync FILE`: the file's edits brought in, with the same identity rules as import. */
export async function syncChecklist(ctx: AppContext, input: SyncInput): Promise<SyncResult> {
  // The file first: a missing or refused file says so, whatever the database holds.
  const file = input.file ?? (await readChecklistFile(input.path));
  const checklist = await checklistForFile(ctx, input.path, input.name);
  const { result } = await bringEditsIn(ctx, checklist, input, file);
  return { file: input.path, readIn: result, writeBack: null };
}

interface Fingerprint {
  size: number;
  mtimeMs: number;
  hash: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function fingerprintOf(path: string, bytes: Uint8Array): Promise<Fingerprint> {
  const info = await stat(path);
  return { size: info.size, mtimeMs: info.mtimeMs, hash: sha256(bytes) };
}

/** Whether the file is no longer what was read: size and time first, then the bytes themselves. */
async function changedSince(path: string, seen: Fingerprint): Promise<boolean> {
  try {
    const info = await stat(path);
    if (info.size !== seen.size || info.mtimeMs !== seen.mtimeMs) return true;
    return sha256(await readFile(path)) !== seen.hash;
  } catch {
    return true;
  }
}

function encode(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([Buffer.from(UTF8_BOM), body]) : body;
}

function hasBom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((byte, i) => bytes[i] === byte);
}

/** Writes `bytes` to a new file beside `target` (same mode), flushed to disk; returns its path. */
async function writeTempBeside(target: string, bytes: Uint8Array, mode: number): Promise<string> {
  const temp = join(dirname(target), `.${basename(target)}.prepdeck-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    // open() applies the umask; the file keeps the mode it had.
    await handle.chmod(mode);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

/** Makes a rename durable: the directory entry is flushed too (not every platform allows it). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the rename itself is atomic either way.
  }
}

async function saveBackup(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, name);
  const temp = await writeTempBeside(path, bytes, 0o600);
  await rename(temp, path);
  return path;
}

const markerOf = (text: MarkerText): TaskMarker => (text === '[ ]' ? 'open' : 'done');

/**
 * `prepdeck sync FILE --write`: brings the file's edits in, then writes each topic's state back as task markers.
 * The new text replaces the file only if the file is still exactly what was read; otherwise the new edits are
 * brought in and it starts over, so nothing written by hand is ever lost.
 */
export async function writeBackChecklist(ctx: AppContext, input: WriteBackInput): Promise<SyncResult> {
  const firstRead = input.file ?? (await readChecklistFile(input.path));
  const checklist = await checklistForFile(ctx, input.path, input.name);
  const options = { all: input.all ?? false, skipped: input.skipped ?? 'keep' };
  const dryRun = input.dryRun ?? false;
  const maxAttempts = input.maxAttempts ?? DEFAULT_ATTEMPTS;
  const fallbackTitle = fallbackTitleOf(input.path);
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

    // Which stored topic each entry is, and its state, as the import just left them (or would leave them).
    const baseline = await loadImportBaseline(ctx.store.db, checklist.id);
    const parsed = parseChecklist(file.text, { fallbackTitle, topics });
    const plan = planImport(parsed, baseline.sections, baseline.topics);
    const states = plan.entries.map((e) => ({ state: e.state, topicId: e.existingId }));
    const markers = writeBack(file.text, parsed, states, options);
    const toWrite = input.cards ? await cardsToWrite(ctx, checklist.id, plan.entries.map((e) => e.existingId)) : [];
    // Cards go into the text with its new markers, so they are placed (and checked) against that text's reading.
    const marked = markers.edits.length > 0 ? parseChecklist(markers.text, { fallbackTitle, topics: parsed.topicsMode.mode }) : parsed;
    const withCards = toWrite.length > 0 ? insertCards(markers.text, marked, toWrite) : { text: markers.text, insertions: [], warnings: [] };
    const result = { text: withCards.text, edits: markers.edits };
    const { insertions } = withCards;
    const warnings = [...markers.warnings, ...withCards.warnings];
    // Both in the written file's numbering: the cards' lines shift the markers after them.
    const edits = result.edits.map(({ line, topicId, title, from, to }) => ({ line: lineAfterInsertions(line, insertions), topicId, title, from, to }));
    const cards = insertions.map(({ line, cardId, title, front }) => ({ line, cardId, topic: title, front }));
    const report = (written: boolean, backup: string | null): SyncResult => ({
      file: input.path,
      readIn: firstReadIn!,
      writeBack: {
        dryRun,
        written,
        edits,
        cards,
        diff: unifiedDiff(file.text, result.text, { oldLabel: `${input.path}`, newLabel: `${input.path} (with markers)` }),
        backup,
        attempts: attempt,
        changedMeanwhile,
        warnings,
      },
    });
    if (result.edits.length === 0 && insertions.length === 0) return report(false, null);

    // Markers must never change how the file is read: the same entries, and the same reading (task list or outline).
    let readAs = topics;
    let after = parseChecklist(result.text, { fallbackTitle, topics });
    if (after.topicsMode.mode !== parsed.topicsMode.mode) {
      warnings.push(
        `with these markers the file alone would read as ${readingOf(after.topicsMode.mode)}; sync keeps reading it as ${readingOf(parsed.topicsMode.mode)} (as with --topics ${parsed.topicsMode.mode})`,
      );
      readAs = parsed.topicsMode.mode;
      after = parseChecklist(result.text, { fallbackTitle, topics: readAs });
    }
    const problem =
      checkWriteBack(parsed, after, result.edits, insertions.length > 0 ? (line) => lineAfterInsertions(line, insertions) : undefined) ??
      checkCardInsertions(parsed, after, insertions, new Map(toWrite.map((card) => [card.cardId, card])));
    if (problem) throw new InvalidInputError(`writing the markers would change how ${input.path} is read: ${problem}; nothing was written`);
    if (dryRun) return report(false, null);

    const bytes = encode(result.text, bom);
    const mode = (await stat(target)).mode & 0o7777;
    const temp = await writeTempBeside(target, bytes, mode);
    let replaced = false;
    let backup: string;
    try {
      backup = await saveBackup(input.backupDir, `${checklist.name}${extname(target) || '.md'}`, file.bytes);
      await input.beforeReplace?.(attempt);
      if (!(await changedSince(target, seen))) {
        await rename(temp, target);
        replaced = true;
      }
    } finally {
      if (!replaced) await unlink(temp).catch(() => undefined);
    }
    // Changed since it was read: start over from what is there now, its new edits brought in first.
    if (!replaced) continue;
    await syncDirectory(dirname(target));

    // prepdeck's own markers are not ticks made by hand; then the written text is imported, recording its hash.
    const written = edits.filter((e) => e.topicId !== null).map((e) => ({ topicId: e.topicId!, marker: markerOf(e.to) }));
    await recordWrittenMarkers(ctx.store.db, checklist.id, written);
    await claimWrittenCards(ctx.store.db, writtenCardKeys(after, insertions, plan.entries.map((e) => e.existingId), plan.sections.map((section) => section.pathKey)));
    const writtenFile: ChecklistFile = { path: input.path, sourcePath: resolve(input.path), bytes, text: decodeChecklist(bytes, input.path) };
    const readBack = await importChecklist(ctx, { file: writtenFile, name: checklist.name, topics: readAs });
    if (readBack.changes.retick.length > 0) {
      warnings.push(`re-reading the written file changed ${readBack.changes.retick.length} states (a bug; please report it)`);
    }
    return report(true, backup);
  }
  throw new ConflictError(
    `${input.path} kept changing while prepdeck was writing it (${maxAttempts} tries); no marker was written; run sync --write again`,
  );
}

/** Each inserted card's identity key and lines as the written file has them, paired as the import pairs them. */
function writtenCardKeys(after: ParsedChecklist, insertions: CardInsertion[], topicIds: Array<number | null>, sectionKeys: string[]) {
  const owners = after.cards.map((card) => ({ owner: fileCardOwner(card, topicIds, sectionKeys), front: card.front }));
  const keys = cardKeys(owners);
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

export interface WatchHandlers {
  /** Once the file is being watched: a change made from here on is seen. */
  onReady?: () => void;
  /** After each change of the file that was brought in. */
  onChange: (result: SyncResult) => void;
  /** A read-in that failed (the file half-saved, or gone for a moment); watching goes on. */
  onError: (error: unknown) => void;
}

/** Debounce for editors that save in several steps (truncate, write, rename). */
export const WATCH_DEBOUNCE_MS = 200;

/**
 * `prepdeck sync FILE --watch`: brings the file's edits in each time it changes, until `signal` aborts. Watches the
 * file's directory, so that editors which save by replacing the file are followed too.
 */
export async function watchChecklist(
  ctx: AppContext,
  input: SyncInput,
  handlers: WatchHandlers,
  signal: AbortSignal,
  debounceMs = WATCH_DEBOUNCE_MS,
): Promise<void> {
  const target = await realpath(input.path);
  const name = basename(target);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;

  const runOnce = async (): Promise<void> => {
    try {
      const result = await syncChecklist(ctx, { ...input, file: undefined });
      if (!result.readIn.unchanged) handlers.onChange(result);
    } catch (error) {
      handlers.onError(error);
    }
  };
  const run = (): void => {
    if (signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = runOnce().finally(() => {
      running = null;
      if (again) {
        again = false;
        schedule();
      }
    });
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };

  const watcher = watch(dirname(target), (_event, changed) => {
    if (changed === null || changed === name) schedule();
  });
  handlers.onReady?.();
  // A save between the first read-in and this watcher would otherwise go unseen: look once more.
  schedule();
  // The directory itself gone, say: reported, and watching stops.
  const failed = new Promise<void>((done) =>
    watcher.on('error', (error) => {
      handlers.onError(error);
      done();
    }),
  );
  try {
    const aborted = new Promise<void>((done) => {
      if (signal.aborted) done();
      else signal.addEventListener('abort', () => done(), { once: true });
    });
    await Promise.race([aborted, failed]);
  } finally {
    watcher.close();
    clearTimeout(timer);
    await running;
  }
}
