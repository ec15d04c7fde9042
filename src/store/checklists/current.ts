// The checklist the CLI works on when none is named: the one last imported or chosen (`prepdeck use NAME`).
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

const CURRENT_CHECKLIST = 'current_checklist';

/** The current checklist's name as saved; it may name a checklist removed since. */
export async function readCurrentChecklist(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom('preferences').select('value').where('key', '=', CURRENT_CHECKLIST).executeTakeFirst();
  return row?.value ?? null;
}

export async function saveCurrentChecklist(db: Kysely<Database>, name: string, now: string): Promise<void> {
  await db
    .insertInto('preferences')
    .values({ key: CURRENT_CHECKLIST, value: name, updated_at: now })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: name, updated_at: now }))
    .execute();
}
