// A checklist's review log as the FSRS optimizer reads it: every review of every card, archived ones included
// (they are still the user's memory), oldest first per card.
import type { Kysely } from 'kysely';
import type { ReviewLogEntry } from '../../core/review/optimizer-items.js';
import type { ReviewRating } from '../../core/review/scheduling.js';
import type { Database } from '../schema.js';

export async function checklistReviewLog(db: Kysely<Database>, checklistId: number): Promise<ReviewLogEntry[]> {
  const rows = await db
    .selectFrom('review_log')
    .select(['card_id', 'rating', 'reviewed_at', 'state'])
    .where('checklist_id', '=', checklistId)
    .orderBy('card_id')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    cardId: Number(row.card_id),
    rating: Number(row.rating) as ReviewRating,
    reviewedAt: row.reviewed_at,
    state: row.state,
  }));
}
