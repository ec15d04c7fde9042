// The gap ranking from plain rows: no database.
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors.js';
import {
  computeGaps,
  gapOf,
  gapWindow,
  type GapInput,
  type GapQuestion,
  type GapRound,
  type GapSectionInput,
  type GapTopicInput,
} from '../../../src/core/interviews/gaps.js';
import { newCardSchedule, review, type SchedulableCard } from '../../../src/core/review/scheduling.js';

const NOW = '2026-03-10T12:00:00.000Z';

/** A topic card reviewed once with `rating` a few days before NOW; null: never reviewed. */
function card(id: number, rating: 1 | 2 | 3 | 4 | null): SchedulableCard {
  const fresh = { id, ...newCardSchedule('2026-03-01T12:00:00.000Z') };
  if (rating === null) return fresh;
  return { id, ...review(fresh, rating, '2026-03-01T12:00:00.000Z').card };
}

// Databases > Locking > SELECT FOR UPDATE; Databases > Indexes > B-trees; Python > Descriptors.
const SECTIONS: GapSectionInput[] = [
  { id: 1, parentId: null, checklist: 'prep', key: '', text: '' },
  { id: 2, parentId: 1, checklist: 'prep', key: 'databases', text: 'Databases' },
  { id: 3, parentId: 2, checklist: 'prep', key: 'databases / locking', text: 'Locking' },
  { id: 4, parentId: 2, checklist: 'prep', key: 'databases / indexes', text: 'Indexes' },
  { id: 5, parentId: 1, checklist: 'prep', key: 'python', text: 'Python' },
];
const topic = (id: number, title: string, sectionId: number, rating: 1 | 2 | 3 | 4 | null): GapTopicInput => ({
  id,
  checklist: 'prep',
  title,
  sectionId,
  sectionKey: SECTIONS.find((s) => s.id === sectionId)!.key,
  card: card(id, rating),
});
const TOPICS = [topic(10, 'SELECT FOR UPDATE', 3, 1), topic(11, 'SKIP LOCKED', 3, null), topic(12, 'B-trees', 4, 4), topic(13, 'Descriptors', 5, 3)];
const round = (id: number, company: string, startsAt: string, kind = 'technical'): GapRound => ({ id, kind, startsAt, company });
const question = (id: number, roundId: number, score: number | null, ...topicIds: number[]): GapQuestion => ({ id, roundId, score, topicIds });

const input = (questions: GapQuestion[], rounds: GapRound[]): GapInput => ({ rounds, questions, topics: TOPICS, sections: SECTIONS, now: NOW });

describe('the gap of a topic', () => {
  it('grows with the rounds it came up in, a worse mean score and a lower recall, with the documented defaults for unknowns', () => {
    expect(gapOf(1, 4, 1)).toBeCloseTo(0.5);
    expect(gapOf(2, 4, 1)).toBeGreaterThan(gapOf(1, 4, 1));
    expect(gapOf(1, 1, 1)).toBeGreaterThan(gapOf(1, 3, 1));
    expect(gapOf(1, 3, 0.2)).toBeGreaterThan(gapOf(1, 3, 0.9));
    // Unscored: the middle of the scale; never reviewed: nothing remembered.
    expect(gapOf(3, null, null)).toBeCloseTo(3 * 2.5 * 1.5);
  });
});

describe('computeGaps', () => {
  const rounds = [
    round(1, 'Acme', '2026-03-01T14:00:00.000Z'),
    round(2, 'Globex', '2026-03-03T14:00:00.000Z'),
    round(3, 'Acme', '2026-03-05T14:00:00.000Z', 'onsite'),
  ];
  const questions = [
    question(100, 1, 1, 10, 11), // asked about locking, went badly
    question(101, 2, 2, 10),
    question(102, 3, null, 10), // unscored: counts as asked
    question(103, 2, 4, 12),
    question(104, 3, 3, 13),
    question(105, 1, 2), // touches nothing
  ];

  it('ranks the topic asked in most rounds, answered worst and remembered least first, with its figures', () => {
    const result = computeGaps(input(questions, rounds));
    expect(result).toMatchObject({ rounds: 3, questions: 6 });
    expect(result.topics.map((t) => t.title)).toEqual(['SELECT FOR UPDATE', 'SKIP LOCKED', 'Descriptors', 'B-trees']);
    const [first] = result.topics;
    expect(first).toMatchObject({
      topicId: 10,
      checklist: 'prep',
      section: ['Databases', 'Locking'],
      questions: 3,
      rounds: 3,
      meanScore: 1.5,
      companies: ['Acme', 'Globex'],
      lastAskedAt: '2026-03-05T14:00:00.000Z',
    });
    expect(first!.recall).toBeGreaterThan(0);
    expect(first!.recall).toBeLessThan(1);
    expect(first!.gap).toBeCloseTo(gapOf(3, 1.5, first!.recall));
    // Never reviewed: recall unknown, counted as 0 in the gap.
    expect(result.topics[1]).toMatchObject({ recall: null, meanScore: 1, rounds: 1 });
  });

  it('adds up every section a topic sits under, a question once per section, recall the mean of its reviewed topics', () => {
    const result = computeGaps(input(questions, rounds));
    const byPath = new Map(result.sections.map((s) => [s.path.join(' > '), s]));
    expect([...byPath.keys()]).toEqual(['Databases > Locking', 'Databases', 'Python', 'Databases > Indexes']);
    // Question 100 touches two locking topics: counted once there and once in Databases.
    expect(byPath.get('Databases > Locking')).toMatchObject({ key: 'databases / locking', questions: 3, rounds: 3, meanScore: 1.5 });
    expect(byPath.get('Databases')).toMatchObject({ questions: 4, rounds: 3, meanScore: (1 + 2 + 4) / 3, companies: ['Acme', 'Globex'] });
    const locking = result.topics.find((t) => t.topicId === 10)!.recall!;
    const btrees = result.topics.find((t) => t.topicId === 12)!.recall!;
    expect(byPath.get('Databases > Locking')!.recall).toBeCloseTo(locking);
    expect(byPath.get('Databases')!.recall).toBeCloseTo((locking + btrees) / 2);
  });

  it('counts only the rounds given (the filters) and ignores links to topics left out (another checklist)', () => {
    const onsite = computeGaps({
      ...input(
        questions,
        rounds.filter((r) => r.kind === 'onsite'),
      ),
    });
    expect(onsite).toMatchObject({ rounds: 1, questions: 2 });
    expect(onsite.topics.map((t) => [t.title, t.rounds, t.meanScore])).toEqual([
      ['SELECT FOR UPDATE', 1, null],
      ['Descriptors', 1, 3],
    ]);
    const withoutPython = computeGaps({ ...input(questions, rounds), topics: TOPICS.filter((t) => t.id !== 13) });
    expect(withoutPython.topics.map((t) => t.topicId)).not.toContain(13);
    expect(withoutPython.sections.map((s) => s.key)).not.toContain('python');
  });

  it('counts the rounds held, or with questions logged, not those still to come: "asked in 3 of 3", not "of 5"', () => {
    const ahead = [round(4, 'Initech', '2026-03-20T14:00:00.000Z'), round(5, 'Hooli', '2026-03-25T14:00:00.000Z')];
    expect(computeGaps(input(questions, [...rounds, ...ahead])).rounds).toBe(3);
    // A question logged for a round to come (prepared in advance): that round counts.
    expect(computeGaps(input([...questions, question(106, 4, null, 10)], [...rounds, ...ahead])).rounds).toBe(4);
  });

  it('says nothing was asked when there are no rounds', () => {
    expect(computeGaps(input([], []))).toEqual({ rounds: 0, questions: 0, topics: [], sections: [] });
  });
});

describe('gapWindow', () => {
  it('covers whole local days in the zone, both ends included', () => {
    expect(gapWindow({ from: '2026-03-01', to: '2026-03-31' }, 'Europe/Berlin')).toEqual({
      since: '2026-02-28T23:00:00.000Z',
      // March 29 moves the clocks: April 1 begins at 22:00 UTC.
      before: '2026-03-31T22:00:00.000Z',
    });
    expect(gapWindow({}, 'UTC')).toEqual({ since: null, before: null });
  });

  it('refuses a date that does not exist, or a period that ends before it begins, naming the field', () => {
    expect(() => gapWindow({ from: '2026-02-30' }, 'UTC')).toThrow(/^from: /);
    expect(() => gapWindow({ from: '2026-03-02', to: '2026-03-01' }, 'UTC')).toThrow(InvalidInputError);
    expect(() => gapWindow({ from: '2026-03-02', to: '2026-03-01' }, 'UTC')).toThrow(/^to: /);
  });
});
