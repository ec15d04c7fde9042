import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../../../src/contract/vocabulary.js';
import { funnelOf, type FunnelEvent } from '../../../src/core/hunt/funnel.js';

const keys = DEFAULT_STAGES.map((s) => s.key);
const zone = 'Europe/Berlin';

function history(applicationId: number, ...steps: Array<[string, string]>): FunnelEvent[] {
  return steps.map(([to, at]) => ({ applicationId, to, at }));
}

describe('funnel', () => {
  it('counts an application once per stage it reached, a jump over passing the stages between and a move back counted once', () => {
    const events = [
      ...history(
        1,
        ['applied', '2026-03-02T10:00:00Z'],
        ['screening', '2026-03-03T10:00:00Z'],
        ['technical', '2026-03-04T10:00:00Z'],
        ['screening', '2026-03-05T10:00:00Z'],
      ),
      ...history(
        2,
        ['wishlist', '2026-03-02T10:00:00Z'],
        ['applied', '2026-03-03T10:00:00Z'],
        ['onsite', '2026-03-09T10:00:00Z'],
        ['rejected', '2026-03-10T10:00:00Z'],
      ),
      ...history(3, ['applied', '2026-03-02T10:00:00Z']),
      ...history(4, ['wishlist', '2026-03-02T10:00:00Z']),
    ];
    const { stages } = funnelOf(keys, events, '2026-03-10', zone);
    expect(stages.map((s) => [s.stage, s.reached])).toEqual([
      ['applied', 3],
      ['screening', 2],
      ['technical', 2],
      ['onsite', 1],
      ['offer', 0],
    ]);
    expect(stages[0]!.conversion).toBeNull();
    expect(stages[1]!.conversion).toBeCloseTo(2 / 3);
    expect(stages[4]!.conversion).toBe(0);
  });

  it("counts the applications in each stage at each week's end, Monday-started weeks in the hunt's zone, up to this week", () => {
    const events = [
      // Sunday 23:30 in Berlin is still the first week.
      ...history(1, ['applied', '2026-03-01T22:30:00Z'], ['screening', '2026-03-04T10:00:00Z']),
      ...history(2, ['wishlist', '2026-02-26T10:00:00Z'], ['applied', '2026-03-01T23:30:00Z']),
    ];
    const { weeks } = funnelOf(keys, events, '2026-03-18', zone);
    expect(weeks.map((w) => w.weekOf)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16']);
    expect(weeks[0]!.counts).toMatchObject({ wishlist: 1, applied: 1, screening: 0 });
    expect(weeks[1]!.counts).toMatchObject({ wishlist: 0, applied: 1, screening: 1 });
    expect(weeks[3]!.counts).toEqual(weeks[1]!.counts);
    expect(Object.keys(weeks[0]!.counts)).toEqual(keys);
  });

  it('is empty without events', () => {
    const funnel = funnelOf(keys, [], '2026-03-18', zone);
    expect(funnel.weeks).toEqual([]);
    expect(funnel.stages.every((s) => s.reached === 0 && s.conversion === null)).toBe(true);
  });
});
