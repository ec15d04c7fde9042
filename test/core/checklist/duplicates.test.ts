import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicates, findDuplicatesBySignature, type DuplicateGroup } from '../../../src/core/checklist/duplicates.js';
import { normalizeText } from '../../../src/core/import/identity.js';

// findDuplicates as it was before the signatures, every text's key spelled out and grouped by a Map: the reference.
const FILLER = new Set(['and', 'or', 'vs', 'versus', 'the', 'a', 'an', 'of', 'in', 'и', 'или']);

function referenceKey(text: string): string {
  const words = (normalizeText(text).match(/[\p{L}\p{N}+#@.]+/gu) ?? []).filter((word) => !FILLER.has(word)).sort();
  return words.filter((word, i) => i === 0 || word !== words[i - 1]).join(' ');
}

function referenceDuplicates<T>(items: T[], textOf: (item: T) => string): Array<DuplicateGroup<T>> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = referenceKey(textOf(item));
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const repeated: Array<DuplicateGroup<T>> = [];
  for (const [key, members] of groups) if (members.length > 1) repeated.push({ key, members });
  return repeated;
}

// Pieces that make words meet in every way WORD reads them: filler, case, the characters + # @ . inside and at the
// ends (where normalizeText trims punctuation), Cyrillic, astral letters and digits, lone surrogates, combining
// marks that NFC composes, and separators of every kind.
const PIECES = [
  ...['scaling', 'horizontal', 'vertical', 'Scaling', 'HORIZONTAL', 'c++', 'c#', 'node.js', '@types', 'v8', '2', '10', 'x', 'X'],
  ...['and', 'or', 'vs', 'versus', 'the', 'a', 'an', 'of', 'in', 'AND', 'The', 'ands', 'и', 'или', 'ИЛИ', 'плюшки', 'Плюшки'],
  ...['𝐀', '𝟏', '😀', '\ud800', '\udc00', 'e\u0301', 'é', 'ǅ', 'İ', 'ß', '½', '٣', '_', '-', '—', '.', '...', ':', '(', ')', '#', '+'],
  ...[' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u2003'],
];
const text = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((pieces) => pieces.join('')) },
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((pieces) => pieces.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'ab .+#@и𝐀'), maxLength: 12 }) },
  // Long texts: past the words a signature compares one by one.
  {
    weight: 1,
    arbitrary: fc.array(fc.integer({ min: 0, max: 90 }), { minLength: 55, maxLength: 120 }).map((ns) => ns.map((n) => `w${n}`).join(' ')),
  },
);
/** Texts, and some of them again in another word order or spacing, so that groups form. */
const texts = fc
  .tuple(fc.array(text, { maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 20 }))
  .map(([base, copies]) => {
    const all = [...base];
    for (const [which, where, reversed] of copies) {
      if (base.length === 0) break;
      const copy = base[which % base.length]!;
      all.splice(where % (all.length + 1), 0, reversed ? copy.split(' ').reverse().join('  ') : copy);
    }
    return all;
  });

/** Items by their place, so that the groups' members say which items, not only which texts. */
const indexed = (all: string[]) => all.map((text, index) => ({ text, index }));

describe('findDuplicates', () => {
  it('finds exactly the groups the key of every text finds, in the same order, with the same keys', () => {
    fc.assert(
      fc.property(texts, (all) => {
        const items = indexed(all);
        expect(findDuplicates(items, (item) => item.text)).toEqual(referenceDuplicates(items, (item) => item.text));
      }),
      { numRuns: 2000 },
    );
  });

  it('groups the same way with any signature that follows the key, however often different keys share one', () => {
    const weak = [() => 0, (text: string) => referenceKey(text).length % 3, (text: string) => referenceKey(text).split(' ').length];
    fc.assert(
      fc.property(texts, fc.constantFrom(...weak), (all, signature) => {
        const items = indexed(all);
        const signatureOf = (text: string) => (referenceKey(text) === '' ? null : signature(text));
        expect(findDuplicatesBySignature(items, (item) => item.text, signatureOf)).toEqual(referenceDuplicates(items, (item) => item.text));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps word order, repeats, filler and case out of the key, and groups in order of first appearance', () => {
    const all = [
      'Horizontal and vertical scaling',
      'B-tree indexes',
      'indexes: B tree',
      'vertical vs HORIZONTAL scaling scaling',
      'the an of', // filler alone: no key, no group
      'a the of in',
      'C++ templates',
      'templates c++.',
      'templates c',
    ];
    expect(findDuplicates(all, (text) => text)).toEqual([
      { key: 'horizontal scaling vertical', members: ['Horizontal and vertical scaling', 'vertical vs HORIZONTAL scaling scaling'] },
      { key: 'b indexes tree', members: ['B-tree indexes', 'indexes: B tree'] },
      { key: 'c++ templates', members: ['C++ templates', 'templates c++.'] },
    ]);
  });
});
