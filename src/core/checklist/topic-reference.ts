// Whether a topic reference typed on the command line (`mark GIL known`, `ask --topic GIL`) names the topic it
// matched at a word, or only inside one: "desc" starts a word of "descriptors", "GIL" is only inside
// "Agile/SCRUM/Kanban". A match inside a word is taken only when the user names the topic by its id.
import { normalizeText } from '../import/identity.js';

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Whether `needle` occurs in `text` where a word starts (at the start, or after a character that is no letter or digit). */
function atWordStart(needle: string, text: string): boolean {
  if (needle === '') return false;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (at === 0 || !WORD_CHARACTER.test(text[at - 1]!) || !WORD_CHARACTER.test(needle[0]!)) return true;
  }
  return false;
}

/**
 * Whether `reference` names `title` from the start of one of its words: the whole reference (a title may hold a
 * slash: `HTTP/2`), or its part after the last slash (`python/desc`, sections before the title). Any case, spacing
 * and the punctuation at its ends as topic references are read.
 */
export function namesAtWordStart(reference: string, title: string): boolean {
  const text = normalizeText(title);
  const whole = normalizeText(reference);
  const last = normalizeText(reference.split('/').at(-1) ?? '');
  return atWordStart(whole, text) || atWordStart(last, text);
}
