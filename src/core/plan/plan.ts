// The study plan to one or more interview dates: what to study each day, why, and how ready one will be.
import { daysBetween } from '../dates.js';
import { buildModel, expectedRecall, objective, readiness, type Assignment, type Model, type PlanInput } from './model.js';
import { inDaysText } from './progress.js';
import { assign, candidates, greedy, improve, lagrangian, STRATEGIES, unlimited, type PlanMemo, type Strategy } from './strategies.js';

export interface PlanItem {
  cardId: number;
  action: 'new' | 'review';
  minutes: number;
  why: string;
}

export interface PlannedDay {
  date: string;
  minutesAvailable: number;
  minutesPlanned: number;
  items: PlanItem[];
}

export interface TargetReadiness {
  id: string;
  /** Predicted readiness on the day if the plan is followed: mean expected recall of the scope, 0-1. */
  readiness: number;
  /** The same if one stops studying now, and if one keeps to FSRS's usual schedule in the same minutes. */
  stop: number;
  usual: number;
  /** The three after each day's study (day i = the start of today's study day + i days), up to the target. */
  curve: Array<{ date: string; plan: number; stop: number; usual: number }>;
  /** New cards of the scope the plan does not learn before the target (the minutes do not reach them). */
  leftOut: number[];
}

export interface StudyPlan {
  days: PlannedDay[];
  targets: TargetReadiness[];
  /** Weighted mean readiness over the targets, the quantity maximised. */
  score: number;
  /** Which strategy the plan came from (the planner keeps a baseline's plan when none of its own beats it). */
  strategy: Strategy;
}

/** Each strategy's readiness per target and its score, with the same minutes; plus the unlimited upper bound. */
export interface StrategyComparison {
  strategy: Strategy | 'unlimited';
  readiness: number[];
  score: number;
  /** For the planner's row: where its plan came from ('planner' for its own, else the baseline it kept). */
  from?: Strategy;
}

const BASELINES = STRATEGIES.filter((s): s is Exclude<Strategy, 'planner' | 'greedy'> => s !== 'planner' && s !== 'greedy');

function scored(model: Model, assignment: Assignment) {
  const ready = readiness(model, assignment);
  return { assignment, ready, score: objective(model, ready) };
}

/** Every strategy on the same input; the planner's row is the plan `planStudy` returns. */
export function compareStrategies(input: PlanInput): StrategyComparison[] {
  const model = buildModel(input);
  const cands = candidates(model);
  const rows = new Map<Strategy | 'unlimited', ReturnType<typeof scored>>();
  for (const s of BASELINES) rows.set(s, scored(model, assign(model, s)));
  rows.set('greedy', scored(model, greedy(model, cands)));
  const planned = best(model, cands, rows);
  rows.set('planner', planned.result);
  rows.set('unlimited', scored(model, unlimited(cands)));
  return [...rows].map(([strategy, r]) => ({
    strategy,
    readiness: r.ready,
    score: r.score,
    ...(strategy === 'planner' ? { from: planned.strategy } : {}),
  }));
}

function best(model: Model, cands: ReturnType<typeof candidates>, baselines: Map<Strategy | 'unlimited', ReturnType<typeof scored>>) {
  // The Lagrangian plan, and the two best other plans (baselines, greedy) improved card by card; the best of
  // all is kept, the other plans as they are included, so the plan is never worse than any of them.
  let result = scored(model, improve(model, cands, lagrangian(model, cands)));
  let strategy: Strategy = 'planner';
  const others = [...baselines].filter(([name]) => name !== 'unlimited' && name !== 'planner').sort((a, b) => b[1].score - a[1].score);
  others.forEach(([name, row], rank) => {
    const tries: Array<[ReturnType<typeof scored>, Strategy]> = [[row, name as Strategy]];
    if (rank < 2) tries.unshift([scored(model, improve(model, cands, row.assignment)), 'planner']);
    for (const [candidate, label] of tries) {
      if (candidate.score > result.score + 1e-12) {
        result = candidate;
        strategy = label;
      }
    }
  });
  return { result, strategy };
}

/** "62%": one way to write a percentage across the CLI (the hunt's fit 75%). */
const pct = (r: number) => `${Math.round(r * 100)}%`;

/**
 * The plan: each day's items with their reasons, and each target's predicted readiness and curve. A memo kept
 * between calls (strategies.ts#newPlanMemo) spares valuing again the cards that did not change.
 */
export function planStudy(input: PlanInput, memo?: PlanMemo): StudyPlan {
  const model = buildModel(input);
  const cands = candidates(model, memo);
  const rows = new Map<Strategy | 'unlimited', ReturnType<typeof scored>>();
  for (const s of BASELINES) rows.set(s, scored(model, assign(model, s)));
  rows.set('greedy', scored(model, greedy(model, cands)));
  const { result, strategy } = best(model, cands, rows);
  const stop = rows.get('nothing')!;
  const usual = rows.get('usual')!;
  return describe(model, result, { stop, usual }, strategy);
}

type Scored = ReturnType<typeof scored>;

/** Readiness of the scope of each target on each day (curves[k][d]), under an assignment. */
function curvesOf(model: Model, assignment: Assignment): number[][] {
  const times = model.capacity.map((_, d) => d);
  const curves = model.targetTimes.map(() => times.map(() => 0));
  const scratch = new Array<number>(times.length);
  model.cards.forEach((card, i) => {
    expectedRecall(model, card, assignment[i] ?? [], times, scratch);
    card.worth.forEach((w, k) => {
      if (w > 0) for (let d = 0; d < times.length; d++) curves[k]![d]! += scratch[d]! / model.scopeSizes[k]!;
    });
  });
  return curves;
}

function describe(model: Model, planned: Scored, others: { stop: Scored; usual: Scored }, strategy: Strategy): StudyPlan {
  const { assignment, ready, score } = planned;
  const days: PlannedDay[] = model.capacity.map((minutes, d) => ({
    date: model.input.days[d]!.date,
    minutesAvailable: minutes,
    minutesPlanned: 0,
    items: [],
  }));
  const targets = model.input.targets;
  const one = [0];
  assignment.forEach((studied, i) => {
    const card = model.cards[i]!;
    studied.forEach((d, j) => {
      // The first target after this session that the card serves.
      const k =
        model.targetTimes
          .map((t, k) => ({ t, k }))
          .filter(({ t, k }) => t > d && card.worth[k]! > 0)
          .sort((a, b) => a.t - b.t)[0]?.k ?? 0;
      const t = model.targetTimes[k]!;
      const label = targets[k]!.label;
      const isNew = card.isNew && j === 0;
      let why: string;
      if (isNew) why = `new, needed by ${label} ${inDaysText(daysBetween(days[d]!.date, targets[k]!.date ?? targets[k]!.at.slice(0, 10)))}`;
      else {
        // Recall at the target with the sessions so far only, i.e. if this one and later ones were skipped.
        const without = expectedRecall(model, card, studied.slice(0, j), [t], one)[0]!;
        why = `review${d === 0 ? ' now' : ''}: recall would fall to ${pct(without)} by ${label}`;
      }
      const minutes = j === 0 ? card.firstMinutes : card.reviewMinutes;
      days[d]!.items.push({ cardId: card.id, action: isNew ? 'new' : 'review', minutes, why });
      days[d]!.minutesPlanned += minutes;
    });
  });
  for (const day of days) day.items.sort((a, b) => (a.action === b.action ? 0 : a.action === 'new' ? 1 : -1) || a.cardId - b.cardId);
  const curves = curvesOf(model, assignment);
  const stopCurves = curvesOf(model, others.stop.assignment);
  const usualCurves = curvesOf(model, others.usual.assignment);
  return {
    days,
    targets: targets.map((target, k) => {
      const fresh = model.cards.filter((card) => card.isNew && card.worth[k]! > 0);
      const leftOut = fresh
        .filter((card) => !(assignment[card.index]!.length > 0 && assignment[card.index]![0]! < model.targetTimes[k]!))
        .map((card) => card.id);
      return {
        id: target.id,
        readiness: ready[k]!,
        stop: others.stop.ready[k]!,
        usual: others.usual.ready[k]!,
        curve: curves[k]!.filter((_, d) => d < model.targetTimes[k]!).map((plan, d) => ({
          date: days[d]!.date,
          plan,
          stop: stopCurves[k]![d]!,
          usual: usualCurves[k]![d]!,
        })),
        leftOut,
      };
    }),
    score,
    strategy,
  };
}
