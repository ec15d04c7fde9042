// Each day's plan as first made that day: today's list stays put while one studies it, and a later day reads what
// was planned to say how far behind one fell. A change of targets or availability makes today's again, unless it is
// finished (app/plan/today.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface PlannedItemRecord {
  cardId: number;
  action: 'new' | 'review';
  minutes: number;
  why: string;
}

export interface PlanDayRecord {
  date: string;
  items: PlannedItemRecord[];
  /** Minutes planned on each day from this one on, by date. */
  minutes: Record<string, number>;
  /** Each target's predicted readiness on its day, by target id. */
  readiness: Record<string, number>;
  madeAt: string;
}

function toRecord(row: { date: string; items: string; minutes: string; readiness: string; made_at: string }): PlanDayRecord {
  return {
    date: row.date,
    items: JSON.parse(row.items) as PlannedItemRecord[],
    minutes: JSON.parse(row.minutes) as Record<string, number>,
    readiness: JSON.parse(row.readiness) as Record<string, number>,
    madeAt: row.made_at,
  };
}

/** The plans of days from `since` on, oldest first. */
export async function readPlanDays(db: Kysely<Database>, checklistId: number, since: string): Promise<PlanDayRecord[]> {
  const rows = await db
    .selectFrom('plan_days')
    .selectAll()
    .where('checklist_id', '=', checklistId)
    .where('date', '>=', since)
    .orderBy('date')
    .execute();
  return rows.map(toRecord);
}

/** The plan kept for one day, if one was made that day. */
export async function readPlanDay(db: Kysely<Database>, checklistId: number, date: string): Promise<PlanDayRecord | null> {
  const row = await db.selectFrom('plan_days').selectAll().where('checklist_id', '=', checklistId).where('date', '=', date).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function putPlanDay(db: Kysely<Database>, checklistId: number, day: PlanDayRecord): Promise<void> {
  const values = {
    items: JSON.stringify(day.items),
    minutes: JSON.stringify(day.minutes),
    readiness: JSON.stringify(day.readiness),
    made_at: day.madeAt,
  };
  await db
    .insertInto('plan_days')
    .values({ checklist_id: checklistId, date: day.date, ...values })
    .onConflict((oc) => oc.columns(['checklist_id', 'date']).doUpdateSet(values))
    .execute();
}

/** Today's list is made again at the next look (targets, availability or costs changed). */
export async function forgetPlanDay(db: Kysely<Database>, checklistId: number, date: string): Promise<void> {
  await db.deleteFrom('plan_days').where('checklist_id', '=', checklistId).where('date', '=', date).execute();
}
