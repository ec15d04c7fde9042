// Review statistics as the dashboard and `prepdeck progress` read them, on both backends, with a clock moved by hand.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/app/context.js';
import { withApp } from '../../support/app.js';
import { checklistFromUpload, importChecklist } from '../../../src/app/import/import-checklist.js';
import { answerCard, reviewQueue } from '../../../src/app/review/review.js';
import { updateReviewSettings } from '../../../src/app/review/settings.js';
import { reviewStats } from '../../../src/app/review/stats.js';
import type { ReviewStatsJson } from '../../../src/contract/review.js';
import { NotFoundError } from '../../../src/core/errors.js';
import { BACKENDS } from '../../store/backends.js';

const CHECKLIST = '# Python\n- generators\n## Async\n- event loop\n- tasks\n# SQL\n- joins\n';
const WITHOUT_EVENT_LOOP = '# Python\n- generators\n## Async\n- tasks\n# SQL\n- joins\n';
const DAY = 24 * 60 * 60 * 1000;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

const section = (stats: ReviewStatsJson, text: string) => stats.sections.find((s) => s.text === text)!;
const total = (days: Array<{ count: number }>) => days.reduce((sum, d) => sum + d.count, 0);

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`review statistics (${backend.name})`, () => {
    const withClock = (fn: (ctx: AppContext, setNow: (iso: string) => void) => Promise<void>) => withApp(backend, '2026-11-20T09:00:00.000Z', fn);

    async function cardOf(ctx: AppContext, text: string): Promise<number> {
      const queue = await reviewQueue(ctx, { checklist: 'p', limit: 50 });
      const found = queue.cards.find((c) => c.topic?.text === text);
      if (!found) throw new Error(`'${text}' is not in the queue: ${queue.cards.map((c) => c.topic?.text).join(', ')}`);
      return found.card.id;
    }

    it('a fresh import has cards to study but no reviews, no forecast and no recall yet', () =>
      withClock(async (ctx) => {
        await importChecklist(ctx, { file: checklistFromUpload(CHECKLIST, 'p.md') });
        const stats = await reviewStats(ctx);
        expect(stats.checklist).toBe('p');
        expect(stats.reviewsByDay).toEqual([]);
        expect(stats.forecast).toHaveLength(30);
        expect(total(stats.forecast)).toBe(0);
        expect(stats.trueRetention).toEqual({ days: 30, reviews: 0, passed: 0, rate: null });
        // Study topics count before the review queue has given them their cards.
        expect(stats.overall).toEqual({ reviewed: 0, cards: 4, retrievability: null });
        expect(stats.sections).toEqual([
          { id: expect.any(Number), text: 'Python', depth: 1, reviewed: 0, cards: 3, retrievability: null },
          { id: expect.any(Number), text: 'Async', depth: 2, reviewed: 0, cards: 2, retrievability: null },
          { id: expect.any(Number), text: 'SQL', depth: 1, reviewed: 0, cards: 1, retrievability: null },
        ]);
        await expect(reviewStats(ctx, 'nope')).rejects.toThrow(NotFoundError);
      }));

    it('the heatmap, forecast, retention and recall follow the answers, in study days of the checklist’s time zone', () =>
      withClock(async (ctx, setNow) => {
        await importChecklist(ctx, { file: checklistFromUpload(CHECKLIST, 'p.md') });
        await updateReviewSettings(ctx, 'p', { timeZone: 'Europe/Berlin', dayStartsAt: 4 });
        const generators = await cardOf(ctx, 'generators');
        const eventLoop = await cardOf(ctx, 'event loop');

        // 10:00 in Berlin on the 20th: Easy puts the card straight into review.
        const easy = await answerCard(ctx, generators, 4);
        // 03:30 in Berlin on the 21st, a UTC day later, is still the study day of the 20th.
        setNow('2026-11-21T02:30:00.000Z');
        const good = await answerCard(ctx, eventLoop, 3);
        expect(good.card.state).toBe('learning');

        const first = await reviewStats(ctx, 'p');
        expect(first.reviewsByDay).toEqual([{ date: '2026-11-20', count: 2 }]);
        // The learning card is due in minutes, today; the review card on the day its interval ends.
        expect(first.forecast[0]).toEqual({ date: '2026-11-20', count: 1 });
        expect(total(first.forecast)).toBe(2);
        const dueDay = Math.round((Date.parse(easy.card.due.slice(0, 10)) - Date.parse('2026-11-20')) / DAY);
        expect(first.forecast[dueDay]!.count).toBeGreaterThanOrEqual(1);
        // Neither review was of a card in review state.
        expect(first.trueRetention).toMatchObject({ reviews: 0, rate: null });
        expect(section(first, 'Python')).toMatchObject({ reviewed: 2, cards: 3, retrievability: 1 });
        expect(section(first, 'Async')).toMatchObject({ reviewed: 1, cards: 2, retrievability: 1 });
        expect(section(first, 'SQL')).toMatchObject({ reviewed: 0, cards: 1, retrievability: null });
        expect(first.overall).toEqual({ reviewed: 2, cards: 4, retrievability: 1 });

        // Recall fades while nobody reviews.
        setNow(plus(easy.card.due, -1000));
        const fading = await reviewStats(ctx, 'p');
        expect(section(fading, 'Python').retrievability).toBeLessThan(1);
        expect(section(fading, 'SQL').retrievability).toBeNull();
        // The learning card is overdue: it is counted today.
        expect(fading.forecast[0]!.count).toBeGreaterThanOrEqual(1);

        // When it is due: generators remembered (Good), then forgotten two days later (Again).
        setNow(easy.card.due);
        const remembered = await answerCard(ctx, generators, 3);
        expect(remembered.card.state).toBe('review');
        await answerCard(ctx, eventLoop, 4);
        setNow(plus(easy.card.due, 2 * DAY));
        const forgot = await answerCard(ctx, generators, 1);
        expect(forgot.card.state).toBe('relearning');

        const later = await reviewStats(ctx, 'p');
        expect(total(later.reviewsByDay)).toBe(5);
        expect(later.reviewsByDay[0]).toEqual({ date: '2026-11-20', count: 2 });
        expect(later.reviewsByDay.map((d) => d.date)).toEqual([...later.reviewsByDay.map((d) => d.date)].sort());
        expect(later.trueRetention).toEqual({ days: 30, reviews: 2, passed: 1, rate: 0.5 });
        // The relearning card is due again within minutes: today.
        expect(later.forecast[0]!.count).toBeGreaterThanOrEqual(1);

        // A topic gone from the file takes its card out of the forecast and the recall, but not out of the log.
        await importChecklist(ctx, { file: checklistFromUpload(WITHOUT_EVENT_LOOP, 'p.md') });
        const archived = await reviewStats(ctx, 'p');
        expect(section(archived, 'Async')).toMatchObject({ reviewed: 0, cards: 1, retrievability: null });
        expect(section(archived, 'Python')).toMatchObject({ reviewed: 1, cards: 2 });
        expect(total(archived.forecast)).toBe(1);
        expect(total(archived.reviewsByDay)).toBe(5);
      }));

    it('a retention window of 30 study days: older reviews drop out of it but stay in the heatmap', () =>
      withClock(async (ctx, setNow) => {
        await importChecklist(ctx, { file: checklistFromUpload(CHECKLIST, 'p.md') });
        await updateReviewSettings(ctx, 'p', { timeZone: 'UTC', dayStartsAt: 0 });
        const joins = await cardOf(ctx, 'joins');
        const easy = await answerCard(ctx, joins, 4);
        setNow(easy.card.due);
        await answerCard(ctx, joins, 3);
        expect((await reviewStats(ctx, 'p')).trueRetention).toMatchObject({ reviews: 1, passed: 1, rate: 1 });
        setNow(plus(easy.card.due, 31 * DAY));
        const month = await reviewStats(ctx, 'p');
        expect(month.trueRetention).toMatchObject({ reviews: 0, rate: null });
        expect(total(month.reviewsByDay)).toBe(2);
      }));
  });
}
