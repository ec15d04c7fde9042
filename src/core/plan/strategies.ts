// The ways to fill the days: the baselines the planner is measured against, a greedy by gain per minute, and
// the planner itself (a per-card choice of schedule priced by a Lagrange multiplier per day). Each returns an
// assignment (the days each card is studied on) within each day's minutes.
import { load, scheduleValue, type Assignment, type Model, type ModelCard } from './model.js';

export const STRATEGIES = ['nothing', 'usual', 'new-first', 'due-only', 'cram', 'greedy', 'planner'] as const;
export type Strategy = (typeof STRATEGIES)[number];

const EPS = 1e-9;

/** Whether the card's session on day d fits, and books it. */
function book(model: Model, used: number[], card: ModelCard, d: number, first: boolean): boolean {
  const minutes = first ? card.firstMinutes : card.reviewMinutes;
  if (used[d]! + minutes > model.capacity[d]! + EPS) return false;
  used[d]! += minutes;
  return true;
}

/** The last target a card serves, in days from now (cards in no scope: never studied by the baselines). */
function horizon(model: Model, card: ModelCard): number {
  let h = -1;
  card.worth.forEach((w, k) => {
    if (w > 0) h = Math.max(h, model.targetTimes[k]!);
  });
  return h;
}

/**
 * FSRS's usual day, simulated with every review recalled: due cards first (most overdue first) at the
 * scheduler's retention, then `newFirst` ? before : after them the new cards in their order; `learnNew` false
 * is "due date only". Next due = the interval ts-fsrs gives for the new stability.
 */
function usualLike(model: Model, order: 'due-first' | 'new-first', learnNew: boolean): Assignment {
  const f = model.scheduler;
  const assignment: Assignment = model.cards.map(() => []);
  const used = model.capacity.map(() => 0);
  const state = model.cards.map((c) => ({ s: c.stability, d: c.difficulty, last: -c.elapsed, due: c.due, learned: !c.isNew }));
  const served = model.cards.map((c) => horizon(model, c));
  for (const day of model.studyDays) {
    const reviews = () => {
      const due = model.cards.filter((c) => state[c.index]!.learned && state[c.index]!.due <= day && day < served[c.index]!);
      due.sort((a, b) => state[a.index]!.due - state[b.index]!.due || a.index - b.index);
      for (const card of due) {
        if (!book(model, used, card, day, false)) continue;
        const st = state[card.index]!;
        const next = f.next_state({ stability: st.s, difficulty: st.d }, day - st.last, 3);
        Object.assign(st, { s: next.stability, d: next.difficulty, last: day, due: day + f.next_interval(next.stability, 0) });
        assignment[card.index]!.push(day);
      }
    };
    const learn = () => {
      if (!learnNew) return;
      for (const card of model.cards) {
        const st = state[card.index]!;
        if (st.learned || day >= served[card.index]!) continue;
        if (!book(model, used, card, day, true)) continue;
        const next = f.next_state(null, 0, 3);
        Object.assign(st, { s: next.stability, d: next.difficulty, last: day, due: day + f.next_interval(next.stability, 0), learned: true });
        assignment[card.index]!.push(day);
      }
    };
    if (order === 'due-first') {
      reviews();
      learn();
    } else {
      learn();
      reviews();
    }
  }
  return assignment;
}

/** A final pass, as exam schedulers do: every card once, as late as it fits before the first target it serves. */
function cram(model: Model): Assignment {
  const assignment: Assignment = model.cards.map(() => []);
  const used = model.capacity.map(() => 0);
  const deadline = (c: ModelCard) => Math.min(...model.targetTimes.filter((_, k) => c.worth[k]! > 0));
  const order = model.cards.filter((c) => horizon(model, c) >= 0).sort((a, b) => deadline(b) - deadline(a) || a.index - b.index);
  for (const card of order) {
    const days = model.studyDays.filter((d) => d < deadline(card));
    for (let i = days.length - 1; i >= 0; i--) {
      if (book(model, used, card, days[i]!, true)) {
        assignment[card.index]!.push(days[i]!);
        break;
      }
    }
  }
  return assignment;
}

/** The schedules a card may get: none, one session on any study day, two or three on a grid of them. */
export interface Candidate {
  days: number[];
  value: number;
  minutes: number;
}

const GRID = 7;

/** The branches of a card's memory after the sessions of a schedule prefix (all on the same days). */
interface Node {
  p: number[];
  s: number[];
  d: number[];
  last: number;
  /** Value already earned at the targets before `last`. */
  earned: number;
}

/** The node after one more session on day `day` (recall or lapse on each branch, with their probabilities). */
function extend(model: Model, card: ModelCard, node: Node, day: number): Node {
  const f = model.scheduler;
  const next: Node = { p: [], s: [], d: [], last: day, earned: node.earned };
  const dt = day - node.last;
  for (let b = 0; b < node.p.length; b++) {
    const p = node.p[b]!;
    const s = node.s[b]!;
    const d = node.d[b]!;
    for (let k = 0; k < model.targetTimes.length; k++) {
      const t = model.targetTimes[k]!;
      if (card.worth[k]! > 0 && t >= node.last && t < day) next.earned += card.worth[k]! * p * f.forgetting_curve(t - node.last, s);
    }
    const r = f.forgetting_curve(dt, s);
    if (p * r > PRUNE) {
      const ok = f.next_state({ stability: s, difficulty: d }, dt, 3, r);
      next.p.push(p * r);
      next.s.push(ok.stability);
      next.d.push(ok.difficulty);
    }
    if (p * (1 - r) > PRUNE) {
      const lapse = f.next_state({ stability: s, difficulty: d }, dt, 1, r);
      next.p.push(p * (1 - r));
      next.s.push(lapse.stability);
      next.d.push(lapse.difficulty);
    }
  }
  return next;
}

/** The value of a node if nothing more is studied: what was earned, plus each later target's expected recall. */
function settle(model: Model, card: ModelCard, node: Node): number {
  const f = model.scheduler;
  let value = node.earned;
  for (let k = 0; k < model.targetTimes.length; k++) {
    const t = model.targetTimes[k]!;
    if (card.worth[k]! === 0 || t < node.last) continue;
    for (let b = 0; b < node.p.length; b++) value += card.worth[k]! * node.p[b]! * f.forgetting_curve(t - node.last, node.s[b]!);
  }
  return value;
}

const PRUNE = 1e-6;

/**
 * Candidates already valued, by what they depend on (the card's memory, costs and worth; the days and targets):
 * a plan made again after one answer values only that card's again. A cache of pure values, so a plan is the
 * same with or without it; the caller keeps it between plans (the app, per checklist).
 */
export interface PlanMemo {
  candidates: Map<string, Candidate[]>;
}

export function newPlanMemo(): PlanMemo {
  return { candidates: new Map() };
}

/**
 * Every card's candidate schedules, valued once: the same expected recall as `expectedRecall` (model.ts), with
 * the branches of a schedule's prefix shared by all its extensions. With a memo, a card valued before with the
 * same inputs takes its earlier list, and the memo keeps only this plan's cards afterwards.
 */
export function candidates(model: Model, memo?: PlanMemo): Candidate[][] {
  if (!memo) return model.cards.map((card) => cardCandidates(model, card));
  const shared = `${model.scheduler.parameters.w.join()}|${model.targetTimes.join()}|${model.studyDays.join()}`;
  const next = new Map<string, Candidate[]>();
  const lists = model.cards.map((card) => {
    const key = `${shared}|${card.id}|${card.isNew}|${card.stability}|${card.difficulty}|${card.elapsed}|${card.firstMinutes}|${card.reviewMinutes}|${card.worth.join()}`;
    const list = memo.candidates.get(key) ?? cardCandidates(model, card);
    next.set(key, list);
    return list;
  });
  memo.candidates = next;
  return lists;
}

function cardCandidates(model: Model, card: ModelCard): Candidate[] {
  const f = model.scheduler;
  const learned = f.next_state(null, 0, 3);
  const h = horizon(model, card);
  if (h < 0) return [{ days: [], value: 0, minutes: 0 }];
  const days = model.studyDays.filter((d) => d < h);
  const grid = days.length <= GRID ? days : Array.from({ length: GRID }, (_, i) => days[Math.round((i * (days.length - 1)) / (GRID - 1))]!);
  const minutes = (n: number) => (n === 0 ? 0 : card.firstMinutes + (n - 1) * card.reviewMinutes);
  const root: Node = { p: [1], s: [card.stability], d: [card.difficulty], last: -card.elapsed, earned: 0 };
  const first = (day: number): Node =>
    card.isNew ? { p: [1], s: [learned.stability], d: [learned.difficulty], last: day, earned: 0 } : extend(model, card, root, day);
  const out: Candidate[] = [{ days: [], value: card.isNew ? 0 : settle(model, card, root), minutes: 0 }];
  const singles = new Map<number, Node>();
  for (const d of days) {
    const node = first(d);
    singles.set(d, node);
    out.push({ days: [d], value: settle(model, card, node), minutes: minutes(1) });
  }
  for (let a = 0; a < grid.length; a++)
    for (let b = a + 1; b < grid.length; b++) {
      const pair = extend(model, card, singles.get(grid[a]!)!, grid[b]!);
      out.push({ days: [grid[a]!, grid[b]!], value: settle(model, card, pair), minutes: minutes(2) });
      for (let c = b + 1; c < grid.length; c++) {
        const triple = extend(model, card, pair, grid[c]!);
        out.push({ days: [grid[a]!, grid[b]!, grid[c]!], value: settle(model, card, triple), minutes: minutes(3) });
      }
    }
  return out;
}

function minutesOn(card: ModelCard, days: readonly number[], j: number): number {
  return j === 0 ? card.firstMinutes : card.reviewMinutes;
}

function fits(model: Model, used: number[], card: ModelCard, days: readonly number[]): boolean {
  return days.every((d, j) => used[d]! + minutesOn(card, days, j) <= model.capacity[d]! + EPS);
}

function take(used: number[], card: ModelCard, days: readonly number[]): void {
  days.forEach((d, j) => (used[d]! += minutesOn(card, days, j)));
}

/**
 * Greedy by gain per minute: every card's candidates ranked by (value gained over none) / minutes, taken in
 * that order when the card has none yet and the days have room.
 */
export function greedy(model: Model, cands: Candidate[][], start?: Assignment): Assignment {
  const assignment: Assignment = start ? start.map((d) => [...d]) : model.cards.map(() => []);
  const used = load(model, assignment);
  const options: Array<{ card: number; cand: Candidate; ratio: number }> = [];
  cands.forEach((list, i) => {
    if (assignment[i]!.length > 0) return;
    const base = list[0]!.value;
    for (const cand of list)
      if (cand.minutes > 0 && cand.value > base + EPS) options.push({ card: i, cand, ratio: (cand.value - base) / cand.minutes });
  });
  options.sort((a, b) => b.ratio - a.ratio || a.card - b.card);
  for (const { card, cand } of options) {
    if (assignment[card]!.length > 0) continue;
    const c = model.cards[card]!;
    if (!fits(model, used, c, cand.days)) continue;
    take(used, c, cand.days);
    assignment[card] = [...cand.days];
  }
  return assignment;
}

/** Each card's best candidate when minutes cost `price[d]` each on day d. */
function bestPriced(model: Model, cands: Candidate[][], price: readonly number[]): number[] {
  const choice = new Array<number>(cands.length);
  for (let i = 0; i < cands.length; i++) {
    const list = cands[i]!;
    const card = model.cards[i]!;
    let best = 0;
    let bestScore = list[0]!.value;
    for (let j = 1; j < list.length; j++) {
      const cand = list[j]!;
      const days = cand.days;
      let score = cand.value - price[days[0]!]! * card.firstMinutes;
      for (let n = 1; n < days.length; n++) score -= price[days[n]!]! * card.reviewMinutes;
      if (score > bestScore + EPS) {
        best = j;
        bestScore = score;
      }
    }
    choice[i] = best;
  }
  return choice;
}

/**
 * Makes a priced choice fit: cards keep their choice in the order of their value per minute while it fits;
 * the others take their best candidate that still fits (or none). Then greedy fills what room is left.
 */
function repair(model: Model, cands: Candidate[][], choice: readonly number[], price: readonly number[]): Assignment {
  const assignment: Assignment = model.cards.map(() => []);
  const used = model.capacity.map(() => 0);
  const order = choice
    .map((j, i) => ({ i, cand: cands[i]![j]! }))
    .filter((x) => x.cand.minutes > 0)
    .sort((a, b) => (b.cand.value - cands[b.i]![0]!.value) / b.cand.minutes - (a.cand.value - cands[a.i]![0]!.value) / a.cand.minutes || a.i - b.i);
  const leftOver: number[] = [];
  for (const { i, cand } of order) {
    const card = model.cards[i]!;
    if (fits(model, used, card, cand.days)) {
      take(used, card, cand.days);
      assignment[i] = [...cand.days];
    } else leftOver.push(i);
  }
  for (const i of leftOver) {
    const card = model.cards[i]!;
    let best: Candidate | null = null;
    let bestScore = cands[i]![0]!.value;
    for (const cand of cands[i]!) {
      if (cand.minutes === 0 || !fits(model, used, card, cand.days)) continue;
      let score = cand.value;
      cand.days.forEach((d, n) => (score -= price[d]! * minutesOn(card, cand.days, n)));
      if (score > bestScore + EPS) {
        best = cand;
        bestScore = score;
      }
    }
    if (best) {
      take(used, card, best.days);
      assignment[i] = [...best.days];
    }
  }
  return improve(model, cands, assignment, 2);
}

/** The candidate whose days are `days`, if the card has one. */
function candidateOf(list: readonly Candidate[], days: readonly number[]): Candidate | undefined {
  return list.find((c) => c.days.length === days.length && c.days.every((d, j) => d === days[j]));
}

function totalValue(cands: Candidate[][], assignment: Assignment): number {
  let v = 0;
  cands.forEach((list, i) => (v += candidateOf(list, assignment[i]!)?.value ?? 0));
  return v;
}

const ITERATIONS = 60;
const REPAIR_EVERY = 6;

/**
 * The planner: Lagrangian relaxation of the days' minutes. Each day has a price per minute; each card then
 * picks its best schedule alone (value - priced minutes); prices rise on days over their minutes and fall on
 * days with room (a subgradient step that shrinks each round). Every few rounds the choice is made to fit
 * (repair, then one pass of local improvement) and the best fitting plan is kept.
 */
export function lagrangian(model: Model, cands: Candidate[][]): Assignment {
  const price = model.capacity.map(() => 0);
  let best: Assignment = model.cards.map(() => []);
  let bestValue = -Infinity;
  // The scale of a price: the mean value per minute of the cards' best schedules.
  let gain = 0;
  let minutes = 0;
  cands.forEach((list) => {
    const top = list.reduce((a, b) => (b.value > a.value ? b : a));
    gain += top.value - list[0]!.value;
    minutes += top.minutes;
  });
  const scale = minutes > 0 ? gain / minutes : 0;
  for (let it = 0; it < ITERATIONS; it++) {
    const choice = bestPriced(model, cands, price);
    const used = model.capacity.map(() => 0);
    choice.forEach((j, i) => take(used, model.cards[i]!, cands[i]![j]!.days));
    const step = (scale * 2) / (1 + it);
    for (const d of model.studyDays) {
      const cap = model.capacity[d]!;
      price[d] = Math.max(0, price[d]! + step * ((used[d]! - cap) / cap));
    }
    if (it % REPAIR_EVERY === REPAIR_EVERY - 1 || it === ITERATIONS - 1) {
      const fitted = repair(model, cands, choice, price);
      const value = totalValue(cands, fitted);
      if (value > bestValue + EPS) {
        best = fitted;
        bestValue = value;
      }
    }
  }
  return best;
}

/**
 * Local improvement: each card in turn, its sessions lifted off the days, takes the candidate (or keeps its
 * schedule) of the highest value that fits; passes until nothing moves (at most `passes`). Never worse.
 */
export function improve(model: Model, cands: Candidate[][], start: Assignment, passes = 3): Assignment {
  const assignment: Assignment = start.map((d) => [...d]);
  const used = load(model, assignment);
  const scratch = new Array<number>(model.targetTimes.length);
  // A schedule among the card's candidates has its value already; another (a baseline's) is valued here.
  const current = assignment.map((days, i) => candidateOf(cands[i]!, days)?.value ?? scheduleValue(model, model.cards[i]!, days, scratch));
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    for (let i = 0; i < model.cards.length; i++) {
      const card = model.cards[i]!;
      const mine = assignment[i]!;
      mine.forEach((d, j) => (used[d]! -= minutesOn(card, mine, j)));
      let best: Candidate | null = null;
      let bestValue = current[i]!;
      for (const cand of cands[i]!) {
        if (cand.value > bestValue + EPS && fits(model, used, card, cand.days)) {
          best = cand;
          bestValue = cand.value;
        }
      }
      if (best) {
        assignment[i] = [...best.days];
        current[i] = best.value;
        moved = true;
      }
      take(used, card, assignment[i]!);
    }
    if (!moved) break;
  }
  return assignment;
}

/** With unlimited minutes: each card's best candidate (an upper bound on what the candidates can reach). */
export function unlimited(cands: Candidate[][]): Assignment {
  return cands.map((list) => [...list.reduce((a, b) => (b.value > a.value + EPS ? b : a)).days]);
}

/** The assignment of one strategy; `planner` and `greedy` use the candidates (computed once by the caller). */
export function assign(model: Model, strategy: Exclude<Strategy, 'planner' | 'greedy'>): Assignment {
  switch (strategy) {
    case 'nothing':
      return model.cards.map(() => []);
    case 'usual':
      return usualLike(model, 'due-first', true);
    case 'new-first':
      return usualLike(model, 'new-first', true);
    case 'due-only':
      return usualLike(model, 'due-first', false);
    case 'cram':
      return cram(model);
  }
}
