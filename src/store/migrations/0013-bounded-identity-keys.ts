// Topics' identity keys of bounded size: a key longer than 400 characters keeps its first 400 and a hash of the
// whole (core/import/identity.ts), instead of every ancestor's text in full. Stored keys of the old form are
// bounded by the same rule, so that the next import recognises every topic as before.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Written out, not imported: a migration must stay what it was when it ran (core/import/identity.ts#boundedKey).
const MAX = 400;
const PRIME = 0x01000193;

function bounded(raw: string): string {
  if (raw.length <= MAX) return raw;
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, PRIME);
    h2 = Math.imul(h2 ^ c, PRIME) ^ (h2 >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${raw.slice(0, MAX)}…${hex(h1)}${hex(h2)}`;
}

/** A repeat's `#2` (numbered after bounding) stays at the end. */
function boundedStored(key: string): string {
  const repeat = /^(.*)(#\d+)$/su.exec(key);
  return repeat && repeat[1]!.length > MAX ? bounded(repeat[1]!) + repeat[2]! : bounded(key);
}

export async function up(db: Kysely<any>): Promise<void> {
  const long = await db
    .selectFrom('topics')
    .select(['id', 'identity_key'])
    // Characters there, UTF-16 units here: half the limit finds every key that may be over it.
    .where(sql<number>`length(identity_key)`, '>', MAX / 2)
    .execute();
  for (const row of long as Array<{ id: number; identity_key: string }>) {
    await db
      .updateTable('topics')
      .set({ identity_key: boundedStored(row.identity_key) })
      .where('id', '=', row.id)
      .execute();
  }
}

// The whole keys cannot be had back from their hashes; the next import after a downgrade matches those topics by
// their text instead (as renamed or moved), keeping their progress.
export async function down(): Promise<void> {}
