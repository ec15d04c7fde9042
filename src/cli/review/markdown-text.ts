// Markdown as terminal text for the review session: markdown-it's tokens walked into wrapped lines, with
// styles only where colour is on. Raw HTML stays text, and control characters never reach the terminal.
import markdownIt, { type Token } from 'markdown-it';
import type { Colors } from '../output.js';

const md = markdownIt('default', { html: false, linkify: true });
// Only links with a scheme: `session.timeout.ms` must stay text.
md.linkify.set({ fuzzyLink: false, fuzzyIP: false, fuzzyEmail: false });
// Show every URL as written: a card is read, never clicked through from here.
md.validateLink = () => true;
md.normalizeLink = (url) => url;
md.normalizeLinkText = (text) => text;

// C0 and C1 controls (tab and newline aside), DEL, and the bidirectional overrides that reorder what is shown.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// CSI sequences (colours, cursor moves) and OSC ones (window titles, links), ended by BEL or ESC \.
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;
// East Asian wide and fullwidth characters, and emoji: two columns each.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200b-\u200f]/u; // \p{Mn} holds the variation selectors (U+FE0F) too

/** Text from a checklist, safe to print: escape sequences and other control characters dropped, tabs as spaces. */
export function sanitize(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, '  ').replace(ANSI, '').replace(CONTROLS, '');
}

/** Columns the text takes on a terminal (styles excluded). */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, '')) width += ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return width;
}

/** The text cut to `width` columns with an ellipsis (styles dropped when cut). */
export function truncate(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text.replace(ANSI, '')) {
    const w = ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/**
 * Wraps text at spaces to `width` columns; the first line starts with `first`, the others with `rest`
 * (both counted). A word longer than a line (a URL) is left whole for the terminal to fold.
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = lines.length === 0 ? first : rest;
    let lineWidth = visibleWidth(line);
    let empty = true;
    for (const word of paragraph.split(/ +/)) {
      if (word === '') continue;
      const w = visibleWidth(word);
      if (!empty && lineWidth + 1 + w > width) {
        lines.push(line);
        line = rest;
        lineWidth = visibleWidth(rest);
        empty = true;
      }
      line += empty ? word : ` ${word}`;
      lineWidth += empty ? w : 1 + w;
      empty = false;
    }
    lines.push(line);
  }
  return lines.map((l) => l.trimEnd());
}

interface InlineOptions {
  /** Follow a link's text with its URL (off for titles: the resources list them). */
  urls: boolean;
}

/** One line of inline Markdown as styled text (a hard break becomes a newline). */
function renderInline(tokens: Token[], c: Colors, options: InlineOptions): string {
  // A stack of open spans: each collects its text, then is styled as a whole when it closes.
  const stack: Array<{ text: string; close: (text: string) => string }> = [{ text: '', close: (t) => t }];
  const append = (text: string) => {
    stack[stack.length - 1]!.text += text;
  };
  const open = (close: (text: string) => string) => stack.push({ text: '', close });
  const closeSpan = () => {
    if (stack.length < 2) return;
    const span = stack.pop()!;
    append(span.close(span.text));
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        append(sanitize(token.content));
        break;
      case 'code_inline':
        append(c.cyan(sanitize(token.content)));
        break;
      case 'softbreak':
        append(' ');
        break;
      case 'hardbreak':
        append('\n');
        break;
      case 'strong_open':
        open((t) => c.bold(t));
        break;
      case 'em_open':
        open((t) => c.italic(t));
        break;
      case 's_open':
        open((t) => c.strikethrough(t));
        break;
      case 'link_open': {
        const href = sanitize(String(token.attrGet('href') ?? ''));
        open((t) => {
          if (!options.urls || href === '' || t === href || `mailto:${t}` === href) return c.underline(t);
          return `${c.underline(t)} ${c.dim(`(${href})`)}`;
        });
        break;
      }
      case 'strong_close':
      case 'em_close':
      case 's_close':
      case 'link_close':
        closeSpan();
        break;
      case 'image':
        append(c.dim(`[image: ${sanitize(token.content) || 'untitled'}]`));
        break;
      default:
        append(sanitize(token.content));
    }
  }
  while (stack.length > 1) closeSpan();
  return stack[0]!.text;
}

/** A title or other one-line Markdown as styled text. */
export function renderInlineMarkdown(source: string, c: Colors): string {
  const tokens = md.parseInline(source, {})[0]?.children ?? [];
  return renderInline(tokens, c, { urls: false }).replace(/\s*\n\s*/g, ' ');
}

/**
 * Markdown as lines of at most `width` columns (long words aside), each starting with `indent`:
 * paragraphs reflowed, lists with bullets, code blocks kept as written, raw HTML as plain text.
 */
export function renderMarkdown(source: string, c: Colors, width: number, indent = ''): string[] {
  const tokens = md.parse(sanitize(source), {});
  const out: string[] = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let quote = '';
  /** The bullet waiting for the first line of the current list item. */
  let bullet: string | null = null;
  let gap = false;

  const prefix = () => `${indent}${quote}${'  '.repeat(Math.max(0, lists.length - 1))}`;
  const startBlock = () => {
    if (gap && out.length > 0) out.push(quote ? `${indent}${quote.trimEnd()}` : '');
    gap = false;
  };
  const emit = (text: string) => {
    const base = prefix();
    if (bullet !== null) {
      out.push(...wrap(text, width, `${base}${bullet}`, `${base}${' '.repeat(visibleWidth(bullet))}`));
      bullet = null;
    } else {
      const cont = lists.length > 0 ? `${base}  ` : base;
      out.push(...wrap(text, width, cont));
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'heading_open': {
        startBlock();
        emit(c.bold(renderInline(tokens[i + 1]?.children ?? [], c, { urls: true })));
        i += 2;
        gap = true;
        break;
      }
      case 'paragraph_open': {
        if (!token.hidden) startBlock();
        emit(renderInline(tokens[i + 1]?.children ?? [], c, { urls: true }));
        i += 2;
        if (!token.hidden) gap = true;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (lists.length === 0) startBlock();
        lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        if (lists.length === 0) gap = true;
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        if (list) bullet = list.ordered ? `${list.next++}. ` : '• ';
        break;
      }
      case 'list_item_close':
        // An item with nothing in it still shows its bullet.
        if (bullet !== null) emit('');
        break;
      case 'blockquote_open':
        startBlock();
        quote += '│ ';
        break;
      case 'blockquote_close':
        quote = quote.slice(0, -2);
        gap = true;
        break;
      case 'fence':
      case 'code_block': {
        startBlock();
        const base = lists.length > 0 ? `${prefix()}  ` : prefix();
        const lines = token.content.replace(/\n$/, '').split('\n');
        if (bullet !== null) {
          out.push(`${prefix()}${bullet}`);
          bullet = null;
        }
        for (const line of lines) out.push(`${base}  ${c.cyan(line)}`.trimEnd());
        gap = true;
        break;
      }
      case 'hr':
        startBlock();
        out.push(`${prefix()}${c.dim('─'.repeat(Math.max(3, Math.min(20, width - visibleWidth(prefix())))))}`);
        gap = true;
        break;
      case 'table_open':
        startBlock();
        break;
      case 'tr_open': {
        const cells: string[] = [];
        for (let j = i + 1; j < tokens.length && tokens[j]!.type !== 'tr_close'; j++) {
          if (tokens[j]!.type === 'inline') cells.push(renderInline(tokens[j]!.children ?? [], c, { urls: true }));
        }
        emit(cells.join(c.dim(' │ ')));
        break;
      }
      case 'table_close':
        gap = true;
        break;
      default:
        break;
    }
  }
  return out;
}
