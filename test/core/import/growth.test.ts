// Inputs shaped to make an import's work grow faster than the input (backtracking, re-reading, comparing):
// each is read at one size and at four times it, and the larger may take about four times as long, not sixteen.
import MarkdownIt from 'markdown-it';
import { describe, expect, it, vi } from 'vitest';
import { normalizeText } from '../../../src/core/import/identity.js';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import { planImport } from '../../../src/core/import/plan.js';
import { storedAfterFirstImport } from '../../support/first-import.js';

const parse = (text: string) => parseChecklist(text, { fallbackTitle: 't' });

/**
 * The quickest of three runs, in milliseconds of this process's CPU time: the machine is shared, and the wall clock
 * counts the time other processes hold the cores (two checks failed now and then under load when it was used).
 */
function quickestRun(run: () => void): number {
  let quickest = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    quickest = Math.min(quickest, (used.user + used.system) / 1000);
  }
  return quickest;
}

/** Linear work takes about 4x at four times the size, quadratic 16x: 8x and a few milliseconds leave room for noise. */
function expectAboutLinear<T>(make: (size: number) => T, read: (input: T) => unknown, size: number): void {
  const small = make(size);
  const large = make(4 * size);
  read(small); // warm up the parser and the JIT
  const smallTime = quickestRun(() => read(small));
  const largeTime = quickestRun(() => read(large));
  expect(largeTime).toBeLessThan(8 * smallTime + 20);
}

// Seven reads of inputs up to 8,000 sections each: on a loaded machine that takes longer than vitest's 5 s default.
describe('an import takes time about linear in its input', { timeout: 30_000 }, () => {
  it('reads a card line of many `::` inside a code span or emphasis once, not once per `::`', () => {
    const line = (n: number) => `- \`a${' :: a'.repeat(n)}\`\n- *a${' :: a'.repeat(n)}*\n`;
    const inlineReads = vi.spyOn(MarkdownIt.prototype, 'parseInline');
    try {
      const readsOf = (text: string) => {
        inlineReads.mockClear();
        expect(parse(text).cards).toEqual([]);
        return inlineReads.mock.calls.length;
      };
      expect(readsOf(line(1000))).toBe(readsOf(line(1)));
    } finally {
      inlineReads.mockRestore();
    }
    expectAboutLinear(line, parse, 300);
  });

  it('trims the punctuation around a text in one pass, however many runs of it the text holds', () => {
    expectAboutLinear((n) => `a${'!'.repeat(n)}b`, normalizeText, 10_000);
    expectAboutLinear((n) => `a${' .'.repeat(n)} b`, normalizeText, 10_000);
    expect(normalizeText(`  ¡a${' .'.repeat(5)} b! 😀  `)).toBe('a . . . . . b! 😀');
    expect(normalizeText('«Ünïcode»…')).toBe('ünïcode');
  });

  it('drops the empty lines a block ends with in one pass, however many there are', () => {
    const fence = (n: number) => `- topic\n\n  \`\`\`\n${'\n'.repeat(n)}  \`\`\`\n`;
    // From 10,000 to 40,000 lines markdown-it alone takes about 20x once (0.8 to 16 ms), then 4x again to 160,000:
    // measured past that step, where the growth left is prepdeck's own (a CI run failed at 10,000 vs 40,000).
    expectAboutLinear(fence, parse, 50_000);
    expect(parse(fence(3)).entries[0]!.details).toBe('```\n\n\n\n```');
  });

  it('trims the closing parentheses after a www link counting them once', () => {
    expectAboutLinear((n) => `- www.a${')'.repeat(n)}\n`, parse, 2000);
    const links = parse(`- www.example.com/a_(b)${')'.repeat(500)}.\n- www.example.com/(c)!\n`).entries.map((e) => e.resources[0]?.url);
    expect(links).toEqual(['http://www.example.com/a_(b)', 'http://www.example.com/(c)']);
  });

  it('reads front matter of many keys checking for repeated keys once', () => {
    const frontMatter = (n: number) => `---\n${Array.from({ length: n }, (_, i) => `key${i}: value`).join('\n')}\n---\n- topic\n`;
    expectAboutLinear(frontMatter, parse, 5000);
    expect(parse(frontMatter(3)).frontMatter?.data).toEqual({ key0: 'value', key1: 'value', key2: 'value' });
    expect(parse('---\na: 1\nb:\n  c: 1\n  c: 2\n---\n- topic\n').warnings).toEqual([
      'front matter is not valid YAML (Map keys must be unique at line 4, column 3:); kept as text',
    ]);
  });

  it('looks section titles up among the goals titles front matter names, however many it names', () => {
    const checklist = (n: number) =>
      `---\nprepdeck:\n  goals:\n${Array.from({ length: n }, (_, i) => `    - Goal ${i}`).join('\n')}\n---\n` +
      Array.from({ length: n }, (_, i) => `# Section ${i}\n- topic ${i}\n`).join('');
    expectAboutLinear(checklist, parse, 2000);
    const parsed = parse(`${checklist(2)}# Goal 1\n- a goal\n`);
    expect(parsed.entries.map((e) => e.kind)).toEqual([...Array<string>(2).fill('topic'), 'goal']);
  });

  it('plans a re-import of long topics all replaced by new text with work about linear in their number', () => {
    let seed = 7;
    const random = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 2 ** 32;
    };
    const word = () => Array.from({ length: 3 + Math.floor(random() * 6) }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
    const checklist = (count: number) =>
      `# Topics\n${Array.from({ length: count }, () => `- ${Array.from({ length: 300 }, word).join(' ')}`).join('\n')}\n`;
    const rewrite = (count: number) => ({ stored: storedAfterFirstImport(parse(checklist(count))), next: parse(checklist(count)) });
    expectAboutLinear(rewrite, ({ stored, next }) => planImport(next, stored.sections, stored.topics), 100);
  });
});

describe('titles cleaned of badges, anchors and trailing links take time linear in their length', { timeout: 30_000 }, () => {
  it('however many unclosed badge openings, separators or anchor tags a line holds', () => {
    expectAboutLinear((n) => `- ![a](b.png) ${'[!['.repeat(n)} x\n`, parse, 3000);
    expectAboutLinear((n) => `- a${' -'.repeat(n)}b <https://a.example>\n`, parse, 3000);
    expectAboutLinear((n) => `- <a name="x"> ${'<a name='.repeat(n)} [↑](#top) [p]()\n`, parse, 3000);
    expect(parse('- ![a](b.png) Two Sum\n').entries[0]!.text).toBe('Two Sum');
  });

  it('however many paragraphs hold a `?` or `::`', () => {
    expectAboutLinear((n) => Array.from({ length: n }, (_, i) => `Why ${i}?\nstd::move ${i}::x\n`).join('\n'), parse, 500);
  });
});
