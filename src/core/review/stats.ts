// Review statistics from plain rows: reviews per study day (the heatmap), the due forecast, true retention from
// the log, and predicted recall now per section. Pure: the rows, the time and the scheduler are passed in.
import type { DayCountJson, ReviewStatsJson, SectionMemoryJson } from '../../contract/review.js';
import type { Section } from '../checklist/model.js';
import { retrievability, type FsrsState, type SchedulableCard, type Scheduler } from './scheduling.js';
import { addDays, studyDayOn, type StudyDay } from './study-day.js';

/** Study days before today that the heatmap shows (today too: a year and a day). */
const HEATMAP_DAYS = 365;
/** Study days of the forecast, today first. */
const FORECAST_DAYS = 30;
/** Study days of the log that true retention reads, today included. */
const RETENTION_DAYS = 30;

/** Where study days fall: the time zone and the hour a day begins. */
export interface StudyCalendar {
  timeZone: string;
  dayStartsAt: number;
}

/** `count` consecutive study days from the one named `first`; each ends where the next begins. */
export function studyDays(first: string, count: number, calendar: StudyCalendar): StudyDay[] {
  return Array.from({ length: count }, (_, i) => studyDayOn(addDays(first, i), calendar.timeZone, calendar.dayStartsAt));
}

/** The study days the statistics count in, worked out here so that the store only counts between instants. */
export interface StatsWindows {
  /** The heatmap's days, a year ago to today. */
  heatmap: StudyDay[];
  /** The forecast's days, today first. */
  forecast: StudyDay[];
  /** Reviews at or after this count towards true retention. */
  retentionSince: string;
}

export function statsWindows(today: StudyDay, calendar: StudyCalendar): StatsWindows {
  return {
    heatmap: studyDays(addDays(today.date, -HEATMAP_DAYS), HEATMAP_DAYS + 1, calendar),
    forecast: studyDays(today.date, FORECAST_DAYS, calendar),
    retentionSince: studyDayOn(addDays(today.date, -(RETENTION_DAYS - 1)), calendar.timeZone, calendar.dayStartsAt).start,
  };
}

/** Reviews per study day, given the count of each day: days with reviews only, oldest first. */
export function reviewsByDay(days: readonly StudyDay[], counts: readonly number[]): DayCountJson[] {
  return days.map((day, i) => ({ date: day.date, count: counts[i] ?? 0 })).filter((day) => day.count > 0);
}

/** Cards coming due on each of the forecast's days (every day listed); the cards due before the first are counted on it. */
export function dueForecast(days: readonly StudyDay[], counts: readonly number[], overdue: number): DayCountJson[] {
  return days.map((day, i) => ({ date: day.date, count: (counts[i] ?? 0) + (i === 0 ? overdue : 0) }));
}

/** The log's reviews counted by the card's state when it was reviewed and the rating. */
export interface RatingCount {
  state: FsrsState;
  rating: number;
  count: number;
}

/**
 * True retention: of the reviews of cards in review state (learning steps say nothing of memory over days), the share
 * answered Hard, Good or Easy; null when there were none.
 */
export function trueRetention(rows: readonly RatingCount[], days: number = RETENTION_DAYS): ReviewStatsJson['trueRetention'] {
  let reviews = 0;
  let passed = 0;
  for (const row of rows) {
    if (row.state !== 'review') continue;
    reviews += row.count;
    if (row.rating >= 2) passed += row.count;
  }
  return { days, reviews, passed, rate: reviews > 0 ? passed / reviews : null };
}

/** A card that has been reviewed: its schedule and the section path key it stands in. */
export interface MemoryCard extends SchedulableCard {
  sectionKey: string;
}

export interface SectionCount {
  sectionKey: string;
  count: number;
}

export interface MemoryInput {
  sections: ReadonlyArray<Pick<Section, 'id' | 'parentId' | 'pathKey' | 'text' | 'position'>>;
  /** Cards never reviewed, per section path key. */
  unreviewed: readonly SectionCount[];
  /** Cards reviewed at least once (not in state `new`). */
  reviewed: readonly MemoryCard[];
  now: string;
  scheduler?: Scheduler;
}

export interface Memory {
  overall: ReviewStatsJson['overall'];
  /** Every section but the root, depth first in file order, as the dashboard lists them. */
  sections: SectionMemoryJson[];
}

interface Tally {
  reviewed: number;
  cards: number;
  recall: number;
}

const emptyTally = (): Tally => ({ reviewed: 0, cards: 0, recall: 0 });

function add(into: Tally, from: Tally): void {
  into.reviewed += from.reviewed;
  into.cards += from.cards;
  into.recall += from.recall;
}

const mean = (tally: Tally): number | null => (tally.reviewed > 0 ? tally.recall / tally.reviewed : null);

/**
 * Predicted recall now, overall and per section: a card counts in its own section (the one whose path key it holds)
 * and in every section above it. A card whose section is gone counts overall only.
 */
export function sectionMemory(input: MemoryInput): Memory {
  const own = new Map<string, Tally>();
  const overall = emptyTally();
  const tallyOf = (key: string) => {
    let tally = own.get(key);
    if (!tally) own.set(key, (tally = emptyTally()));
    return tally;
  };
  for (const { sectionKey, count } of input.unreviewed) {
    tallyOf(sectionKey).cards += count;
    overall.cards += count;
  }
  for (const card of input.reviewed) {
    const recall = retrievability(card, input.now, input.scheduler);
    const tally = tallyOf(card.sectionKey);
    tally.reviewed += 1;
    tally.cards += 1;
    tally.recall += recall;
    add(overall, { reviewed: 1, cards: 1, recall });
  }

  const children = new Map<number | null, Array<MemoryInput['sections'][number]>>();
  for (const section of input.sections) {
    const siblings = children.get(section.parentId);
    if (siblings) siblings.push(section);
    else children.set(section.parentId, [section]);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => a.position - b.position);

  const sections: SectionMemoryJson[] = [];
  // Depth first: a section's line is placed before its subsections' and filled in once they are summed.
  const visit = (section: MemoryInput['sections'][number], depth: number): Tally => {
    const total = emptyTally();
    add(total, own.get(section.pathKey) ?? emptyTally());
    const line: SectionMemoryJson = { id: section.id, text: section.text, depth, reviewed: 0, cards: 0, retrievability: null };
    if (depth > 0) sections.push(line);
    for (const child of children.get(section.id) ?? []) add(total, visit(child, depth + 1));
    line.reviewed = total.reviewed;
    line.cards = total.cards;
    line.retrievability = mean(total);
    return total;
  };
  for (const root of children.get(null) ?? []) visit(root, 0);

  return { overall: { reviewed: overall.reviewed, cards: overall.cards, retrievability: mean(overall) }, sections };
}

export interface ReviewStatsInput extends MemoryInput {
  checklist: string;
  windows: StatsWindows;
  /** Reviews on each of the heatmap's days. */
  reviewCounts: readonly number[];
  /** Cards (not new) coming due on each of the forecast's days, and how many are due before its first. */
  dueCounts: readonly number[];
  overdue: number;
  /** The log since the retention window opens. */
  ratings: readonly RatingCount[];
}

export function computeReviewStats(input: ReviewStatsInput): ReviewStatsJson {
  const memory = sectionMemory(input);
  return {
    checklist: input.checklist,
    reviewsByDay: reviewsByDay(input.windows.heatmap, input.reviewCounts),
    forecast: dueForecast(input.windows.forecast, input.dueCounts, input.overdue),
    trueRetention: trueRetention(input.ratings),
    overall: memory.overall,
    sections: memory.sections,
  };
}
