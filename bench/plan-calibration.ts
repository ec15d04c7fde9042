// The plan's calibration experiment (issue 17, "a readiness one can trust"): how far the readiness a plan predicts
// is from the recall a learner realises on the day, with FSRS's default parameters and with parameters fitted to the
// learner's own log. Per seed, a learner whose true memory is FSRS with the defaults perturbed by up to ±30 % per
// weight (BENCH_CALIBRATION_PERTURBATION; clipped into ts-fsrs's bounds):
//   A. studies a generated deck (bench/plan-scenarios.ts) for six weeks on the app's usual schedule (default
//      parameters, fuzz, learning steps), recalling with the true model's probability: the review log;
//   B. the planner plans to the scenario's targets with the defaults, with the parameters the optimizer fits to
//      that log (core/review/optimizer-items.ts, then the binding as app/review/optimize.ts calls it), and with the
//      true parameters (the floor), each seeing the card states the log replays to under its parameters;
//   C. the learner follows each plan, every review recalled (Good) or not (Again) at random with the true
//      probability; realised readiness = the mean over a target's scope of the true recall probability at its time.
// Phase C takes the planner's own model of a study session (a new card learned to Good in its session, a review
// Good or Again, no same-day relearning), so that the error measured is the parameters' and not the model's; a
// second run of it with the app's learning and relearning steps measures what leaving those out costs.
// `npx tsx bench/plan-calibration.ts` runs it alone; BENCH_CALIBRATION_SEEDS sets the number of learners,
// BENCH_CALIBRATION_PERTURBATION the largest share by which a true weight differs from the default.
import { pathToFileURL } from 'node:url';
import { clipParameters, default_w } from 'ts-fsrs';
import { replayLog, type LogLine } from '../src/core/interviews/evidence.js';
import { buildModel, expectedRecall, type Assignment, type Model, type PlanCard, type PlanInput } from '../src/core/plan/model.js';
import { planStudy, type StudyPlan } from '../src/core/plan/plan.js';
import { trainingItems, type ReviewLogEntry } from '../src/core/review/optimizer-items.js';
import { newCardSchedule, review, schedulerFor, type CardSchedule, type ReviewRating, type Scheduler } from '../src/core/review/scheduling.js';
import { PLAN_NOW, planScenario } from './plan-scenarios.js';
import { mulberry32 } from './stats.js';

const SEEDS = Number(process.env['BENCH_CALIBRATION_SEEDS'] ?? 20);
const TOPICS = 200;
const HISTORY_DAYS = 42;
/** New cards are introduced up to this many days before the plan starts, so each has a few reviews in the log. */
const LAST_INTRODUCTION_BEFORE_END = 7;
/** How far each true weight is from the default, at most (BENCH_CALIBRATION_PERTURBATION, a share). */
const PERTURBATION = Number(process.env['BENCH_CALIBRATION_PERTURBATION'] ?? 0.3);
/** ts-fsrs's default relearning steps (one, 10m), which the app schedules with. */
const RELEARNING_STEPS = 1;
const AIM_POINTS = 5;

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;
const AGAIN = 1;
const GOOD = 3;

type Rand = () => number;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const points = (x: number) => x * 100;

/** The learner's true FSRS parameters: each default weight times 1 ± up to PERTURBATION, clipped into ts-fsrs's bounds. */
function trueParameters(rand: Rand): number[] {
  const w = default_w.map((x) => x * (1 + PERTURBATION * (2 * rand() - 1)));
  return clipParameters(w, RELEARNING_STEPS, true);
}

/** The true probability of recall `at` (ms) of a card as the true scheduler has it; 0 before its first review. */
function trueRecall(truth: Scheduler, card: CardSchedule, at: number): number {
  if (card.state === 'new' || card.lastReview === null) return 0;
  return truth.forgetting_curve(Math.max(0, (at - Date.parse(card.lastReview)) / DAY_MS), card.stability);
}

/** A rating drawn from the true model: the first sight of a card by a fixed mix, a later one recalled with its true R. */
function rating(rand: Rand, truth: Scheduler, card: CardSchedule, at: number): ReviewRating {
  const u = rand();
  if (card.state === 'new') return u < 0.2 ? 1 : u < 0.3 ? 2 : u < 0.95 ? 3 : 4;
  if (u >= trueRecall(truth, card, at)) return 1;
  const v = rand();
  return v < 0.1 ? 2 : v < 0.95 ? 3 : 4;
}

interface History {
  /** What the optimizer reads. */
  log: ReviewLogEntry[];
  /** Each studied card's lines, in time order, for the replays. */
  lines: Map<number, LogLine[]>;
  /** The card's true memory at the end (true parameters, same ratings and times). */
  truth: Map<number, CardSchedule>;
}

/**
 * Phase A: the cards `studied` introduced in a random order over the first five weeks; each day one session
 * (08:00-10:00 UTC) answers the cards due that day, then the day's new ones, learning steps repeated within it.
 */
function simulateHistory(studied: readonly number[], truth: Scheduler, rand: Rand): History {
  const app = schedulerFor();
  const end = Date.parse(PLAN_NOW);
  const start = end - HISTORY_DAYS * DAY_MS;
  const order = [...studied];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const introductionDays = HISTORY_DAYS - LAST_INTRODUCTION_BEFORE_END;
  const perDay = Math.ceil(order.length / introductionDays);
  const scheduled = new Map<number, CardSchedule>();
  const trueState = new Map<number, CardSchedule>();
  const history: History = { log: [], lines: new Map(), truth: trueState };
  let lineId = 1;
  for (let day = 0; day < HISTORY_DAYS; day++) {
    const sessionStart = start + day * DAY_MS + rand() * 2 * HOUR_MS;
    const endOfDay = start + (day + 1) * DAY_MS - 4 * HOUR_MS;
    const queue: Array<{ id: number; at: number }> = [];
    for (const [id, schedule] of scheduled) if (Date.parse(schedule.due) <= endOfDay) queue.push({ id, at: Date.parse(schedule.due) });
    queue.sort((a, b) => a.at - b.at || a.id - b.id);
    for (const id of order.slice(day * perDay, (day + 1) * perDay)) {
      const schedule = newCardSchedule(new Date(sessionStart).toISOString());
      scheduled.set(id, schedule);
      trueState.set(id, schedule);
      history.lines.set(id, []);
      queue.push({ id, at: sessionStart });
    }
    let clock = sessionStart;
    while (queue.length > 0) {
      // The card due first (a learning step waits its minutes when nothing else is left).
      let next = 0;
      for (let i = 1; i < queue.length; i++) if (queue[i]!.at < queue[next]!.at) next = i;
      const { id, at } = queue.splice(next, 1)[0]!;
      clock = Math.max(clock, at) + (10 + rand() * 50) * 1000;
      const now = new Date(clock).toISOString();
      const r = rating(rand, truth, trueState.get(id)!, clock);
      const outcome = review({ ...scheduled.get(id)!, id }, r, now, app);
      scheduled.set(id, outcome.card);
      trueState.set(id, review({ ...trueState.get(id)!, id }, r, now, truth).card);
      history.log.push({ cardId: id, rating: r, reviewedAt: now, state: outcome.log.state });
      history.lines.get(id)!.push({ id: lineId++, rating: r, reviewedAt: now, source: 'review', questionId: null });
      const due = Date.parse(outcome.card.due);
      if (due <= endOfDay) queue.push({ id, at: due });
    }
  }
  return history;
}

/** Phase B's input: the scenario's cards with the states the log replays to under `scheduler`'s parameters. */
function plannerView(input: PlanInput, history: History, scheduler: Scheduler): PlanInput {
  const cards = input.cards.map((card): PlanCard => {
    const lines = history.lines.get(card.id);
    if (!lines) return { ...card, schedule: newCardSchedule(input.now) };
    return { ...card, schedule: replayLog(card.id, newCardSchedule(lines[0]!.reviewedAt), lines, scheduler).card };
  });
  return { ...input, cards, scheduler };
}

/** The cards with their true memory at `now`. */
function trueView(input: PlanInput, trueCards: ReadonlyMap<number, CardSchedule>): PlanCard[] {
  return input.cards.map((card) => ({ ...card, schedule: trueCards.get(card.id) ?? newCardSchedule(input.now) }));
}

/** The plan as an assignment over `input.cards`: the days (from now) each card is studied on. */
function assignmentOf(input: PlanInput, plan: StudyPlan): Assignment {
  const index = new Map(input.cards.map((card, i) => [card.id, i]));
  const assignment: Assignment = input.cards.map(() => []);
  plan.days.forEach((day, d) => day.items.forEach((item) => assignment[index.get(item.cardId)!]!.push(d)));
  return assignment;
}

/**
 * How a study session goes: as the planner models it (a new card learned to Good, a review Good or Again), or as the
 * app's default steps make it (learning steps 1m and 10m both passed, and a lapse relearned at 10m: one more Good at
 * the same day, which FSRS's short-term formula takes in).
 */
type Sessions = 'planner' | 'app';

/**
 * Phase C: the learner follows the plan, each review recalled with the true probability; per card and target, the
 * true recall probability at the target's time.
 */
function follow(
  input: PlanInput,
  assignment: Assignment,
  truth: Scheduler,
  trueCards: ReadonlyMap<number, CardSchedule>,
  rand: Rand,
  sessions: Sessions,
): number[][] {
  const now = Date.parse(input.now);
  const times = input.targets.map((t) => (Date.parse(t.at) - now) / DAY_MS);
  return input.cards.map((card, i) => {
    const start = trueCards.get(card.id) ?? newCardSchedule(input.now);
    let learned = !(start.state === 'new' || start.lastReview === null);
    let memory = { stability: start.stability, difficulty: start.difficulty };
    let last = learned ? (Date.parse(start.lastReview!) - now) / DAY_MS : 0;
    const recallAt = (t: number) => (learned && t >= last ? truth.forgetting_curve(t - last, memory.stability) : 0);
    const recall = times.map(() => 0);
    let from = 0;
    const settle = (until: number) => {
      times.forEach((t, k) => {
        if (t >= from && t < until) recall[k] = recallAt(t);
      });
      from = until;
    };
    for (const d of assignment[i]!) {
      settle(d);
      // With the app's steps, a new card's second learning step or a lapse's relearning step: one more Good that day.
      let sameDayStep: boolean;
      if (!learned) {
        memory = truth.next_state(null, 0, GOOD);
        learned = true;
        sameDayStep = true;
      } else {
        const r = recallAt(d);
        const recalled = rand() < r;
        memory = truth.next_state(memory, d - last, recalled ? GOOD : AGAIN, r);
        sameDayStep = !recalled;
      }
      if (sameDayStep && sessions === 'app') memory = truth.next_state(memory, 0, GOOD);
      last = d;
    }
    settle(Infinity);
    return recall;
  });
}

/** Per card and target, the expected recall at the target's time under `model`'s parameters and card states. */
function cardRecall(model: Model, assignment: Assignment): number[][] {
  return model.cards.map((card, i) => expectedRecall(model, card, assignment[i]!, model.targetTimes));
}

/** Per target, the mean over its scope of per-card values (cards x targets). */
function scopeMeans(model: Model, perCard: readonly number[][]): number[] {
  return model.targetTimes.map((_, k) => mean(model.cards.filter((c) => c.worth[k]! > 0).map((c) => perCard[c.index]![k]!)));
}

const PARAMETER_SETS = ['default', 'fitted', 'true'] as const;
type ParameterSet = (typeof PARAMETER_SETS)[number];

/** The scenario's own minutes a day, and a quarter of them: readiness mostly 70-90 % instead of 85-100 %. */
const MINUTE_SHARES = [1, 0.25] as const;

interface TargetResult {
  seed: number;
  share: number;
  set: ParameterSet;
  /** The plan's readiness. */
  predicted: number;
  /** The mean true recall at the target after one run of random outcomes. */
  realised: number;
  /** Its exact expectation (the planner's branching with the true model). */
  expected: number;
  /** `realised` when the sessions go as the app's steps make them. */
  realisedWithSteps: number;
  /** Mean over the scope of |predicted - expected| per card. */
  cardError: number;
}

interface SeedResult {
  seed: number;
  cards: number;
  studied: number;
  reviews: number;
  /** Training items the optimizer uses. */
  items: number;
  fitMs: number;
  /** Per share of the minutes, the largest minutes a day. */
  minutes: number[];
  targets: TargetResult[];
}

type Fit = (log: readonly ReviewLogEntry[]) => Promise<number[]>;

/** The optimizer as app/review/optimize.ts calls it (same options), on the log's training items. */
export async function loadFit(): Promise<Fit> {
  const fsrs = await import('@open-spaced-repetition/binding');
  return async (log) => {
    const set = trainingItems(log, 'UTC', 4);
    const items = set.items.map((item) => new fsrs.FSRSBindingItem(item.reviews.map((r) => new fsrs.FSRSBindingReview(r.rating, r.deltaT))));
    return fsrs.computeParameters(items, { enableShortTerm: true, numRelearningSteps: RELEARNING_STEPS, timeout: 25 });
  };
}

function withMinutes(input: PlanInput, share: number): PlanInput {
  return { ...input, days: input.days.map((day) => ({ ...day, minutes: Math.round(day.minutes * share) })) };
}

/** One plan with one parameter set, followed: its targets' predicted and realised readiness. */
function planAndFollow(input: PlanInput, history: History, truth: Scheduler, parameters: readonly number[], rand: () => Rand) {
  const view = plannerView(input, history, schedulerFor({ fuzz: false, parameters }));
  const plan = planStudy(view);
  const assignment = assignmentOf(view, plan);
  const model = buildModel(view);
  const predictedPerCard = cardRecall(model, assignment);
  const expectedPerCard = cardRecall(buildModel({ ...view, cards: trueView(view, history.truth), scheduler: truth }), assignment);
  const realised = scopeMeans(model, follow(view, assignment, truth, history.truth, rand(), 'planner'));
  const withSteps = scopeMeans(model, follow(view, assignment, truth, history.truth, rand(), 'app'));
  const expected = scopeMeans(model, expectedPerCard);
  const cardErrors = scopeMeans(
    model,
    predictedPerCard.map((row, i) => row.map((p, k) => Math.abs(p - expectedPerCard[i]![k]!))),
  );
  return plan.targets.map((t, k) => ({
    predicted: t.readiness,
    realised: realised[k]!,
    expected: expected[k]!,
    realisedWithSteps: withSteps[k]!,
    cardError: cardErrors[k]!,
  }));
}

/** One learner: its history and fit, then per share of the minutes the three plans, each followed. */
export async function calibrateSeed(seed: number, fit: Fit): Promise<SeedResult> {
  const scenario = planScenario({ seed, topics: TOPICS });
  const w = trueParameters(mulberry32(seed * 7919 + 1));
  const truth = schedulerFor({ fuzz: false, parameters: w });
  const studied = scenario.cards.filter((c) => c.schedule.state !== 'new').map((c) => c.id);
  const history = simulateHistory(studied, truth, mulberry32(seed * 7919 + 2));
  const fitStart = performance.now();
  const fitted = await fit(history.log);
  const fitMs = performance.now() - fitStart;
  const parameters: Record<ParameterSet, readonly number[]> = { default: default_w, fitted, true: w };
  const targets: TargetResult[] = [];
  MINUTE_SHARES.forEach((share, m) => {
    const input = withMinutes(scenario, share);
    PARAMETER_SETS.forEach((set) => {
      // The same random outcomes for every parameter set's plan, so that the plans differ only by their days.
      const stream = seed * 7919 + 3 + m;
      const rand = () => mulberry32(stream);
      for (const row of planAndFollow(input, history, truth, parameters[set], rand)) targets.push({ seed, share, set, ...row });
    });
  });
  return {
    seed,
    cards: scenario.cards.length,
    studied: studied.length,
    reviews: history.log.length,
    items: trainingItems(history.log, 'UTC', 4).usable,
    fitMs,
    minutes: MINUTE_SHARES.map((share) => Math.max(...withMinutes(scenario, share).days.map((d) => d.minutes))),
    targets,
  };
}

const signed = (x: number, digits = 2) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;

/** Mean absolute error, mean signed error (predicted - what it is compared with) and the worst, in points. */
function errors(rows: readonly TargetResult[], against: 'realised' | 'expected' | 'realisedWithSteps') {
  const diffs = rows.map((r) => points(r.predicted - r[against]));
  const abs = diffs.map(Math.abs);
  return { mae: mean(abs), bias: mean(diffs), max: Math.max(...abs), within: abs.filter((e) => e <= AIM_POINTS).length };
}

export async function benchPlanCalibration(): Promise<void> {
  const fit = await loadFit();
  console.log(
    `\nstudy plan calibration: predicted vs realised readiness (points), ${SEEDS} learners (seeds 1-${SEEDS}) whose true FSRS weights are ` +
      `the defaults ±${PERTURBATION * 100} %; ${HISTORY_DAYS} days of history on ${TOPICS} topics, then a plan with the scenario's minutes and a quarter of them`,
  );
  console.log(`  seed cards hist reviews items fit ms min/d tgts ${PARAMETER_SETS.map((s) => `${s}: pred  real  err`.padStart(24)).join('')}`);
  const all: TargetResult[] = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    const result = await calibrateSeed(seed, fit);
    all.push(...result.targets);
    MINUTE_SHARES.forEach((share, m) => {
      const cells = PARAMETER_SETS.map((set) => {
        const rows = result.targets.filter((r) => r.set === set && r.share === share);
        const pred = mean(rows.map((r) => points(r.predicted)));
        const real = mean(rows.map((r) => points(r.realised)));
        return `${pred.toFixed(1).padStart(18)}${real.toFixed(1).padStart(6)}${errors(rows, 'realised').mae.toFixed(1).padStart(5)}`;
      }).join('');
      const head =
        m === 0
          ? `${String(seed).padStart(4)} ${String(result.cards).padStart(5)} ${String(result.studied).padStart(4)} ${String(result.reviews).padStart(7)} ${String(result.items).padStart(5)} ${result.fitMs.toFixed(0).padStart(6)}`
          : ' '.repeat(34);
      const tgts = result.targets.filter((r) => r.share === share).length / PARAMETER_SETS.length;
      console.log(`  ${head} ${String(result.minutes[m]).padStart(5)} ${String(tgts).padStart(4)}${cells}`);
    });
  }
  const count = all.length / PARAMETER_SETS.length / MINUTE_SHARES.length;
  console.log(
    `  error of the predicted readiness in points over ${count} targets per share of the minutes: mean absolute (MAE), mean signed (predicted - realised), worst, targets within ${AIM_POINTS};`,
  );
  console.log(`  realised = one run of random outcomes; expected = its exact expectation; per card = MAE of each card's predicted recall;`);
  console.log(`  with steps = the run when sessions take the app's learning and relearning steps, which the planner leaves out`);
  for (const share of MINUTE_SHARES) {
    for (const set of PARAMETER_SETS) {
      const rows = all.filter((r) => r.set === set && r.share === share);
      const run = errors(rows, 'realised');
      const exact = errors(rows, 'expected');
      const steps = errors(rows, 'realisedWithSteps');
      console.log(
        `  ${share === 1 ? 'all minutes ' : `${share * 100} % of them`.padEnd(12)} ${set.padEnd(8)} realised: MAE ${run.mae.toFixed(2)}, bias ${signed(run.bias)}, ` +
          `worst ${run.max.toFixed(1)}, ${run.within}/${count} within; expected: MAE ${exact.mae.toFixed(2)}, bias ${signed(exact.bias)}; ` +
          `per card ${points(mean(rows.map((r) => r.cardError))).toFixed(1)}; with steps: MAE ${steps.mae.toFixed(2)}, bias ${signed(steps.bias)}`,
      );
    }
  }
  const fitted = errors(
    all.filter((r) => r.set === 'fitted'),
    'realised',
  );
  const defaults = errors(
    all.filter((r) => r.set === 'default'),
    'realised',
  );
  console.log(
    `  aim, within ${AIM_POINTS} points after fitting: ${fitted.mae <= AIM_POINTS ? 'met' : 'not met'}: MAE ${fitted.mae.toFixed(2)} fitted, ${defaults.mae.toFixed(2)} with the defaults, over all ${count * MINUTE_SHARES.length} targets`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchPlanCalibration();
