// The review use cases as the CLI and the server will call them: a clock passed in, typed errors.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { withApp } from '../support/app.js';
import { checklistFromUpload, importChecklist } from '../../src/app/import-checklist.js';
import { answerCard, reviewQueue, undoReview } from '../../src/app/review.js';
import { updateReviewSettings } from '../../src/app/review-settings.js';
import type { ReviewQueueJson } from '../../src/core/api.js';
import { InvalidInputError, NotFoundError } from '../../src/core/errors.js';
import { BACKENDS } from '../store/backends.js';

const CHECKLIST = '# SQL\n- joins\n- index types\n\n# Goals\n- full remote\n';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`reviewing a checklist (${backend.name})`, () => {
    const withClock = (fn: (ctx: AppContext, setNow: (iso: string) => void) => Promise<void>) => withApp(backend, '2026-11-20T09:00:00.000Z', fn);

    const topicsOf = (queue: ReviewQueueJson) => queue.cards.map((c) => c.topic?.text);

    it('a fresh import has every study topic new, goals left out; answering moves a card on, and it comes back when due', () =>
      withClock(async (ctx, setNow) => {
        await importChecklist(ctx, { file: checklistFromUpload(CHECKLIST, 'sql.md') });
        const queue = await reviewQueue(ctx, { limit: 10 });
        expect(topicsOf(queue)).toEqual(['joins', 'index types']);
        expect(queue.remaining).toEqual({ new: 2, learning: 0, review: 0 });
        const joins = queue.cards[0]!;
        expect(joins.card).toMatchObject({ kind: 'topic', front: 'joins', state: 'new', retrievability: null });
        expect(joins.ratings.map((r) => r.rating)).toEqual([1, 2, 3, 4]);
        expect(joins.ratings.map((r) => r.interval)).toEqual(['1m', '6m', '10m', expect.stringMatching(/^\d+d$/)]);
        const answered = await answerCard(ctx, joins.card.id, 4, 2500);
        // Easy on a new card graduates it: its topic is known now.
        expect(answered.card.state).toBe('review');
        expect(answered.topic).toMatchObject({ text: 'joins', state: 'known' });
        const after = await reviewQueue(ctx, { checklist: 'sql' });
        expect(topicsOf(after)).toEqual(['index types']);
        expect(after.doneToday).toEqual({ new: 1, review: 0 });
        expect(after.nextDueAt).toBe(answered.card.due);
        // Due again on the day its interval ends: a review, before the new card.
        setNow(answered.card.due);
        const later = await reviewQueue(ctx, { checklist: 'sql' });
        expect(topicsOf(later)).toEqual(['joins', 'index types']);
        expect(later.remaining).toMatchObject({ review: 1, new: 1 });
      }));

    it('keeps to the daily limits of new cards and reviews, counted per study day', () =>
      withClock(async (ctx, setNow) => {
        await importChecklist(ctx, { file: checklistFromUpload('# SQL\n- a\n- b\n- c\n- d\n', 'sql.md') });
        await updateReviewSettings(ctx, 'sql', { newPerDay: 2, timeZone: 'UTC', dayStartsAt: 4 });
        const first = await reviewQueue(ctx, {});
        expect(topicsOf(first)).toEqual(['a', 'b']);
        await answerCard(ctx, first.cards[0]!.card.id, 4);
        await answerCard(ctx, first.cards[1]!.card.id, 4);
        const spent = await reviewQueue(ctx, {});
        expect(spent.cards).toEqual([]);
        expect(spent.remaining.new).toBe(0);
        // 03:59 UTC the next morning is still the same study day; 04:00 is a new one.
        setNow('2026-11-21T03:59:00.000Z');
        expect((await reviewQueue(ctx, {})).cards).toEqual([]);
        setNow('2026-11-21T04:00:00.000Z');
        expect(topicsOf(await reviewQueue(ctx, {}))).toEqual(['c', 'd']);
      }));

    it('scopes the queue to sections whose path holds a fragment, subsections included', () =>
      withClock(async (ctx) => {
        await importChecklist(ctx, { file: checklistFromUpload('# Python\n- generators\n## Async\n- event loop\n# SQL\n- joins\n', 'p.md') });
        expect(topicsOf(await reviewQueue(ctx, { section: 'PYTHON' }))).toEqual(['generators', 'event loop']);
        expect(topicsOf(await reviewQueue(ctx, { section: 'async' }))).toEqual(['event loop']);
        expect(topicsOf(await reviewQueue(ctx, { section: 'Python/Async' }))).toEqual(['event loop']);
        await expect(reviewQueue(ctx, { section: 'rust' })).rejects.toThrow(/no section of 'p' matches 'rust'/);
        // A whole path means that section (and its subsections), not every section whose title holds it.
        await importChecklist(ctx, { file: checklistFromUpload('# Core\n- x\n## Deep\n- z\n# Core stuff\n- y\n', 'c.md') });
        expect(topicsOf(await reviewQueue(ctx, { checklist: 'c', section: 'core' }))).toEqual(['x', 'z']);
        expect(topicsOf(await reviewQueue(ctx, { checklist: 'c', section: 'stuff' }))).toEqual(['y']);
      }));

    it('undo brings the card back as it was', () =>
      withClock(async (ctx) => {
        await importChecklist(ctx, { file: checklistFromUpload(CHECKLIST, 'sql.md') });
        const [first] = (await reviewQueue(ctx, { checklist: 'sql', limit: 1 })).cards;
        await answerCard(ctx, first!.card.id, 3);
        const restored = await undoReview(ctx, 'sql');
        expect(restored.card).toEqual(first!.card);
        expect(topicsOf(await reviewQueue(ctx, { checklist: 'sql' }))).toEqual(['joins', 'index types']);
        await expect(undoReview(ctx, 'sql')).rejects.toThrow(NotFoundError);
      }));

    it('says what is wrong: a bad rating, an unknown card, an unknown checklist, several checklists unnamed', () =>
      withClock(async (ctx) => {
        await importChecklist(ctx, { file: checklistFromUpload(CHECKLIST, 'sql.md') });
        const [first] = (await reviewQueue(ctx, { checklist: 'sql', limit: 1 })).cards;
        await expect(answerCard(ctx, first!.card.id, 5)).rejects.toThrow(/a rating is 1 \(again\), 2 \(hard\), 3 \(good\) or 4 \(easy\)/);
        await expect(answerCard(ctx, 424242, 3)).rejects.toThrow(NotFoundError);
        await expect(reviewQueue(ctx, { checklist: 'nope' })).rejects.toThrow(NotFoundError);
        await expect(reviewQueue(ctx, { checklist: 'sql', limit: 0 })).rejects.toThrow(InvalidInputError);
        await importChecklist(ctx, { file: checklistFromUpload('- other\n', 'other.md') });
        await expect(reviewQueue(ctx)).rejects.toThrow(/there are 2 checklists \(other, sql\); name the one to review/);
      }));
  });
}
