// Checks of values a user types, shared by every interface so the messages are the same everywhere.
import { InvalidInputError } from './errors.js';
import { TOPIC_STATES, type TopicState } from './checklist/model.js';
import { STATE_SYNONYMS } from '../contract/vocabulary.js';

/** The state a word a user typed means (contract/vocabulary.ts#STATE_WORDS: `done` is known), or null. */
export function stateOf(value: string): TopicState | null {
  const word = value.trim().toLowerCase();
  if ((TOPIC_STATES as readonly string[]).includes(word)) return word as TopicState;
  return Object.hasOwn(STATE_SYNONYMS, word) ? STATE_SYNONYMS[word as keyof typeof STATE_SYNONYMS] : null;
}

/**
 * The one wording of a state refused, in the CLI and the API: what was written, the nearest word when one is near
 * (found by the caller: app/nearest.ts), and every word a state may be written as.
 */
export function unknownState(value: string, near: string | null): string {
  const synonyms = Object.entries(STATE_SYNONYMS).map(([word, state]) => `${word} for ${state}`);
  return `unknown state '${value}'${near === null ? '' : `: did you mean '${near}'?`} (one of ${TOPIC_STATES.join(', ')}, or ${synonyms.join(', ')})`;
}

export function parseState(value: string): TopicState {
  const state = stateOf(value);
  if (state === null) throw new InvalidInputError(unknownState(value, null));
  return state;
}

export function parseConfidence(value: string | number): number {
  const confidence = Number(value);
  if (!Number.isInteger(confidence) || confidence < 1 || confidence > 4) {
    throw new InvalidInputError(`confidence must be a whole number from 1 to 4, not '${value}'`);
  }
  return confidence;
}

/** PostgreSQL's text can't hold NUL, and SQLite's LIKE stops at one: refused everywhere, alike. */
export function checkNoNul(value: string, what: string): string {
  if (value.includes('\u0000')) throw new InvalidInputError(`${what} holds a NUL character; remove it`);
  return value;
}

/** Ids are 32-bit on PostgreSQL; a larger one names nothing. */
export const MAX_ID = 2 ** 31 - 1;

/** A checklist's name appears in URLs and file names: visible characters, not `.` or `..`, 200 at most. */
export function checkChecklistName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed === '.' || trimmed === '..' || trimmed.length > 200 || /[\u0000-\u001f\u007f/\\]/u.test(trimmed)) {
    throw new InvalidInputError(
      `'${name.replace(/[\u0000-\u001f\u007f]/gu, '?')}' can't be a checklist name; use up to 200 characters without slashes or control characters`,
    );
  }
  return trimmed;
}

/** How many topics a review may be scoped to: the worst gaps, not a whole checklist spelled out. */
const MAX_SCOPED_TOPICS = 200;

/** `1,2,3` as topic ids, for the API's and the CLI's `topics` (a review scoped to them); a refusal names `topics`. */
export function parseTopicIds(text: string): number[] {
  const ids = text.split(',').map((part) => part.trim());
  if (ids.length > MAX_SCOPED_TOPICS || ids.some((id) => !/^[1-9][0-9]{0,9}$/.test(id) || Number(id) > MAX_ID)) {
    throw new InvalidInputError(
      `topics: '${text}' is not a list of topic ids; write them comma-separated, e.g. 12,40,41 (${MAX_SCOPED_TOPICS} at most)`,
    );
  }
  return [...new Set(ids.map(Number))];
}
