// The one markdown-it configuration prepdeck reads checklists with: CommonMark + the GFM parts we need.
import markdownIt, { type MarkdownIt } from 'markdown-it';

// GFM extended www autolink: `www.` then a domain, then anything up to whitespace or `<`,
// minus trailing punctuation (https://github.github.com/gfm/#extended-www-autolink).
const WWW_TAIL = /^[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*[^\s<]*/u;
const TRAILING_PUNCTUATION = /[?!.,:*_~'"]+$/;

function trimUnbalancedParens(url: string): string {
  let trimmed = url;
  while (trimmed.endsWith(')')) {
    const open = trimmed.split('(').length - 1;
    const close = trimmed.split(')').length - 1;
    if (close <= open) break;
    trimmed = trimmed.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return trimmed;
}

/** markdown-it stops reading (silently) past this depth; deep enough for any real outline. */
export const MAX_NESTING = 400;

export function createMarkdownParser(): MarkdownIt {
  const md = markdownIt('default', { html: true, linkify: true, maxNesting: MAX_NESTING });
  // GFM autolinks only with a scheme or `www.`: `session.timeout.ms` must stay text.
  md.linkify.set({ fuzzyLink: false, fuzzyIP: false, fuzzyEmail: true });
  md.linkify.add('www.', {
    validate(text, pos) {
      const match = WWW_TAIL.exec(text.slice(pos));
      if (!match) return 0;
      return trimUnbalancedParens(match[0].replace(TRAILING_PUNCTUATION, '')).length;
    },
    normalize(match) {
      match.url = `http://${match.url}`;
    },
  });
  // A `javascript:` link is still a link in CommonMark; whether it may be clicked is decided later.
  md.validateLink = () => true;
  // Keep URLs as the user wrote them (no percent-encoding of Cyrillic paths).
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (text) => text;
  return md;
}
