// Import a checklist file: read and check it, parse and plan in the core, apply in one transaction.
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { countCardChanges, fileCardOwner, type CardChanges, type IncomingCard } from '../../core/review/cards.js';
import { findDuplicates } from '../../core/checklist/duplicates.js';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { decodeChecklist, MAX_CHECKLIST_BYTES, tooLarge } from '../../core/import/decode.js';
import { checkChecklistName } from '../../core/validate.js';
import { parseChecklist } from '../../core/import/parse-checklist.js';
import type { ParsedChecklist, TopicsMode } from '../../core/checklist/model.js';
import type { DuplicateReport, ImportCounts, ImportResultJson as ImportResult } from '../../contract/imports.js';
import { planImport, type ImportPlan } from '../../core/import/plan.js';
import { chooseChecklist, importBecomesCurrent } from '../../core/checklist/current.js';
import { checklistStamps, findChecklistByName, linkSourceFile } from '../../store/checklists/checklists.js';
import { readCurrentChecklist } from '../../store/checklists/current.js';
import { applyImport, importBaseline, loadCardBaseline, loadImportBaseline, loadStoredContent, readStoredRows } from '../../store/import/import.js';
import { anyRewrites, contentEdits, NO_REWRITES, type ContentEdits } from '../../core/import/content-edits.js';
import { useChecklist, workedOnChecklist } from '../checklists/current.js';
import type { AppContext } from '../context.js';
import { settleInterruptedWrite } from '../write-back/pending-write.js';

/** A checklist file read and checked, ready to import: nothing is opened or written before this succeeds. */
export interface ChecklistFile {
  /** Where it came from, for messages and the default name: a path, or an uploaded file's name. */
  path: string;
  /** The absolute path on disk; null for text uploaded through the web. */
  sourcePath: string | null;
  bytes: Uint8Array;
  text: string;
}

export interface ImportInput {
  file: ChecklistFile;
  /** The checklist's name; defaults to the file name without extension. */
  name?: string | undefined;
  topics?: TopicsMode | 'auto' | undefined;
  /** Plan only: report what would change and write nothing. */
  dryRun?: boolean | undefined;
  onPhase?: ((phase: ImportPhase) => void) | undefined;
  /**
   * The CLI's import: make the checklist the current one, unless the file gives no topic to study and another checklist
   * is worked on (core/checklist/current.ts#importBecomesCurrent). Left out, the current checklist stays as chosen.
   */
  makeCurrent?: boolean | undefined;
}

export type { ImportResult };

export type ImportPhase = 'parsing' | 'planning' | 'writing';
export const IMPORT_PHASES: ImportPhase[] = ['parsing', 'planning', 'writing'];

export function checklistNameFromPath(path: string): string {
  const slug = basename(path, extname(path))
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'checklist';
}

export async function readChecklistFile(path: string): Promise<ChecklistFile> {
  const bytes = await readBytes(path);
  return { path, sourcePath: resolve(path), bytes, text: decodeChecklist(bytes, path) };
}

/** Text uploaded or pasted in the web UI, checked like a file. */
export function checklistFromUpload(text: string, fileName?: string): ChecklistFile {
  const path = fileName?.trim() || 'pasted checklist';
  const bytes = Buffer.from(text, 'utf8');
  return { path, sourcePath: null, bytes, text: decodeChecklist(bytes, path) };
}

async function readBytes(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InvalidInputError(`${path} is a directory; give a Markdown file`);
    // A device reads as empty (/dev/null would make a checklist named "null") or never ends, a FIFO waits for a writer.
    if (!info.isFile()) throw new InvalidInputError(`${path} is not a regular file (${specialKind(info)}); give a Markdown file`);
    size = info.size;
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NotFoundError(`no such file: ${path}`);
    throw new InvalidInputError(`cannot read ${path}: ${code ?? String(error)}`);
  }
  // Refuse before reading a huge file into memory.
  if (size > MAX_CHECKLIST_BYTES) {
    throw tooLarge(path, size);
  }
  return readFile(path);
}

function specialKind(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  return info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : 'a special file';
}

function countParsed(parsed: ParsedChecklist, duplicates: number): ImportCounts {
  const kinds = { topic: 0, goal: 0, book: 0 };
  for (const entry of parsed.entries) kinds[entry.kind]++;
  const urls = new Set<string>();
  const bulletLines = new Set<number>();
  for (const owner of [...parsed.sections, ...parsed.entries]) {
    for (const resource of owner.resources) {
      urls.add(resource.url);
      if (resource.fromBullet) bulletLines.add(resource.line);
    }
  }
  return {
    sections: parsed.sections.length - 1,
    topics: kinds.topic,
    goals: kinds.goal,
    books: kinds.book,
    resources: urls.size,
    resourceBullets: bulletLines.size,
    notes: parsed.sections.reduce((sum, s) => sum + s.notes.length, 0),
    cards: parsed.cards.length,
    duplicates,
  };
}

function reportDuplicates(parsed: ParsedChecklist): DuplicateReport[] {
  const study = parsed.entries.filter((e) => e.kind === 'topic');
  return findDuplicates(study, (e) => e.text).map((group) => ({
    text: group.members[0]!.text,
    occurrences: group.members.map((e) => ({ title: e.text, section: entryPath(parsed, e.index), line: e.lines.start })),
  }));
}

function sectionPath(parsed: ParsedChecklist, sectionIndex: number): string {
  const names: string[] = [];
  for (let s = parsed.sections[sectionIndex]; s && s.parentIndex !== null; s = parsed.sections[s.parentIndex]) names.unshift(s.text);
  return names.join(' / ');
}

/** Where an entry sits: its section path, then the topics it is nested under. */
function entryPath(parsed: ParsedChecklist, entryIndex: number): string {
  const parents: string[] = [];
  const entry = parsed.entries[entryIndex]!;
  for (let p = entry.parentIndex; p !== null; p = parsed.entries[p]!.parentIndex) parents.unshift(parsed.entries[p]!.text);
  return [sectionPath(parsed, entry.sectionIndex), ...parents].filter(Boolean).join(' / ');
}

function hasChanges(plan: ImportPlan, cards: CardChanges, edits: ContentEdits): boolean {
  const { added, renamed, moved, archived, restored, retick } = plan.summary;
  const topics = added.length + renamed.length + moved.length + archived.length + restored.length + retick.length;
  return topics + cards.added + cards.edited + cards.archived + edits.details.length + edits.sectionNotes.length > 0 || anyRewrites(edits.rewrites);
}

/** The same bytes read the same way hold the same details and notes: nothing to compare. */
const NO_EDITS: ContentEdits = { details: [], sectionNotes: [], rewrites: NO_REWRITES, unchangedEdited: 0 };

/** The file's cards as the import would pair them: under a stored topic, a new one (no stored card), or a section. */
function incomingCards(parsed: ParsedChecklist, plan: ImportPlan): IncomingCard[] {
  const topicIds = plan.entries.map((entry) => entry.existingId);
  const sectionKeys = plan.sections.map((section) => section.pathKey);
  return parsed.cards.map((card) => ({ owner: fileCardOwner(card, topicIds, sectionKeys), front: card.front, back: card.back }));
}

/**
 * Whether `name` is the current checklist once imported, the choice left as it is (core/checklist/current.ts#chooseChecklist):
 * with none saved, the one imported last is. `pending`: a dry run that would stamp the checklist as imported now.
 */
async function currentOnceImported(ctx: AppContext, name: string, pending: boolean): Promise<boolean> {
  const stamps = await checklistStamps(ctx.store.db);
  const after = pending ? [...stamps.filter((stamp) => stamp.name !== name), { name, importedAt: ctx.now() }] : stamps;
  return chooseChecklist(after, await readCurrentChecklist(ctx.store.db)).name === name;
}

export async function importChecklist(ctx: AppContext, input: ImportInput): Promise<ImportResult> {
  const { path, bytes, text } = input.file;
  const name = checkChecklistName(input.name ?? checklistNameFromPath(path));
  const sourceHash = createHash('sha256')
    .update(bytes)
    .update(`\0topics=${input.topics ?? 'auto'}`)
    .digest('hex');

  // Read before the import, which may make its checklist the one imported last.
  const before = input.makeCurrent ? await workedOnChecklist(ctx) : null;

  input.onPhase?.('parsing');
  const parsed = parseChecklist(text, { fallbackTitle: basename(path, extname(path)), topics: input.topics });
  const duplicates = reportDuplicates(parsed);

  input.onPhase?.('planning');
  const dryRun = input.dryRun ?? false;
  // A write-back a crash interrupted is settled first, as `sync` does: its markers in the file are prepdeck's, not
  // ticks made by hand (a skipped topic written [x] stays skipped).
  if (!dryRun) {
    const existing = await findChecklistByName(ctx.store.db, name);
    if (existing)
      await settleInterruptedWrite(ctx, existing.id, input.file, { topics: input.topics ?? 'auto', fallbackTitle: basename(path, extname(path)) });
  }
  // A dry run only reads, so it takes no write lock: a preview never holds up the CLI or another tab.
  const run = <T>(fn: (db: typeof ctx.store.db) => Promise<T>) => (dryRun ? fn(ctx.store.db) : ctx.store.transaction(fn));
  const outcome = await run(async (trx) => {
    const existing = await findChecklistByName(trx, name);
    // A changed file is compared with every stored row and then written: its rows are read once, whole. The same bytes
    // again need only the planner's few columns, and most often write nothing.
    const stored = existing !== null && existing.sourceHash !== sourceHash ? await readStoredRows(trx, existing.id) : undefined;
    const baseline = stored ? importBaseline(stored) : existing ? await loadImportBaseline(trx, existing.id) : { sections: [], topics: [] };
    const plan = planImport(parsed, baseline.sections, baseline.topics);
    const cards = countCardChanges(incomingCards(parsed, plan), existing ? await loadCardBaseline(trx, existing.id) : []);
    // A new checklist's details and notes all come with its topics and sections.
    const edits = existing !== null && stored ? contentEdits(parsed, plan, await loadStoredContent(trx, existing.id, stored)) : NO_EDITS;
    // Nothing to write but the file's new hash (its bytes differ where prepdeck keeps nothing) reads as unchanged too.
    const nothingChanges = existing !== null && !hasChanges(plan, cards, edits);
    const nothingToWrite = nothingChanges && existing.sourceHash === sourceHash;
    // A file into a checklist uploaded or pasted (or imported from elsewhere) becomes the one behind it, so that sync
    // and Write to file find it: with the same text, only that changes.
    const linkedFile =
      existing !== null && input.file.sourcePath !== null && existing.sourcePath !== input.file.sourcePath ? input.file.sourcePath : null;
    if (!dryRun && nothingToWrite && linkedFile !== null) await linkSourceFile(trx, existing.id, linkedFile, ctx.now());
    // A checklist not stored yet is never unchanged: the import would create it, even with nothing in it.
    if (dryRun || nothingToWrite)
      return {
        id: existing?.id ?? null,
        plan,
        cards,
        edits,
        created: existing === null,
        unchanged: nothingChanges,
        // The import would stamp the checklist as imported now: a new one, new bytes, or changes.
        writes: !nothingToWrite,
        linkedFile,
      };
    input.onPhase?.('writing');
    const { checklistId } = await applyImport(trx, {
      checklistId: existing?.id ?? null,
      name,
      // An upload has no path on disk: keep the one a file import recorded.
      sourcePath: input.file.sourcePath ?? existing?.sourcePath ?? null,
      sourceHash,
      parsed,
      plan,
      now: ctx.now(),
      stored,
    });
    return { id: checklistId, plan, cards, edits, created: existing === null, unchanged: nothingChanges, writes: true, linkedFile };
  });

  const counts = countParsed(parsed, duplicates.length);
  let current: boolean;
  if (input.makeCurrent) {
    current = importBecomesCurrent(counts) || before === null || before === name;
    // Saved either way, so that the one imported last (this one) does not take over when none was chosen.
    if (!dryRun) await useChecklist(ctx, current ? name : before!);
  } else current = await currentOnceImported(ctx, name, dryRun && outcome.writes);
  return {
    checklist: { id: outcome.id, name, title: parsed.title },
    created: outcome.created,
    unchanged: outcome.unchanged,
    dryRun,
    current,
    linkedFile: outcome.linkedFile,
    topicsMode: parsed.topicsMode,
    counts,
    changes: {
      ...outcome.plan.summary,
      details: outcome.edits.details,
      sectionNotes: outcome.edits.sectionNotes,
      rewrites: outcome.edits.rewrites,
      unchanged: outcome.plan.summary.unchanged - outcome.edits.unchangedEdited,
      cards: outcome.cards,
    },
    duplicates,
    warnings: parsed.warnings,
  };
}
