import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import { readFixture } from '../../support/fixtures.js';

/** Markdown-shaped text: the pieces checklists are made of, in any order and nesting. */
const markdownLine = fc.oneof(
  fc.constantFrom(
    '# ',
    '## ',
    '### ',
    '- ',
    '* ',
    '+ ',
    '1. ',
    '  - ',
    '\t- ',
    '    ',
    '> ',
    '- [ ] ',
    '- [x] ',
    '- ### ',
    '---',
    '```',
    '<pre>',
    '</pre>',
    '| a | b |',
    '|---|---|',
    '',
  ),
  fc.string(),
  fc.constantFrom(
    '[a](http://x.y)',
    '<https://a.b>',
    'www.a.b',
    '[r][1]',
    '[1]: http://r',
    '\\_\\_init\\_\\_',
    'плюшки',
    '[x](javascript:alert(1))',
    '\r',
    '\uFEFF',
    '\u202E',
  ),
);
const markdownText = fc
  .array(
    fc.array(markdownLine, { maxLength: 4 }).map((parts) => parts.join('')),
    { maxLength: 40 },
  )
  .map((lines) => lines.join('\n'));

describe('import never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        parseChecklist(text, { fallbackTitle: 't' });
      }),
      { numRuns: 500 },
    );
  });

  it('on Markdown-shaped text, and every entry points at lines of the file', () => {
    fc.assert(
      fc.property(markdownText, fc.constantFrom<'auto' | 'all' | 'tasks' | 'headings'>('auto', 'all', 'tasks', 'headings'), (text, topics) => {
        const parsed = parseChecklist(text, { fallbackTitle: 't', topics });
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const entry of parsed.entries) {
          expect(entry.lines.start).toBeGreaterThanOrEqual(1);
          expect(entry.lines.end).toBeLessThanOrEqual(lineCount);
          if (entry.parentIndex !== null) expect(entry.parentIndex).toBeLessThan(entry.index);
        }
        for (const section of parsed.sections.slice(1)) expect(section.parentIndex).toBeLessThan(section.index);
      }),
      { numRuns: 500 },
    );
  });

  it('on the hostile checklist, keeping dangerous links unclickable', () => {
    const parsed = parseChecklist(readFixture('hostile.md'), { fallbackTitle: 'hostile' });
    const resources = [...parsed.sections.flatMap((s) => s.resources), ...parsed.entries.flatMap((e) => e.resources)];
    for (const r of resources) expect(r.clickable).toBe(/^(https?:|mailto:)/i.test(r.url));
    expect(resources.some((r) => r.url.startsWith('javascript:'))).toBe(true);
    expect(parsed.entries.length).toBeGreaterThan(0);
  });
});
