// What the review statistics read: the log's review times and ratings, and the cards' due times and schedules.
// Counting happens in SQL wherever the core needs no more than counts, so a large collection stays cheap: the core
// works out the study days (time zones are beyond SQL), each day is one index range count (review_log by checklist
// and time, cards by checklist and due), and only reviewed cards are read one by one, for their predicted recall.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { activeCards, scheduleOfRow } from './cards.js';
import type { MemoryCard, RatingCount, SectionCount } from '../../core/review/stats.js';
import type { FsrsState } from '../../core/review/scheduling.js';
import type { Database } from '../schema.js';

const REVIEWED_STATES: FsrsState[] = ['learning', 'review', 'relearning'];

/** PostgreSQL's count is a bigint, which pg hands over as a string. */
const count = sql<number>`cast(count(*) as integer)`;

/** Instants `[start, end)` to count within; ISO-8601 text, compared as text like every timestamp of the store. */
export interface TimeRange {
  start: string;
  end: string;
}

/** The ranges as a table of one row each (`column1` the start, `column2` the end: VALUES names them so on both databases). */
function rangeTable(ranges: readonly TimeRange[]) {
  const rows = ranges.map((r) => sql`(cast(${r.start} as text), cast(${r.end} as text))`);
  return sql<{ column1: string; column2: string }>`(values ${sql.join(rows)})`.as('ranges');
}

/** Each range's count in the order given; zero for a range whose count came back empty. */
function inOrder(ranges: readonly TimeRange[], rows: Array<{ start: string; count: number | string | null }>): number[] {
  const counts = new Map(rows.map((row) => [row.start, Number(row.count ?? 0)]));
  return ranges.map((r) => counts.get(r.start) ?? 0);
}

/**
 * Reviews in each range (a study day of the heatmap), one index range count per range. Review sessions only: the
 * heatmap shows study, and an interview logged late would otherwise change days already shown.
 */
export async function reviewCounts(db: Kysely<Database>, checklistId: number, ranges: readonly TimeRange[]): Promise<number[]> {
  if (ranges.length === 0) return [];
  const rows = await db
    .selectFrom(rangeTable(ranges))
    .select((eb) => [
      'ranges.column1 as start',
      eb
        .selectFrom('review_log')
        .select(count.as('count'))
        .where('review_log.checklist_id', '=', checklistId)
        .where('review_log.source', '=', 'review')
        .where('review_log.reviewed_at', '>=', sql.ref<string>('ranges.column1'))
        .where('review_log.reviewed_at', '<', sql.ref<string>('ranges.column2'))
        .as('count'),
    ])
    .execute();
  return inOrder(ranges, rows);
}

/** Reviews at or after `since`, counted by the card's state when reviewed and the rating (review sessions only, like the heatmap). */
export async function ratingCounts(db: Kysely<Database>, checklistId: number, since: string): Promise<RatingCount[]> {
  const rows = await db
    .selectFrom('review_log')
    .select(['state', 'rating', count.as('count')])
    .where('checklist_id', '=', checklistId)
    .where('source', '=', 'review')
    .where('reviewed_at', '>=', since)
    .groupBy(['state', 'rating'])
    .execute();
  return rows.map((row) => ({ state: row.state, rating: Number(row.rating), count: Number(row.count) }));
}

export interface DueCounts {
  /** Cards (not new) due before the first range. */
  overdue: number;
  /** Cards (not new) due in each range. */
  perRange: number[];
}

/** What the forecast needs, per study day; new cards are not due, they wait for the daily limit of new cards. */
export async function dueCounts(db: Kysely<Database>, checklistId: number, ranges: readonly TimeRange[]): Promise<DueCounts> {
  if (ranges.length === 0) return { overdue: 0, perRange: [] };
  // Every ISO-8601 text sorts after the empty one: the first range holds all that is overdue.
  const all = [{ start: '', end: ranges[0]!.start }, ...ranges];
  const rows = await db
    .selectFrom(rangeTable(all))
    .select([
      'ranges.column1 as start',
      activeCards(db, checklistId)
        .select(count.as('count'))
        .where('cards.state', 'in', REVIEWED_STATES)
        .where('cards.due', '>=', sql.ref<string>('ranges.column1'))
        .where('cards.due', '<', sql.ref<string>('ranges.column2'))
        .as('count'),
    ])
    .execute();
  const [overdue, ...perRange] = inOrder(all, rows);
  return { overdue: overdue!, perRange };
}

/** Cards never reviewed, per section path key (every study topic has its card from its import on). */
export async function unreviewedCounts(db: Kysely<Database>, checklistId: number): Promise<SectionCount[]> {
  const rows = await activeCards(db, checklistId)
    .where('cards.state', '=', 'new')
    .select(['cards.section_key as sectionKey', count.as('count')])
    .groupBy('cards.section_key')
    .execute();
  return rows.map((row) => ({ sectionKey: row.sectionKey, count: Number(row.count) }));
}

/** The schedules of the cards reviewed at least once, with their section path keys (no question or answer text). */
export async function reviewedCards(db: Kysely<Database>, checklistId: number): Promise<MemoryCard[]> {
  const rows = await activeCards(db, checklistId)
    .where('cards.state', 'in', REVIEWED_STATES)
    .select([
      'cards.id',
      'cards.section_key',
      'cards.due',
      'cards.stability',
      'cards.difficulty',
      'cards.elapsed_days',
      'cards.scheduled_days',
      'cards.reps',
      'cards.lapses',
      'cards.learning_steps',
      'cards.state',
      'cards.last_review',
    ])
    .execute();
  return rows.map((row) => ({ id: row.id, sectionKey: row.section_key, ...scheduleOfRow(row) }));
}
