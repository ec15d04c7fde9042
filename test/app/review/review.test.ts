// The review use cases as the CLI and the server will call them: a clock passed in, typed errors.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { withApp } from '../../support/app.js';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { answerCard, reviewQueue, undoReview } from '../../../src/app/review/review.js';
import { updateReviewSettings } from '../../../src/app/review/settings.js';
import type { ReviewQueueJson } from '../../../src/contract/review.js';
import { InvalidInputError, NotFoundError } from '../../../src/core/errors.js';
import { BACKENDS } from '../../store/backends.js';
import { getTopic } from '../../../src/store/topics/topics.js';
import { markTopic } from '../../../src/app/topics/topics.js';

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
        // Easy on a new card graduates it, but its topic is known only once recalled on a later day.
        expect(answered.card.state).toBe('review');
        expect(answered.topic).toMatchObject({ text: 'joins', state: 'learning' });
        const after = await reviewQueue(ctx, { checklist: 'sql' });
        expect(topicsOf(after)).toEqual(['index types']);
        expect(after.doneToday).toEqual({ new: 1, review: 0 });
        expect(after.nextDueAt).toBe(answered.card.due);
        // Due again on the day its interval ends: a review, before the new card.
        setNow(answered.card.due);
        const later = await reviewQueue(ctx, { checklist: 'sql' });
        expect(topicsOf(later)).toEqual(['joins', 'index types']);
        expect(later.remaining).toMatchObject({ review: 1, new: 1 });
        expect((await answerCard(ctx, joins.card.id, 3)).topic).toMatchObject({ text: 'joins', state: 'known' });
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

    it('says when studying goes on once a daily limit holds cards back: tomorrow for new cards and reviews, later today for a learning step', () =>
      withClock(async (ctx, setNow) => {
        await importChecklist(ctx, { file: checklistFromUpload('# SQL\n- a\n- b\n- c\n', 'sql.md') });
        await updateReviewSettings(ctx, 'sql', { newPerDay: 2, reviewsPerDay: 1, timeZone: 'UTC', dayStartsAt: 4 });
        const first = await reviewQueue(ctx, {});
        const a = await answerCard(ctx, first.cards[0]!.card.id, 4);
        const b = await answerCard(ctx, first.cards[1]!.card.id, 4);
        // 'c' is new and waits for tomorrow's allowance, which comes before a's and b's first reviews.
        const spent = await reviewQueue(ctx, {});
        expect(spent.cards).toEqual([]);
        expect(spent.nextDueAt).toBe('2026-11-21T04:00:00.000Z');
        // Both reviews overdue, one review a day: after one, the other waits for tomorrow, not for its next due date.
        setNow(new Date(Math.max(Date.parse(a.card.due), Date.parse(b.card.due)) + 2 * 86_400_000).toISOString());
        const due = await reviewQueue(ctx, {});
        const review = due.cards.find((c) => c.card.state === 'review')!;
        await answerCard(ctx, review.card.id, 4);
        const after = await reviewQueue(ctx, {});
        expect(after.remaining.review).toBe(0);
        expect(after.nextDueAt).toBe(after.day.end);
        // No reviews at all today: a learning step an hour away still comes back today.
        await updateReviewSettings(ctx, 'sql', { reviewsPerDay: 0, learningSteps: ['1h'] });
        const c = after.cards.find((x) => x.card.state === 'new')!;
        const again = await answerCard(ctx, c.card.id, 1);
        expect(again.card.state).toBe('learning');
        expect((await reviewQueue(ctx, {})).nextDueAt).toBe(again.card.due);
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
        // A title holding a slash, by its title, its path, or the path as the web sends it.
        await importChecklist(ctx, { file: checklistFromUpload('# DevOps\n## CI/CD\n- pipelines\n## TCP/IP\n- handshake\n', 'd.md') });
        for (const section of ['CI/CD', 'ci / cd', 'DevOps/CI/CD', 'devops / ci/cd']) {
          expect(topicsOf(await reviewQueue(ctx, { checklist: 'd', section }))).toEqual(['pipelines']);
        }
        expect(topicsOf(await reviewQueue(ctx, { checklist: 'd', section: 'tcp/ip' }))).toEqual(['handshake']);
      }));

    it('scopes the queue to some topics: their topic cards and question cards, nothing else', () =>
      withClock(async (ctx) => {
        const text = '# Python\n- generators\n  - What does send() do? :: resumes it\n- descriptors\n# SQL\n- joins\n- MVCC\n';
        await importChecklist(ctx, { file: checklistFromUpload(text, 'p.md') });
        const all = await reviewQueue(ctx, {});
        const idOf = (text: string) => all.cards.find((c) => c.topic?.text === text)!.topic!.id;
        const scoped = await reviewQueue(ctx, { topicIds: [idOf('generators'), idOf('MVCC')] });
        expect(scoped.cards.map((c) => [c.card.kind, c.topic?.text])).toEqual([
          ['topic', 'generators'],
          ['qa', 'generators'],
          ['topic', 'MVCC'],
        ]);
        expect(scoped.remaining.new).toBe(3);
        // Both scopes at once: the topics within the section.
        expect(topicsOf(await reviewQueue(ctx, { section: 'sql', topicIds: [idOf('generators'), idOf('MVCC')] }))).toEqual(['MVCC']);
        expect((await reviewQueue(ctx, { topicIds: [999_999] })).cards).toEqual([]);
      }));

    it('introduces topics known already ([x] in the file, or marked by hand) after all the others, and their question cards in turn', () =>
      withClock(async (ctx) => {
        const text =
          '# SQL\n- [x] joins\n  - Which join keeps unmatched rows? :: an outer join\n- [ ] index types\n- [x] views\n- [ ] locks\n- [ ] MVCC\n';
        await importChecklist(ctx, { file: checklistFromUpload(text, 'sql.md') });
        const order = async (newPerDay = 20) => {
          await updateReviewSettings(ctx, 'sql', { newPerDay });
          return (await reviewQueue(ctx, { limit: 50 })).cards.map((c) => `${c.card.kind === 'qa' ? 'Q: ' : ''}${c.topic?.text}`);
        };
        const first = await order();
        // The known topics' own cards last, in file order; the rest (a question card of a known topic too) before.
        expect(first.slice(-2)).toEqual(['joins', 'views']);
        expect(first.slice(0, -2).sort()).toEqual(['MVCC', 'Q: joins', 'index types', 'locks']);
        expect(first.filter((t) => !t.startsWith('Q: ')).slice(0, 3)).toEqual(['index types', 'locks', 'MVCC']);
        // The day's new cards go to what is not known first.
        expect(await order(4)).toEqual(first.slice(0, 4));
        // A hand mark moves a topic back with the known ones; unmarked, it comes in its place again.
        await markTopic(ctx, 'locks', { state: 'known' });
        expect((await order()).slice(-3)).toEqual(['joins', 'views', 'locks']);
        await markTopic(ctx, 'locks', { state: 'new' });
        expect(await order()).toEqual(first);
        expect((await reviewQueue(ctx, {})).remaining.new).toBe(6);
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

    it('undo puts back the topic state its review changed, and only that: undos in a row, a clock behind, a question card, a hand change since', () =>
      withClock(async (ctx, setNow) => {
        await importChecklist(ctx, { file: checklistFromUpload('# SQL\n- joins\n  - What is a join? :: rows combined\n', 'sql.md') });
        const [topicCard, qaCard] = (await reviewQueue(ctx, {})).cards;
        const topicId = topicCard!.topic!.id;
        const state = async () => (await getTopic(ctx.store.db, topicId))!.state;
        // Good: new → learning; then Easy, on a clock a minute behind (another machine), graduates the card; Good on
        // a later day: learning → known.
        await answerCard(ctx, topicCard!.card.id, 3);
        setNow('2026-11-20T08:59:00.000Z');
        await answerCard(ctx, topicCard!.card.id, 4);
        expect(await state()).toBe('learning');
        setNow('2026-12-20T09:00:00.000Z');
        await answerCard(ctx, topicCard!.card.id, 3);
        expect(await state()).toBe('known');
        // A question card's answer at that instant moves no topic, so its undo moves none either.
        await answerCard(ctx, qaCard!.card.id, 3);
        expect((await undoReview(ctx)).card.kind).toBe('qa');
        expect(await state()).toBe('known');
        expect((await undoReview(ctx)).card.state).toBe('review');
        expect(await state()).toBe('learning');
        expect((await undoReview(ctx)).card.state).toBe('learning');
        expect(await state()).toBe('learning');
        expect((await undoReview(ctx)).card.state).toBe('new');
        expect(await state()).toBe('new');
        // Marked by hand after the review: undo gives the card back and leaves the user's state alone.
        await answerCard(ctx, topicCard!.card.id, 3);
        await markTopic(ctx, String(topicId), { state: 'known' });
        await undoReview(ctx);
        expect(await state()).toBe('known');
      }));

    it('refuses a card whose topic was skipped after the card was shown, changing nothing', () =>
      withClock(async (ctx) => {
        await importChecklist(ctx, { file: checklistFromUpload(CHECKLIST, 'sql.md') });
        const [shown] = (await reviewQueue(ctx, { limit: 1 })).cards;
        await markTopic(ctx, String(shown!.topic!.id), { state: 'skipped' });
        await expect(answerCard(ctx, shown!.card.id, 4)).rejects.toThrow(/which is skipped; mark it new or learning to review it/);
        expect((await getTopic(ctx.store.db, shown!.topic!.id))!.state).toBe('skipped');
        await expect(undoReview(ctx)).rejects.toThrow(NotFoundError);
      }));

    it('says what is wrong: a bad rating, an unknown card, an unknown checklist, several checklists unnamed: the one imported last', () =>
      withClock(async (ctx) => {
        await importChecklist(ctx, { file: checklistFromUpload(CHECKLIST, 'sql.md') });
        const [first] = (await reviewQueue(ctx, { checklist: 'sql', limit: 1 })).cards;
        await expect(answerCard(ctx, first!.card.id, 5)).rejects.toThrow(/a rating is 1 \(again\), 2 \(hard\), 3 \(good\) or 4 \(easy\)/);
        await expect(answerCard(ctx, 424242, 3)).rejects.toThrow(NotFoundError);
        await expect(reviewQueue(ctx, { checklist: 'nope' })).rejects.toThrow(NotFoundError);
        await expect(reviewQueue(ctx, { checklist: 'sql', limit: 0 })).rejects.toThrow(InvalidInputError);
        await importChecklist(ctx, { file: checklistFromUpload('- other\n', 'other.md') });
        // Unnamed among several: the one imported last, which the CLI's `use` (or an import from it) can change.
        expect((await reviewQueue(ctx)).checklist).toBe('other');
      }));
  });
}
