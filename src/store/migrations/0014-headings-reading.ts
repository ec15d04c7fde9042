// A checklist may be read by headings (issue 14): the check on checklists.topics_mode takes 'headings'.
import type { Kysely } from 'kysely';
import { allowValues } from './column-check.js';

const BEFORE = ['all', 'tasks'];
const AFTER = [...BEFORE, 'headings'];

export async function up(db: Kysely<any>): Promise<void> {
  await allowValues(db, 'checklists', 'topics_mode', AFTER, 'all');
}

export async function down(db: Kysely<any>): Promise<void> {
  // An older prepdeck reads such a checklist as an outline until it is imported again.
  await db.updateTable('checklists').set({ topics_mode: 'all' }).where('topics_mode', '=', 'headings').execute();
  await allowValues(db, 'checklists', 'topics_mode', BEFORE, 'all');
}
