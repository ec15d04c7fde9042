import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MarkValue } from '../../../src/contract/hunt.js';
import { fitOf, type FitCriterion } from '../../../src/core/hunt/fit.js';

const weighted = (id: number, weight: number, archived = false): FitCriterion => ({ id, kind: 'weighted', weight, archived });
const gate = (id: number, archived = false): FitCriterion => ({ id, kind: 'gate', weight: 3, archived });
const marks = (entries: Record<number, MarkValue>) => new Map(Object.entries(entries).map(([id, value]) => [Number(id), value]));

describe('fit', () => {
  it('scores the met weight over the weight of the known weighted criteria, and counts the unknown ones', () => {
    const fit = fitOf([weighted(1, 5), weighted(2, 3), weighted(3, 2)], marks({ 1: 'yes', 2: 'no' }));
    expect(fit.score).toBeCloseTo(5 / 8);
    expect(fit.unknown).toBe(1);
  });

  it('has no score while no weighted criterion is known', () => {
    expect(fitOf([weighted(1, 3), gate(2)], marks({ 2: 'yes' })).score).toBeNull();
    expect(fitOf([], new Map()).score).toBeNull();
  });

  it('flags a gate marked no, and never passes an unmarked gate', () => {
    const fit = fitOf([gate(1), gate(2), gate(3), weighted(4, 3)], marks({ 1: 'no', 2: 'yes', 4: 'yes' }));
    expect(fit.gates).toEqual({ passed: 1, failed: 1, unknown: 1 });
    expect(fit.failedGates).toEqual([1]);
    expect(fit.unknown).toBe(1);
    expect(fit.score).toBe(1);
  });

  it('counts archived criteria nowhere', () => {
    const fit = fitOf([gate(1, true), weighted(2, 5, true), weighted(3, 1)], marks({ 1: 'no', 2: 'no', 3: 'yes' }));
    expect(fit).toEqual({ score: 1, unknown: 0, gates: { passed: 0, failed: 0, unknown: 0 }, failedGates: [] });
  });

  it('keeps the score between 0 and 1 and the counts consistent for any marks', () => {
    const criterion = fc.record({
      kind: fc.constantFrom('gate' as const, 'weighted' as const),
      weight: fc.integer({ min: 1, max: 5 }),
      archived: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(criterion, fc.constantFrom<MarkValue>('yes', 'no', 'unknown')), { maxLength: 30 }), (pairs) => {
        const criteria = pairs.map(([c], id) => ({ ...c, id }));
        const fit = fitOf(criteria, new Map(pairs.map(([, value], id) => [id, value])));
        const active = pairs.filter(([c]) => !c.archived);
        if (fit.score !== null) expect(fit.score).toBeGreaterThanOrEqual(0);
        if (fit.score !== null) expect(fit.score).toBeLessThanOrEqual(1);
        expect(fit.unknown).toBe(active.filter(([, v]) => v === 'unknown').length);
        expect(fit.gates.passed + fit.gates.failed + fit.gates.unknown).toBe(active.filter(([c]) => c.kind === 'gate').length);
        expect(fit.failedGates.length).toBe(fit.gates.failed);
      }),
    );
  });
});
