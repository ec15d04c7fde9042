import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../../../src/contract/vocabulary.js';
import { funnelOf, type FunnelEvent } from '../../../src/core/hunt/funnel.js';
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
  hour: fc.integer({ min: 0, max: 20 * 7 * 24 }),
  style: fc.integer({ min: 0, max: 2 }),
});

describe('funnel per application', () => {
  it('answers exactly what the fold over every event in time order answers, key order included', () => {
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 60 }),
        fc.shuffledSubarray([...keys, 'gone', 'applied'], { minLength: 0 }),
        fc.integer({ min: -2, max: 24 }),
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'),
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
});
