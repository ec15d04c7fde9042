// How a topic is recognised across imports: section path + normalised text, then similarity.
import type { ParsedChecklist } from '../checklist/model.js';

/** Lower-cased (Unicode-aware), NFC, whitespace collapsed, surrounding punctuation trimmed. */
export function normalizeText(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  // Most texts are spaced with single spaces already: testing is cheaper than replacing (every topic passes here).
  return trimSpaceAndPunctuation(SPACING_TO_COLLAPSE.test(lower) ? lower.replace(/\s+/gu, ' ') : lower);
}

/** White space other than a single space: a tab, a line break, a run of spaces. */
const SPACING_TO_COLLAPSE = /[^\S ]| {2}/u;
const SPACE_OR_PUNCTUATION = /^[\s\p{P}]$/u;
/** SPACE_OR_PUNCTUATION for the ASCII characters, read from a table: the ends of most texts are ASCII. */
const ASCII_SPACE_OR_PUNCTUATION = Array.from({ length: 128 }, (_, code) => SPACE_OR_PUNCTUATION.test(String.fromCharCode(code)));

/**
 * Drops white space and punctuation from both ends, a character at a time: `[\s\p{P}]+$` backtracks at every
 * run inside the text (`a!!!…b` took 18 s at 100 KB).
 */
function trimSpaceAndPunctuation(text: string): string {
  let start = 0;
  while (start < text.length) {
    const first = text.charCodeAt(start);
    if (first < 0x80) {
      if (!ASCII_SPACE_OR_PUNCTUATION[first]) break;
      start++;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(start)!);
    if (!SPACE_OR_PUNCTUATION.test(char)) break;
    start += char.length;
  }
  let end = text.length;
  while (end > start) {
    const last = text.charCodeAt(end - 1);
    if (last < 0x80) {
      if (!ASCII_SPACE_OR_PUNCTUATION[last]) break;
      end--;
      continue;
    }
    // A low surrogate ends an astral character: test the pair, not its halves.
    const width = last >= 0xdc00 && last <= 0xdfff && end - 2 >= start ? 2 : 1;
    if (!SPACE_OR_PUNCTUATION.test(text.slice(end - width, end))) break;
    end -= width;
  }
  return text.slice(start, end);
}

/** Lower-cased for case-insensitive search, Cyrillic included ("ПЛЮШКИ" finds "плюшки"). */
export function searchText(...parts: string[]): string {
  return parts.join('\n').normalize('NFC').toLowerCase();
}

const KEY_SEPARATOR = ' / ';

/** Appends `#2`, `#3` ... to the second and later copies of the same key, in file order. */
function disambiguate(keys: string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}#${count}`;
  });
}

/** Path keys of the parsed sections: the normalised titles from the root down. */
export function sectionPathKeys(parsed: ParsedChecklist): string[] {
  const raw: string[] = [];
  for (const section of parsed.sections) {
    if (section.parentIndex === null) raw.push('');
    else {
      const parentKey = raw[section.parentIndex] ?? '';
      const own = normalizeText(section.identityText ?? section.text);
      raw.push(parentKey === '' ? own : parentKey + KEY_SEPARATOR + own);
    }
  }
  return disambiguate(raw);
}

/**
 * A topic's identity key is its section's path and its ancestors' texts and its own, joined; a key longer than
 * MAX_KEY_LENGTH keeps its first MAX_KEY_LENGTH characters and a hash of the whole (`…` and 16 hex digits), so that
 * a deep outline of long items does not repeat every ancestor's text in each key (1.4 GB of keys for a 7.6 MB
 * file) nor overflow PostgreSQL's index entries. The whole is hashed as it grows, never held.
 */
export const MAX_KEY_LENGTH = 400;

/**
 * A key as it grows: its first characters, its length, and two FNV-1a hashes of all of it so far. While it is
 * short, `head` is all of it and the hashes are not yet taken (null): most keys never need them.
 */
interface GrowingKey {
  head: string;
  length: number;
  hashes: { h1: number; h2: number } | null;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// A second hash from another start, so that two different keys share both only by a 1 in 2^64 chance.
const SECOND_OFFSET = 0x050c5d1f;

function hashOn(hashes: { h1: number; h2: number }, text: string): { h1: number; h2: number } {
  let { h1, h2 } = hashes;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, FNV_PRIME);
    h2 = Math.imul(h2 ^ c, FNV_PRIME) ^ (h2 >>> 15);
  }
  return { h1, h2 };
}

function grow(key: GrowingKey, text: string): GrowingKey {
  const length = key.length + text.length;
  if (length <= MAX_KEY_LENGTH) return { head: key.head + text, length, hashes: null };
  // A short key's head is all of it: its hashes are taken from there the first time they are needed.
  const hashes = hashOn(key.hashes ?? hashOn({ h1: FNV_OFFSET, h2: SECOND_OFFSET }, key.head), text);
  const head = key.head.length >= MAX_KEY_LENGTH ? key.head : (key.head + text.slice(0, MAX_KEY_LENGTH)).slice(0, MAX_KEY_LENGTH);
  return { head, length, hashes };
}

const startKey = (text: string): GrowingKey => grow({ head: '', length: 0, hashes: null }, text);

function keyText(key: GrowingKey): string {
  if (key.hashes === null) return key.head;
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${key.head}…${hex(key.hashes.h1)}${hex(key.hashes.h2)}`;
}

/** A stored key as it would be bounded: what a key of the old, unbounded form becomes (the 0013 migration's rule). */
export function boundedKey(raw: string): string {
  return keyText(startKey(raw));
}

/** The identity key of an item under `prefix` (its section's path key, or its parent's key), before repeats are numbered. */
export function itemKey(prefix: string, entry: { text: string; identityText?: string }): string {
  return boundedKey(prefix + KEY_SEPARATOR + normalizeText(entry.identityText ?? entry.text));
}

/** Identity keys of the parsed entries: section path, then the parent topics' texts, then their own. */
export function entryIdentityKeys(parsed: ParsedChecklist, sectionKeys: string[]): string[] {
  const raw: GrowingKey[] = [];
  for (const entry of parsed.entries) {
    const own = KEY_SEPARATOR + normalizeText(entry.identityText ?? entry.text);
    const parent = entry.parentIndex === null ? undefined : raw[entry.parentIndex];
    raw.push(parent ? grow(parent, own) : startKey((sectionKeys[entry.sectionIndex] ?? '') + own));
  }
  return disambiguate(raw.map(keyText));
}

/** A text's character bigrams and words, counted once so that comparing it with many others costs no re-counting. */
export interface BigramProfile {
  text: string;
  grams: Map<string, number>;
  total: number;
  words: Map<string, number>;
  wordCount: number;
  /** Its letters and digits alone: `hash maps`, `hashmaps` and `hash-maps` are one text spaced three ways. */
  letters: string;
}

export function bigramProfile(text: string): BigramProfile {
  const grams = new Map<string, number>();
  const padded = ` ${text} `;
  for (let i = 0; i < padded.length - 1; i++) {
    const gram = padded.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  const words = new Map<string, number>();
  let wordCount = 0;
  // Words as written, without the punctuation around them (`__set_name__` is one word, `(cap)` is `cap`).
  for (const spaced of text.split(/\s+/u)) {
    const word = trimSpaceAndPunctuation(spaced);
    if (word === '') continue;
    words.set(word, (words.get(word) ?? 0) + 1);
    wordCount++;
  }
  return { text, grams, total: padded.length - 1, words, wordCount, letters: text.replace(/[^\p{L}\p{N}]+/gu, '') };
}

/**
 * How many words a text must share with another to be a rename of it: half the longer's, rounded down; none
 * when only their spacing and punctuation differ (`Hash maps` respelled `Hashmaps`).
 */
function wordsToShare(a: BigramProfile, b: BigramProfile): number {
  if (a.letters !== '' && a.letters === b.letters) return 0;
  return Math.floor(Math.max(a.wordCount, b.wordCount) / 2);
}

function sharedCount(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [key, count] of small) shared += Math.min(count, large.get(key) ?? 0);
  return shared;
}

/**
 * How alike two texts are as a rename: the Sørensen–Dice coefficient over character bigrams (1 for equal texts),
 * or 0 when they share fewer than half the longer text's words. Bigrams alone rise with length between
 * unrelated texts (two unrelated 200-character topics share about half of theirs); whole words shared don't,
 * and a one-word topic respelled still counts (half of one word, rounded down, is none).
 */
export function renameSimilarity(a: BigramProfile, b: BigramProfile): number {
  if (a.text === b.text) return 1;
  if (a.text.length === 0 || b.text.length === 0) return 0;
  if (sharedCount(a.words, b.words) < wordsToShare(a, b)) return 0;
  return (2 * sharedCount(a.grams, b.grams)) / (a.total + b.total);
}

/** The best similarity two texts of these lengths could reach: a cheap test before counting. */
export function similarityBound(a: BigramProfile, b: BigramProfile): number {
  if (Math.min(a.wordCount, b.wordCount) < wordsToShare(a, b)) return 0;
  return (2 * Math.min(a.total, b.total)) / (a.total + b.total);
}
