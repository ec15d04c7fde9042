// The plan's calibration experiment (bench/plan-calibration.ts) on three simulated learners, whose true FSRS weights
// are the defaults perturbed by up to 30 %: the readiness a plan predicts against the recall they realise on the day.
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrateSeed, loadFit } from '../../../bench/plan-calibration.js';

type Row = Awaited<ReturnType<typeof calibrateSeed>>['targets'][number];

const SEEDS = [1, 2, 3];
const rows: Row[] = [];

const meanError = (set: Row['set']) => {
  const errors = rows.filter((r) => r.set === set).map((r) => Math.abs(r.predicted - r.realised));
  return errors.reduce((a, b) => a + b, 0) / errors.length;
};

beforeAll(async () => {
  const fit = await loadFit();
  for (const seed of SEEDS) rows.push(...(await calibrateSeed(seed, fit)).targets);
}, 60_000);

describe('the readiness a plan predicts, against a simulated learner following it', () => {
  it("is the exact expectation of the recall realised when the planner has the learner's own parameters", () => {
    const own = rows.filter((r) => r.set === 'true');
    expect(own.length).toBeGreaterThan(0);
    for (const r of own) {
      expect(r.predicted).toBeCloseTo(r.expected, 9);
      // One run of random outcomes over a few hundred cards stays near its expectation.
      expect(Math.abs(r.predicted - r.realised)).toBeLessThan(0.02);
    }
  });

  it("is within 5 points on every target with parameters fitted to the learner's log, and nearer than the defaults' on average", () => {
    for (const r of rows.filter((r) => r.set === 'fitted')) expect(Math.abs(r.predicted - r.realised)).toBeLessThan(0.05);
    expect(meanError('fitted')).toBeLessThan(meanError('default'));
  });
});
