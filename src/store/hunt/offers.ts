// Offers: at most one per application.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, OfferTable } from '../schema.js';
import { HUNT_ID } from './hunt.js';

export type OfferRow = Selectable<OfferTable>;

export async function offerOf(db: Kysely<Database>, applicationId: number): Promise<OfferRow | null> {
  return (await db.selectFrom('offers').selectAll().where('application_id', '=', applicationId).executeTakeFirst()) ?? null;
}

/** The offers of the active applications with their company, role and stage, in application order. */
export function activeOffers(db: Kysely<Database>): Promise<Array<OfferRow & { company: string; role: string; stage: string }>> {
  return db
    .selectFrom('offers as o')
    .innerJoin('applications as a', 'a.id', 'o.application_id')
    .selectAll('o')
    .select(['a.company', 'a.role', 'a.stage'])
    .where('a.hunt_id', '=', HUNT_ID)
    .where('a.archived_at', 'is', null)
    .orderBy('o.application_id')
    .execute();
}

/** The whole offer, replacing the one before. */
export async function putOfferRow(db: Kysely<Database>, applicationId: number, offer: Omit<Insertable<OfferTable>, 'application_id'>): Promise<void> {
  await db
    .insertInto('offers')
    .values({ ...offer, application_id: applicationId })
    .onConflict((conflict) => conflict.column('application_id').doUpdateSet(offer))
    .execute();
}

export async function deleteOfferRow(db: Kysely<Database>, applicationId: number): Promise<void> {
  await db.deleteFrom('offers').where('application_id', '=', applicationId).execute();
}
