// Spaced repetition as the UI words it: rating names, queue kinds, sections to scope a session to, durations (dates and
// times: dates.ts).
import type { SectionProgressJson } from '../../../src/contract/checklists.js';
import type { CardJson, ReviewQueueJson } from '../../../src/contract/review.js';

export type Rating = 1 | 2 | 3 | 4;

export const RATING_LABEL: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

export type QueueKind = keyof ReviewQueueJson['remaining'];

/** Which of today's counts a card is taken from: relearning cards are learning ones, as in Anki. */
export function queueKind(card: CardJson): QueueKind {
  if (card.state === 'new') return 'new';
  return card.state === 'review' ? 'review' : 'learning';
}

export function totalRemaining(remaining: ReviewQueueJson['remaining']): number {
  return remaining.new + remaining.learning + remaining.review;
}

export interface SectionOption {
  /** What `?section=` carries: the section's path key (`python / data model`), which the server looks for in its own. */
  value: string;
  /** The whole path as the file writes it (`Python / Core / Other`): a closed list shows the option alone. */
  label: string;
  depth: number;
}

/**
 * The study sections holding topics, in file order, each named by its whole path: two places often share
 * their last heading ("Other"). The server scopes to the sections whose path contains it, subsections included.
 */
export function sectionOptions(sections: SectionProgressJson[]): SectionOption[] {
  const titles: string[] = [];
  const options: SectionOption[] = [];
  for (const s of sections) {
    titles.length = Math.max(0, s.depth - 1);
    titles.push((s.text || s.title).replace(/\s+/gu, ' ').trim());
    if (s.role === 'study' && s.progress.total > 0) options.push({ value: s.pathKey, label: titles.join(' / '), depth: s.depth });
  }
  return options;
}

export function percent(ratio: number | null): string {
  return ratio === null ? '—' : `${Math.round(ratio * 100)}%`;
}

/** "under a second", "45 s", "3 min", "1 h 5 min". */
export function formatDuration(ms: number): string {
  if (ms < 500) return 'under a second';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
