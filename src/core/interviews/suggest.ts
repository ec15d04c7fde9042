// Which topics a question is about: the topics whose title words the question holds, each word weighted by how
// rare it is among the topics (a word every topic has says little), words the question nearly holds (a typo,
// found by the caller's fuzzy search) counting by how near they are. Word order does not matter. Pure: the app
// reads the topics and runs the fuzzy search.
import { searchText } from '../import/identity.js';

export interface SuggestCandidate {
  topicId: number;
  /** The topic's title words (see wordsOf). */
  words: readonly string[];
}

/** The candidates with what ranking them needs, built once per checklist revision. */
export interface SuggestIndex {
  candidates: readonly SuggestCandidate[];
  /** Each word's weight: log(1 + topics / topics holding it). */
  weights: ReadonlyMap<string, number>;
  /** The topics holding each word. */
  holders: ReadonlyMap<string, readonly number[]>;
}

/** Lower-cased words of any script, digits included; punctuation splits (`SKIP LOCKED?` → skip, locked). */
export function wordsOf(text: string): string[] {
  return searchText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

export function buildSuggestIndex(candidates: readonly SuggestCandidate[]): SuggestIndex {
  const holders = new Map<string, number[]>();
  candidates.forEach((candidate, index) => {
    for (const word of new Set(candidate.words)) {
      const list = holders.get(word);
      if (list) list.push(index);
      else holders.set(word, [index]);
    }
  });
  const weights = new Map([...holders].map(([word, list]) => [word, Math.log(1 + candidates.length / list.length)]));
  return { candidates, weights, holders };
}

/** How much the round's sections lift a topic: enough to pass an equal match elsewhere, not a much better one. */
const ROUND_BONUS = 0.25;
/** Below this share of its title's weight a topic is not suggested. */
const MIN_SCORE = 0.34;

export interface Suggestion {
  topicId: number;
  /** 0..1: the share of the topic's title weight the question holds. */
  score: number;
}

/**
 * The best `limit` topics for a question of `questionWords`; `near` maps a topic word the question nearly holds to
 * how near (0..1, 1 the same word). Ranked by score, the round's sections first among close ones; ties in file order.
 */
export function rankTopics(
  index: SuggestIndex,
  questionWords: readonly string[],
  near: ReadonlyMap<string, number>,
  limit: number,
  /** Whether a topic is in one of the round's sections. */
  inRound: (topicId: number) => boolean = () => false,
): Suggestion[] {
  const matched = new Map<number, Map<string, number>>();
  const credit = (word: string, closeness: number) => {
    for (const candidate of index.holders.get(word) ?? []) {
      let words = matched.get(candidate);
      if (!words) matched.set(candidate, (words = new Map<string, number>()));
      words.set(word, Math.max(words.get(word) ?? 0, closeness));
    }
  };
  for (const word of new Set(questionWords)) credit(word, 1);
  for (const [word, closeness] of near) credit(word, closeness);
  const ranked: Array<Suggestion & { rank: number; index: number }> = [];
  for (const [candidateIndex, words] of matched) {
    const candidate = index.candidates[candidateIndex]!;
    const unique = [...new Set(candidate.words)];
    const total = unique.reduce((sum, word) => sum + (index.weights.get(word) ?? 0), 0);
    if (total === 0) continue;
    const got = [...words].reduce((sum, [word, closeness]) => sum + (index.weights.get(word) ?? 0) * closeness, 0);
    const score = Math.min(1, got / total);
    if (score < MIN_SCORE) continue;
    ranked.push({ topicId: candidate.topicId, score, rank: score + (inRound(candidate.topicId) ? ROUND_BONUS : 0), index: candidateIndex });
  }
  return ranked
    .sort((a, b) => b.rank - a.rank || a.index - b.index)
    .slice(0, limit)
    .map(({ topicId, score }) => ({ topicId, score: Math.round(score * 1000) / 1000 }));
}
