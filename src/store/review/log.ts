// A checklist's review log as the FSRS optimizer reads it: every review of every card, archived ones included
// (they are still the user's memory), oldest first per card.
import type { Kysely } from 'kysely';
import type { ReviewLogEntry } from '../../core/review/optimizer-items.js';
import type { ReviewRating } from '../../core/review/scheduling.js';
import type { TopicReviewJson } from '../../contract/topics.js';
import type { Database } from '../schema.js';

export async function checklistReviewLog(db: Kysely<Database>, checklistId: number): Promise<ReviewLogEntry[]> {
  const rows = await db
    .selectFrom('review_log')
    .select(['card_id', 'rating', 'reviewed_at', 'state'])
    .where('checklist_id', '=', checklistId)
    // Time order per card (ties by id): interview evidence is written after the reviews that followed the round.
    .orderBy('card_id')
    .orderBy('reviewed_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    cardId: Number(row.card_id),
    rating: Number(row.rating) as ReviewRating,
    reviewedAt: row.reviewed_at,
    state: row.state,
  }));
}

/** The reviews of a topic's topic card, oldest first, with the question and round of an interview's evidence. */
export async function topicCardReviews(db: Kysely<Database>, topicId: number): Promise<TopicReviewJson[]> {
  const rows = await db
    .selectFrom('review_log as l')
    .innerJoin('cards as c', 'c.id', 'l.card_id')
    .leftJoin('questions as q', 'q.id', 'l.question_id')
    .select(['l.reviewed_at', 'l.rating', 'l.source', 'l.question_id', 'q.round_id'])
    .where('c.topic_id', '=', topicId)
    .where('c.kind', '=', 'topic')
    .orderBy('l.reviewed_at')
    .orderBy('l.id')
    .execute();
  return rows.map((row) => ({
    at: row.reviewed_at,
    rating: Number(row.rating),
    source: row.source,
    questionId: row.question_id === null ? null : Number(row.question_id),
    roundId: row.round_id === null ? null : Number(row.round_id),
  }));
}
