// Edge cases: cards across re-imports (store/import/import.ts#saveCards, core/review/cards.ts#planCards).
import { describe, expect, it } from 'vitest';
import { topicCardList } from '../../src/app/review/cards.js';
import { answerCard, cardById, reviewQueue } from '../../src/app/review/review.js';
import { resolveTopic } from '../../src/app/topics/topics.js';
import { BACKENDS } from '../store/backends.js';
import { withApp } from '../support/app.js';
import { load, START } from './support.js';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`cards across re-imports (${backend.name})`, () => {
    it('a card written under a goal is not a study card (addCard refuses goals)', () =>
      withApp(backend, START, async (ctx) => {
        await load(ctx, '# Plan\n## Goals\n- get hired\n  - Why? :: money\n## Study\n- arrays\n');
        const queue = await reviewQueue(ctx, {});
        expect(queue.cards.map((c) => c.card.front)).not.toContain('Why?');
      }));

    it('deleting the first of two identical questions keeps the second card (and its reviews)', () =>
      withApp(backend, START, async (ctx) => {
        await load(ctx, '# P\n- sql\n  - What locks? :: rows (in MVCC)\n  - What locks? :: tables (in MyISAM)\n');
        const topic = await resolveTopic(ctx, 'sql');
        const [first, second] = (await topicCardList(ctx, topic.id)).cards.filter((c) => c.kind === 'qa');
        await answerCard(ctx, second!.id, 3);
        await load(ctx, '# P\n- sql\n  - What locks? :: tables (in MyISAM)\n');
        // The card still in the file is the one that was reviewed.
        expect(await cardById(ctx, second!.id)).toMatchObject({ archivedAt: null, back: 'tables (in MyISAM)', reps: 1 });
        expect((await cardById(ctx, first!.id)).archivedAt).not.toBeNull();
      }));
  });
}
