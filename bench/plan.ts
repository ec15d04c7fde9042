// The study planner (issue 17), measured. The harness: generated scenarios (300 topics, a third new, Q&A cards
// under some; 1-3 targets 5-30 days away; 20-120 minutes a day with days off), each strategy's predicted
// readiness with the same minutes (the weighted mean over the targets of the mean expected recall of each
// scope on its day), the planner's margin over the best baseline, and the unlimited-minutes upper bound.
// The speed: a plan for 2,000 cards over 60 days and 3 targets, beside one plain simulation of FSRS's usual
// schedule over the same days (the floor), and the same plan made again after one answer with the memo of
// valued cards the app keeps between plans. The review queue of today's plan (`review --plan`), through the app on a
// SQLite file of a generated checklist, beside the ordinary review queue of the same checklist (the floor), fresh
// and after each answer. `npx tsx bench/plan.ts` runs it alone; BENCH_PLAN_SEEDS sets the number of scenarios.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeApp, openApp } from '../src/app/context.js';
import { importChecklist, readChecklistFile } from '../src/app/import/import-checklist.js';
import { updatePlanSettings } from '../src/app/plan/settings.js';
import { addTarget } from '../src/app/plan/targets.js';
import { studyPlan } from '../src/app/plan/plan.js';
import { answerCard, reviewQueue } from '../src/app/review/review.js';
import { updateReviewSettings } from '../src/app/review/settings.js';
import { buildModel, type PlanInput } from '../src/core/plan/model.js';
import { compareStrategies, planStudy } from '../src/core/plan/plan.js';
import { assign, newPlanMemo } from '../src/core/plan/strategies.js';
import { generateChecklist } from './generate-checklist.js';
import { planScenario } from './plan-scenarios.js';

const SEEDS = Number(process.env['BENCH_PLAN_SEEDS'] ?? 12);
const SPEED_RUNS = 5;
const SPEED_AIM_MS = 1000;
const COLUMNS = ['nothing', 'usual', 'new-first', 'due-only', 'cram', 'greedy', 'planner', 'unlimited'] as const;

const pct = (r: number) => (r * 100).toFixed(1).padStart(10);

function minTime(runs: number, fn: () => unknown): number {
  fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** 2,000 cards (the scenario's, cut), 3 targets, the last 60 days away. */
function speedScenario(): PlanInput {
  const input = planScenario({ seed: 2026, topics: 1700, horizon: 60, targets: 3 });
  const cards = input.cards.slice(0, 2000);
  const topics = new Set(cards.map((c) => c.topicId));
  return { ...input, cards, targets: input.targets.map((t) => ({ ...t, topicIds: t.topicIds.filter((id) => topics.has(id)) })) };
}

export function benchPlan(): void {
  console.log(`\nstudy plan to a date: predicted readiness (%), same minutes, ${SEEDS} generated scenarios (seeds 1-${SEEDS})`);
  console.log(`  seed cards tgts days min/d ${COLUMNS.map((c) => c.padStart(10)).join('')}   margin  of gain`);
  const margins: number[] = [];
  const shares: number[] = [];
  let wins = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const input = planScenario({ seed });
    const rows = new Map(compareStrategies(input).map((r) => [r.strategy, r.score]));
    const planner = rows.get('planner')!;
    const baselines = ['nothing', 'usual', 'new-first', 'due-only', 'cram'].map((s) => rows.get(s as 'usual')!);
    const bestBaseline = Math.max(...baselines);
    const margin = planner - bestBaseline;
    if (margin > 1e-9) wins++;
    margins.push(margin);
    // Of the gain possible over the best baseline (up to the upper bound), how much the planner gets.
    const room = rows.get('unlimited')! - bestBaseline;
    if (room > 1e-9) shares.push(margin / room);
    const perDay = Math.max(...input.days.map((d) => d.minutes));
    console.log(
      `  ${String(seed).padStart(4)} ${String(input.cards.length).padStart(5)} ${String(input.targets.length).padStart(4)} ${String(input.days.length - 1).padStart(4)} ${String(perDay).padStart(5)} ${COLUMNS.map((c) => pct(rows.get(c)!)).join('')}  ${(margin * 100 >= 0 ? '+' : '') + (margin * 100).toFixed(1)}  ${room > 1e-9 ? `${Math.round((margin / room) * 100)} %` : '-'}`,
    );
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  console.log(
    `  planner vs the best baseline of each scenario: mean +${(mean(margins) * 100).toFixed(2)} points, min ${(Math.min(...margins) * 100).toFixed(2)}, better in ${wins}/${SEEDS}; ` +
      `it gets ${Math.round(mean(shares) * 100)} % of the gain left between that baseline and the unlimited-minutes bound`,
  );

  const input = speedScenario();
  const model = buildModel(input);
  const floor = minTime(SPEED_RUNS, () => assign(model, 'usual'));
  const plan = minTime(SPEED_RUNS, () => planStudy(input));
  console.log(
    `\nstudy plan speed: ${input.cards.length} cards, ${input.days.length - 1} days, ${input.targets.length} targets (minimum of ${SPEED_RUNS} runs)`,
  );
  console.log(`  usual schedule, one simulation (floor) ${floor.toFixed(1).padStart(8)} ms`);
  console.log(
    `  planStudy (all strategies + planner)  ${plan.toFixed(1).padStart(8)} ms   ${(plan / floor).toFixed(1)}x the floor (aim: under ${SPEED_AIM_MS} ms)`,
  );
  // After one answer: the memo holds every card valued by the plan before; each run answers another card.
  const memo = newPlanMemo();
  planStudy(input, memo);
  let answer = 0;
  const again = minTime(SPEED_RUNS, () => {
    const i = answer++ % input.cards.length;
    const cards = input.cards.map((card, j) =>
      j === i ? { ...card, schedule: { ...card.schedule, stability: card.schedule.stability + 1, lastReview: input.now } } : card,
    );
    return planStudy({ ...input, cards }, memo);
  });
  console.log(`  the same, again after one answer       ${again.toFixed(1).padStart(8)} ms   ${(again / plan).toFixed(2)}x the first plan`);
}

/** Study topics of the generated checklist the queue is measured on; minutes a day and a topic's learning minutes. */
const QUEUE_TOPICS = 2000;
const QUEUE_MINUTES = 240;
const QUEUE_LEARN_MINUTES = 5;

async function minTimeAsync(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** `review --plan` through the app, beside the ordinary review queue (the floor), on SQLite. */
export async function benchPlanQueue(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'prepdeck-bench-plan-'));
  // A Monday morning; the clock moves a few seconds per call, as in a session, within the day.
  let now = Date.parse('2026-12-07T07:00:00.000Z');
  const app = await openApp(join(dir, 'plan.db'), () => new Date((now += 3000)).toISOString());
  try {
    const file = join(dir, 'generated.md');
    writeFileSync(file, generateChecklist({ topics: QUEUE_TOPICS, seed: 1 }));
    await importChecklist(app, { file: await readChecklistFile(file), name: 'bench' });
    await updateReviewSettings(app, 'bench', { timeZone: 'UTC' });
    await updatePlanSettings(app, 'bench', { minutesPerDay: QUEUE_MINUTES, learnTopicMinutes: QUEUE_LEARN_MINUTES });
    await addTarget(app, 'bench', { date: '2027-01-06' });
    const made = await studyPlan(app, { checklist: 'bench' });
    const floor = await minTimeAsync(SPEED_RUNS, () => reviewQueue(app, { checklist: 'bench', limit: 50 }));
    const queue = await minTimeAsync(SPEED_RUNS, () => reviewQueue(app, { checklist: 'bench', plan: true, limit: 50 }));
    // Studying the list: each run answers the first planned card left, then the queue is asked again (timed).
    let afterAnswer = Infinity;
    for (let i = 0; i < SPEED_RUNS; i++) {
      const first = (await reviewQueue(app, { checklist: 'bench', plan: true, limit: 1 })).cards[0];
      if (first) await answerCard(app, first.card.id, 3, 30_000);
      const start = performance.now();
      await reviewQueue(app, { checklist: 'bench', plan: true, limit: 50 });
      afterAnswer = Math.min(afterAnswer, performance.now() - start);
    }
    console.log(
      `\nreview queue of today's plan (app, SQLite): ${QUEUE_TOPICS} topics, one target 30 days away, today's list ${made.items.length} items (minimum of ${SPEED_RUNS} runs)`,
    );
    console.log(`  ordinary review queue (floor)          ${floor.toFixed(1).padStart(8)} ms`);
    console.log(`  review queue, plan: true               ${queue.toFixed(1).padStart(8)} ms   ${(queue / floor).toFixed(1)}x the floor`);
    console.log(`  the same, again after one answer       ${afterAnswer.toFixed(1).padStart(8)} ms   ${(afterAnswer / floor).toFixed(1)}x the floor`);
  } finally {
    await closeApp(app);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchPlan();
  await benchPlanQueue();
}
