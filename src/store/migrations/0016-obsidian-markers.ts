// A topic's marker may be Obsidian's `[/]` (started) or `[-]` (cancelled): the check on topics.marker takes them.
import type { Kysely } from 'kysely';
import { allowValues } from './column-check.js';

const BEFORE = ['none', 'open', 'done'];
const AFTER = [...BEFORE, 'started', 'cancelled'];

export async function up(db: Kysely<any>): Promise<void> {
  await allowValues(db, 'topics', 'marker', AFTER, 'none');
}

export async function down(db: Kysely<any>): Promise<void> {
  // An older prepdeck knows such a marker as an open one: the next import sets it from the file again.
  await db.updateTable('topics').set({ marker: 'open' }).where('marker', 'in', ['started', 'cancelled']).execute();
  await allowValues(db, 'topics', 'marker', BEFORE, 'none');
}
