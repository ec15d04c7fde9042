// The hunt's own row and its stages.
import type { Kysely } from 'kysely';
import type { Stage } from '../../core/hunt/stages.js';
import type { Database } from '../schema.js';

/** The one hunt every store has (migration 0007) until accounts add one per user. */
export const HUNT_ID = 1;

export interface HuntRecord {
  /** Null: the zone of the machine prepdeck runs on. */
  timeZone: string | null;
  /** In board order. */
  stages: Stage[];
}

export async function readHunt(db: Kysely<Database>): Promise<HuntRecord> {
  const hunt = await db.selectFrom('hunts').select('time_zone').where('id', '=', HUNT_ID).executeTakeFirstOrThrow();
  return { timeZone: hunt.time_zone, stages: await readStages(db) };
}

export async function readStages(db: Kysely<Database>): Promise<Stage[]> {
  const rows = await db
    .selectFrom('hunt_stages')
    .select(['key', 'label', 'outcome'])
    .where('hunt_id', '=', HUNT_ID)
    .orderBy('position')
    .orderBy('key')
    .execute();
  return rows.map((row) => ({ key: row.key, label: row.label, outcome: row.outcome === 1 }));
}

export async function setTimeZone(db: Kysely<Database>, timeZone: string): Promise<void> {
  await db.updateTable('hunts').set({ time_zone: timeZone }).where('id', '=', HUNT_ID).execute();
}

/** Writes `stages` as the hunt's list, in this order: new keys are added, kept ones relabelled and renumbered. */
export async function writeStages(db: Kysely<Database>, stages: readonly Stage[]): Promise<void> {
  const stored = new Map((await readStagesWithPosition(db)).map((row) => [row.key, row]));
  for (const [position, stage] of stages.entries()) {
    const before = stored.get(stage.key);
    const outcome = stage.outcome ? 1 : 0;
    if (!before) {
      await db.insertInto('hunt_stages').values({ hunt_id: HUNT_ID, key: stage.key, label: stage.label, outcome, position }).execute();
    } else if (before.label !== stage.label || before.position !== position || before.outcome !== outcome) {
      await db
        .updateTable('hunt_stages')
        .set({ label: stage.label, outcome, position })
        .where('hunt_id', '=', HUNT_ID)
        .where('key', '=', stage.key)
        .execute();
    }
  }
}

function readStagesWithPosition(db: Kysely<Database>) {
  return db.selectFrom('hunt_stages').select(['key', 'label', 'outcome', 'position']).where('hunt_id', '=', HUNT_ID).execute();
}
