// Re-import as a pure plan: what is stored + what was parsed -> which topic becomes which.
// The store applies the plan in one transaction; the CLI and the web show it before applying.
import {
  bigramProfile,
  type BigramProfile,
  entryIdentityKeys,
  normalizeText,
  renameSimilarity,
  sectionPathKeys,
  similarityBound,
} from './identity.js';
import type { EntryKind, ParsedChecklist, TaskMarker, TopicOrigin, TopicState } from '../checklist/model.js';
import { stateOfMarker } from '../checklist/task-markers.js';

export interface StoredTopicRef {
  id: number;
  identityKey: string;
  sectionKey: string;
  kind: EntryKind;
  text: string;
  marker: TaskMarker;
  state: TopicState;
  archived: boolean;
  /** `app`: added in prepdeck, not in the file yet; only an item of the same identity in the file is it. */
  origin: TopicOrigin;
}

export interface StoredSectionRef {
  id: number;
  pathKey: string;
}

/** How an incoming entry was matched to a stored topic. */
export type TopicMatch = 'same' | 'moved' | 'renamed' | 'restored';

export interface PlannedEntry {
  index: number;
  identityKey: string;
  existingId: number | null;
  match: TopicMatch | null;
  /** The stored topic it continues, as it was before the import; null for a new one. */
  stored: StoredTopicRef | null;
  /** Its text and section path key after the import, as the file has them. */
  text: string;
  sectionKey: string;
  /** The state after the import; differs from the stored one only when the file's tick changed. */
  state: TopicState;
  stateChanged: boolean;
}

export interface PlannedAppTopic {
  id: number;
  /** Index in ParsedChecklist.sections. */
  sectionIndex: number;
  /** After the section's own items (and the topics added to it before). */
  position: number;
}

export interface PlannedSection {
  index: number;
  pathKey: string;
  existingId: number | null;
}

export interface TopicChange {
  id: number;
  title: string;
  from: string;
  to: string;
}

export interface ImportSummary {
  added: Array<{ index: number; title: string; section: string }>;
  renamed: TopicChange[];
  moved: TopicChange[];
  archived: Array<{ id: number; title: string; section: string }>;
  restored: Array<{ id: number; title: string }>;
  /** Topics whose state follows a tick added or removed in the file. */
  retick: Array<{ id: number; title: string; state: TopicState }>;
  unchanged: number;
}

export interface ImportPlan {
  sections: PlannedSection[];
  /** Stored sections no longer in the file. */
  removedSectionIds: number[];
  entries: PlannedEntry[];
  /**
   * Stored topics gone from the file, archived by the import (as they were before it), and their ids. A topic added
   * in prepdeck is not in the file yet: it is archived only when its section is gone.
   */
  archived: StoredTopicRef[];
  archivedTopicIds: number[];
  /** Topics added in prepdeck that the file does not hold yet, kept last in their section, in the order they were added. */
  appTopics: PlannedAppTopic[];
  /** What changed, for the report; the history the import writes comes from the same entries (events.ts). */
  summary: ImportSummary;
}

/** Renames are recognised within a section from this similarity up, across sections from the next. */
const RENAME_SIMILARITY = 0.5;
const MOVE_AND_RENAME_SIMILARITY = 0.8;
/**
 * How many texts one import may compare for renames, across both passes. Past it the remaining
 * pairs are not looked at: a wholesale rewrite is not a rename, and an import must stay bounded
 * (a preview of 8,000 reworded topics once took minutes and gigabytes).
 */
export const MAX_SIMILARITY_COMPARISONS = 400_000;
/**
 * How many characters those comparisons may read, both texts of each pair counted: the work, which the count
 * alone does not bound (630 long topics reworded wholesale took two minutes within the count).
 */
export const MAX_SIMILARITY_CHARACTERS = 32_000_000;

function initialState(marker: TaskMarker): TopicState {
  return stateOfMarker(marker) ?? 'new';
}

/**
 * The state a matched topic takes: the user's own, unless the file's marker changed since last import. A new `[x]`,
 * `[/]` or `[-]` says its state; a marker cleared to `[ ]` (or removed) takes back the state its old one had said.
 */
function stateAfterImport(stored: StoredTopicRef, marker: TaskMarker): TopicState {
  if (marker === stored.marker) return stored.state;
  const said = stateOfMarker(marker);
  if (said !== null) return said;
  if (stored.state === stateOfMarker(stored.marker)) return 'new';
  return stored.state;
}

interface Candidate {
  index: number;
  key: string;
  sectionKey: string;
  kind: EntryKind;
  norm: string;
}

export function planImport(parsed: ParsedChecklist, storedSections: StoredSectionRef[], storedTopics: StoredTopicRef[]): ImportPlan {
  const sectionKeys = sectionPathKeys(parsed);
  const entryKeys = entryIdentityKeys(parsed, sectionKeys);

  const sectionIdByKey = new Map(storedSections.map((s) => [s.pathKey, s.id]));
  const sections: PlannedSection[] = sectionKeys.map((pathKey, index) => ({
    index,
    pathKey,
    existingId: sectionIdByKey.get(pathKey) ?? null,
  }));
  const incomingSectionKeys = new Set(sectionKeys);
  const removedSectionIds = storedSections.filter((s) => !incomingSectionKeys.has(s.pathKey)).map((s) => s.id);

  const matchOf = new Map<number, { stored: StoredTopicRef; how: TopicMatch }>();
  const claimed = new Set<number>();
  const byKey = new Map(storedTopics.map((t) => [t.identityKey, t]));

  // 1. Same identity: same section path and same normalised text.
  const pendingIndexes: number[] = [];
  parsed.entries.forEach((entry, index) => {
    const stored = byKey.get(entryKeys[index]!);
    if (stored && stored.kind === entry.kind) {
      matchOf.set(index, { stored, how: stored.archived ? 'restored' : 'same' });
      claimed.add(stored.id);
    } else pendingIndexes.push(index);
  });
  // A topic added in prepdeck is only ever the file's item of its own identity: never a move or a rename of another.
  let unmatchedStored = storedTopics.filter((t) => !t.archived && t.origin === 'file' && !claimed.has(t.id));
  // With nothing stored left to pair with (a first import), the texts need no normalising.
  const pending: Candidate[] =
    unmatchedStored.length === 0
      ? []
      : pendingIndexes.map((index) => {
          const entry = parsed.entries[index]!;
          return { index, key: entryKeys[index]!, sectionKey: sectionKeys[entry.sectionIndex]!, kind: entry.kind, norm: normalizeText(entry.text) };
        });

  // 2. Moved: the same text elsewhere, paired in file order.
  const storedByText = new Map<string, StoredTopicRef[]>();
  for (const t of unmatchedStored) {
    const group = storedByText.get(t.kind + normalizeText(t.text)) ?? [];
    group.push(t);
    storedByText.set(t.kind + normalizeText(t.text), group);
  }
  let stillPending: Candidate[] = [];
  for (const candidate of pending) {
    const stored = storedByText.get(candidate.kind + candidate.norm)?.shift();
    if (stored) {
      matchOf.set(candidate.index, { stored, how: 'moved' });
      claimed.add(stored.id);
    } else stillPending.push(candidate);
  }
  unmatchedStored = unmatchedStored.filter((t) => !claimed.has(t.id));

  // 3. Renamed: the most similar text, first within the same section, then anywhere.
  const budget = { comparisons: MAX_SIMILARITY_COMPARISONS, characters: MAX_SIMILARITY_CHARACTERS };
  stillPending = pairBySimilarity(stillPending, unmatchedStored, matchOf, claimed, true, RENAME_SIMILARITY, budget);
  unmatchedStored = unmatchedStored.filter((t) => !claimed.has(t.id));
  pairBySimilarity(stillPending, unmatchedStored, matchOf, claimed, false, MOVE_AND_RENAME_SIMILARITY, budget);

  const entries: PlannedEntry[] = parsed.entries.map((entry, index) => {
    const identityKey = entryKeys[index]!;
    const sectionKey = sectionKeys[entry.sectionIndex]!;
    const match = matchOf.get(index);
    if (!match) {
      return {
        index,
        identityKey,
        existingId: null,
        match: null,
        stored: null,
        text: entry.text,
        sectionKey,
        state: initialState(entry.marker),
        stateChanged: false,
      };
    }
    const { stored, how } = match;
    const state = stateAfterImport(stored, entry.marker);
    return {
      index,
      identityKey,
      existingId: stored.id,
      match: how,
      stored,
      text: entry.text,
      sectionKey,
      state,
      stateChanged: state !== stored.state,
    };
  });
  const unclaimed = storedTopics.filter((t) => !t.archived && !claimed.has(t.id));
  const archived = unclaimed.filter((t) => t.origin === 'file' || !incomingSectionKeys.has(t.sectionKey));
  const appTopics = placeAppTopics(
    parsed,
    sectionKeys,
    unclaimed.filter((t) => t.origin === 'app' && incomingSectionKeys.has(t.sectionKey)),
  );
  const summary = summarizePlan(parsed, entries, archived);
  return { sections, removedSectionIds, entries, archived, archivedTopicIds: archived.map((t) => t.id), appTopics, summary };
}

/** Topics added in prepdeck, each after the top-level items of its section as the file has them, in the order they were added. */
function placeAppTopics(parsed: ParsedChecklist, sectionKeys: readonly string[], kept: readonly StoredTopicRef[]): PlannedAppTopic[] {
  const sectionIndexByKey = new Map(sectionKeys.map((key, index) => [key, index]));
  const next = new Map<number, number>();
  for (const entry of parsed.entries) {
    if (entry.parentIndex === null) next.set(entry.sectionIndex, Math.max(next.get(entry.sectionIndex) ?? 0, entry.position + 1));
  }
  return [...kept]
    .sort((a, b) => a.id - b.id)
    .map((topic) => {
      const sectionIndex = sectionIndexByKey.get(topic.sectionKey)!;
      const position = next.get(sectionIndex) ?? 0;
      next.set(sectionIndex, position + 1);
      return { id: topic.id, sectionIndex, position };
    });
}

/** The report of a plan: each entry by how it was matched, and the archived topics. */
function summarizePlan(parsed: ParsedChecklist, entries: readonly PlannedEntry[], archived: readonly StoredTopicRef[]): ImportSummary {
  const summary: ImportSummary = { added: [], renamed: [], moved: [], archived: [], restored: [], retick: [], unchanged: 0 };
  const sectionLabel = (sectionIndex: number): string => parsed.sections[sectionIndex]?.text ?? '';
  for (const { index, stored, match, text, sectionKey, state, stateChanged } of entries) {
    if (!stored) {
      summary.added.push({ index, title: text, section: sectionLabel(parsed.entries[index]!.sectionIndex) });
      continue;
    }
    if (stateChanged) summary.retick.push({ id: stored.id, title: text, state });
    if (match === 'restored') summary.restored.push({ id: stored.id, title: text });
    else if (match === 'renamed') summary.renamed.push({ id: stored.id, title: text, from: stored.text, to: text });
    else if (match === 'moved') summary.moved.push({ id: stored.id, title: text, from: stored.sectionKey, to: sectionKey });
    else if (!stateChanged) summary.unchanged++;
  }
  for (const t of archived) summary.archived.push({ id: t.id, title: t.text, section: t.sectionKey });
  return summary;
}

/**
 * Greedy best-first pairing of the remaining entries with the remaining stored topics. A group of
 * candidates is compared only if the whole group fits in what is left of `budget` (comparisons and characters), so the outcome never
 * depends on where a half-done group was cut.
 */
function pairBySimilarity(
  pending: Candidate[],
  stored: StoredTopicRef[],
  matchOf: Map<number, { stored: StoredTopicRef; how: TopicMatch }>,
  claimed: Set<number>,
  sameSection: boolean,
  threshold: number,
  budget: { comparisons: number; characters: number },
): Candidate[] {
  if (pending.length === 0 || stored.length === 0) return pending;
  const norms = new Map(stored.map((t) => [t.id, normalizeText(t.text)]));
  // Profiled only when its group is compared: a group past the budget costs no counting.
  const profiles = new Map<number, BigramProfile>();
  const profileOf = (t: StoredTopicRef) => {
    let profile = profiles.get(t.id);
    if (!profile) profiles.set(t.id, (profile = bigramProfile(norms.get(t.id)!)));
    return profile;
  };
  const lengthOf = (texts: Iterable<string>) => {
    let total = 0;
    for (const text of texts) total += text.length;
    return total;
  };
  const groups = new Map<string, { candidates: Candidate[]; stored: StoredTopicRef[] }>();
  const groupOf = (key: string) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { candidates: [], stored: [] }));
    return group;
  };
  for (const candidate of pending) groupOf(sameSection ? candidate.sectionKey : '').candidates.push(candidate);
  for (const t of stored) groupOf(sameSection ? t.sectionKey : '').stored.push(t);

  const pairs: Array<{ candidate: Candidate; stored: StoredTopicRef; score: number }> = [];
  for (const group of groups.values()) {
    const cost = group.candidates.length * group.stored.length;
    // Every pair reads both texts: each candidate every stored text, each stored text every candidate.
    const characters =
      group.candidates.length * lengthOf(group.stored.map((t) => norms.get(t.id)!)) +
      group.stored.length * lengthOf(group.candidates.map((c) => c.norm));
    if (cost === 0 || cost > budget.comparisons || characters > budget.characters) continue;
    budget.comparisons -= cost;
    budget.characters -= characters;
    for (const candidate of group.candidates) {
      const profile = bigramProfile(candidate.norm);
      for (const t of group.stored) {
        if (t.kind !== candidate.kind) continue;
        const other = profileOf(t);
        if (similarityBound(profile, other) < threshold) continue;
        const score = renameSimilarity(profile, other);
        if (score >= threshold) pairs.push({ candidate, stored: t, score });
      }
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const done = new Set<number>();
  for (const pair of pairs) {
    if (done.has(pair.candidate.index) || claimed.has(pair.stored.id)) continue;
    matchOf.set(pair.candidate.index, { stored: pair.stored, how: 'renamed' });
    claimed.add(pair.stored.id);
    done.add(pair.candidate.index);
  }
  return pending.filter((c) => !done.has(c.index));
}
