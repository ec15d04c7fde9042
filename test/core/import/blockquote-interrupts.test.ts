// The import's parser wraps markdown-it's blockquote rule (to know when a quote is open at the nesting limit): a `>`
// line must still end a paragraph, a list item's text or a reference and start a quote, as CommonMark reads it and
// markdown-it's own rule does, and lazy continuation lines must stay lazy where CommonMark says so.
import fc from 'fast-check';
import markdownIt, { type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { createMarkdownParser } from '../../../src/core/import/markdown.js';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';

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
