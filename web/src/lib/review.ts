// Spaced repetition as the UI words it: rating names, queue kinds, sections to scope a session to, times.
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

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

function localDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** "at 14:05", "tomorrow at 04:00", "on Tue, 2 Dec at 04:00": in the browser's time zone. */
export function formatWhen(iso: string, now = new Date()): string {
  const when = new Date(iso);
  const days = Math.round((localDay(when) - localDay(now)) / 86_400_000);
  const time = timeFormat.format(when);
  if (days <= 0) return `at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  return `on ${dayFormat.format(when)} at ${time}`;
}

/** "due now", "due in 10 minutes", "due in 3 days", "due in 4 months". */
export function formatDueIn(iso: string, now = Date.now()): string {
  const minutes = (Date.parse(iso) - now) / 60_000;
  if (minutes <= 1) return 'due now';
  if (minutes < 60) return `due in ${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 24) return `due in ${Math.round(hours)} h`;
  const days = hours / 24;
  if (days < 45) return `due in ${Math.round(days)} ${Math.round(days) === 1 ? 'day' : 'days'}`;
  if (days < 365) return `due in ${Math.round(days / 30)} months`;
  return `due in ${(days / 365).toFixed(1)} years`;
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
