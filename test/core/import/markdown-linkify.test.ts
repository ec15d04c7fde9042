// The import's parser hands markdown-it's linkify rule only the lines that may hold a bare link (a speed-up):
// its tokens must be exactly those of markdown-it's own rule on every line.
import fc from 'fast-check';
import markdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { createMarkdownParser } from '../../../src/core/import/markdown.js';
import { hasUserFixture, readFixture, USER_FIXTURE } from '../../support/fixtures.js';
import { readFileSync } from 'node:fs';

const gated = createMarkdownParser();
const reference = createMarkdownParser();
const ownRule = markdownIt().core.ruler.__rules__.find((rule) => rule.name === 'linkify')!.fn;
reference.core.ruler.at('linkify', ownRule);

const tokens = (md: ReturnType<typeof createMarkdownParser>, text: string) => JSON.stringify(md.parse(text, { skipped: [] }));

const piece = fc.oneof(
  fc.constantFrom(
    '- ',
    '* [ ] ',
    '# ',
    '> ',
    '    ',
    'see https://example.com/a_(b) now',
    '[ref](https://example.com/x)',
    '[https://inside.link](https://x.y)',
    '<https://auto.link>',
    '<a href="https://x.y">https://in.html</a>',
    'www.example.org/path.',
    'mail me@example.com',
    '`https://in.code`',
    '**bold https://b.c**',
    '\\https://escaped.x',
    'http://',
    'плюшки https://пример.рф/путь',
    '![img](https://i.png) https://after.img',
  ),
  fc.string({ maxLength: 12 }),
);
const line = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(' '));
const markdown = fc.array(line, { maxLength: 12 }).map((lines) => lines.join('\n'));

describe('the import parser links bare URLs exactly as markdown-it does', () => {
  it('on lines mixing links, bare URLs, code, HTML and text', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(tokens(gated, text)).toBe(tokens(reference, text));
      }),
      { numRuns: 400 },
    );
  });

  it('on the hostile fixture and the user checklist', () => {
    expect(tokens(gated, readFixture('hostile.md'))).toBe(tokens(reference, readFixture('hostile.md')));
    if (hasUserFixture) {
      const text = readFileSync(USER_FIXTURE, 'utf8');
      const parsed = gated.parse(text, { skipped: [] });
      expect(parsed.some((token) => token.children?.some((child) => child.markup === 'linkify'))).toBe(true);
      expect(tokens(gated, text)).toBe(tokens(reference, text));
    }
  });
});
