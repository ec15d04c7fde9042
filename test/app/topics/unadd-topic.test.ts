// Removing a topic added in prepdeck, through the use cases on both backends: what goes with it (cards, reviews,
// history, links), what stays (the file's topics, an interview question's text and other topics), and the refusals.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { checklistRevision, loadTree } from '../../../src/app/checklists/checklists.js';
import { addApplication } from '../../../src/app/hunt/applications.js';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { addQuestion } from '../../../src/app/interviews/questions.js';
import { createRound, roundDetail } from '../../../src/app/interviews/rounds.js';
import { addCard, topicCardList } from '../../../src/app/review/cards.js';
import { answerCard, reviewQueue } from '../../../src/app/review/review.js';
import { addTopic } from '../../../src/app/topics/add-topic.js';
import { resolveTopic, topicById, updateTopic } from '../../../src/app/topics/topics.js';
import { unaddTopic } from '../../../src/app/topics/unadd-topic.js';
import { InvalidInputError, NotFoundError } from '../../../src/core/errors.js';
import { BACKENDS } from '../../store/backends.js';
import { withApp } from '../../support/app.js';

const FILE = ['# Python', '- generators', '- descriptors', '# Databases', '- MVCC', ''].join('\n');
const NOW = '2026-12-05T10:00:00.000Z';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`removing a topic added in prepdeck (${backend.name})`, () => {
    const run = (fn: (ctx: AppContext, setNow: (iso: string) => void) => Promise<void>) =>
      withApp(backend, NOW, async (ctx, setNow) => {
        await importChecklist(ctx, { file: checklistFromUpload(FILE, 'prep.md') });
        await fn(ctx, setNow);
      });
    /** Every row the checklist holds, table by table, but the topic's own: what a removal must leave as it was. */
    const rowsBesides = async (ctx: AppContext, topicId: number) => {
      const db = ctx.store.db;
      const cardIds = (await db.selectFrom('cards').select('id').where('topic_id', '=', topicId).execute()).map((c) => c.id);
      return {
        topics: await db.selectFrom('topics').selectAll().where('id', '!=', topicId).orderBy('id').execute(),
        cards: await db.selectFrom('cards').selectAll().where('topic_id', '!=', topicId).orderBy('id').execute(),
        events: await db.selectFrom('events').selectAll().where('topic_id', '!=', topicId).orderBy('id').execute(),
        reviews: await db
          .selectFrom('review_log')
          .selectAll()
          .where('card_id', 'not in', [...cardIds, 0])
          .orderBy('id')
          .execute(),
      };
    };

    it('removes a topic just added at once, keeping everything else as it was', () =>
      run(async (ctx) => {
        const added = await addTopic(ctx, { section: 'Databases', title: 'Desing a rate limiter' });
        const before = await rowsBesides(ctx, added.topic.id);
        const answer = await unaddTopic(ctx, added.topic.id, { keepUsersWork: true });
        expect(answer).toEqual({
          removed: { id: added.topic.id, title: 'Desing a rate limiter', section: ['Databases'] },
          cards: 1,
          qaCards: 0,
          reviews: 0,
          questions: 0,
          notes: false,
          dryRun: false,
        });
        await expect(topicById(ctx, added.topic.id)).rejects.toBeInstanceOf(NotFoundError);
        expect(await rowsBesides(ctx, added.topic.id)).toEqual(before);
        const db = ctx.store.db;
        expect(await db.selectFrom('cards').select('id').where('topic_id', '=', added.topic.id).execute()).toEqual([]);
        expect(await db.selectFrom('events').select('id').where('topic_id', '=', added.topic.id).execute()).toEqual([]);
        // The right title goes in now, and nothing of the typo is left to write into the file.
        await addTopic(ctx, { section: 'Databases', title: 'Design a rate limiter' });
        const tree = JSON.stringify(await loadTree(ctx, 'prep'));
        expect(tree).toContain('Design a rate limiter');
        expect(tree).not.toContain('Desing');
      }));

    it("with the user's reviews, cards and notes it goes only when asked, and takes them with its history", () =>
      run(async (ctx, setNow) => {
        const added = await addTopic(ctx, { section: 'Databases', title: 'Design a rate limiter' });
        const [topicCard] = (await topicCardList(ctx, added.topic.id)).cards;
        await answerCard(ctx, topicCard!.id, 3);
        setNow('2026-12-05T10:05:00.000Z');
        const qa = await addCard(ctx, String(added.topic.id), { front: 'Token bucket?', back: 'Refill at a rate.' });
        await answerCard(ctx, qa.id, 2);
        await updateTopic(ctx, added.topic.id, { notes: 'sliding window too' });
        const before = await rowsBesides(ctx, added.topic.id);

        const kept = await unaddTopic(ctx, added.topic.id, { keepUsersWork: true });
        expect(kept).toMatchObject({ cards: 2, qaCards: 1, reviews: 2, questions: 0, notes: true, dryRun: true });
        expect((await topicById(ctx, added.topic.id)).reviews).toHaveLength(1);
        expect(await unaddTopic(ctx, added.topic.id, { dryRun: true })).toEqual(kept);

        const removed = await unaddTopic(ctx, added.topic.id);
        expect(removed).toEqual({ ...kept, dryRun: false });
        await expect(topicById(ctx, added.topic.id)).rejects.toBeInstanceOf(NotFoundError);
        const db = ctx.store.db;
        expect(await db.selectFrom('review_log').select('id').where('card_id', 'in', [topicCard!.id, qa.id]).execute()).toEqual([]);
        expect((await reviewQueue(ctx, {})).cards.map((c) => c.topic?.id)).not.toContain(added.topic.id);
        expect(await rowsBesides(ctx, added.topic.id)).toEqual(before);
      }));

    it("refuses a topic of the file, saying where to remove it, and leaves it as it was; an unknown id isn't found", () =>
      run(async (ctx) => {
        const mvcc = await resolveTopic(ctx, 'MVCC');
        const before = await topicById(ctx, mvcc.id);
        const refusal = unaddTopic(ctx, mvcc.id);
        await expect(refusal).rejects.toBeInstanceOf(InvalidInputError);
        await expect(refusal).rejects.toThrow(
          "'MVCC' is in your file (line 5): delete its line there, then `prepdeck import FILE` (or sync) archives it",
        );
        expect(await topicById(ctx, mvcc.id)).toEqual(before);
        await expect(unaddTopic(ctx, 999_999)).rejects.toBeInstanceOf(NotFoundError);
      }));

    it('a topic an interview question added goes; the question keeps its text, score and other topics, losing only it', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const { round } = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-04T15:00' });
        const mvcc = await resolveTopic(ctx, 'MVCC');
        const detail = await addQuestion(ctx, round.id, {
          text: 'Design a rate limiter',
          score: 2,
          topicIds: [mvcc.id],
          newTopic: { section: 'Databases' },
        });
        const question = detail.questions[0]!;
        const addedId = question.topics.find((t) => t.topicId !== mvcc.id)!.topicId;
        expect((await topicById(ctx, mvcc.id)).reviews).toHaveLength(1);

        expect(await unaddTopic(ctx, addedId, { keepUsersWork: true })).toMatchObject({ reviews: 1, questions: 1, dryRun: true });
        expect(await unaddTopic(ctx, addedId)).toMatchObject({ removed: { title: 'Design a rate limiter' }, cards: 1, reviews: 1, questions: 1 });
        const after = (await roundDetail(ctx, round.id)).questions;
        expect(after).toEqual([{ ...question, topics: question.topics.filter((t) => t.topicId === mvcc.id), updatedAt: after[0]!.updatedAt }]);
        // The evidence on the question's other topic stays.
        expect((await topicById(ctx, mvcc.id)).reviews).toEqual([expect.objectContaining({ rating: 2, questionId: question.id })]);
      }));

    it("a tree shown while the topic was there is not served after it went, though SQLite gives the next event the removed one's id", () =>
      run(async (ctx) => {
        const added = await addTopic(ctx, { section: 'Python', title: 'asyncio' });
        const withIt = await checklistRevision(ctx, 'prep');
        await unaddTopic(ctx, added.topic.id);
        await addTopic(ctx, { section: 'Python', title: 'GIL' });
        expect(await checklistRevision(ctx, 'prep')).not.toBe(withIt);
      }));
  });
}
