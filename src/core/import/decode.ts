// Bytes -> text, refusing what is not a Markdown file before anything is parsed or written.
import { InvalidInputError, PayloadTooLargeError } from '../errors.js';

export const MAX_CHECKLIST_BYTES = 10 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The one refusal of a checklist over the limit, whether it is found by its size on disk or by its bytes. */
export function tooLarge(label: string, bytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError(`${label} is ${(bytes / 1024 / 1024).toFixed(1)} MB; checklists over 10 MB are refused`);
}

/**
 * List items a checklist may hold. Each becomes a parsed token tree, a topic row, a card and a history line: 400,000
 * one-word items (1.6 MB) took 1.7 GB and 46 s to import. This keeps any accepted file within 1 GB.
 */
export const MAX_LIST_ITEMS = 100_000;

/** Lines that open a list item (`- `, `* `, `+ `, `1. `, `1) `), inside quotes and code blocks too: an upper bound, counted without a regex. */
export function countListItemLines(text: string): number {
  let count = 0;
  let i = 0;
  while (i < text.length) {
    // The start of a line: skip indentation and quote markers.
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '>')) i++;
    const c = text[i];
    if (c === '-' || c === '*' || c === '+') {
      if (text[i + 1] === ' ' || text[i + 1] === '\t') count++;
    } else if (c !== undefined && c >= '0' && c <= '9') {
      let j = i;
      while (j < text.length && j - i < 9 && text[j]! >= '0' && text[j]! <= '9') j++;
      if ((text[j] === '.' || text[j] === ')') && (text[j + 1] === ' ' || text[j + 1] === '\t')) count++;
    }
    const end = text.indexOf('\n', i);
    i = end < 0 ? text.length : end + 1;
  }
  return count;
}

/** What `export --format json` writes (`{ "checklists": [...] }`): read as Markdown, it would be one paragraph. */
function isJsonExport(text: string): boolean {
  if (!text.trimStart().startsWith('{')) return false;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { checklists?: unknown }).checklists);
  } catch {
    return false;
  }
}

/** Decodes a checklist file: UTF-8 only (a BOM is dropped), no NUL bytes, no JSON export, at most 10 MB and 100,000 list items. */
export function decodeChecklist(bytes: Uint8Array, label: string): string {
  if (bytes.byteLength > MAX_CHECKLIST_BYTES) throw tooLarge(label, bytes.byteLength);
  if (bytes.includes(0)) {
    throw new InvalidInputError(`${label} looks binary (it contains NUL bytes); expected a Markdown text file`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InvalidInputError(`${label} is not valid UTF-8; save it as UTF-8 and import again`);
  }
  if (isJsonExport(text)) {
    throw new InvalidInputError(
      `${label} is a prepdeck JSON export, not a Markdown checklist; restore it with \`prepdeck import --backup ${label}\``,
    );
  }
  const items = countListItemLines(text);
  if (items > MAX_LIST_ITEMS)
    throw new PayloadTooLargeError(
      `${label} has ${items.toLocaleString('en-US')} list items; a checklist holds up to ${MAX_LIST_ITEMS.toLocaleString('en-US')}: split it into several files`,
    );
  return text;
}
