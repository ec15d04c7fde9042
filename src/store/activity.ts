// What the user did and when: per-day counts for the activity heatmap, and a checklist's revision.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { EventType } from '../core/model.js';
import { cannotBeAName } from './checklists.js';
import type { Database } from './schema.js';

/** Changes the user makes; imports (created, renamed, moved ...) are the file's doing, not study. */
export const USER_ACTIVITY: EventType[] = ['state', 'confidence', 'notes'];

export interface ActivityDay {
  /** YYYY-MM-DD, UTC. */
  date: string;
  count: number;
}

/** User changes per UTC day since `sinceIso`, oldest first. Event times are ISO strings, so a day is their first 10 characters. */
export async function activityByDay(db: Kysely<Database>, checklistId: number, sinceIso: string): Promise<ActivityDay[]> {
  const day = sql<string>`substr(${sql.ref('at')}, 1, 10)`;
  const rows = await db
    .selectFrom('events')
    .select(day.as('date'))
    // PostgreSQL's count is a bigint, which pg hands over as a string.
    .select(sql<number>`cast(count(*) as integer)`.as('count'))
    .where('checklist_id', '=', checklistId)
    .where('type', 'in', USER_ACTIVITY)
    .where('at', '>=', sinceIso)
    .groupBy(day)
    .orderBy(day)
    .execute();
  return rows;
}

/**
 * Changes whenever anything shown of the checklist may have: a re-import (imported_at) or any change to a
 * topic (every one appends an event). Cheap enough to ask on every request, so caches never go stale,
 * even when another process (the CLI) writes to the same database.
 */
export async function checklistRevision(db: Kysely<Database>, name: string): Promise<string | null> {
  if (cannotBeAName(name)) return null;
  const row = await db
    .selectFrom('checklists as c')
    .select(['c.id', 'c.imported_at'])
    .select((eb) => eb.selectFrom('events as e').select((e) => e.fn.max('e.id').as('m')).whereRef('e.checklist_id', '=', 'c.id').as('lastEvent'))
    .where('c.name', '=', name)
    .executeTakeFirst();
  return row ? `${row.id}.${row.lastEvent ?? 0}.${row.imported_at}` : null;
}
