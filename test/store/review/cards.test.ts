import { describe, expect, it } from 'vitest';
import { answer, cardReviews, getCard, topicCards, undoLastReview } from '../../../src/store/review/cards.js';
import { nextStudyAt, queueCounts, reviewsSince, studyQueue, type QueueQuery } from '../../../src/store/review/queue.js';
import { getTopic, topicHistory } from '../../../src/store/topics/topics.js';
import type { StudyCard } from '../../../src/core/review/scheduling.js';
import { BACKENDS, useStore } from '../backends.js';
import { importParsed, topicIdsByText } from '../helpers.js';
import { parsedChecklist, type ChecklistSpec } from '../parsed.js';

const DAY1 = '2026-01-05T10:00:00.000Z';
const DAY2 = '2026-01-06T10:00:00.000Z';
const MINUTE = 60 * 1000;

const PREP: ChecklistSpec = {
  sections: [
    { title: 'Goals', role: 'goals', topics: ['get an offer'] },
    { title: 'Books', role: 'books', topics: ['DDIA'] },
    { title: 'SQL', topics: ['joins', 'index types', { text: 'window functions', children: ['rank'] }] },
  ],
};

const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`cards (${backend.name})`, () => {
    const store = useStore(backend);

    async function imported(): Promise<{ checklistId: number; ids: Map<string, number> }> {
      const { checklistId } = await importParsed(store(), 'prep', parsedChecklist(PREP), DAY1);
      return { checklistId, ids: await topicIdsByText(store().db, checklistId) };
    }

    /** Answers Good each time the card falls due until it is in Review; returns the card and the time. */
    async function goodUntilReview(card: StudyCard, start: string): Promise<{ card: StudyCard; now: string }> {
      let current = card;
      let now = start;
      for (let i = 0; i < 10 && current.state !== 'review'; i++) {
        const result = await answer(store().db, current.id, 3, now, 1500);
        current = result!.card;
        now = current.due > now ? current.due : later(now, MINUTE);
      }
      expect(current.state).toBe('review');
      return { card: current, now };
    }

    /** Graduates the card, then answers Good when it is due, on a later day: what makes its topic known. */
    async function knownByReview(card: StudyCard): Promise<{ card: StudyCard; now: string }> {
      const { card: graduated } = await goodUntilReview(card, DAY1);
      expect(await getTopic(store().db, graduated.topicId!)).toMatchObject({ state: 'learning' });
      const recalled = await answer(store().db, graduated.id, 3, graduated.due);
      return { card: recalled!.card, now: recalled!.card.due };
    }

    it('the import makes one card per active study topic, not for goals or books, and only once', async () => {
      const { checklistId, ids } = await imported();
      const cards = await topicCards(store().db, checklistId);
      expect([...cards.keys()].sort()).toEqual(['joins', 'index types', 'window functions', 'rank'].map((text) => ids.get(text)!).sort());
      for (const card of cards.values()) {
        expect(card).toMatchObject({ kind: 'topic', state: 'new', due: DAY1, reps: 0, lastReview: null, createdAt: DAY1 });
      }
      const first = await getCard(store().db, cards.get(ids.get('joins')!)!.id);
      await answer(store().db, first!.id, 3, DAY2);
      await importParsed(store(), 'prep', parsedChecklist(PREP), DAY2);
      const again = await topicCards(store().db, checklistId);
      expect(again.size).toBe(4);
      expect(again.get(ids.get('joins')!)!.reps).toBe(1);
    });

    it('makes the topic learning when first studied, known when its card in Review is recalled on a later day, and learning again on a lapse', async () => {
      const { checklistId, ids } = await imported();
      const topicId = ids.get('joins')!;
      const card = (await topicCards(store().db, checklistId)).get(topicId)!;
      const { card: reviewed, now } = await knownByReview(card);
      expect(await getTopic(store().db, topicId)).toMatchObject({ state: 'known' });
      const lapse = await answer(store().db, reviewed.id, 1, now);
      expect(lapse!.card.state).toBe('relearning');
      expect(lapse!.topic).toMatchObject({ id: topicId, state: 'learning' });
      const history = (await topicHistory(store().db, topicId)).filter((e) => e.type === 'state');
      expect(history).toMatchObject([
        { type: 'state', data: { from: 'new', to: 'learning', source: 'review' } },
        { type: 'state', data: { from: 'learning', to: 'known', source: 'review' } },
        { type: 'state', at: now, data: { from: 'known', to: 'learning', source: 'review' } },
      ]);
      const logs = await cardReviews(store().db, reviewed.id);
      expect(logs.at(-1)).toMatchObject({ rating: 1, state: 'review', reviewed_at: now, duration_ms: null });
      expect(logs[0]).toMatchObject({ rating: 3, state: 'new', duration_ms: 1500 });
    });

    it('undoes the last review: the card exactly as before, the log row gone', async () => {
      const { checklistId, ids } = await imported();
      const card = (await topicCards(store().db, checklistId)).get(ids.get('index types')!)!;
      const { card: reviewed, now } = await goodUntilReview(card, DAY1);
      const before = await getCard(store().db, reviewed.id);
      const logsBefore = await cardReviews(store().db, reviewed.id);
      await answer(store().db, reviewed.id, 2, now, 900);
      expect(await cardReviews(store().db, reviewed.id)).toHaveLength(logsBefore.length + 1);
      const undone = await undoLastReview(store().db, checklistId, now);
      expect(undone!.card).toEqual(before);
      expect(await getCard(store().db, reviewed.id)).toEqual(before);
      expect(await cardReviews(store().db, reviewed.id)).toEqual(logsBefore);
      expect(undone!.removed).toMatchObject({ rating: 2, duration_ms: 900 });
    });

    it('undoing a lapse puts the topic back to known, as a new line of history', async () => {
      const { checklistId, ids } = await imported();
      const topicId = ids.get('joins')!;
      const card = (await topicCards(store().db, checklistId)).get(topicId)!;
      const { card: reviewed, now } = await knownByReview(card);
      await answer(store().db, reviewed.id, 1, now);
      expect(await getTopic(store().db, topicId)).toMatchObject({ state: 'learning' });
      await undoLastReview(store().db, checklistId, now);
      expect(await getTopic(store().db, topicId)).toMatchObject({ state: 'known' });
      const states = (await topicHistory(store().db, topicId)).filter((e) => e.type === 'state').map((e) => e.data);
      expect(states).toEqual([
        { from: 'new', to: 'learning', source: 'review' },
        { from: 'learning', to: 'known', source: 'review' },
        { from: 'known', to: 'learning', source: 'review' },
        { from: 'learning', to: 'known', source: 'undo' },
      ]);
      // An undo of a review that left the state alone changes no state.
      await answer(store().db, reviewed.id, 3, now);
      const before = (await topicHistory(store().db, topicId)).length;
      await undoLastReview(store().db, checklistId, now);
      expect(await topicHistory(store().db, topicId)).toHaveLength(before);
    });

    it('undoes nothing when the checklist has no review', async () => {
      const { checklistId } = await imported();
      expect(await undoLastReview(store().db, checklistId, DAY1)).toBeNull();
      expect(await answer(store().db, 9999, 3, DAY1)).toBeNull();
    });

    /** A queue query over the whole checklist with generous limits. */
    const queue = (checklistId: number, now: string, overrides: Partial<QueueQuery> = {}): QueueQuery => ({
      checklistId,
      now,
      learnAheadUntil: now,
      dayEnd: later(now, 12 * 60 * MINUTE),
      newLimit: 20,
      reviewLimit: 200,
      limit: 10,
      ...overrides,
    });

    it('queues learning cards by due time, then reviews due today, then new cards in file order, within the limits', async () => {
      const { checklistId, ids } = await imported();
      const cards = await topicCards(store().db, checklistId);
      const cardOf = (text: string) => cards.get(ids.get(text)!)!;
      // Answered Again at different times, so they fall due (minutes later) in that order.
      const order = ['rank', 'joins'];
      for (const [i, text] of order.entries()) await answer(store().db, cardOf(text).id, 1, later(DAY1, i * MINUTE));
      const { card: graduated, now } = await goodUntilReview(cardOf('window functions'), later(DAY1, 2 * MINUTE));
      const dueLater = later(DAY1, 60 * MINUTE);
      const first = await studyQueue(store().db, queue(checklistId, dueLater));
      // 'index types' was never answered: a new card, after the learning ones; the graduated card is not due yet.
      expect(first.map((c) => c.topicId)).toEqual([...order, 'index types'].map((text) => ids.get(text)!));
      expect(await queueCounts(store().db, queue(checklistId, dueLater))).toEqual({ learning: 2, review: 0, new: 1 });
      expect((await studyQueue(store().db, queue(checklistId, dueLater, { limit: 1 }))).map((c) => c.id)).toEqual([first[0]!.id]);
      expect((await studyQueue(store().db, queue(checklistId, dueLater, { newLimit: 0 }))).map((c) => c.topicId)).toEqual(
        order.map((text) => ids.get(text)!),
      );
      expect(await nextStudyAt(store().db, queue(checklistId, dueLater), 20, dueLater)).toBe(graduated.due);
      // On the day the graduated card is due, it comes after the learning cards and before the new one.
      const dueDay = queue(checklistId, graduated.due, { dayEnd: later(graduated.due, MINUTE) });
      expect((await studyQueue(store().db, dueDay)).map((c) => c.topicId)).toEqual(
        [...order, 'window functions', 'index types'].map((text) => ids.get(text)!),
      );
      expect((await studyQueue(store().db, { ...dueDay, reviewLimit: 0 })).map((c) => c.topicId)).not.toContain(ids.get('window functions'));
      expect(await reviewsSince(store().db, checklistId, DAY1)).toEqual({ new: 3, review: 0 });
      expect(now >= DAY1).toBe(true);
    });

    it('scopes the queue to sections by path key', async () => {
      const { checklistId } = await imported();
      const all = await studyQueue(store().db, queue(checklistId, DAY1));
      expect(all).toHaveLength(4);
      expect(new Set(all.map((c) => c.sectionKey))).toEqual(new Set(['sql']));
      expect(await studyQueue(store().db, queue(checklistId, DAY1, { sectionKeys: ['sql'] }))).toHaveLength(4);
      expect(await studyQueue(store().db, queue(checklistId, DAY1, { sectionKeys: [] }))).toEqual([]);
    });
  });
}
