// Removing a topic added in prepdeck (`prepdeck unadd`, DELETE /api/topics/:id): only while the file does not hold
// it (the file's topics leave with their line, and the import archives them), and saying what of the user's goes.
import { InvalidInputError } from '../errors.js';
import type { Topic } from './model.js';

/**
 * Refuses a topic of the file (goals and books are always the file's): removing it here would only last until the
 * next import read its line again, so the one line says where to remove it.
 */
export function checkRemovable(topic: Pick<Topic, 'text' | 'origin' | 'lines' | 'archivedAt'>): void {
  if (topic.origin === 'app') return;
  if (topic.archivedAt !== null) {
    throw new InvalidInputError(
      `'${topic.text}' came from your file and is archived already (its line is gone); prepdeck keeps its history, and it comes back if the line does`,
    );
  }
  throw new InvalidInputError(
    `'${topic.text}' is in your file (line ${topic.lines.start}): delete its line there, then \`prepdeck import FILE\` (or sync) archives it`,
  );
}

/** What a topic holds besides itself, as far as telling what removing it takes. */
export interface TopicHoldings {
  /** Question/answer cards the user added under it. */
  qaCards: number;
  /** Reviews of its cards (interview evidence included). */
  reviews: number;
  /** Interview questions mapped to it. */
  questions: number;
  notes: boolean;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What of the user's own removing the topic erases, as phrases (`3 reviews`, `your notes`); none for a topic just
 * added, which goes unasked. Its topic card and its history are prepdeck's and not listed.
 */
export function usersWork(held: TopicHoldings): string[] {
  return [
    ...(held.reviews > 0 ? [count(held.reviews, 'review', 'reviews')] : []),
    ...(held.qaCards > 0 ? [count(held.qaCards, 'question/answer card', 'question/answer cards')] : []),
    ...(held.notes ? ['your notes'] : []),
    ...(held.questions > 0
      ? [`its link to ${count(held.questions, 'interview question', 'interview questions')} (${held.questions === 1 ? 'it stays' : 'they stay'})`]
      : []),
  ];
}

/** `a, b and c`. */
export function listed(phrases: readonly string[]): string {
  return phrases.length <= 1 ? (phrases[0] ?? '') : `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)!}`;
}
