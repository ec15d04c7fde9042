// The review use cases as the CLI and the server will call them: a clock passed in, typed errors.
import { describe, expect, it } from 'vitest';
import { closeApp, openApp, type AppContext } from '../../src/app/context.js';
import { checklistFromUpload, importChecklist } from '../../src/app/import-checklist.js';
import { answerCard, dueCards, undoReview } from '../../src/app/review.js';
import { InvalidInputError, NotFoundError } from '../../src/core/errors.js';
import { BACKENDS } from '../store/backends.js';

const CHECKLIST = '# SQL\n- joins\n- index types\n\n# Goals\n- full remote\n';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`reviewing a checklist (${backend.name})`, () => {
    async function withClock(fn: (ctx: AppContext, setNow: (iso: string) => void) => Promise<void>): Promise<void> {
      const database = await backend.createDatabase();
      let now = '2026-11-20T09:00:00.000Z';
      const ctx = await openApp(database.location, () => now);
      try {
        await fn(ctx, (iso) => (now = iso));
      } finally {
        await closeApp(ctx);
        await database.drop();
      }
    }

    it('a fresh import has every study topic due, goals left out; answering moves a card out of the due list', () =>
      withClock(async (ctx, setNow) => {
        await importChecklist(ctx, { file: checklistFromUpload(CHECKLIST, 'sql.md') });
        const due = await dueCards(ctx, undefined, 10);
        expect(due.cards.map((d) => d.topic?.text)).toEqual(['joins', 'index types']);
        const joins = due.cards[0]!.card;
        const answered = await answerCard(ctx, joins.id, 4, 2500);
        expect(answered.log).toMatchObject({ rating: 4, durationMs: 2500 });
        expect((await dueCards(ctx, 'sql', 10)).cards.map((d) => d.topic?.text)).toEqual(['index types']);
        // Due again once its interval has passed: after the card that has waited since the import.
        setNow(new Date(Date.parse(answered.card.due) + 1000).toISOString());
        expect((await dueCards(ctx, 'sql', 10)).cards.map((d) => d.topic?.text)).toEqual(['index types', 'joins']);
      }));

    it('undo brings the card back as it was', () =>
      withClock(async (ctx) => {
        await importChecklist(ctx, { file: checklistFromUpload(CHECKLIST, 'sql.md') });
        const [first] = (await dueCards(ctx, 'sql', 1)).cards;
        await answerCard(ctx, first!.card.id, 3);
        const restored = await undoReview(ctx, 'sql');
        expect(restored).toEqual(first!.card);
        await expect(undoReview(ctx, 'sql')).rejects.toThrow(NotFoundError);
      }));

    it('says what is wrong: a bad rating, an unknown card, an unknown checklist, several checklists unnamed', () =>
      withClock(async (ctx) => {
        await importChecklist(ctx, { file: checklistFromUpload(CHECKLIST, 'sql.md') });
        const [first] = (await dueCards(ctx, 'sql', 1)).cards;
        await expect(answerCard(ctx, first!.card.id, 5)).rejects.toThrow(/a rating is 1 \(again\), 2 \(hard\), 3 \(good\) or 4 \(easy\)/);
        await expect(answerCard(ctx, 424242, 3)).rejects.toThrow(NotFoundError);
        await expect(dueCards(ctx, 'nope', 10)).rejects.toThrow(NotFoundError);
        await expect(dueCards(ctx, 'sql', 0)).rejects.toThrow(InvalidInputError);
        await importChecklist(ctx, { file: checklistFromUpload('- other\n', 'other.md') });
        await expect(dueCards(ctx, undefined, 10)).rejects.toThrow(/there are 2 checklists \(other, sql\); name the one to review/);
      }));
  });
}
