// The interview commands' own words, as pure functions: what a new score did in review, and a question's id as the
// lists print it.
import { describe, expect, it } from 'vitest';
import { askedText, scoredText } from '../../src/cli/interviews/commands.js';
import { createColors } from 'picocolors';
import type { QuestionTopicJson, RoundDetailJson } from '../../src/contract/interviews.js';
import { questionId } from '../../src/cli/interviews/register.js';
import { leftOutText } from '../../src/cli/interviews/render.js';

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

  const plain = createColors(false);
  const topic = (title: string, section: string[], outsideRound = false): QuestionTopicJson => ({
    topicId: 1,
    checklist: 'prep',
    title,
    section,
    archived: false,
    outsideRound,
  });
  const asked = (topics: QuestionTopicJson[], score: 1 | 2 | 3 | 4 | null, stories: Array<{ id: number; title: string }> = []) =>
    ({
      round: { id: 3, company: 'Acme' },
      questions: [{ id: 7, roundId: 3, text: 'q', position: 0, score, topics, stories, cardId: null, createdAt: '', updatedAt: '' }],
      notices: [],
    }) as unknown as RoundDetailJson;

  it('says which topics a question was linked to, by title, the new one with its section, and the stories', () => {
    expect(askedText(asked([topic('Agile/SCRUM/Kanban', ['Process'])], 1), false, plain)).toEqual([
      'asked in round #3 (Acme): q7, scored 1; linked to Agile/SCRUM/Kanban',
    ]);
    expect(
      askedText(asked([topic('descriptors', ['Python']), topic('Design a rate limiter', ['System design', 'Other'])], null), true, plain),
    ).toEqual(['asked in round #3 (Acme): q7; linked to descriptors, Design a rate limiter (new, in System design > Other)']);
    expect(askedText(asked([], 3, [{ id: 2, title: 'The migration' }]), false, plain)).toEqual([
      'asked in round #3 (Acme): q7, scored 3; linked to no topic; answered with The migration',
      'its score is not a review of any topic: it touches none',
    ]);
    expect(askedText(asked([topic('MVCC', ['Databases'], true)], 2), false, plain)[1]).toBe("note: outside the round's sections: MVCC");
  });

  it('names the rounds to come that --upcoming leaves out, and why', () => {
    const round = {
      id: 4,
      applicationId: 2,
      company: 'Globex',
      startsAt: '',
      timeZone: 'Europe/Moscow',
      localStart: '2026-12-11T10:00',
      why: 'Withdrawn',
    };
    expect(leftOutText([], plain)).toEqual([]);
    expect(leftOutText([round], plain)).toEqual([
      'left out, its application closed or archived (`prepdeck rounds --app APP` lists it):',
      '  #4  2026-12-11 10:00 Europe/Moscow  Globex  (Withdrawn)',
    ]);
    expect(leftOutText([round, { ...round, id: 12, company: 'Initech', why: 'archived' }], plain)[0]).toMatch(
      /^left out, their applications .* lists them\):$/,
    );
  });
});
