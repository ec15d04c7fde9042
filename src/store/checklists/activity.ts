// What the user did and when: per-day counts for the activity heatmap, and a checklist's revision.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { EventType } from '../../core/checklist/model.js';
import { cannotBeAName } from './checklists.js';
import type { Database } from '../schema.js';

/** Changes the user makes; imports (created, renamed, moved ...) are the file's doing, not study. */
const USER_ACTIVITY: EventType[] = ['state', 'confidence', 'notes'];

export interface ActivityMinute {
  /** The minute's first instant, ISO-8601 in UTC. */
  at: string;
  count: number;
}

/**
 * User changes per UTC minute since `sinceIso`, oldest first: few rows however many changes, and fine enough for
 * the caller to put each in the study day of any time zone (some are half or three quarters of an hour off UTC).
 */
export async function activityByMinute(db: Kysely<Database>, checklistId: number, sinceIso: string): Promise<ActivityMinute[]> {
  // Event times are ISO strings, so a minute is their first 16 characters.
  const minute = sql<string>`substr(${sql.ref('at')}, 1, 16)`;
  const rows = await db
    .selectFrom('events')
    .select(minute.as('minute'))
    // PostgreSQL's count is a bigint, which pg hands over as a string.
    .select(sql<number>`cast(count(*) as integer)`.as('count'))
    .where('checklist_id', '=', checklistId)
    .where('type', 'in', USER_ACTIVITY)
    .where('at', '>=', sinceIso)
    .groupBy(minute)
    .orderBy(minute)
    .execute();
  return rows.map((row) => ({ at: `${row.minute}:00.000Z`, count: Number(row.count) }));
}

/**
 * Changes whenever anything shown of the checklist may have: a re-import (imported_at) or any change to a
 * topic (every one appends an event), or a topic removed (its events go with it, so it is counted). Cheap enough to ask on every request, so caches never go stale,
 * even when another process (the CLI) writes to the same database.
 */
export async function checklistRevision(db: Kysely<Database>, name: string): Promise<string | null> {
  if (cannotBeAName(name)) return null;
  const row = await db
    .selectFrom('checklists as c')
    .select(['c.id', 'c.imported_at', 'c.topics_removed'])
    .select((eb) =>
      eb
        .selectFrom('events as e')
        .select((e) => e.fn.max('e.id').as('m'))
        .whereRef('e.checklist_id', '=', 'c.id')
        .as('lastEvent'),
    )
    .where('c.name', '=', name)
    .executeTakeFirst();
  return row ? `${row.id}.${row.lastEvent ?? 0}.${row.topics_removed}.${row.imported_at}` : null;
}
