// The journal of a write-back: what prepdeck is about to put into a checklist's file, recorded before the file is
// replaced and settled after, so that a crash in between never lets its own markers pass for ticks made by hand.
import type { Kysely } from 'kysely';
import type { TaskMarker } from '../../core/checklist/model.js';
import { inTransaction } from '../database.js';
import { claimWrittenCards } from '../review/cards.js';
import type { Database } from '../schema.js';
import { recordWrittenMarkers } from './sync.js';

export interface WrittenMarker {
  topicId: number;
  marker: TaskMarker;
}

export interface WrittenCard {
  cardId: number;
  identityKey: string;
  lines: { start: number; end: number };
}

/** What one write puts into the file: only its changes, so each marker differs from the one it replaces. */
export interface PendingWrite {
  markers: WrittenMarker[];
  cards: WrittenCard[];
}

/** A pending write as found: what it writes, who writes it (`host:pid`, null if unknown) and since when. */
export interface FoundPendingWrite extends PendingWrite {
  writer: string | null;
  startedAt: string;
}

/** Records the write about to replace the checklist's file (one per checklist: a newer one replaces it). */
export async function recordPendingWrite(db: Kysely<Database>, checklistId: number, write: PendingWrite, now: string, writer: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('pending_writes').where('checklist_id', '=', checklistId).execute();
    await trx
      .insertInto('pending_writes')
      .values({ checklist_id: checklistId, markers: JSON.stringify(write.markers), cards: JSON.stringify(write.cards), started_at: now, writer })
      .execute();
  });
}

/** The write recorded and not settled yet, if any: in progress, or left by a crash. */
export async function findPendingWrite(db: Kysely<Database>, checklistId: number): Promise<FoundPendingWrite | null> {
  const row = await db
    .selectFrom('pending_writes')
    .select(['markers', 'cards', 'writer', 'started_at'])
    .where('checklist_id', '=', checklistId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    markers: JSON.parse(row.markers) as WrittenMarker[],
    cards: JSON.parse(row.cards) as WrittenCard[],
    writer: row.writer,
    startedAt: row.started_at,
  };
}

/** Takes `written` (the part of the pending write the file holds) as prepdeck's own, and closes the journal, at once. */
export async function settlePendingWrite(db: Kysely<Database>, checklistId: number, written: PendingWrite): Promise<void> {
  await inTransaction(db, async (trx) => {
    await recordWrittenMarkers(trx, checklistId, written.markers);
    await claimWrittenCards(trx, written.cards);
    await trx.deleteFrom('pending_writes').where('checklist_id', '=', checklistId).execute();
  });
}

/** Closes the journal of a write that did not replace the file. */
export async function dropPendingWrite(db: Kysely<Database>, checklistId: number): Promise<void> {
  // In a transaction like every write: a busy database is waited out without blocking, then a ConflictError.
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('pending_writes').where('checklist_id', '=', checklistId).execute();
  });
}
