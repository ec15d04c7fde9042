// Edge cases: answering cards the queue would not show, two answers to one showing, and study days around DST.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeApp, openApp } from '../../src/app/context.js';
import { checklistFromUpload, importChecklist } from '../../src/app/import/import-checklist.js';
import { answerCard, cardById, reviewQueue } from '../../src/app/review/review.js';
import { markTopic, resolveTopic } from '../../src/app/topics/topics.js';
import { studyDay } from '../../src/core/review/study-day.js';
import { BACKENDS } from '../store/backends.js';
import { withApp } from '../support/app.js';
import { load, START, tempDir } from './support.js';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`answers to cards the queue does not show (${backend.name})`, () => {
    it('a skipped topic stays skipped when its card is answered (from a queue fetched before the skip)', () =>
      withApp(backend, START, async (ctx) => {
        await load(ctx, '# P\n- arrays\n- graphs\n');
        const [arrays] = (await reviewQueue(ctx, {})).cards;
        await markTopic(ctx, 'arrays', { state: 'skipped' });
        // The web page still shows the card; the user answers it.
        const answered = answerCard(ctx, arrays!.card.id, 4);
        await answered.catch(() => undefined);
        expect((await resolveTopic(ctx, 'arrays')).state).toBe('skipped');
      }));

    it('a card whose topic is gone from the file (archived) cannot be answered', () =>
      withApp(backend, START, async (ctx) => {
        await load(ctx, '# P\n- arrays\n- graphs\n');
        const [arrays] = (await reviewQueue(ctx, {})).cards;
        await load(ctx, '# P\n- graphs\n');
        expect((await cardById(ctx, arrays!.card.id)).archivedAt).toBeNull(); // the card itself is not archived
        await expect(answerCard(ctx, arrays!.card.id, 3)).rejects.toThrow(/archived/);
      }));
  });
}

describe('one card shown in two places (CLI and a browser tab), answered in both', () => {
  it('records one review, not two', async () => {
    const { dir, done } = tempDir();
    const location = join(dir, 'db.sqlite');
    const now = () => '2026-11-20T09:00:00.000Z';
    const a = await openApp(location, now);
    const b = await openApp(location, now);
    try {
      await importChecklist(a, { file: checklistFromUpload('# P\n- arrays\n', 'p.md') });
      const [card] = (await reviewQueue(a, {})).cards;
      // better-sqlite3 blocks the event loop while it waits for the lock, so in one process the two answers are run one
      // after the other: the second is the other process's answer, a moment later, to the card as it showed it.
      await answerCard(a, card!.card.id, 3, undefined, card!.card.reps);
      await expect(answerCard(b, card!.card.id, 3, undefined, card!.card.reps)).rejects.toThrow(/answered meanwhile, elsewhere/);
      expect((await cardById(a, card!.card.id)).reps).toBe(1);
    } finally {
      await closeApp(a);
      await closeApp(b);
      done();
    }
  });
});

describe('study days where daylight saving time starts or ends at the hour a day begins', () => {
  const cases: Array<[string, number, string]> = [
    // New York, day starts at 2:00; 2:00 does not exist on 2026-03-08 (clocks go 1:59 EST -> 3:00 EDT).
    ['America/New_York', 2, '2026-03-08T06:30:00.000Z'],
    // São Paulo (2018), day starts at midnight; midnight did not exist on 2018-11-04.
    ['America/Sao_Paulo', 0, '2018-11-04T02:30:00.000Z'],
    // Berlin, day starts at 2:00; 2:00-3:00 happens twice on 2026-10-25. 00:30Z is 02:30 CEST, after the first 2:00.
    ['Europe/Berlin', 2, '2026-10-25T00:30:00.000Z'],
  ];
  for (const [zone, hour, now] of cases) {
    it(`${zone}, day from ${hour}:00: ${now} falls inside its own study day`, () => {
      const day = studyDay(now, zone, hour);
      expect(day.start <= now && now < day.end, JSON.stringify(day)).toBe(true);
    });
  }
});
