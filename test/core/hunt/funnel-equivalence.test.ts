import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../../../src/contract/vocabulary.js';
import { funnelOf, funnelOfHistories, type FunnelEvent, type StageEvent, type StageHistory } from '../../../src/core/hunt/funnel.js';
import { funnelByFold } from './funnel-fold.js';

const keys = DEFAULT_STAGES.map((s) => s.key);
const START = Date.parse('2025-10-20T00:00:00Z');
const HOUR_MS = 3600_000;

/** An instant as prepdeck writes it, or as a backup or another client may have: without milliseconds, or with an offset. */
function written(ms: number, style: number): string {
  const iso = new Date(ms).toISOString();
  if (style === 0) return iso;
  if (style === 1) return `${iso.slice(0, 19)}Z`;
  return `${new Date(ms + 2 * HOUR_MS).toISOString().slice(0, 23)}+02:00`;
}

// Hours apart over about 20 weeks, so that weeks, daylight saving changes and instants shared by several events all happen.
const event = fc.record({
  applicationId: fc.integer({ min: 1, max: 8 }),
  to: fc.constantFrom(...keys, 'gone', 'also-gone'),
  // Half of them at one of a few instants, so that several events share one.
  hour: fc.oneof(fc.integer({ min: 0, max: 20 * 7 * 24 }), fc.constantFrom(30, 31, 200, 1500)),
  style: fc.integer({ min: 0, max: 2 }),
  /** Where the event lands when a history comes in any order. */
  rank: fc.nat(),
});

const timeZones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];

describe('funnel per application', () => {
  it('answers exactly what the fold over every event in time order answers, key order included', () => {
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 60 }),
        fc.shuffledSubarray([...keys, 'gone', 'applied'], { minLength: 0 }),
        fc.integer({ min: -2, max: 24 }),
        fc.constantFrom(...timeZones),
        (generated, stageKeys, todayWeek, timeZone) => {
          const events: FunnelEvent[] = generated.map(({ applicationId, to, hour, style }) => ({
            applicationId,
            to,
            at: written(START + hour * HOUR_MS, style),
          }));
          const today = new Date(START + todayWeek * 7 * 24 * HOUR_MS).toISOString().slice(0, 10);
          expect(JSON.stringify(funnelOf(stageKeys, events, today, timeZone))).toBe(JSON.stringify(funnelByFold(stageKeys, events, today, timeZone)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('answers the same from histories whose events come in any order, their ids saying the order recorded', () => {
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 60 }),
        fc.integer({ min: -2, max: 24 }),
        fc.constantFrom(...timeZones),
        (generated, todayWeek, timeZone) => {
          const events: FunnelEvent[] = generated.map(({ applicationId, to, hour, style }) => ({
            applicationId,
            to,
            at: written(START + hour * HOUR_MS, style),
          }));
          // Ids with gaps, as a database hands them out with other tables' rows and deletions between them.
          const shuffled = events.map((e, i) => ({ ...e, id: 10 + i * 3, rank: generated[i]!.rank })).sort((a, b) => a.rank - b.rank);
          const histories = new Map<number, StageEvent[]>();
          for (const { applicationId, id, to, at } of shuffled) {
            const history = histories.get(applicationId) ?? [];
            histories.set(applicationId, history);
            history.push([id, to, at]);
          }
          const today = new Date(START + todayWeek * 7 * 24 * HOUR_MS).toISOString().slice(0, 10);
          const asHistories: StageHistory[] = [...histories.values()];
          expect(JSON.stringify(funnelOfHistories(keys, asHistories, today, timeZone))).toBe(
            JSON.stringify(funnelByFold(keys, events, today, timeZone)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("adds stages that are not the hunt's own in the order the fold meets them, by id among events of one instant", () => {
    const at = '2026-03-03T10:00:00.000Z';
    const events: FunnelEvent[] = [
      { applicationId: 1, to: 'gone', at },
      { applicationId: 2, to: 'also-gone', at },
      { applicationId: 1, to: 'gone', at },
    ];
    // Application 1's later event comes first, as an aggregate may hand it over.
    const histories: StageHistory[] = [
      [
        [3, 'gone', at],
        [1, 'gone', at],
      ],
      [[2, 'also-gone', at]],
    ];
    const expected = funnelByFold(keys, events, '2026-03-04', 'UTC');
    expect(Object.keys(expected.weeks[0]!.counts).slice(-2)).toEqual(['gone', 'also-gone']);
    expect(JSON.stringify(funnelOfHistories(keys, histories, '2026-03-04', 'UTC'))).toBe(JSON.stringify(expected));
  });
});
