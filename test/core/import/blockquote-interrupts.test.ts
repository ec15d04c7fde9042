// The import's parser wraps markdown-it's blockquote rule (to know when a quote is open at the nesting limit): a `>`
// line must still end a paragraph, a list item's text or a reference and start a quote, as CommonMark reads it and
// markdown-it's own rule does, and lazy continuation lines must stay lazy where CommonMark says so.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import markdownIt, { type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/import/identity.js';
import { readInline } from '../../../src/core/import/inline.js';
import { createMarkdownParser } from '../../../src/core/import/markdown.js';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import { hasUserFixture, readFixture, USER_FIXTURE } from '../../support/fixtures.js';

const ours = createMarkdownParser();
/** markdown-it as configured out of the box, with raw HTML read as the import reads it. */
const reference = markdownIt('default', { html: true });

/** The block structure of a parse: what each block token is and which lines it covers (inline children aside: linkify differs). */
const blocks = (md: ReturnType<typeof markdownIt>, text: string) =>
  md.parse(text, { skipped: [] }).map((token: Token) => ({
    type: token.type,
    level: token.level,
    map: token.map,
    markup: token.markup,
    content: token.content,
  }));

/** The block token types of a parse in order, `inline` tokens shown by their text. */
const shape = (text: string) =>
  ours.parse(text, { skipped: [] }).map((token) => (token.type === 'inline' ? `inline ${JSON.stringify(token.content)}` : token.type));

describe('a `>` line interrupts what it follows, as CommonMark reads it', () => {
  it('ends a paragraph and starts a quote', () => {
    expect(shape('Some text\n> a quote\n')).toEqual([
      'paragraph_open',
      'inline "Some text"',
      'paragraph_close',
      'blockquote_open',
      'paragraph_open',
      'inline "a quote"',
      'paragraph_close',
      'blockquote_close',
    ]);
  });

  it("ends a list item's text: at the item's indentation the quote is in the item, at the margin after the list", () => {
    expect(shape('- [ ] topic\n  > a quote\n')).toEqual([
      'bullet_list_open',
      'list_item_open',
      'paragraph_open',
      'inline "[ ] topic"',
      'paragraph_close',
      'blockquote_open',
      'paragraph_open',
      'inline "a quote"',
      'paragraph_close',
      'blockquote_close',
      'list_item_close',
      'bullet_list_close',
    ]);
    expect(shape('- [ ] topic\n> a quote\n')).toEqual([
      'bullet_list_open',
      'list_item_open',
      'paragraph_open',
      'inline "[ ] topic"',
      'paragraph_close',
      'list_item_close',
      'bullet_list_close',
      'blockquote_open',
      'paragraph_open',
      'inline "a quote"',
      'paragraph_close',
      'blockquote_close',
    ]);
  });

  it('ends a reference definition, and a paragraph inside a quote with a nested quote', () => {
    expect(shape('[ref]: https://example.com\n> a quote\n')).toEqual([
      'blockquote_open',
      'paragraph_open',
      'inline "a quote"',
      'paragraph_close',
      'blockquote_close',
    ]);
    expect(shape('> outer\n> > inner\n')).toEqual([
      'blockquote_open',
      'paragraph_open',
      'inline "outer"',
      'paragraph_close',
      'blockquote_open',
      'paragraph_open',
      'inline "inner"',
      'paragraph_close',
      'blockquote_close',
      'blockquote_close',
    ]);
  });

  it("keeps lazy continuation lines lazy: a quote's paragraph, a list item's in a quote, a quote's in a list item", () => {
    expect(shape('> quoted\nlazy\n')).toEqual(['blockquote_open', 'paragraph_open', 'inline "quoted\\nlazy"', 'paragraph_close', 'blockquote_close']);
    expect(shape('> - item\nlazy\n')).toContain('inline "item\\nlazy"');
    // markdown-it keeps a lazy line's indentation in the paragraph's source; its inline reading drops it.
    expect(shape('- topic\n  > quoted\n  lazy\n')).toContain('inline "quoted\\n  lazy"');
    expect(shape('> foo\n    - bar\n')).toContain('inline "foo\\n    - bar"');
  });

  it('and no further: a blank line, a list, a rule or a fence after a quote is not its text', () => {
    expect(shape('> quoted\n\nafter\n').filter((type) => type.startsWith('inline'))).toEqual(['inline "quoted"', 'inline "after"']);
    expect(shape('> - foo\n- bar\n').filter((type) => type === 'bullet_list_open')).toHaveLength(2);
    expect(shape('> foo\n---\n')).toEqual(['blockquote_open', 'paragraph_open', 'inline "foo"', 'paragraph_close', 'blockquote_close', 'hr']);
    expect(shape('> ```\nfoo\n```\n')).toEqual([
      'blockquote_open',
      'fence',
      'blockquote_close',
      'paragraph_open',
      'inline "foo"',
      'paragraph_close',
      'fence',
    ]);
  });
});

const piece = fc.constantFrom(
  '',
  'text',
  'more text',
  '> ',
  '>',
  '> > ',
  '  > ',
  '    > ',
  '- ',
  '- [ ] ',
  '  - ',
  '1. ',
  '# ',
  '```',
  '---',
  '    ',
  '[ref]: https://example.com',
  '<div>',
);
const line = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));
const markdown = fc.array(line, { maxLength: 10 }).map((lines) => lines.join('\n'));

describe("the import parser reads quotes exactly as markdown-it's own rule does", () => {
  it('on the shapes above', () => {
    for (const text of [
      'Some text\n> a quote\n',
      '- [ ] topic\n  > a quote\n',
      '- [ ] topic\n> a quote\n',
      '[ref]: https://example.com\n> a quote\n',
      '> outer\n> > inner\n',
      '> quoted\nlazy\n',
      '> - item\nlazy\n',
      '- topic\n  > quoted\n  lazy\n',
      '> foo\n    - bar\n',
      '> - foo\n- bar\n',
      '> foo\n---\n',
      '> ```\nfoo\n```\n',
    ]) {
      expect(blocks(ours, text), text).toEqual(blocks(reference, text));
    }
  });

  it('on lines mixing quotes, lists, tasks, headings, fences, rules, references, HTML and text', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(blocks(ours, text)).toEqual(blocks(reference, text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('what the import makes of a quote right after a line', () => {
  const parse = (text: string) => parseChecklist(text, { fallbackTitle: 'untitled', topics: 'auto' });

  it("a quote indented under a topic is that topic's details, not part of its title", () => {
    const parsed = parse('# Go\n\n- [ ] Channels\n  > buffered or not\n- [ ] Mutex\n');
    expect(parsed.entries.map((e) => [e.title, e.details])).toEqual([
      ['Channels', '> buffered or not'],
      ['Mutex', ''],
    ]);
  });

  it("a quote at the margin after a topic's line ends the list: a note of the section in an outline", () => {
    const parsed = parse('# Go\n\n- Channels\n> see the spec\n');
    expect(parsed.entries.map((e) => [e.title, e.details])).toEqual([['Channels', '']]);
    expect(parsed.sections[1]!.notes.map((n) => [n.kind, n.source])).toEqual([['blockquote', '> see the spec']]);
  });

  it("a quote right after a section's paragraph is a note of its own", () => {
    const parsed = parse('# Go\n\nSome text\n> a quote\n\n- Channels\n');
    expect(parsed.sections[1]!.notes.map((n) => [n.kind, n.source])).toEqual([
      ['paragraph', 'Some text'],
      ['blockquote', '> a quote'],
    ]);
  });
});

/**
 * The import's parser as it was before a `>` line could interrupt text: the blockquote rule registered again by
 * `ruler.at` without an alt, exactly the former code.
 */
function formerParser() {
  const md = createMarkdownParser();
  md.block.ruler.at('blockquote', md.block.ruler.__rules__.find((rule) => rule.name === 'blockquote')!.fn);
  return md;
}
const former = formerParser();

/** How a parser reads the paragraph starting on a line: its identity text, its last line, whether a `>` line follows it. */
interface ParagraphReading {
  identity: string;
  last: number;
  quoted: boolean;
}

/** The paragraphs a parser reads in a text, by the line (1-based) each starts on, and the lines its quotes and code hold. */
function paragraphs(md: typeof ours, text: string): { read: Map<number, ParagraphReading>; quoteLines: Set<number> } {
  const lines = text.split('\n');
  const tokens = md.parse(text, { skipped: [] });
  const read = new Map<number, ParagraphReading>();
  const quoteLines = new Set<number>();
  tokens.forEach((token, i) => {
    const [start, end] = token.map ?? [];
    if (start === undefined || end === undefined) return;
    if (token.type === 'paragraph_open')
      read.set(start + 1, { identity: readInline(tokens[i + 1]!).identityText, last: end, quoted: /^[ \t]*>/.test(lines[end] ?? '') });
    if (token.type === 'blockquote_open' || token.type === 'code_block') for (let line = start + 1; line <= end; line++) quoteLines.add(line);
  });
  return { read, quoteLines };
}

/**
 * Each topic of a parse whose text a `>` line follows directly is recognised as the former parser read the item on
 * its line, where that parser's paragraph went on only through quotes (an item it read as no paragraph, a heading
 * underlined by a later line, was no topic then; lines after the quote read as more of it are rare, and left to the
 * rename matching); every other topic by its own text, as the parser reads it now, or with `asBefore` as the former
 * parser read it too.
 */
function expectFormerIdentities(text: string, asBefore = false): void {
  const now = paragraphs(ours, text);
  const before = paragraphs(former, text).read;
  for (const entry of parseChecklist(text, { fallbackTitle: 'untitled', topics: 'auto' }).entries) {
    const line = entry.textStart?.line ?? entry.lines.start;
    const paragraph = now.read.get(line);
    const formerly = before.get(line);
    if (entry.heading || !paragraph) continue;
    const lines = formerly ? Array.from({ length: formerly.last - paragraph.last }, (_, i) => paragraph.last + 1 + i) : [];
    if (paragraph.quoted && !lines.every((after) => now.quoteLines.has(after))) continue;
    const expected = paragraph.quoted || asBefore ? formerly?.identity : paragraph.identity;
    if (expected !== undefined) expect(normalizeText(entry.identityText ?? entry.text), `${text}\nline ${line}`).toBe(normalizeText(expected));
  }
}

describe('a topic whose line a quote follows directly is still recognised by the text it was read as before', () => {
  const parse = (text: string) => parseChecklist(text, { fallbackTitle: 'untitled', topics: 'auto' });
  /** Each topic's title, what it is recognised by, and its details. */
  const read = (text: string) => parse(text).entries.map((e) => [e.text, e.identityText ?? e.text, e.details]);

  it('a quote indented under a task: its title is its own line, its identity that line and the quote', () => {
    expect(read('# Go\n\n- [x] Channels\n  > buffered or not\n- [ ] Mutex\n')).toEqual([
      ['Channels', 'Channels > buffered or not', '> buffered or not'],
      ['Mutex', 'Mutex', ''],
    ]);
  });

  it('a quote at the left margin after an item, even after a nested one', () => {
    expect(read('# Go\n\n- Channels\n> see the spec\n')).toEqual([['Channels', 'Channels > see the spec', '']]);
    expect(read('# Go\n\n- Concurrency\n  - Channels\n> see the spec\n')).toEqual([
      ['Concurrency', 'Concurrency', ''],
      ['Channels', 'Channels > see the spec', ''],
    ]);
  });

  it('a quote of several lines, its lazy line, a `>` line with nothing after it, and a quote that follows a quote', () => {
    expect(read('- [ ] Channels\n  > buffered\n  > or not\n  by default\n- [ ] Mutex\n')[0]).toEqual([
      'Channels',
      'Channels > buffered > or not by default',
      '> buffered\n> or not\nby default',
    ]);
    expect(read('- [ ] Channels\n  > buffered\n  >\n  > or not\n- [ ] Mutex\n')[0]).toEqual([
      'Channels',
      'Channels > buffered > > or not',
      '> buffered\n>\n> or not',
    ]);
    expect(read('- [ ] Channels\n  > buffered\n  >\n- [ ] Mutex\n')[0]).toEqual(['Channels', 'Channels > buffered >', '> buffered\n>']);
    // The first quote ends at its empty line; the second, at the margin, ends the list: before, all were the item's text.
    expect(read('- Channels\n  > buffered\n  >\n> or not\n')).toEqual([['Channels', 'Channels > buffered > > or not', '> buffered\n>']]);
  });

  it('a quote with inline Markdown: emphasis, code, links (a reference one too) and autolinks read as their text', () => {
    const text =
      '- [ ] Channels\n  > **buffered** or _not_, `make(chan int, 1)`: [the spec][spec], <https://go.dev/ref>\n- [ ] Mutex\n\n[spec]: https://go.dev/ref/spec\n';
    expect(read(text)[0]!.slice(0, 2)).toEqual(['Channels', 'Channels > buffered or not, make(chan int, 1): the spec, https://go.dev/ref']);
  });

  it("combines with what a title's badges, back-to-top links and trailing autolinks leave out: all read as they were then", () => {
    const text = '- [ ] Channels ![go](go.svg) [↑](#top)\n  > buffered\n- mypy <https://mypy.example/>\n  > a type checker\n- [ ] Mutex\n';
    expect(read(text).map(([title, identity]) => [title, identity])).toEqual([
      ['Channels', 'Channels go ↑ > buffered'],
      ['mypy', 'mypy https://mypy.example/ > a type checker'],
      ['Mutex', 'Mutex'],
    ]);
  });

  it('a `>` line that ends an item without making a quote: indented as code once the list has ended', () => {
    expect(read('  1. Channels\n    > buffered\n- Mutex\n')[0]!.slice(0, 2)).toEqual(['Channels', 'Channels > buffered']);
  });

  it('nests: the topics under such a topic keep their keys, which hold its identity', () => {
    const parsed = parse('# Go\n\n- Concurrency\n  > CSP style\n  - Channels\n');
    expect(parsed.entries.map((e) => e.identityText ?? e.text)).toEqual(['Concurrency > CSP style', 'Channels']);
  });

  it('is not given where the text was read the same before: a blank line before the quote, a quote under a heading or a paragraph', () => {
    for (const text of [
      '- [ ] Channels\n\n  > buffered or not\n- [ ] Mutex\n',
      '# Channels\n> buffered or not\n\n- Mutex\n',
      '- Channels\n\n  Some text\n  > a quote\n',
      '- Channels\n      > indented as code under the item: the same text before and now\n',
      '- Channels\n- > a quote of its own\n',
    ]) {
      expect(
        parse(text).entries.every((e) => e.identityText === undefined),
        text,
      ).toBe(true);
    }
  });

  const pieces = fc.constantFrom(
    'text',
    'more',
    '**bold**',
    '`code`',
    '[link](https://x.example)',
    '<https://y.example>',
    '![i](i.png)',
    '\\>',
    '`a',
  );
  const words = fc.array(pieces, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
  const quoteLine = fc
    .tuple(fc.constantFrom('> ', '>', '> > ', '  > ', '> - ', '', '- ', '# '), fc.oneof(words, fc.constant('')))
    .map(([start, rest]) => start + rest);
  const item = fc
    .tuple(
      fc.constantFrom('', '  '),
      fc.constantFrom('- ', '- [ ] ', '- [x] ', '1. '),
      words,
      fc.array(
        fc.tuple(fc.constantFrom('', '  '), quoteLine).map(([indent, line]) => indent + line),
        { maxLength: 4 },
      ),
    )
    .map(([indent, marker, title, after]) => [indent + marker + title, ...after].join('\n'));
  // A blank line after each item's lines: what came after them was the former paragraph's too, and is not read so now.
  const file = fc.array(item, { minLength: 1, maxLength: 6 }).map((items) => `# Go\n\n${items.join('\n\n')}\n`);

  it('on items followed by quote lines, lists, headings and text: the identity the former parser read', () => {
    fc.assert(
      fc.property(file, (text) => expectFormerIdentities(text)),
      { numRuns: 1000 },
    );
  });

  it('the fixtures read as before: no topic of theirs is recognised otherwise', () => {
    const files = ['task-list-study-plan.md', 'sprinkled-outline.md', 'hostile.md'].map(readFixture);
    if (hasUserFixture) files.push(readFileSync(USER_FIXTURE, 'utf8'));
    for (const text of files) expectFormerIdentities(text, true);
  });
});
