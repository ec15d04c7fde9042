// The import reads each line's inline Markdown only as it reaches the line, and lets its tokens go after (a speed-up:
// see createLineByLineParser). The tokens it reads must be exactly those of markdown-it's own whole-document parse.
import fc from 'fast-check';
import type { Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { createLineByLineParser, createMarkdownParser, type ParseEnv } from '../../../src/core/import/markdown.js';
import { hasUserFixture, readFixture, USER_FIXTURE } from '../../support/fixtures.js';
import { readFileSync } from 'node:fs';

const whole = createMarkdownParser();
const lineByLine = createLineByLineParser();

/** Every token of the document, each inline token with its children, as JSON. */
function wholeParse(text: string): string {
  return JSON.stringify(whole.parse(text, { skipped: [] }));
}

function readLineByLine(text: string): string {
  const env: ParseEnv = { skipped: [] };
  const tokens = lineByLine.parse(text, env);
  expect(tokens.filter((token) => token.type === 'inline').every((token) => token.children?.length === 0)).toBe(true);
  // Lines read last to first: each line's reading stands on its own, whatever was read before it.
  const children = new Map<Token, string>();
  for (const token of [...tokens].reverse()) {
    if (token.type === 'inline')
      children.set(
        token,
        lineByLine.readLine(token, env, (inline) => JSON.stringify(inline.children)),
      );
  }
  // Let go after the reading: the tokens of 20,000 lines alive at once are what the reader avoids.
  expect(tokens.every((token) => token.type !== 'inline' || token.children?.length === 0)).toBe(true);
  return JSON.stringify(
    tokens.map((token) => {
      const plain = JSON.parse(JSON.stringify(token)) as Record<string, unknown>;
      if (children.has(token)) plain['children'] = JSON.parse(children.get(token)!);
      return plain;
    }),
  );
}

const piece = fc.oneof(
  fc.constantFrom(
    '- ',
    '* [ ] ',
    '1. ',
    '# ',
    '> ',
    '    ',
    '\n',
    '\n\n',
    '[ref]',
    '[text][ref]',
    '\n[ref]: https://example.com/ref "Title"\n',
    '[link](https://example.com/x)',
    '<https://auto.link>',
    'see https://example.com/a_(b) now',
    'www.example.org/path.',
    'mail me@example.com',
    '`code`',
    '**bold** _em_ ~~gone~~',
    '![img](i.png)',
    '<span>html</span>',
    '&amp; &#x41;',
    '\\*escaped\\*',
    'Q::A',
    '| a | b |\n|---|---|\n| [c](d) | `e` |',
    'line with two spaces  \nand a break',
    'Цели: плюшки https://пример.рф/путь',
  ),
  fc.string({ maxLength: 12 }),
);
const markdown = fc
  .array(
    fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(' ')),
    { maxLength: 12 },
  )
  .map((lines) => lines.join('\n'));

describe("the import reads each line's inline Markdown as markdown-it's whole parse does", () => {
  it('on lines mixing references, links, emphasis, code, HTML, entities, tables and text', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(readLineByLine(text)).toBe(wholeParse(text));
      }),
      { numRuns: 400 },
    );
  });

  it('on the hostile fixture and the user checklist', () => {
    expect(readLineByLine(readFixture('hostile.md'))).toBe(wholeParse(readFixture('hostile.md')));
    if (hasUserFixture) {
      const text = readFileSync(USER_FIXTURE, 'utf8');
      expect(readLineByLine(text)).toBe(wholeParse(text));
    }
  });
});
