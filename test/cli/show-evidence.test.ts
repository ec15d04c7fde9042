// `prepdeck show TOPIC`'s interview evidence in text: which round of which application, the question, when, the score.
import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import { evidenceLines } from '../../src/cli/commands/show.js';
import { localTime } from '../../src/cli/render.js';
import type { RoundDetailJson } from '../../src/contract/interviews.js';
import type { TopicReviewJson } from '../../src/contract/topics.js';

const plain = createColors(false);
const when = (iso: string) => localTime(iso, 'Europe/Berlin');
const review = (over: Partial<TopicReviewJson>): TopicReviewJson => ({
  at: '2026-12-04T09:00:00.000Z',
  rating: 3,
  source: 'review',
  questionId: null,
  roundId: null,
  ...over,
});
const round = {
  round: { id: 3, company: 'Acme', kind: 'technical' },
  questions: [{ id: 7, text: 'What is the GIL,\nand why?' }],
} as unknown as RoundDetailJson;

describe('a topic’s interview evidence in the terminal', () => {
  it('lists each interview review with its round, question, time and score, and nothing for study reviews', () => {
    const reviews = [review({}), review({ source: 'interview', rating: 1, questionId: 7, roundId: 3, at: '2026-12-04T14:00:00.000Z' })];
    expect(evidenceLines(reviews, new Map([[3, round]]), when, plain)).toEqual([
      '  interview evidence:',
      '    2026-12-04 15:00  round #3 (Acme, technical) q7 “What is the GIL, and why?”: scored 1 again',
    ]);
    expect(evidenceLines([review({})], new Map(), when, plain)).toEqual([]);
  });
});
