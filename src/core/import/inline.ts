// Reading one line of inline Markdown: its plain text, its links, and whether it is only links.
import type { Token } from 'markdown-it';
import type { ParsedResource, TaskMarker } from '../checklist/model.js';

const TASK_MARKER = /^\[([ xX])\](?=[ \t]|$)/;
/** What may stand between the links of a link-only bullet. */
const SEPARATORS = /^[\s,;|/·•–—:+&-]*$/u;
const CLICKABLE_SCHEMES = /^(?:https?:|mailto:)/i;

export interface InlineReading {
  marker: TaskMarker;
  /** Inline Markdown source without the task marker. */
  source: string;
  text: string;
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
  const textParts: string[] = [];
  let outsideLinks = '';
  let linkDepth = 0;
  let current: { url: string; title: string } | null = null;
  for (const token of children) {
    switch (token.type) {
      case 'link_open':
        linkDepth++;
        current = { url: String(token.attrGet('href') ?? ''), title: '' };
        break;
      case 'link_close':
        linkDepth = Math.max(0, linkDepth - 1);
        if (current) links.push({ url: current.url, title: current.title.trim() || current.url });
        current = null;
        break;
      default: {
        const piece = plainOf(token);
        textParts.push(piece);
        if (linkDepth > 0 && current) current.title += piece;
        else if (token.type === 'image') outsideLinks += 'image';
        else outsideLinks += piece;
      }
    }
  }

  let text = textParts.join('').replace(/\s+/g, ' ').trim();
  if (marker !== 'none') {
    text = text.replace(TASK_MARKER, '').trim();
    outsideLinks = outsideLinks.trimStart().replace(TASK_MARKER, '');
  }
  return { marker, source, text, links, linkOnly: links.length > 0 && SEPARATORS.test(outsideLinks) };
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
    case 'image':
      return token.content;
    default:
      return '';
  }
}

export function toResources(links: InlineReading['links'], line: number, fromBullet: boolean): ParsedResource[] {
  return links
    .filter((link) => !isAnchor(link.url))
    .map((link) => ({ url: link.url, title: link.title, clickable: isClickable(link.url), fromBullet, line }));
}
