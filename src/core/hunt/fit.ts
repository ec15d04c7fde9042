// How well an application meets the hunt's criteria: a score over the known weighted ones, and its gates.
import type { CriterionKind, FitJson, MarkValue } from '../../contract/hunt.js';

export interface FitCriterion {
  id: number;
  kind: CriterionKind;
  weight: number;
  archived: boolean;
}

/**
 * score = sum(weight x met) / sum(weight) over the weighted criteria marked yes or no (null when none is);
 * a gate counts only as passed or failed, never in the score, and an unmarked gate never passes.
 * Archived criteria count nowhere.
 */
export function fitOf(criteria: readonly FitCriterion[], marks: ReadonlyMap<number, MarkValue>): FitJson {
  let met = 0;
  let known = 0;
  let unknown = 0;
  const gates = { passed: 0, failed: 0, unknown: 0 };
  const failedGates: number[] = [];
  for (const criterion of criteria) {
    if (criterion.archived) continue;
    const value = marks.get(criterion.id) ?? 'unknown';
    if (value === 'unknown') unknown++;
    if (criterion.kind === 'gate') {
      if (value === 'yes') gates.passed++;
      else if (value === 'no') {
        gates.failed++;
        failedGates.push(criterion.id);
      } else gates.unknown++;
    } else if (value !== 'unknown') {
      known += criterion.weight;
      if (value === 'yes') met += criterion.weight;
    }
  }
  return { score: known === 0 ? null : met / known, unknown, gates, failedGates };
}
