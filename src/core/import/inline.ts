// Reading one line of inline Markdown: its plain text, its links, and whether it is only links.
import type { Token } from 'markdown-it';
import type { ParsedResource, TaskMarker } from '../checklist/model.js';
import { markerOfCharacter, TASK_MARKER } from '../checklist/task-markers.js';

/** What may stand between the links of a link-only bullet; a dash makes one title (`[Author](...) – [Article](...)`). */
const SEPARATORS = /^[\s,;|/·•:+&]*$/u;
const CLICKABLE_SCHEMES = /^(?:https?:|mailto:)/i;

export interface InlineReading {
  marker: TaskMarker;
  /** Inline Markdown source without the task marker. */
  source: string;
  text: string;
  /**
   * The text as prepdeck read it before it set badges, back-to-top links and trailing autolinks apart (their
   * text included): what a topic keeps being recognised by, so that re-importing a file keeps its topics.
   */
  identityText: string;
  /** URLs of the autolinks that ended the text and now stand beside the title instead. */
  besideTitle: string[];
  links: Array<{ url: string; title: string }>;
  /** Holds at least one link and nothing but links and separators. */
  linkOnly: boolean;
}

function isClickable(url: string): boolean {
  return CLICKABLE_SCHEMES.test(url.trim());
}

/** An in-file anchor such as `#arrays`: navigation, never a resource. */
export function isAnchor(url: string): boolean {
  return url.startsWith('#');
}

/** An in-file link whose text has no letter or digit (`[[⬆]](#toc)`, `[↑](#top)`): back to the top, not a title. */
const NO_WORDS = /^[^\p{L}\p{N}]*$/u;
/** What a removed autolink may leave at the end of a title (`mypy - type checker <https://...>`). */
const SEPARATOR_CHARACTERS = new Set(' \t\n,;|/·•–—:-');
const SEPARATORS_ONLY = /^[\s,;|/·•–—:-]*$/u;

/** The text without the separators it ends with, a character at a time (`[...]+$` backtracks at every run inside it). */
function trimEndSeparators(text: string): string {
  let end = text.length;
  while (end > 0 && SEPARATOR_CHARACTERS.has(text[end - 1]!)) end--;
  return text.slice(0, end);
}
/** `<a name="top"></a>` and the like: anchors for other pages to link to, no text of their own. */
const NAMED_ANCHOR_TAG = /^<a\s+(?:name|id)\s*=[^>]*>$/i;

/** An autolink's place in the plain text being built, and its source in the title. */
interface AutolinkSpan {
  start: number;
  end: number;
  source: string;
}

/** Reads the line anew at each call: the import keeps each block's reading (parse-checklist.ts#readingOf). */
export function readInline(inline: Token): InlineReading {
  let source = inline.content;
  let marker: TaskMarker = 'none';
  const markerMatch = TASK_MARKER.exec(source);
  if (markerMatch) {
    marker = markerOfCharacter(markerMatch[1]!);
    source = source.slice(markerMatch[0].length).trimStart();
  }

  const children = inline.children ?? [];
  source = withInlineLinks(source, children);
  const links: InlineReading['links'] = [];
  // The plain text is built as one string (an import reads every title): the rare spans set apart are offsets into it.
  let shown = '';
  const autolinks: AutolinkSpan[] = [];
  /** What the source shows that a title should not: badges, back-to-top links, anchor tags, empty links. */
  const noise: Noise = { images: false, backLinks: false, anchorTags: false, placeholders: false };
  let outsideLinks = '';
  let current: { url: string; start: number; autolink: boolean; images: boolean } | null = null;
  for (const token of children) {
    switch (token.type) {
      case 'link_open':
        // Links don't nest in CommonMark; an image inside one is its picture.
        current = {
          url: String(token.attrGet('href') ?? ''),
          start: shown.length,
          autolink: token.markup === 'autolink' || token.markup === 'linkify',
          images: false,
        };
        break;
      case 'link_close': {
        if (!current) break;
        const title = shown.slice(current.start).trim();
        const { url } = current;
        if (url.trim() === '') {
          // `[UIViews]()`: a placeholder for a link to come; its text is text.
          outsideLinks += title || 'placeholder';
          noise.placeholders = true;
        } else if (title === '' && current.images) {
          noise.images = true; // a badge: `[![Awesome](badge.svg)](...)`
        } else if (isAnchor(url) && NO_WORDS.test(title)) {
          noise.backLinks = true;
          shown = shown.slice(0, current.start);
        } else {
          links.push({ url, title: title || url });
          if (current.autolink) {
            const text = shown.slice(current.start);
            autolinks.push({ start: current.start, end: shown.length, source: token.markup === 'autolink' ? `<${text}>` : text });
          }
        }
        current = null;
        break;
      }
      case 'image':
        if (current) current.images = true;
        else outsideLinks += 'image';
        noise.images = true;
        break;
      default: {
        if (token.type === 'html_inline' && NAMED_ANCHOR_TAG.test(token.content.trim())) noise.anchorTags = true;
        const piece = plainOf(token);
        shown += piece;
        if (!current) outsideLinks += piece;
      }
    }
  }

  // Autolinks ending a text are its resources, not its title (`mypy - type checker <https://...>`).
  let cut = shown.length;
  let trailing = 0;
  for (let i = autolinks.length - 1; i >= 0 && SEPARATORS_ONLY.test(shown.slice(autolinks[i]!.end, cut)); i--) {
    cut = autolinks[i]!.start;
    trailing++;
  }
  let own = trailing > 0 ? trimEndSeparators(collapse(shown.slice(0, cut))) : '';
  const withoutMarker = (plain: string) => (marker === 'none' ? plain : plain.replace(TASK_MARKER, '').trim());
  own = withoutMarker(own);
  const ownBeside = own !== '';
  const text = ownBeside ? own : withoutMarker(collapse(shown));
  if (marker !== 'none') {
    outsideLinks = outsideLinks.trimStart().replace(TASK_MARKER, '');
  }
  const setApart = noise.images || noise.backLinks || ownBeside;
  const identityText = setApart ? formerText(children, marker) : text;
  if (setApart || noise.anchorTags || noise.placeholders) {
    source = cleanTitle(source, noise, ownBeside ? autolinks.slice(autolinks.length - trailing) : []);
  }
  const besideTitle = ownBeside ? links.slice(links.length - trailing).map((link) => link.url) : [];
  return { marker, source, text, identityText, besideTitle, links, linkOnly: links.length > 0 && SEPARATORS.test(outsideLinks) };
}

/** A link or an image of a line, as markdown-it read it with the file's reference definitions. */
interface LinkTarget {
  image: boolean;
  href: string;
  title: string;
  /** Its text as plain text (an image's: its description). */
  text: string;
}

/** The line's links and images in the order they are written, autolinks aside (they have no brackets). */
function linkTargets(children: readonly Token[]): LinkTarget[] {
  const targets: LinkTarget[] = [];
  let open: LinkTarget | null = null;
  let autolink = false;
  for (const token of children) {
    if (token.type === 'link_open') {
      autolink = token.markup === 'autolink' || token.markup === 'linkify';
      if (!autolink)
        targets.push((open = { image: false, href: String(token.attrGet('href') ?? ''), title: String(token.attrGet('title') ?? ''), text: '' }));
    } else if (token.type === 'link_close') {
      open = null;
      autolink = false;
    } else if (token.type === 'image') {
      targets.push({ image: true, href: String(token.attrGet('src') ?? ''), title: String(token.attrGet('title') ?? ''), text: token.content });
    } else if (open && !autolink) open.text += plainOf(token);
  }
  return targets;
}

/** Link text compared as plain words: images (which have no text in a link), Markdown's punctuation and escapes left out. */
const plainWords = (text: string): string =>
  collapse(text.replace(/!\[[^\]]{0,500}\](?:\[[^\]]{0,500}\]|\([^)]{0,2000}\))?/g, '').replace(/\\(?=[!-/:-@[-`{-~])|[`*_~]/g, ''));

/** A destination written back so that it reads as the same URL: bare when it can be, else in angle brackets. */
function destination({ href, title }: LinkTarget): string {
  const url = /^[\w\-.~:/?#@!$&'*+,;=%]*$/.test(href) && href !== '' ? href : `<${href.replace(/[\\<>]/g, '\\$&')}>`;
  return title === '' ? url : `${url} "${title.replace(/["\\]/g, '\\$&')}"`;
}

/** Where the code span opening at `at` ends (after its closing backticks), or `at + run` when it is not closed. */
export function codeSpanEnd(source: string, at: number): number {
  let run = 0;
  while (source[at + run] === '`') run++;
  const fence = '`'.repeat(run);
  for (let i = source.indexOf(fence, at + run); i >= 0; i = source.indexOf(fence, i + run)) {
    let end = i + run;
    // A longer run of backticks closes nothing of this length.
    if (source[end] !== '`' && source[i - 1] !== '`') return end;
    while (source[end] === '`') end++;
    i = end - run;
  }
  return at + run;
}

/** How far a link's text is looked for: a `[` of a long line is not scanned to its end (a 10 MB line would take hours). */
const MAX_LINK_TEXT = 1000;

/** The index of the `]` closing the `[` at `at` (brackets nest; escapes and code spans hold none), or -1. */
function closingBracket(source: string, at: number): number {
  let depth = 0;
  const last = Math.min(source.length, at + MAX_LINK_TEXT);
  for (let i = at; i < last; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '`') i = codeSpanEnd(source, i) - 1;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i;
  }
  return -1;
}

/**
 * A title's Markdown with its reference links (`[Docker][d]`, `[Docker][]`, `[Docker]`, whose `[d]: https://...` stands
 * elsewhere in the file) written as inline ones (`[Docker](https://...)`): a title is shown away from its file (the
 * review, the Topic page, a card, an export), where no definition follows it. A line whose every link is inline, as
 * nearly all are, is returned as it is without being scanned.
 */
function withInlineLinks(source: string, children: readonly Token[]): string {
  if (!source.includes('[')) return source;
  let read = 0;
  for (const token of children) {
    if (token.type === 'image' || (token.type === 'link_open' && token.markup !== 'autolink' && token.markup !== 'linkify')) read++;
  }
  let inline = 0;
  for (let at = source.indexOf(']('); at >= 0 && inline < read; at = source.indexOf('](', at + 2)) inline++;
  if (read <= inline) return source;
  return inlineReferences(source, { targets: linkTargets(children), next: 0 });
}

function inlineReferences(source: string, queue: { targets: LinkTarget[]; next: number }): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\') {
      out += source.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = codeSpanEnd(source, i);
      out += source.slice(i, end);
      i = end;
      continue;
    }
    const image = ch === '!' && source[i + 1] === '[';
    if (ch !== '[' && !image) {
      out += ch;
      i++;
      continue;
    }
    const open = image ? i + 1 : i;
    const close = closingBracket(source, open);
    if (close < 0) {
      out += source.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    const inner = source.slice(open + 1, close);
    const target = queue.targets[queue.next];
    const fits = target !== undefined && target.image === image;
    if (source[close + 1] === '(') {
      // An inline link or image: its own target; its text may hold an image of its own.
      if (fits) queue.next++;
      const end = closingParen(source, close + 1);
      out += `${image ? '!' : ''}[${inlineReferences(inner, queue)}]${source.slice(close + 1, end)}`;
      i = end;
      continue;
    }
    // `[text][label]` or `[text][]` when a label follows, else `[text]` alone: a link when it is the next one read.
    const label = source[close + 1] === '[' ? source.indexOf(']', close + 2) : -1;
    const end = label >= 0 && !source.slice(close + 2, label).includes('[') ? label + 1 : close + 1;
    if (fits && plainWords(inner) === plainWords(target.text)) {
      queue.next++;
      out += `${image ? '!' : ''}[${image ? inner : inlineReferences(inner, queue)}](${destination(target)})`;
      i = end;
      continue;
    }
    // Brackets that are text: kept, and what they hold read on.
    out += source.slice(i, open + 1);
    i = open + 1;
  }
  return out;
}

/** The index after the `)` closing the destination opening at `at` (parentheses nest; `<...>` holds any), or the end. */
function closingParen(source: string, at: number): number {
  let depth = 0;
  let angled = false;
  for (let i = at; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (angled) angled = ch !== '>';
    else if (ch === '<' && i === at + 1) angled = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return source.length;
}

/** White space other than a single space: a tab, a line break, a run of spaces. */
const SPACING_TO_COLLAPSE = /[^\S ]| {2}/;

function collapse(text: string): string {
  // Most texts are spaced with single spaces already: testing is cheaper than replacing every space with one.
  return (SPACING_TO_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** The plain text as read before badges, back-to-top links and trailing autolinks were set apart. */
function formerText(children: Token[], marker: TaskMarker): string {
  let text = '';
  for (const token of children) text += token.type === 'image' ? token.content : plainOf(token);
  text = collapse(text);
  return marker === 'none' ? text : text.replace(TASK_MARKER, '').trim();
}

interface Noise {
  images: boolean;
  backLinks: boolean;
  anchorTags: boolean;
  placeholders: boolean;
}

/**
 * A title's Markdown without what the reading found it should not show (badges, back-to-top links, anchor tags,
 * empty links, and autolinks beside other text, which are its resources). Only the kinds found are looked for,
 * so an ordinary title is never rewritten.
 */
function cleanTitle(source: string, noise: Noise, trailingAutolinks: readonly AutolinkSpan[]): string {
  let title = source;
  // The scans inside brackets are bounded: each place a pattern may start must not scan the rest of a long line.
  if (noise.images) {
    title = title
      .replace(/\[!\[[^\]]{0,500}\](?:\([^)]{0,2000}\)|\[[^\]]{0,500}\])\]\([^)]{0,2000}\)/g, '')
      .replace(/!\[[^\]]{0,500}\](?:\([^)]{0,2000}\)|\[[^\]]{0,500}\])/g, '');
  }
  if (noise.backLinks) title = title.replace(/\[(?:\[[^\]\p{L}\p{N}]{0,50}\]|[^\]\p{L}\p{N}]{0,50})\]\(#[^)]{0,500}\)/gu, '');
  if (noise.anchorTags) {
    title = title.replace(/<a\s+(?:name|id)\s*=[^>]{0,500}>/gi, '');
    // Their closing tags too, and only theirs: a link's `<a href>` keeps its own.
    const openings = (title.match(/<a[\s>]/gi) ?? []).length;
    let extra = (title.match(/<\/a\s*>/gi) ?? []).length - openings;
    title = title.replace(/<\/a\s*>/gi, (tag) => (extra-- > 0 ? '' : tag));
  }
  if (noise.placeholders) title = title.replace(/\[([^\]]{0,500})\]\([ \t]{0,50}\)/g, '$1');
  for (const autolink of trailingAutolinks) {
    const at = title.lastIndexOf(autolink.source);
    if (at >= 0) title = title.slice(0, at) + title.slice(at + autolink.source.length);
  }
  const cleaned = trimEndSeparators(title.replace(/[ \t]{2,}/g, ' ').trim());
  return cleaned === '' ? source : cleaned;
}

function plainOf(token: Token): string {
  switch (token.type) {
    case 'text':
    case 'text_special':
    case 'code_inline':
      return token.content;
    case 'softbreak':
    case 'hardbreak':
      return ' ';
    default:
      return '';
  }
}

export function toResources(links: InlineReading['links'], line: number, fromBullet: boolean): ParsedResource[] {
  return links
    .filter((link) => !isAnchor(link.url))
    .map((link) => ({ url: link.url, title: link.title, clickable: isClickable(link.url), fromBullet, line }));
}
