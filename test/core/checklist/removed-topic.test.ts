// Removing a topic added in prepdeck: only while the file does not hold it, and saying what of the user's goes.
import { describe, expect, it } from 'vitest';
import { checkRemovable, listed, usersWork } from '../../../src/core/checklist/removed-topic.js';

const ADDED = { text: 'Desing a rate limiter', origin: 'app' as const, lines: { start: 0, end: 0 }, archivedAt: null };

describe('removing a topic added in prepdeck', () => {
  it('is allowed while prepdeck added it, archived or not', () => {
    expect(() => checkRemovable(ADDED)).not.toThrow();
    expect(() => checkRemovable({ ...ADDED, archivedAt: '2026-12-05T10:00:00.000Z' })).not.toThrow();
  });

  it('refuses a topic of the file, in one line that says where to remove it', () => {
    const file = { ...ADDED, text: 'generators', origin: 'file' as const, lines: { start: 12, end: 12 } };
    expect(() => checkRemovable(file)).toThrow(
      "'generators' is in your file (line 12): delete its line there, then `prepdeck import FILE` (or sync) archives it",
    );
    expect(() => checkRemovable({ ...file, archivedAt: '2026-12-05T10:00:00.000Z' })).toThrow(
      /^'generators' came from your file and is archived already/,
    );
  });

  it("names what of the user's goes, and nothing for a topic just added", () => {
    expect(usersWork({ qaCards: 0, reviews: 0, questions: 0, notes: false })).toEqual([]);
    const work = usersWork({ qaCards: 1, reviews: 3, questions: 2, notes: true });
    expect(work).toEqual(['3 reviews', '1 question/answer card', 'your notes', 'its link to 2 interview questions (they stay)']);
    expect(listed(work.slice(0, 1))).toBe('3 reviews');
    expect(listed(work.slice(0, 3))).toBe('3 reviews, 1 question/answer card and your notes');
    expect(usersWork({ qaCards: 0, reviews: 1, questions: 1, notes: false })).toEqual(['1 review', 'its link to 1 interview question (it stays)']);
  });
});
