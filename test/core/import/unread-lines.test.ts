// Issue 14 item 1: the "not read" warning is exactly right in both directions. Every line carries a word of
// its own; a line is reported as not read exactly when its word is nowhere in what the import read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import type { ParsedChecklist } from '../../../src/core/checklist/model.js';

const parse = (text: string, topics: 'auto' | 'all' | 'tasks' | 'headings' = 'auto') => parseChecklist(text, { fallbackTitle: 't', topics });

/** Everything the import kept, as one text to look words up in. */
function modelText(parsed: ParsedChecklist): string {
  return [
    parsed.frontMatter?.source ?? '',
    ...parsed.sections.flatMap((s) => [s.title, ...s.notes.map((n) => n.source), ...s.resources.flatMap((r) => [r.url, r.title])]),
    ...parsed.entries.flatMap((e) => [e.title, e.details, ...e.resources.flatMap((r) => [r.url, r.title])]),
    ...parsed.cards.flatMap((c) => [c.front, c.back]),
  ].join('\n');
}

/** The 1-based lines a warning reports as not read. */
function reportedLines(parsed: ParsedChecklist): Set<number> {
  const lines = new Set<number>();
  for (const warning of parsed.warnings) {
    const match = /(?:lines?) ([\d, -]+) (?:was|were) not read$/.exec(warning);
    for (const part of match?.[1]!.split(', ') ?? []) {
      const [start, end = start] = part.split('-').map(Number);
      for (let line = start!; line <= end!; line++) lines.add(line);
    }
  }
  return lines;
}

const container = fc.constantFrom('- ', '* ', '1. ', '> ', '  ', '- [ ] ', '- [x] ', '    ');
/** A prefix of containers, sometimes far deeper than the parser reads. */
const prefix = fc.oneof(
  { arbitrary: fc.array(container, { maxLength: 6 }).map((parts) => parts.join('')), weight: 6 },
  { arbitrary: fc.tuple(container, fc.integer({ min: 150, max: 700 })).map(([part, times]) => part.repeat(times)), weight: 1 },
);
/** A line's shape: `@` stands for its word, `[d@]:` makes it a reference definition, '' a blank line. */
const line: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc
      .tuple(prefix, fc.constantFrom('', '# ', '### ', 'see [a](https://a.example) ', '`code` ', 'question :: '))
      .map(([before, inner]) => `${before}${inner}@`),
    weight: 8,
  },
  // A bullet of a link alone: a resource, and under a heading of its own further reading (read by headings).
  { arbitrary: prefix.map((before) => `${before}[r](https://r.example/@)`), weight: 2 },
  { arbitrary: fc.constant(''), weight: 2 },
  { arbitrary: fc.constant('[d@]: https://d.example/@'), weight: 1 },
  { arbitrary: fc.constantFrom('```', '---', '<!-- c -->'), weight: 1 },
);

describe('the not-read warning', () => {
  it('names exactly the lines whose content the import did not read', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 25 }),
        fc.constantFrom<'auto' | 'all' | 'tasks' | 'headings'>('auto', 'all', 'tasks', 'headings'),
        (shape, topics) => {
          const lines = shape.map((template, i) => template.replaceAll('@', `w${i}x`));
          // Each definition is used first (a definition may come after its use), so one read shows as its link's URL.
          const uses = lines.flatMap((source, i) => (source.startsWith('[d') ? [`- [use][dw${i}x]`] : []));
          const head = [...uses, '', '<!-- the file -->', ''];
          const parsed = parse([...head, ...lines].join('\n'), topics);
          const kept = modelText(parsed);
          const reported = reportedLines(parsed);
          lines.forEach((source, i) => {
            const word = `w${i}x`;
            if (!source.includes(word)) return;
            const read = source.startsWith('[d') ? kept.includes(`https://d.example/${word}`) : kept.includes(word);
            const line = head.length + i + 1;
            expect({ line, source, reported: reported.has(line) }).toEqual({ line, source, reported: !read });
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('is silent for link reference definitions at the end of a file', () => {
    const parsed = parse('# Guide\n- Read [the docs][d] first\n\n[d]: https://d.example\n[e]: https://e.example "E"\n[f]:\n  https://f.example\n');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.entries[0]!.resources.map((r) => r.url)).toEqual(['https://d.example']);
  });

  it('reports 10,000 levels of `- ` on one line, which nothing reads', () => {
    const parsed = parse(`${'- '.repeat(10_000)}deep\n`);
    expect(parsed.entries).toEqual([]);
    expect(parsed.warnings).toEqual([expect.stringMatching(/; line 1 was not read$/)]);
  });

  it('is silent for a quote nested past the limit, whose source is kept whole as a note', () => {
    const deep = `${'> '.repeat(500)}deep`;
    const parsed = parse(`# A\n- one\n\n${deep}\n\n# B\n- two\n`);
    expect(parsed.entries.map((e) => e.text)).toEqual(['one', 'two']);
    expect(parsed.sections[1]!.notes.map((n) => n.source)).toEqual([deep]);
    expect(parsed.warnings).toEqual([]);
  });
});
