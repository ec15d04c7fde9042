import { describe, expect, it } from 'vitest';
import { decideAnswer, decideUndo, topicStateAfter, type AnswerInput, type TopicOfCard } from '../../../src/core/review/answer.js';
import { ConflictError, InvalidInputError } from '../../../src/core/errors.js';
import { newCardSchedule, review, type StudyCard } from '../../../src/core/review/scheduling.js';

const NOW = '2026-01-05T10:00:00.000Z';
const LATER = '2026-01-25T10:00:00.000Z';

function studyCard(overrides: Partial<StudyCard> = {}): StudyCard {
  return {
    id: 7,
    checklistId: 1,
    topicId: 3,
    kind: 'topic',
    front: '',
    back: '',
    origin: 'app',
    sectionKey: 'sql',
    lines: null,
    createdAt: NOW,
    archivedAt: null,
    ...newCardSchedule(NOW),
    ...overrides,
  };
}

/** A topic card in Review (answered Easy when new), its topic known. */
const graduated = (): StudyCard => studyCard(review(studyCard(), 4, NOW).card);

const topic = (overrides: Partial<TopicOfCard> = {}): TopicOfCard => ({ text: 'joins', state: 'new', archivedAt: null, ...overrides });

const input = (overrides: Partial<AnswerInput> = {}): AnswerInput => ({
  card: studyCard(),
  topic: topic(),
  rating: 3,
  now: NOW,
  durationMs: 1500,
  ...overrides,
});

describe('answering a card: what is refused', () => {
  it('refuses a card gone from the file or removed', () => {
    expect(() => decideAnswer(input({ card: studyCard({ archivedAt: NOW }) }))).toThrow(
      new InvalidInputError('card 7 is archived: its question is gone from the file or was removed'),
    );
  });

  it('refuses a card whose topic is archived or skipped, so that a card shown before does not bring its topic back', () => {
    expect(() => decideAnswer(input({ topic: topic({ archivedAt: NOW }) }))).toThrow(
      new InvalidInputError("card 7 belongs to 'joins', which is gone from the file (archived)"),
    );
    const skipped = () => decideAnswer(input({ topic: topic({ state: 'skipped' }) }));
    expect(skipped).toThrow(InvalidInputError);
    expect(skipped).toThrow("card 7 belongs to 'joins', which is skipped; mark it new or learning to review it");
  });

  it('refuses an answer given meanwhile elsewhere: the reps the user saw are not the card\u2019s any more', () => {
    const stale = () => decideAnswer(input({ shownReps: 1 }));
    expect(stale).toThrow(ConflictError);
    expect(stale).toThrow('card 7 was answered meanwhile, elsewhere (another window or the terminal); this answer was not recorded');
    expect(decideAnswer(input({ shownReps: 0 })).card.reps).toBe(1);
  });
});

describe('answering a card: what it becomes', () => {
  it('schedules the card with FSRS and logs the answer with the card as it was and how long it took', () => {
    const card = studyCard();
    const decision = decideAnswer(input({ card, rating: 2, durationMs: 900 }));
    const outcome = review(card, 2, NOW);
    expect(decision.card).toEqual(outcome.card);
    expect(decision.log).toEqual({ ...outcome.log, durationMs: 900 });
    expect(decision.log.previous).toEqual(newCardSchedule(NOW));
  });

  it('makes a new topic learning when its card is first studied, even when Easy graduates it at once', () => {
    expect(decideAnswer(input()).topicChange).toEqual({ from: 'new', to: 'learning' });
    expect(decideAnswer(input({ rating: 4 })).topicChange).toEqual({ from: 'new', to: 'learning' });
    expect(decideAnswer(input({ rating: 4, topic: topic({ state: 'learning' }) })).topicChange).toBeNull();
  });

  it('keeps a topic learning when its card graduates through the learning steps within one sitting (Space then 3, twice)', () => {
    const once = studyCard(decideAnswer(input({ rating: 3 })).card);
    const tenMinutesLater = '2026-01-05T10:10:00.000Z';
    const twice = decideAnswer(input({ card: once, topic: topic({ state: 'learning' }), rating: 3, now: tenMinutesLater }));
    const thrice = decideAnswer(input({ card: studyCard(twice.card), topic: topic({ state: 'learning' }), rating: 3, now: tenMinutesLater }));
    expect([twice.card.state, thrice.card.state]).toContain('review');
    expect(twice.topicChange).toBeNull();
    expect(thrice.topicChange).toBeNull();
  });

  it('makes a topic known when its card, in Review, is recalled on a later study day', () => {
    const learning = topic({ state: 'learning' });
    expect(decideAnswer(input({ card: graduated(), topic: learning, rating: 3, now: LATER })).topicChange).toEqual({ from: 'learning', to: 'known' });
    expect(decideAnswer(input({ card: graduated(), topic: learning, rating: 2, now: LATER })).topicChange).toEqual({ from: 'learning', to: 'known' });
    // The day is the study day: late that evening is not a later day when the study day began before the graduation.
    const sameDay = { card: graduated(), topic: learning, rating: 3 as const, now: '2026-01-05T23:00:00.000Z' };
    expect(decideAnswer(input({ ...sameDay, todayStart: '2026-01-05T04:00:00.000Z' })).topicChange).toBeNull();
    expect(decideAnswer(input({ ...sameDay, todayStart: '2026-01-05T22:00:00.000Z' })).topicChange).toEqual({ from: 'learning', to: 'known' });
  });

  it('sends a known topic back to learning on a lapse, and leaves it known on a pass', () => {
    const known = topic({ state: 'known' });
    expect(decideAnswer(input({ card: graduated(), topic: known, rating: 1, now: LATER })).topicChange).toEqual({ from: 'known', to: 'learning' });
    expect(decideAnswer(input({ card: graduated(), topic: known, rating: 3, now: LATER })).topicChange).toBeNull();
  });

  it('leaves the topic alone for a question/answer card, a card without a topic, and a state it already holds', () => {
    expect(decideAnswer(input({ card: studyCard({ kind: 'qa' }), rating: 4 })).topicChange).toBeNull();
    expect(decideAnswer(input({ card: studyCard({ topicId: null, kind: 'qa' }), topic: null })).topicChange).toBeNull();
    expect(decideAnswer(input({ topic: topic({ state: 'learning' }) })).topicChange).toBeNull();
    // A state the user set stays: a card still learning does not un-know a topic marked known by hand.
    expect(decideAnswer(input({ topic: topic({ state: 'known' }) })).topicChange).toBeNull();
  });
});

describe('what answering a topic card does to its topic', () => {
  const inReview = { state: 'review' as const, scheduledDays: 3, lastReview: NOW };
  const tomorrow = '2026-01-06T04:00:00.000Z';
  const today = '2026-01-05T04:00:00.000Z';

  it('known only when a card already in Review, on an interval of a day or more, passes on a later study day', () => {
    expect(topicStateAfter({ before: inReview, after: 'review', rating: 3, todayStart: tomorrow }, 'learning')).toBe('known');
    expect(topicStateAfter({ before: inReview, after: 'review', rating: 3, todayStart: today }, 'learning')).toBeNull();
    expect(topicStateAfter({ before: { ...inReview, scheduledDays: 0 }, after: 'review', rating: 3, todayStart: tomorrow }, 'learning')).toBeNull();
    const graduating = { state: 'learning' as const, scheduledDays: 0, lastReview: NOW };
    expect(topicStateAfter({ before: graduating, after: 'review', rating: 3, todayStart: tomorrow }, 'learning')).toBeNull();
    expect(
      topicStateAfter({ before: { ...graduating, state: 'new', lastReview: null }, after: 'review', rating: 4, todayStart: tomorrow }, 'new'),
    ).toBe('learning');
  });

  it('learning on a lapse or when first studied, else unchanged', () => {
    expect(topicStateAfter({ before: inReview, after: 'relearning', rating: 1, todayStart: tomorrow }, 'known')).toBe('learning');
    const newCard = { state: 'new' as const, scheduledDays: 0, lastReview: null };
    expect(topicStateAfter({ before: newCard, after: 'learning', rating: 3, todayStart: today }, 'new')).toBe('learning');
    expect(topicStateAfter({ before: { ...newCard, state: 'learning' }, after: 'learning', rating: 1, todayStart: today }, 'learning')).toBeNull();
    expect(topicStateAfter({ before: inReview, after: 'review', rating: 3, todayStart: tomorrow }, 'known')).toBe('known');
    // A state the user set stays: a card still learning does not un-know a topic marked known by hand.
    expect(topicStateAfter({ before: newCard, after: 'learning', rating: 3, todayStart: today }, 'known')).toBeNull();
  });
});

describe('undoing the last answer', () => {
  const previous = newCardSchedule(NOW);
  const lapse = { cardId: 7, previous, topicChange: { from: 'known', to: 'learning' } as const };

  it('restores the card exactly as it was, and the topic state the answer changed while the topic still holds it', () => {
    expect(decideUndo({ last: lapse, topicState: 'learning' })).toEqual({ restore: previous, topicChange: { from: 'learning', to: 'known' } });
  });

  it('leaves a topic state changed since (by hand, say), and changes none when the answer changed none', () => {
    expect(decideUndo({ last: lapse, topicState: 'skipped' }).topicChange).toBeNull();
    expect(decideUndo({ last: { ...lapse, topicChange: null }, topicState: 'learning' })).toEqual({ restore: previous, topicChange: null });
    expect(decideUndo({ last: lapse, topicState: null }).topicChange).toBeNull();
  });

  it('refuses when the last answer is another card\u2019s, given elsewhere after the one this session expects', () => {
    expect(decideUndo({ last: lapse, expectedCardId: 7, topicState: 'learning' }).restore).toEqual(previous);
    const other = () => decideUndo({ last: lapse, expectedCardId: 9, topicState: 'learning' });
    expect(other).toThrow(ConflictError);
    expect(other).toThrow("the last answer is now card 7's, given elsewhere after yours to card 9; nothing was undone");
  });
});
