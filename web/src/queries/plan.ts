// The plan's reads and writes. Everything sits under the checklist's ['checklist', name, 'plan'] prefix, so that an
// answer given in a review session (which asks the whole checklist again) ticks today's list off and moves the
// readiness. A write asks the plan and its settings again, and the review queues, since today's list may change.
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { PlanJson } from '../../../src/contract/plan.js';
import { planApi } from '../lib/planApi.js';
import { useWrite } from './write.js';
import { planDataKey, planKey, planSettingsKey, planWritesKey, reviewQueuesKey } from './keys.js';

export const planQuery = (name: string) => queryOptions({ queryKey: planDataKey(name), queryFn: ({ signal }) => planApi.plan(name, signal) });
export const planSettingsQuery = (name: string) =>
  queryOptions({ queryKey: planSettingsKey(name), queryFn: ({ signal }) => planApi.settings(name, signal) });

const sameKey = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

function isPlan(answer: unknown): answer is PlanJson {
  return typeof answer === 'object' && answer !== null && 'summary' in answer && 'targets' in answer;
}

/**
 * A write to the plan, run by `run(call)`: a plan answered (a replan) replaces the cached one at once, and the rest of
 * the plan is asked again. Each form keeps its own, so that a refusal (the server's 400, naming the field) shows
 * beside the form that caused it.
 */
export function usePlanWrite(checklist: string) {
  const queryClient = useQueryClient();
  return useWrite(planWritesKey(checklist), async (answer) => {
    if (isPlan(answer)) queryClient.setQueryData(planDataKey(checklist), answer);
    await Promise.all([
      // A replan's answer is the plan already: only the rest is asked again.
      queryClient.invalidateQueries({
        queryKey: planKey(checklist),
        predicate: (q) => !isPlan(answer) || !sameKey(q.queryKey, planDataKey(checklist)),
      }),
      queryClient.invalidateQueries({ queryKey: reviewQueuesKey(checklist) }),
    ]);
  });
}
