// After a crash mid-write, the journal says what prepdeck was writing and the file says how far it got: each
// marker or card the file holds as planned is prepdeck's own; the rest was never written.
import type { ParsedChecklist, TopicsMode } from '../../core/checklist/model.js';
import { parseChecklist } from '../../core/import/parse-checklist.js';
import { planImport } from '../../core/import/plan.js';
import { cardKeys } from '../../core/review/cards.js';
import { fileCardOwner } from '../../core/review/cards.js';
import { loadImportBaseline } from '../../store/import/import.js';
import { hostname } from 'node:os';
import { findPendingWrite, settlePendingWrite, type FoundPendingWrite } from '../../store/write-back/pending-write.js';
import type { AppContext } from '../context.js';
import type { ChecklistFile } from '../import/import-checklist.js';
import { processIsGone } from './file-writer.js';

/** This process, as a pending write names its writer. */
export const THIS_WRITER = `${hostname()}:${process.pid}`;

/** Checklists this process is writing the file of right now (between recording the write and settling it). */
const writingNow = new Set<number>();

/** Runs `write` with the checklist marked as being written by this process, so no sync here settles it meanwhile. */
export async function whileWriting<T>(checklistId: number, write: () => Promise<T>): Promise<T> {
  writingNow.add(checklistId);
  try {
    return await write();
  } finally {
    writingNow.delete(checklistId);
  }
}

/** A writer on another machine is given this long before its record counts as left by a crash. */
const OTHER_HOST_GRACE_MS = 5 * 60_000;

/** Whether the write is still going on: its process runs (here), or on another machine it began only just now. */
function stillWriting(checklistId: number, pending: FoundPendingWrite, now: string): boolean {
  if (pending.writer === null) return false;
  const at = pending.writer.lastIndexOf(':');
  const [host, pid] = [pending.writer.slice(0, at), Number(pending.writer.slice(at + 1))];
  if (host !== hostname()) return Date.parse(now) - Date.parse(pending.startedAt) < OTHER_HOST_GRACE_MS;
  if (pid === process.pid) return writingNow.has(checklistId);
  return !processIsGone(pid);
}

/** Each card of `parsed`'s identity key, its owners paired as the import pairs them (`topicIds[i]` is entry i's topic). */
export function fileCardKeys(parsed: ParsedChecklist, topicIds: Array<number | null>, sectionKeys: string[]): string[] {
  return cardKeys(parsed.cards.map((card) => ({ owner: fileCardOwner(card, topicIds, sectionKeys), front: card.front })));
}

/**
 * Settles a write a crash interrupted, before `file` is imported: the markers it holds as that write planned them
 * are recorded as prepdeck's (not ticks made by hand), its cards claimed; a write that never reached the file is
 * forgotten. Does nothing when no write is pending, or when the one pending is still being written by a live process.
 */
export async function settleInterruptedWrite(
  ctx: AppContext,
  checklistId: number,
  file: ChecklistFile,
  reading: { topics: TopicsMode | 'auto'; fallbackTitle: string },
): Promise<void> {
  const pending = await findPendingWrite(ctx.store.db, checklistId);
  // A write still in progress (`prepdeck serve` writing while a sync runs here) settles itself.
  if (!pending || stillWriting(checklistId, pending, ctx.now())) return;
  const parsed = parseChecklist(file.text, { fallbackTitle: reading.fallbackTitle, topics: reading.topics });
  const baseline = await loadImportBaseline(ctx.store.db, checklistId);
  const plan = planImport(parsed, baseline.sections, baseline.topics);
  const markerOf = new Map(plan.entries.flatMap((e) => (e.existingId === null ? [] : [[e.existingId, parsed.entries[e.index]!.marker] as const])));
  // Each pending marker differs from the one it replaced, so the file holding it means the write got there.
  const markers = pending.markers.filter((written) => markerOf.get(written.topicId) === written.marker);
  const keys = fileCardKeys(
    parsed,
    plan.entries.map((e) => e.existingId),
    plan.sections.map((section) => section.pathKey),
  );
  const linesOf = new Map(keys.map((key, index) => [key, parsed.cards[index]!.lines]));
  const cards = pending.cards.flatMap((card) => {
    const lines = linesOf.get(card.identityKey);
    return lines ? [{ ...card, lines }] : [];
  });
  await settlePendingWrite(ctx.store.db, checklistId, { markers, cards });
}
