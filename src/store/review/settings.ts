// A checklist's review settings: one JSON row per checklist, the defaults when it has none.
import type { Kysely } from 'kysely';
import { readStoredSettings, type ReviewSettings } from '../../core/review/settings.js';
import type { Database } from '../schema.js';

export async function getReviewSettings(db: Kysely<Database>, checklistId: number): Promise<ReviewSettings> {
  const row = await db.selectFrom('review_settings').select('settings').where('checklist_id', '=', checklistId).executeTakeFirst();
  return readStoredSettings(row?.settings);
}

export async function saveReviewSettings(db: Kysely<Database>, checklistId: number, settings: ReviewSettings, now: string): Promise<void> {
  const values = { checklist_id: checklistId, settings: JSON.stringify(settings), updated_at: now };
  await db
    .insertInto('review_settings')
    .values(values)
    .onConflict((oc) => oc.column('checklist_id').doUpdateSet({ settings: values.settings, updated_at: now }))
    .execute();
}
