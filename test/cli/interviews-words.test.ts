// The interview commands' own words, as pure functions: what a new score did in review, and a question's id as the
// lists print it.
import { describe, expect, it } from 'vitest';
import { scoredText } from '../../src/cli/interviews/commands.js';
import { questionId } from '../../src/cli/interviews/register.js';

describe('the interview commands’ words', () => {
  it('says what a score did in review: a review per linked topic, none for a question that touches no topic', () => {
    expect(scoredText(8, 3, 2)).toBe('q8: scored 3, the review of its 2 topics rewritten');
    expect(scoredText(8, 1, 1)).toBe('q8: scored 1, the review of its topic rewritten');
    expect(scoredText(8, 3, 0)).toBe('q8: scored 3; it touches no topic, so no review was written');
    expect(scoredText(8, null, 1)).toBe('q8: score cleared, the review of its topic withdrawn');
    expect(scoredText(8, null, 0)).toBe('q8: score cleared');
  });

  it('takes a question id as the lists print it (q12) or bare, and nothing else', () => {
    expect(questionId('q12')).toBe(12);
    expect(questionId('Q12')).toBe(12);
    expect(questionId('12')).toBe(12);
    expect(() => questionId('q')).toThrow();
    expect(() => questionId('qq12')).toThrow();
    expect(() => questionId('12q')).toThrow();
  });
});
