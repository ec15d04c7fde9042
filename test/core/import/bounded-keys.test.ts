// Identity keys of bounded size (issue 12 item 4): a key is its section's path and its ancestors' texts and its
// own; beyond 400 characters it keeps the first 400 and a hash of the whole, computed as the key grows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedKey, entryIdentityKeys, MAX_KEY_LENGTH, normalizeText, sectionPathKeys } from '../../../src/core/import/identity.js';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';

/** The keys as they were before they were bounded: every ancestor's text in full, repeats numbered. */
function unboundedKeys(markdown: string): string[] {
  const parsed = parseChecklist(markdown, { fallbackTitle: 't' });
  const sections = sectionPathKeys(parsed);
  const raw: string[] = [];
  for (const entry of parsed.entries) {
    const prefix = entry.parentIndex === null ? (sections[entry.sectionIndex] ?? '') : raw[entry.parentIndex]!;
    raw.push(`${prefix} / ${normalizeText(entry.identityText ?? entry.text)}`);
  }
  const seen = new Map<string, number>();
  return raw.map((key) => {
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}#${count}`;
  });
}

const keysOf = (markdown: string) => {
  const parsed = parseChecklist(markdown, { fallbackTitle: 't' });
  return entryIdentityKeys(parsed, sectionPathKeys(parsed));
};

/** An outline nested `depth` deep, each item `width` characters long. */
const deepOutline = (depth: number, width: number) =>
  ['# Deep', ...Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- ${String(i).padStart(4, '0')} ${'x'.repeat(width)}`)].join('\n');

describe('bounded identity keys', () => {
  it('leaves every key of up to 400 characters as it was, and bounds the others by their whole text', () => {
    const item = fc.stringMatching(/^[a-zA-Zа-яА-Я0-9 ]{1,120}$/).filter((t) => t.trim() !== '');
    const outline = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), item), { minLength: 1, maxLength: 30 }).map((items) => {
      let depth = 0;
      return [
        '# Section',
        ...items.map(([want, text]) => {
          depth = Math.min(want, depth + 1);
          return `${'  '.repeat(depth)}- ${text}`;
        }),
      ].join('\n');
    });
    fc.assert(
      fc.property(outline, (markdown) => {
        const before = unboundedKeys(markdown);
        const after = keysOf(markdown);
        expect(after).toHaveLength(before.length);
        after.forEach((key, i) => {
          const old = before[i]!;
          const repeat = /^(.*)(#\d+)$/su.exec(old);
          if (old.length <= MAX_KEY_LENGTH) expect(key).toBe(old);
          else expect(key).toBe(repeat && repeat[1]!.length > MAX_KEY_LENGTH ? boundedKey(repeat[1]!) + repeat[2]! : boundedKey(old));
          expect(key.length).toBeLessThanOrEqual(MAX_KEY_LENGTH + 17 + 6);
        });
        // Different keys stay different, equal ones equal.
        expect(new Set(after).size).toBe(new Set(before).size);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps keys small however deep and long the outline (they repeated every ancestor before)', () => {
    const keys = keysOf(deepOutline(90, 2_000));
    expect(keys).toHaveLength(90);
    expect(Math.max(...keys.map((k) => k.length))).toBe(MAX_KEY_LENGTH + 17);
    expect(new Set(keys).size).toBe(90);
    expect(unboundedKeys(deepOutline(90, 2_000)).reduce((sum, k) => sum + k.length, 0)).toBeGreaterThan(8_000_000);
  });

  it('tells apart long keys that differ only past the first 400 characters', () => {
    const a = 'x'.repeat(500) + 'a';
    const b = 'x'.repeat(500) + 'b';
    expect(boundedKey(a)).not.toBe(boundedKey(b));
    expect(boundedKey(a).slice(0, MAX_KEY_LENGTH)).toBe(boundedKey(b).slice(0, MAX_KEY_LENGTH));
    expect(boundedKey('short')).toBe('short');
  });
});
