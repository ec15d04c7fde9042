// Likely duplicates: study topics that say the same thing in the same words, in any order.
import { normalizeText } from '../import/identity.js';

/** Words that don't change what a topic is about ("horizontal and vertical scaling" = "vertical vs horizontal scaling"). */
const FILLER = new Set(['and', 'or', 'vs', 'versus', 'the', 'a', 'an', 'of', 'in', 'и', 'или']);

const WORD = /[\p{L}\p{N}+#@.]+/gu;

/** Its words once each, sorted: the same key for the same words in any order. */
function duplicateKey(text: string): string {
  const words = (normalizeText(text).match(WORD) ?? []).filter((word) => !FILLER.has(word)).sort();
  return words.filter((word, i) => i === 0 || word !== words[i - 1]).join(' ');
}

export interface DuplicateGroup<T> {
  key: string;
  members: T[];
}

/** Groups of two or more items whose texts share a duplicate key, in order of first appearance. */
export function findDuplicates<T>(items: T[], textOf: (item: T) => string): Array<DuplicateGroup<T>> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = duplicateKey(textOf(item));
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const repeated: Array<DuplicateGroup<T>> = [];
  for (const [key, members] of groups) if (members.length > 1) repeated.push({ key, members });
  return repeated;
}
