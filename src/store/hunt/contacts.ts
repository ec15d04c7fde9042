// An application's contacts.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { ContactTable, Database } from '../schema.js';

export type ContactRow = Selectable<ContactTable>;

export function contactsOf(db: Kysely<Database>, applicationId: number): Promise<ContactRow[]> {
  return db.selectFrom('contacts').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
}

export async function contactById(db: Kysely<Database>, id: number): Promise<ContactRow | null> {
  return (await db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function insertContact(db: Kysely<Database>, values: Omit<Insertable<ContactTable>, 'id'>): Promise<void> {
  await db.insertInto('contacts').values(values).execute();
}

export async function changeContact(
  db: Kysely<Database>,
  id: number,
  change: Omit<Updateable<ContactTable>, 'id' | 'application_id'>,
): Promise<void> {
  if (Object.keys(change).length > 0) await db.updateTable('contacts').set(change).where('id', '=', id).execute();
}

export async function deleteContactRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}
