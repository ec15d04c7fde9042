// The one markdown-it configuration prepdeck reads checklists with: CommonMark + the GFM parts we need.
import markdownIt, { type Env, type MarkdownIt, type Token } from 'markdown-it';

// GFM extended www autolink: `www.` then a domain, then anything up to whitespace or `<`,
// minus trailing punctuation (https://github.github.com/gfm/#extended-www-autolink).
const WWW_TAIL = /^[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*[^\s<]*/u;
const TRAILING_PUNCTUATION = new Set('?!.,:*_~\'"');

/**
 * The link's length once trailing punctuation and unbalanced closing parentheses are trimmed, counting the
 * parentheses once: counting them again for every `)` trimmed made `www.a` and 10k `)` take 5 s.
 */
function autolinkLength(url: string): number {
  let open = 0;
  let close = 0;
  for (const char of url) {
    if (char === '(') open++;
    else if (char === ')') close++;
  }
  let end = url.length;
  for (;;) {
    while (end > 0 && TRAILING_PUNCTUATION.has(url[end - 1]!)) end--;
    if (url[end - 1] !== ')' || close <= open) return end;
    close--;
    end--;
  }
}

/** markdown-it stops reading (silently) past this depth; deep enough for any real outline. */
export const MAX_NESTING = 400;

/**
 * What a parse records in its env: the lines (0-based, end exclusive) markdown-it skipped at its nesting limit, and
 * (markdown-it's own) the file's reference definitions.
 */
export type ParseEnv = {
  skipped: Array<[number, number]>;
  references?: Env['references'];
};

/**
 * markdown-it's linkify rule first runs linkify-it over each whole line, link destinations included, and only then
 * looks at the line's text: on a checklist where every item holds a `[link](https://...)`, validating those URLs
 * was a third of the parse. The rule now sees only the lines where a text token outside links holds a link (the
 * same tokens and test it applies itself, so its result is unchanged).
 */
function onlyLinesWithBareLinks(md: MarkdownIt): void {
  const linkify = md.core.ruler.__rules__.find((rule) => rule.name === 'linkify')!.fn;
  const mayHoldLink = linkCandidateTest(md);
  md.core.ruler.at('linkify', (state) => {
    const all = state.tokens;
    const candidates = all.filter((token) => token.type === 'inline' && hasBareLink(token.children ?? [], md, mayHoldLink));
    if (candidates.length === 0) return;
    state.tokens = candidates;
    try {
      linkify(state);
    } finally {
      state.tokens = all;
    }
  });
}

/**
 * Whether a text may hold a link linkify finds, far cheaper than its own test (which looks at what stands before each
 * scheme with a large Unicode class, on every text of every line): without fuzzy links (`example.com`), a link starts
 * with one of its schemes (`https:`, `//`, `www.`...), and an e-mail holds an `@`.
 */
function linkCandidateTest(md: MarkdownIt): (text: string) => boolean {
  if (md.linkify.__opts__.fuzzyLink) return () => true;
  const schemeOrAt = new RegExp(`${md.linkify.re.get_schema_names().source}|@`, 'i');
  return (text) => schemeOrAt.test(text);
}

function hasBareLink(children: Token[], md: MarkdownIt, mayHoldLink: (text: string) => boolean): boolean {
  let linkDepth = 0;
  for (const token of children) {
    if (token.type === 'link_open') linkDepth++;
    else if (token.type === 'link_close') linkDepth--;
    else if (linkDepth === 0 && token.type === 'text' && mayHoldLink(token.content) && md.linkify.test(token.content)) return true;
  }
  return false;
}

export function createMarkdownParser(): MarkdownIt {
  const md = markdownIt('default', { html: true, linkify: true, maxNesting: MAX_NESTING });
  // GFM autolinks only with a scheme or `www.`: `session.timeout.ms` must stay text.
  md.linkify.set({ fuzzyLink: false, fuzzyIP: false, fuzzyEmail: true });
  md.linkify.add('www.', {
    validate(text, pos) {
      const match = WWW_TAIL.exec(text.slice(pos));
      if (!match) return 0;
      return autolinkLength(match[0]);
    },
    normalize(match) {
      match.url = `http://${match.url}`;
    },
  });
  onlyLinesWithBareLinks(md);
  // A `javascript:` link is still a link in CommonMark; whether it may be clicked is decided later.
  md.validateLink = () => true;
  // Keep URLs as the user wrote them (no percent-encoding of Cyrillic paths).
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (text) => text;
  // markdown-it skips a container's content at the nesting limit without a token saying so: note which lines it
  // skipped, so that the import reports exactly those (a trailing reference definition, read without a token, is not).
  // Inside a quote they are not lost: the import keeps a quote's source whole.
  let quotesOpen = 0;
  const { fn: blockquote, alt } = md.block.ruler.__rules__.find((rule) => rule.name === 'blockquote')!;
  // `at` resets the rule's alt to none unless given: keep the blocks a quote may interrupt (a paragraph, a list
  // item's text, a reference), or a `>` line right after text would be read as more of that text, against CommonMark.
  md.block.ruler.at(
    'blockquote',
    (state, startLine, endLine, silent) => {
      if (silent) return blockquote(state, startLine, endLine, silent);
      quotesOpen++;
      try {
        return blockquote(state, startLine, endLine, silent);
      } finally {
        quotesOpen--;
      }
    },
    { alt: [...alt] },
  );
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state, startLine, endLine) => {
    if (state.level >= MAX_NESTING && quotesOpen === 0) {
      const first = state.skipEmptyLines(startLine);
      if (first < endLine) (state.env as Partial<ParseEnv>).skipped?.push([first, endLine]);
    }
    tokenize(state, startLine, endLine);
  };
  return md;
}

/**
 * markdown-it reads a document in two phases: its blocks, then the inline Markdown of every line, whose tokens all
 * live until the parse returns. An import reads each line once and keeps what it read, not the tokens: kept alive
 * together, the 20,000-topic file's 220,000 inline tokens are copied through every young-generation collection of
 * the parse (markdown-it's parse of that file took 470 ms keeping them, 310 ms reading each line's and letting
 * them go: issue 14, item 21).
 */
export interface LineByLineParser {
  /** The document's block tokens, as markdown-it's parse gives them but for the `children` of `inline` tokens, empty. */
  parse(src: string, env: ParseEnv): Token[];
  /**
   * The inline tokens of one `inline` token `parse` made (with the same env), as markdown-it's own parse would have
   * made them. They are the token's `children` only for the call: the reader keeps what it needs of them.
   */
  readLine<T>(inline: Token, env: ParseEnv, read: (inline: Token) => T): T;
}

export function createLineByLineParser(): LineByLineParser {
  const blocks = createMarkdownParser();
  const lines = createMarkdownParser();
  // The core rules before `inline` read blocks; it and every rule after it (linkify, text_join...) read lines.
  const rules = blocks.core.ruler.__rules__.map((rule) => rule.name);
  const firstLineRule = rules.indexOf('inline');
  blocks.core.ruler.disable(rules.slice(firstLineRule));
  lines.core.ruler.disable(rules.slice(0, firstLineRule));
  return {
    parse: (src, env) => blocks.parse(src, env),
    readLine(inline, env, read) {
      const state = new lines.core.State('', lines, env);
      state.tokens = [inline];
      inline.children = [];
      try {
        lines.core.process(state);
        return read(inline);
      } finally {
        inline.children = [];
      }
    },
  };
}
