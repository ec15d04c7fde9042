// Reading one line of inline Markdown: its plain text, its links, and whether it is only links.
import type { Token } from 'markdown-it';
import type { ParsedResource, TaskMarker } from '../checklist/model.js';

const TASK_MARKER = /^\[([ xX])\](?=[ \t]|$)/;
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

// The import looks at each list item's text more than once (choosing the reading, then reading it).
const readings = new WeakMap<Token, InlineReading>();

export function readInline(inline: Token): InlineReading {
  let reading = readings.get(inline);
  if (!reading) {
    reading = read(inline);
    readings.set(inline, reading);
  }
  return reading;
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

function read(inline: Token): InlineReading {
  let source = inline.content;
  let marker: TaskMarker = 'none';
  const markerMatch = TASK_MARKER.exec(source);
  if (markerMatch) {
    marker = markerMatch[1] === ' ' ? 'open' : 'done';
    source = source.slice(markerMatch[0].length).trimStart();
  }

  const children = inline.children ?? [];
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

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
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
