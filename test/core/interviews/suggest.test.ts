import { describe, expect, it } from 'vitest';
import { buildSuggestIndex, rankTopics, wordsOf } from '../../../src/core/interviews/suggest.js';

const TOPICS = ['SELECT FOR UPDATE', 'SKIP LOCKED', 'Python descriptors', 'Generators and iterators', 'Rate limiting', 'Плюшки и бонусы'];
const index = buildSuggestIndex(TOPICS.map((text, i) => ({ topicId: i + 1, words: wordsOf(text) })));
const rank = (q: string, near = new Map<string, number>(), inRound?: (id: number) => boolean) =>
  rankTopics(index, wordsOf(q), near, 5, inRound).map((s) => TOPICS[s.topicId - 1]);

describe('ranking topics for a question', () => {
  it('finds the topics whose title words the question holds, in any order and script', () => {
    expect(rank('How does SELECT FOR UPDATE differ from SKIP LOCKED?')).toEqual(['SELECT FOR UPDATE', 'SKIP LOCKED']);
    expect(rank('descriptors in Python, explain')).toEqual(['Python descriptors']);
    expect(rank('какие ПЛЮШКИ и бонусы?')).toEqual(['Плюшки и бонусы']);
    expect(rank('nothing related at all')).toEqual([]);
  });

  it('counts a word the question nearly holds by how near it is', () => {
    expect(rank('Explain pyhton desciptors')).toEqual([]);
    expect(
      rank(
        'Explain pyhton desciptors',
        new Map([
          ['descriptors', 0.8],
          ['python', 0.7],
        ]),
      ),
    ).toEqual(['Python descriptors']);
  });

  it('puts the round’s sections first among close matches', () => {
    const q = 'generators, iterators and rate limiting';
    expect(rank(q)[0]).toBe('Generators and iterators');
    expect(rank(q, new Map(), (id) => id === 5)[0]).toBe('Rate limiting');
  });
});
