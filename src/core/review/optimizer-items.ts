// What the FSRS optimizer trains on, made from a checklist's review log: for every review a study day or more after
// the card's previous one, the card's history up to and including it, the days between reviews counted in study days
// (the user's time zone and "next day starts at" hour), as Anki and the optimizer's own CSV reader count them.
// Pure: the rows, the time zone and the day start come in; plain data goes out.
import type { FsrsState, ReviewRating } from './scheduling.js';
import { daysBetween } from '../dates.js';
import { studyDateOf } from './study-day.js';

/** One row of the review log, as the optimizer needs it. */
export interface ReviewLogEntry {
  cardId: number;
  rating: ReviewRating;
  /** ISO-8601. */
  reviewedAt: string;
  /** The card's state when it was reviewed: `new` marks where its history starts. */
  state: FsrsState;
}

/** A review as the optimizer sees it: the rating and the study days since the card's previous review (0 for the first). */
export interface TrainingReview {
  rating: ReviewRating;
  deltaT: number;
}

/**
 * One training example: the card's reviews up to one that came a day or more after the previous one. The optimizer
 * learns whether that last review was remembered (any rating but Again) from the ones before it.
 */
export interface TrainingItem {
  cardId: number;
  reviews: TrainingReview[];
}

export interface TrainingSet {
  /** Rows in the log. */
  reviews: number;
  /** Every review a day or more after the card's previous one, in the order they happened (the optimizer weighs recent ones more). */
  items: TrainingItem[];
  /** How many of `items` the optimizer keeps: see `usableItems`. */
  usable: number;
  /** True when the optimizer fits every parameter to this log: MIN_TRAINING_ITEMS usable, some past a first interval. */
  enough: boolean;
  /** How many more usable items that takes (0 when enough). */
  needed: number;
}

/**
 * The optimizer (fsrs-rs 6.5, in @open-spaced-repetition/binding 0.5) returns the default parameters with fewer than 8
 * usable items, and fits only the four initial stabilities with fewer than 64 (or when every item is a card's first
 * interval). We ask for what a full fit takes and no more: below it, the result would be the defaults, or the defaults
 * with new initial stabilities, which `prepdeck optimize` should not present as parameters fitted to the user.
 */
export const MIN_TRAINING_ITEMS = 64;

// The optimizer's outlier rule for first intervals (fsrs-rs dataset.rs#filter_outlier), per rating of the first review:
// the rarest intervals are set aside until at least 20 items (or 5% of the group) are; of the rest, an interval is kept
// when at least 6 cards share it and it is at most 100 days (365 after Easy).
const OUTLIER_MIN_SET_ASIDE = 20;
const OUTLIER_SHARE_DIVISOR = 20;
const OUTLIER_MIN_GROUP = 6;
const OUTLIER_MAX_FIRST_INTERVAL = 100;
const OUTLIER_MAX_FIRST_INTERVAL_EASY = 365;

function longTermReviews(item: TrainingItem): number {
  return item.reviews.filter((r) => r.deltaT > 0).length;
}

/** The card's first rating and the length of its first interval of a day or more: what the outlier rule groups by. */
function firstIntervalKey(item: TrainingItem): string {
  const first = item.reviews.find((r) => r.deltaT > 0);
  return `${item.reviews[0]!.rating}:${first?.deltaT ?? 0}`;
}

/**
 * The items the optimizer trains on: those of a card's first interval (exactly one review a day or more after the
 * previous) whose (first rating, interval) is not set aside by its outlier rule, and every later item of a card
 * whose first interval was kept. `firstIntervals` is how many of them are first intervals.
 */
export function usableItems(items: readonly TrainingItem[]): { items: TrainingItem[]; firstIntervals: number } {
  const groups = new Map<ReviewRating, Map<number, TrainingItem[]>>();
  for (const item of items) {
    if (longTermReviews(item) !== 1) continue;
    const rating = item.reviews[0]!.rating;
    const deltaT = item.reviews.at(-1)!.deltaT;
    let byInterval = groups.get(rating);
    if (!byInterval) groups.set(rating, (byInterval = new Map<number, TrainingItem[]>()));
    const group = byInterval.get(deltaT);
    if (group) group.push(item);
    else byInterval.set(deltaT, [item]);
  }
  const setAside = new Set<string>();
  const kept = new Set<TrainingItem>();
  for (const [rating, byInterval] of groups) {
    // Rarest first; among equally rare, the shorter interval first (the reverse of fsrs-rs's sort).
    const subgroups = [...byInterval].sort(([deltaA, a], [deltaB, b]) => a.length - b.length || deltaA - deltaB);
    const total = subgroups.reduce((sum, [, group]) => sum + group.length, 0);
    const toSetAside = Math.max(OUTLIER_MIN_SET_ASIDE, Math.floor(total / OUTLIER_SHARE_DIVISOR));
    const maxInterval = rating === 4 ? OUTLIER_MAX_FIRST_INTERVAL_EASY : OUTLIER_MAX_FIRST_INTERVAL;
    let setAsideCount = 0;
    for (const [deltaT, group] of subgroups) {
      if (setAsideCount + group.length >= toSetAside && group.length >= OUTLIER_MIN_GROUP && deltaT <= maxInterval) {
        for (const item of group) kept.add(item);
      } else {
        if (setAsideCount + group.length < toSetAside) setAsideCount += group.length;
        setAside.add(`${rating}:${deltaT}`);
      }
    }
  }
  const usable = items.filter((item) => (longTermReviews(item) === 1 ? kept.has(item) : !setAside.has(firstIntervalKey(item))));
  return { items: usable, firstIntervals: kept.size };
}

/**
 * The training items of a review log. Each card's history starts at its last review as a new card (earlier rows, if
 * any, belong to a history that was reset); a card with no such row is left out, as its start is unknown. Reviews on
 * the same study day as the previous one stay in the history (deltaT 0, the short-term memory FSRS-6 models) but are
 * never a training item themselves, and neither is a card's first review.
 */
export function trainingItems(log: readonly ReviewLogEntry[], timeZone: string, dayStartsAt: number): TrainingSet {
  const byCard = new Map<number, ReviewLogEntry[]>();
  for (const entry of log) {
    const rows = byCard.get(entry.cardId);
    if (rows) rows.push(entry);
    else byCard.set(entry.cardId, [entry]);
  }
  const labelled: Array<{ item: TrainingItem; at: number }> = [];
  for (const [cardId, rows] of byCard) {
    // Stable: rows of the same instant keep the log's order.
    const ordered = rows.map((row, index) => ({ row, index, at: Date.parse(row.reviewedAt) })).sort((a, b) => a.at - b.at || a.index - b.index);
    let start = ordered.length - 1;
    while (start >= 0 && ordered[start]!.row.state !== 'new') start--;
    if (start < 0) continue;
    const reviews: TrainingReview[] = [];
    let previousDate: string | null = null;
    for (const { row, at } of ordered.slice(start)) {
      const date = studyDateOf(at, timeZone, dayStartsAt);
      const deltaT = previousDate === null ? 0 : Math.max(0, daysBetween(previousDate, date));
      previousDate = date;
      reviews.push({ rating: row.rating, deltaT });
      if (reviews.length > 1 && deltaT > 0) labelled.push({ item: { cardId, reviews: [...reviews] }, at });
    }
  }
  labelled.sort((a, b) => a.at - b.at || a.item.cardId - b.item.cardId);
  const items = labelled.map((l) => l.item);
  const usable = usableItems(items);
  const pastFirstInterval = usable.items.length > usable.firstIntervals;
  const needed = Math.max(MIN_TRAINING_ITEMS - usable.items.length, pastFirstInterval ? 0 : 1, 0);
  return { reviews: log.length, items, usable: usable.items.length, enough: needed === 0, needed };
}
