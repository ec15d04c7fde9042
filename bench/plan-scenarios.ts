// Generated study-plan scenarios, the same for a seed: topics (a third new, the rest with varied stability,
// difficulty and last review), Q&A cards under some, one to three targets 5-30 days away over parts of the
// topics, 20-120 minutes a day with days off. The harness (bench/plan.ts) and the tests (test/core/plan) use them.
import { newCardSchedule, type CardSchedule } from '../src/core/review/scheduling.js';
import type { PlanCard, PlanDay, PlanInput, PlanTarget } from '../src/core/plan/model.js';
import { mulberry32 } from './stats.js';

export const PLAN_NOW = '2026-12-05T08:00:00.000Z';
const DAY_MS = 24 * 3600 * 1000;

export interface ScenarioOptions {
  seed: number;
  topics?: number;
  /** Days to the last target; random 5-30 when left out. */
  horizon?: number;
  targets?: number;
}

function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function planScenario({ seed, topics = 300, horizon, targets }: ScenarioOptions): PlanInput {
  const rand = mulberry32(seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * rand();
  const now = Date.parse(PLAN_NOW);
  const cards: PlanCard[] = [];
  let id = 1;
  for (let topic = 1; topic <= topics; topic++) {
    const isNew = rand() < 1 / 3;
    const qa = rand() < 0.25 ? 1 + Math.floor(rand() * 3) : 0;
    for (let n = 0; n <= qa; n++) {
      let schedule: CardSchedule;
      if (isNew) schedule = newCardSchedule(PLAN_NOW);
      else {
        const stability = Math.exp(between(Math.log(0.5), Math.log(90)));
        const elapsed = between(0.2, Math.min(120, stability * 2.5));
        const lastReview = new Date(now - elapsed * DAY_MS).toISOString();
        schedule = {
          due: new Date(now + (stability - elapsed) * DAY_MS).toISOString(),
          stability,
          difficulty: between(1, 10),
          elapsedDays: Math.floor(elapsed),
          scheduledDays: Math.round(stability),
          reps: 1 + Math.floor(rand() * 8),
          lapses: Math.floor(rand() * 3),
          learningSteps: 0,
          state: 'review',
          lastReview,
        };
      }
      cards.push({ id: id++, topicId: topic, kind: n === 0 ? 'topic' : 'qa', schedule });
    }
  }
  const count = targets ?? 1 + Math.floor(rand() * 3);
  const last = horizon ?? 5 + Math.floor(rand() * 26);
  const planTargets: PlanTarget[] = [];
  for (let k = 0; k < count; k++) {
    const day = k === count - 1 ? last : Math.max(2, Math.floor(between(2, last)));
    // A scope: a run of topics (a few sections), 20-70 % of them.
    const size = Math.max(1, Math.floor(topics * between(0.2, 0.7)));
    const first = 1 + Math.floor(rand() * (topics - size + 1));
    planTargets.push({
      id: `t${k + 1}`,
      label: `interview ${k + 1}`,
      at: new Date(now + (day + 0.25) * DAY_MS).toISOString(),
      weight: 1 + Math.floor(rand() * 3),
      topicIds: Array.from({ length: size }, (_, i) => first + i),
    });
  }
  const perDay = 20 + Math.floor(rand() * 101);
  const days: PlanDay[] = Array.from({ length: last + 1 }, (_, d) => ({
    date: dateOf(now + d * DAY_MS),
    minutes: d > 0 && rand() < 0.2 ? 0 : perDay,
  }));
  const learn = Math.round(between(5, 15));
  return {
    now: PLAN_NOW,
    cards,
    targets: planTargets,
    days,
    costs: { learnTopicMinutes: learn, reviewTopicSeconds: Math.round(between(30, 90)), reviewQaSeconds: Math.round(between(10, 30)) },
  };
}
