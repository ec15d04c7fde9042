// Pure helpers over the checklist tree the API returns: filtering, local state changes, progress.
import type { ExportedSection, ExportedTopic } from '../../../src/contract/checklists.js';
import type { Progress } from '../../../src/contract/common.js';
import type { TopicState } from './states.js';

export interface TopicFilter {
  /** What the user typed; matched against titles and notes in any case and script. */
  query: string;
  state: TopicState | 'all';
}

export const NO_FILTER: TopicFilter = { query: '', state: 'all' };

export function isFiltering(filter: TopicFilter): boolean {
  return filter.query.trim() !== '' || filter.state !== 'all';
}

/** Lower-cased with the locale's rules, so "ПЛЮШКИ" and "плюшки" meet. */
function foldCase(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase();
}

export function queryWords(query: string): string[] {
  return foldCase(query).split(/\s+/).filter(Boolean);
}

function topicMatches(topic: ExportedTopic, filter: TopicFilter, words = queryWords(filter.query)): boolean {
  if (filter.state !== 'all' && topic.state !== filter.state) return false;
  if (words.length === 0) return true;
  const haystack = foldCase(`${topic.text}\n${topic.notes}`);
  return words.every((w) => haystack.includes(w));
}

/**
 * Where the query's words occur in `text`, as [start, end) ranges in order, overlaps merged: what a row highlights.
 * None when folding the case changes the text's length (a rare letter such as İ), so a range never lands off its word.
 */
export function matchRanges(text: string, words: readonly string[]): Array<[number, number]> {
  const shown = text.normalize('NFC');
  const folded = foldCase(shown);
  if (words.length === 0 || folded.length !== shown.length) return [];
  const ranges: Array<[number, number]> = [];
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) ranges.push([at, at + word.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** Every section of the tree with its depth (top level 1), in file order: what a jump list offers. */
export function sectionOutline(sections: readonly ExportedSection[], depth = 1): Array<{ section: ExportedSection; depth: number }> {
  return sections.flatMap((section) => [{ section, depth }, ...sectionOutline(section.sections, depth + 1)]);
}

export interface Visibility {
  /** Topics that match the filter. */
  matched: Set<number>;
  /** Matched topics and the parents that lead to them. */
  visible: Set<number>;
  /** Sections holding a visible topic, directly or below. */
  sections: Set<number>;
}

/** Which topics and sections to show under a filter: matches plus the path down to them. */
export function visibility(root: ExportedSection, filter: TopicFilter): Visibility {
  const words = queryWords(filter.query);
  const result: Visibility = { matched: new Set(), visible: new Set(), sections: new Set() };
  const walkTopic = (topic: ExportedTopic): boolean => {
    let shown = topicMatches(topic, filter, words);
    if (shown) result.matched.add(topic.id);
    for (const child of topic.children) if (walkTopic(child)) shown = true;
    if (shown) result.visible.add(topic.id);
    return shown;
  };
  const walkSection = (section: ExportedSection): boolean => {
    let shown = false;
    for (const topic of section.topics) if (walkTopic(topic)) shown = true;
    for (const child of section.sections) if (walkSection(child)) shown = true;
    if (shown) result.sections.add(section.id);
    return shown;
  };
  walkSection(root);
  return result;
}

/** Every topic in file order, for lookups by id. */
export function topicsById(root: ExportedSection): Map<number, ExportedTopic> {
  const map = new Map<number, ExportedTopic>();
  const walkTopic = (t: ExportedTopic) => {
    map.set(t.id, t);
    t.children.forEach(walkTopic);
  };
  const walkSection = (s: ExportedSection) => {
    s.topics.forEach(walkTopic);
    s.sections.forEach(walkSection);
  };
  walkSection(root);
  return map;
}

/** The tree with one topic's state changed and every section's progress recounted, as the server will. */
export function withTopicState(root: ExportedSection, id: number, state: TopicState): ExportedSection {
  const setTopic = (t: ExportedTopic): ExportedTopic => {
    const children = t.children.map(setTopic);
    if (t.id === id) return { ...t, state, children };
    return children.some((c, i) => c !== t.children[i]) ? { ...t, children } : t;
  };
  const setSection = (s: ExportedSection): ExportedSection => ({
    ...s,
    topics: s.topics.map(setTopic),
    sections: s.sections.map(setSection),
  });
  return recountProgress(setSection(root));
}

/** Progress = known / (all − skipped) over study topics, each section counting its subsections. */
function recountProgress(section: ExportedSection): ExportedSection {
  const sections = section.sections.map(recountProgress);
  const counts = { total: 0, new: 0, learning: 0, known: 0, skipped: 0 };
  const addTopic = (t: ExportedTopic) => {
    if (t.kind === 'topic') {
      counts.total++;
      counts[t.state]++;
    }
    t.children.forEach(addTopic);
  };
  section.topics.forEach(addTopic);
  for (const child of sections) {
    for (const key of ['total', 'new', 'learning', 'known', 'skipped'] as const) counts[key] += child.progress[key];
  }
  const counted = counts.total - counts.skipped;
  const progress: Progress = { ...counts, ratio: counted > 0 ? counts.known / counted : 0 };
  return { ...section, sections, progress };
}

/** Sections by role: the study tree, and the goals and books kept beside it. */
export function splitByRole(root: ExportedSection): { study: ExportedSection[]; goals: ExportedSection[]; books: ExportedSection[] } {
  return {
    study: root.sections.filter((s) => s.role === 'study'),
    goals: root.sections.filter((s) => s.role === 'goals'),
    books: root.sections.filter((s) => s.role === 'books'),
  };
}
