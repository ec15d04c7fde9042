// How a topic is recognised across imports: section path + normalised text, then similarity.
import type { ParsedChecklist } from '../checklist/model.js';

/** Lower-cased (Unicode-aware), NFC, whitespace collapsed, surrounding punctuation trimmed. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .trim();
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
      const own = normalizeText(section.text);
      raw.push(parentKey === '' ? own : parentKey + KEY_SEPARATOR + own);
    }
  }
  return disambiguate(raw);
}

/** Identity keys of the parsed entries: section path, then the parent topics' texts, then their own. */
export function entryIdentityKeys(parsed: ParsedChecklist, sectionKeys: string[]): string[] {
  const raw: string[] = [];
  for (const entry of parsed.entries) {
    const prefix = entry.parentIndex === null ? (sectionKeys[entry.sectionIndex] ?? '') : (raw[entry.parentIndex] ?? '');
    raw.push(prefix + KEY_SEPARATOR + normalizeText(entry.text));
  }
  return disambiguate(raw);
}

/** A text's character bigrams, counted once so that comparing it with many others costs no re-counting. */
export interface BigramProfile {
  text: string;
  grams: Map<string, number>;
  total: number;
}

export function bigramProfile(text: string): BigramProfile {
  const grams = new Map<string, number>();
  const padded = ` ${text} `;
  for (let i = 0; i < padded.length - 1; i++) {
    const gram = padded.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return { text, grams, total: padded.length - 1 };
}

/** Sørensen–Dice coefficient over character bigrams: 1 for equal texts, 0 for nothing in common. */
export function profileSimilarity(a: BigramProfile, b: BigramProfile): number {
  if (a.text === b.text) return 1;
  if (a.text.length === 0 || b.text.length === 0) return 0;
  const [small, large] = a.grams.size <= b.grams.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [gram, count] of small.grams) shared += Math.min(count, large.grams.get(gram) ?? 0);
  return (2 * shared) / (a.total + b.total);
}

/** The best similarity two texts of these lengths could reach: a cheap test before counting. */
export function similarityBound(a: BigramProfile, b: BigramProfile): number {
  return (2 * Math.min(a.total, b.total)) / (a.total + b.total);
}
