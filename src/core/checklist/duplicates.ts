// Likely duplicates: study topics that say the same thing in the same words, in any order.
import { normalizeText } from '../import/identity.js';

/** Words that don't change what a topic is about ("horizontal and vertical scaling" = "vertical vs horizontal scaling"). */
const FILLER = new Set(['and', 'or', 'vs', 'versus', 'the', 'a', 'an', 'of', 'in', 'и', 'или']);
const LONGEST_FILLER = Math.max(...[...FILLER].map((word) => word.length));

const WORD = /[\p{L}\p{N}+#@.]+/gu;
/** One character of WORD. */
const WORD_CHARACTER = /^[\p{L}\p{N}+#@.]$/u;

/** Its words once each, sorted: the same key for the same words in any order. */
function duplicateKey(text: string): string {
  const words = (normalizeText(text).match(WORD) ?? []).filter((word) => !FILLER.has(word)).sort();
  return words.filter((word, i) => i === 0 || word !== words[i - 1]).join(' ');
}

/** Whether each UTF-16 unit, taken alone, is a WORD character: 0 not asked yet, 1 yes, 2 no. Filled as texts meet them. */
const unitIsWordCharacter = new Uint8Array(0x10000);

/** How many UTF-16 units the WORD character at `i` takes (an astral one is a pair), or 0 when it is none. */
function wordCharacterWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
    return WORD_CHARACTER.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let known = unitIsWordCharacter[code]!;
  if (known === 0) unitIsWordCharacter[code] = known = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

/** The distinct words of the text being read, by where they are in it: few enough to compare with each new one. */
interface WordsSoFar {
  count: number;
  hashes: Int32Array;
  starts: Int32Array;
  lengths: Int32Array;
}

/**
 * A text of more distinct words than this has the signature MANY_WORDS, since comparing each word with all before
 * it grows with their square; texts that long are rare, and two of them get their keys. (A sum may be MANY_WORDS
 * too: its text then only gets its key.)
 */
const MAX_WORDS_COMPARED = 64;
const MANY_WORDS = -1;
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function seenBefore(text: string, start: number, end: number, hash: number, words: WordsSoFar): boolean {
  const length = end - start;
  for (let w = 0; w < words.count; w++) {
    if (words.hashes[w] !== hash || words.lengths[w] !== length) continue;
    const other = words.starts[w]!;
    let i = 0;
    while (i < length && text.charCodeAt(start + i) === text.charCodeAt(other + i)) i++;
    if (i === length) return true;
  }
  return false;
}

/**
 * A number that texts of the same duplicate key share, and texts of different keys seldom do: the sum of the
 * FNV-1a hashes of its distinct non-filler words (so word order and repeats don't count), or null when it has no
 * such word. No word is cut out, sorted or joined: most topics are the only ones with their signature and never
 * need their key. Reads the words as WORD does.
 */
function keySignature(text: string, words: WordsSoFar): number | null {
  const normalized = normalizeText(text);
  words.count = 0;
  let sum = 0;
  for (let i = 0; i < normalized.length;) {
    let width = wordCharacterWidth(normalized, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET_BASIS;
    do {
      for (const end = i + width; i < end; i++) hash = Math.imul(hash ^ normalized.charCodeAt(i), FNV_PRIME);
    } while (i < normalized.length && (width = wordCharacterWidth(normalized, i)) > 0);
    if (i - start <= LONGEST_FILLER && FILLER.has(normalized.slice(start, i))) continue;
    if (seenBefore(normalized, start, i, hash, words)) continue;
    if (words.count === MAX_WORDS_COMPARED) return MANY_WORDS;
    words.hashes[words.count] = hash;
    words.starts[words.count] = start;
    words.lengths[words.count] = i - start;
    words.count++;
    sum = (sum + hash) | 0;
  }
  return words.count === 0 ? null : sum;
}

export interface DuplicateGroup<T> {
  key: string;
  members: T[];
}

/** Groups of two or more items whose texts share a duplicate key, in order of first appearance. */
export function findDuplicates<T>(items: T[], textOf: (item: T) => string): Array<DuplicateGroup<T>> {
  const words: WordsSoFar = {
    count: 0,
    hashes: new Int32Array(MAX_WORDS_COMPARED),
    starts: new Int32Array(MAX_WORDS_COMPARED),
    lengths: new Int32Array(MAX_WORDS_COMPARED),
  };
  return findDuplicatesBySignature(items, textOf, (text) => keySignature(text, words));
}

/**
 * findDuplicates with the signature given: only items that share one with another get their key, so any
 * signature that is a function of the key (null for an empty key) gives the same groups, a weak one only
 * more slowly. Exported for the tests, which try weak ones.
 */
export function findDuplicatesBySignature<T>(
  items: T[],
  textOf: (item: T) => string,
  signatureOf: (text: string) => number | null,
): Array<DuplicateGroup<T>> {
  const firstWithSignature = new Map<number, number>();
  const sharesSignature = new Uint8Array(items.length);
  items.forEach((item, index) => {
    const signature = signatureOf(textOf(item));
    if (signature === null) return;
    const first = firstWithSignature.get(signature);
    if (first === undefined) firstWithSignature.set(signature, index);
    else sharesSignature[first] = sharesSignature[index] = 1;
  });
  // Every member of a group shares its signature, so a group's first member here is its first of all items.
  const groups = new Map<string, T[]>();
  items.forEach((item, index) => {
    if (!sharesSignature[index]) return;
    const key = duplicateKey(textOf(item));
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  });
  const repeated: Array<DuplicateGroup<T>> = [];
  for (const [key, members] of groups) if (members.length > 1) repeated.push({ key, members });
  return repeated;
}
