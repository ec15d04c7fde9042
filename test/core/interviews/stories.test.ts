// The story bank's rules from plain data: coverage per competency, rehearsal like a card, the checks of what is written.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPETENCIES } from '../../../src/contract/vocabulary.js';
import { InvalidInputError } from '../../../src/core/errors.js';
import {
  checkCompetencies,
  checkLabelFree,
  checkStoryText,
  coverage,
  isStale,
  newStorySchedule,
  rehearse,
  STALE_AFTER_DAYS,
  storyRecall,
  type CoveringStory,
} from '../../../src/core/interviews/stories.js';
import { stageKeyFor } from '../../../src/core/hunt/stages.js';

const LIST = DEFAULT_COMPETENCIES.map(({ key, label }) => ({ key, label }));
const NOW = '2026-06-01T09:00:00.000Z';
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
const story = (id: number, competencies: string[], touched: number, more: Partial<CoveringStory> = {}): CoveringStory => ({
  id,
  competencies,
  updatedAt: daysAgo(touched),
  lastReview: null,
  archivedAt: null,
  ...more,
});

describe('coverage', () => {
  it('marks each competency none, stale or fresh from its active stories, in the list order', () => {
    const stories = [
      story(1, ['conflict'], 10),
      story(2, ['failure'], 200),
      story(3, ['failure', 'leadership'], 100, { lastReview: daysAgo(5) }),
      story(4, ['ownership'], 1, { archivedAt: daysAgo(1) }),
      story(5, ['ambiguity'], STALE_AFTER_DAYS),
    ];
    const matrix = coverage(LIST, stories, NOW);
    expect(matrix.map((c) => c.key)).toEqual(LIST.map((c) => c.key));
    const of = (key: string) => matrix.find((c) => c.key === key)!;
    expect(of('conflict')).toMatchObject({ coverage: 'fresh', stories: [1], position: 0, label: 'Conflict' });
    // A rehearsal five days ago keeps a story edited long ago fresh.
    expect(of('failure')).toMatchObject({ coverage: 'fresh', stories: [2, 3] });
    expect(of('leadership')).toMatchObject({ coverage: 'fresh', stories: [3] });
    // An archived story covers nothing.
    expect(of('ownership')).toMatchObject({ coverage: 'none', stories: [] });
    expect(of('ambiguity')).toMatchObject({ coverage: 'stale', stories: [5] });
    expect(of('tight-deadline').coverage).toBe('none');
  });

  it('a story is stale once neither edited nor rehearsed for the days given', () => {
    expect(isStale(story(1, [], 89), NOW)).toBe(false);
    expect(isStale(story(1, [], 90), NOW)).toBe(true);
    expect(isStale(story(1, [], 200, { lastReview: daysAgo(3) }), NOW)).toBe(false);
    expect(isStale(story(1, [], 10), NOW, 7)).toBe(true);
  });
});

describe('rehearsing a story', () => {
  it('moves its schedule as FSRS moves a card, the same way for the same story, and keeps the one before for undo', () => {
    const start = newStorySchedule('2026-05-01T09:00:00.000Z');
    expect(storyRecall(7, start, NOW)).toBeNull();
    const first = rehearse(7, start, 3, '2026-05-01T09:00:00.000Z');
    expect(first.previous).toEqual(start);
    expect(first.schedule).toMatchObject({ reps: 1, lastReview: '2026-05-01T09:00:00.000Z' });
    expect(rehearse(7, start, 3, '2026-05-01T09:00:00.000Z')).toEqual(first);
    const again = rehearse(7, first.schedule, 1, '2026-05-02T09:00:00.000Z');
    const good = rehearse(7, first.schedule, 4, '2026-05-02T09:00:00.000Z');
    expect(Date.parse(again.schedule.due)).toBeLessThan(Date.parse(good.schedule.due));
    const recall = storyRecall(7, good.schedule, NOW)!;
    expect(recall).toBeGreaterThan(0);
    expect(recall).toBeLessThanOrEqual(1);
  });

  it('refuses a rating outside 1-4 naming it', () => {
    expect(() => rehearse(1, newStorySchedule(NOW), 5 as never, NOW)).toThrow(/^rating: /);
  });
});

describe('what a story names and says', () => {
  it('takes known competencies in the list order and refuses an unknown one naming competencies', () => {
    expect(checkCompetencies(['tight-deadline', 'conflict', 'conflict'], LIST)).toEqual(['conflict', 'tight-deadline']);
    expect(() => checkCompetencies(['conflict', 'bravery'], LIST)).toThrow(InvalidInputError);
    expect(() => checkCompetencies(['bravery'], LIST)).toThrow(/^competencies: there is no competency 'bravery'/);
  });

  it('trims the title, refuses an empty one or a NUL, and keeps tags unique', () => {
    expect(checkStoryText({ title: '  Shipped the migration  ', tags: ['db', 'db', ' ops '] })).toEqual({
      title: 'Shipped the migration',
      tags: ['db', 'ops'],
    });
    expect(() => checkStoryText({ title: '  ' })).toThrow(/^title is empty/);
    expect(() => checkStoryText({ title: 'x', action: 'a\u0000b' })).toThrow(/^action holds a NUL/);
    // The API's limits hold on the command line too, which does not go through the routes' schemas.
    expect(() => checkStoryText({ title: 'x'.repeat(301) })).toThrow(/^title is longer than 300/);
    expect(() => checkStoryText({ title: 'x', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })).toThrow(/^tags: 21 tags/);
  });

  it('refuses a second competency with the same label, and makes keys from labels in any script', () => {
    expect(() => checkLabelFree(LIST, 'conflict', null)).toThrow(/^label: the competency 'conflict'/);
    expect(() => checkLabelFree(LIST, 'Conflict', 'conflict')).not.toThrow();
    expect(stageKeyFor('Influence without authority', ['conflict'], 'competency')).toBe('influence-without-authority');
    expect(stageKeyFor('Влияние', [], 'competency')).toBe('competency');
  });
});
