// A checklist's study availability and time costs, and the review log's timed answers the costs are read from.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface PlanSettingsRecord {
  minutesPerDay: number;
  weekdays: string[];
  daysOff: string[];
  learnTopicMinutes: number | null;
  reviewTopicSeconds: number | null;
  reviewQaSeconds: number | null;
}

/**
 * A stored cost, or null (the log's median or the default). A value no cost can be (the '' an earlier `plan set
 * --review-seconds default` stored, 0) reads as null: the plan keeps working, and the user's own figure was no figure.
 */
const orNull = (value: unknown) => {
  const n = value === null || value === undefined || value === '' ? NaN : Number(value);
  return Number.isFinite(n) && n > 0 ? n : null;
};

/** Null until the user sets something. */
export async function readPlanSettings(db: Kysely<Database>, checklistId: number): Promise<PlanSettingsRecord | null> {
  const row = await db.selectFrom('plan_settings').selectAll().where('checklist_id', '=', checklistId).executeTakeFirst();
  if (!row) return null;
  return {
    minutesPerDay: Number(row.minutes_per_day),
    weekdays: row.weekdays.split(',').filter(Boolean),
    daysOff: JSON.parse(row.days_off) as string[],
    learnTopicMinutes: orNull(row.learn_topic_minutes),
    reviewTopicSeconds: orNull(row.review_topic_seconds),
    reviewQaSeconds: orNull(row.review_qa_seconds),
  };
}

export async function savePlanSettings(db: Kysely<Database>, checklistId: number, settings: PlanSettingsRecord, now: string): Promise<void> {
  const values = {
    minutes_per_day: settings.minutesPerDay,
    weekdays: settings.weekdays.join(','),
    days_off: JSON.stringify(settings.daysOff),
    learn_topic_minutes: settings.learnTopicMinutes,
    review_topic_seconds: settings.reviewTopicSeconds,
    review_qa_seconds: settings.reviewQaSeconds,
    updated_at: now,
  };
  await db
    .insertInto('plan_settings')
    .values({ checklist_id: checklistId, ...values })
    .onConflict((oc) => oc.column('checklist_id').doUpdateSet(values))
    .execute();
}

export interface SectionCostRecord {
  key: string;
  path: string[];
  learnTopicMinutes: number;
}

export async function readSectionCosts(db: Kysely<Database>, checklistId: number): Promise<SectionCostRecord[]> {
  const rows = await db.selectFrom('plan_section_costs').selectAll().where('checklist_id', '=', checklistId).orderBy('section_key').execute();
  return rows.map((row) => ({ key: row.section_key, path: JSON.parse(row.path) as string[], learnTopicMinutes: Number(row.learn_topic_minutes) }));
}

/** Sets a section's own minutes, or (null) removes them. */
export async function putSectionCost(
  db: Kysely<Database>,
  checklistId: number,
  key: string,
  path: readonly string[],
  minutes: number | null,
): Promise<void> {
  if (minutes === null) {
    await db.deleteFrom('plan_section_costs').where('checklist_id', '=', checklistId).where('section_key', '=', key).execute();
    return;
  }
  await db
    .insertInto('plan_section_costs')
    .values({ checklist_id: checklistId, section_key: key, path: JSON.stringify(path), learn_topic_minutes: minutes })
    .onConflict((oc) => oc.columns(['checklist_id', 'section_key']).doUpdateSet({ path: JSON.stringify(path), learn_topic_minutes: minutes }))
    .execute();
}

/** Timed review answers (not interview evidence) of the checklist's cards, by card kind: what the review costs are read from. */
export async function timedAnswers(db: Kysely<Database>, checklistId: number): Promise<{ topic: number[]; qa: number[] }> {
  const rows = await db
    .selectFrom('review_log as l')
    .innerJoin('cards as c', 'c.id', 'l.card_id')
    .select(['c.kind', 'l.duration_ms'])
    .where('l.checklist_id', '=', checklistId)
    .where('l.source', '=', 'review')
    .where('l.duration_ms', 'is not', null)
    .orderBy('l.id', 'desc')
    .limit(2000)
    .execute();
  const topic: number[] = [];
  const qa: number[] = [];
  for (const row of rows) (row.kind === 'qa' ? qa : topic).push(Number(row.duration_ms));
  return { topic, qa };
}

/** Each study answer's time and duration since `since`, for the minutes done per day. */
export async function studiedSince(
  db: Kysely<Database>,
  checklistId: number,
  since: string,
): Promise<Array<{ cardId: number; at: string; durationMs: number | null }>> {
  const rows = await db
    .selectFrom('review_log')
    .select(['card_id', 'reviewed_at', 'duration_ms'])
    .where('checklist_id', '=', checklistId)
    .where('source', '=', 'review')
    .where('reviewed_at', '>=', since)
    .orderBy('reviewed_at')
    .execute();
  return rows.map((row) => ({
    cardId: Number(row.card_id),
    at: row.reviewed_at,
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
  }));
}
