import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAN_NOW, planScenario } from '../../../bench/plan-scenarios.js';
import { InvalidInputError } from '../../../src/core/errors.js';
import { buildModel, expectedRecall, type PlanInput } from '../../../src/core/plan/model.js';
import { compareStrategies, planStudy } from '../../../src/core/plan/plan.js';
import { newPlanMemo } from '../../../src/core/plan/strategies.js';
import { newCardSchedule, schedulerFor } from '../../../src/core/review/scheduling.js';

const DAY_MS = 24 * 3600 * 1000;
const at = (days: number) => new Date(Date.parse(PLAN_NOW) + days * DAY_MS).toISOString();

/** One reviewed card and one new one, a target 10 days away, 30 minutes a day. */
function small(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    now: PLAN_NOW,
    cards: [
      {
        id: 1,
        topicId: 1,
        kind: 'topic',
        schedule: {
          due: at(2),
          stability: 5,
          difficulty: 5,
          elapsedDays: 3,
          scheduledDays: 5,
          reps: 3,
          lapses: 0,
          learningSteps: 0,
          state: 'review',
          lastReview: at(-3),
        },
      },
      {
        id: 2,
        topicId: 2,
        kind: 'topic',
        schedule: newCardSchedule(PLAN_NOW),
      },
    ],
    targets: [{ id: 'onsite', label: 'Acme onsite', at: at(10.25), date: '2026-12-15', weight: 1, topicIds: [1, 2] }],
    days: Array.from({ length: 11 }, (_, d) => ({ date: at(d).slice(0, 10), minutes: 30 })),
    costs: { learnTopicMinutes: 10, reviewTopicSeconds: 60, reviewQaSeconds: 20 },
    ...overrides,
  };
}

describe('expected recall at the target', () => {
  it('branches over recall and lapse at a review, with ts-fsrs formulas', () => {
    const f = schedulerFor({ fuzz: false });
    const model = buildModel(small());
    const card = model.cards[0]!;
    const [withReview] = expectedRecall(model, card, [4], [10.25]);
    const r = f.forgetting_curve(3 + 4, 5);
    const good = f.next_state({ stability: 5, difficulty: 5 }, 7, 3, r);
    const again = f.next_state({ stability: 5, difficulty: 5 }, 7, 1, r);
    const expected = r * f.forgetting_curve(6.25, good.stability) + (1 - r) * f.forgetting_curve(6.25, again.stability);
    expect(withReview).toBeCloseTo(expected, 10);
  });

  it('is higher with a review just before the target than with none', () => {
    const model = buildModel(small());
    const card = model.cards[0]!;
    const [none] = expectedRecall(model, card, [], [10.25]);
    const [late] = expectedRecall(model, card, [9], [10.25]);
    expect(late!).toBeGreaterThan(none!);
  });

  it('is 0 for a new card never learned and positive once learned', () => {
    const model = buildModel(small());
    const card = model.cards[1]!;
    expect(expectedRecall(model, card, [], [10.25])[0]).toBe(0);
    expect(expectedRecall(model, card, [3], [10.25])[0]).toBeGreaterThan(0.5);
  });
});

describe('planStudy', () => {
  it('gives the same plan for the same input', () => {
    const input = planScenario({ seed: 3 });
    expect(planStudy(input)).toEqual(planStudy(structuredClone(input)));
  });

  it('plans the same days at any time of the same study day: time is counted from the day’s start, not the clock', () => {
    const HOUR = 3600 * 1000;
    const schedule = fc.record({
      isNew: fc.boolean(),
      stability: fc.double({ min: 0.5, max: 60, noNaN: true }),
      difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
      // Reviewed before today's study day began (a review today is a change of input).
      daysAgo: fc.double({ min: 0.05, max: 40, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(schedule, { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 14, maxLength: 14 }),
        fc.double({ min: 3.1, max: 12.9, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (cards, minutes, targetIn, first, second) => {
          const dayStart = Date.parse(PLAN_NOW);
          const iso = (ms: number) => new Date(ms).toISOString();
          const input = (now: number): PlanInput => ({
            now: iso(now),
            dayStart: PLAN_NOW,
            cards: cards.map((c, i) => ({
              id: i + 1,
              topicId: i + 1,
              kind: 'topic',
              schedule: c.isNew
                ? newCardSchedule(PLAN_NOW)
                : {
                    ...newCardSchedule(PLAN_NOW),
                    state: 'review',
                    stability: c.stability,
                    difficulty: c.difficulty,
                    reps: 2,
                    lastReview: iso(dayStart - c.daysAgo * DAY_MS),
                    due: iso(dayStart - c.daysAgo * DAY_MS + c.stability * DAY_MS),
                  },
            })),
            targets: [{ id: 't', label: 'Acme', at: iso(dayStart + targetIn * DAY_MS), weight: 1, topicIds: cards.map((_, i) => i + 1) }],
            days: minutes.map((m, d) => ({ date: iso(dayStart + d * DAY_MS).slice(0, 10), minutes: m })),
            costs: { learnTopicMinutes: 10, reviewTopicSeconds: 60, reviewQaSeconds: 20 },
          });
          const a = planStudy(input(dayStart + first * 24 * HOUR));
          const b = planStudy(input(dayStart + second * 24 * HOUR));
          expect(b.days).toEqual(a.days);
          expect(b.targets).toEqual(a.targets);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a day start after now or more than a day before it', () => {
    expect(() => planStudy(small({ dayStart: at(0.1) }))).toThrow(/^dayStart: .* is not within the day before now/);
    expect(() => planStudy(small({ dayStart: at(-1.5) }))).toThrow(/^dayStart: /);
  });

  it('never plans more minutes than a day has, nor study on a day off or after the last target', () => {
    for (const seed of [1, 4, 6]) {
      const input = planScenario({ seed });
      const plan = planStudy(input);
      const last = Math.max(...input.targets.map((t) => (Date.parse(t.at) - Date.parse(input.now)) / DAY_MS));
      plan.days.forEach((day, d) => {
        const sum = day.items.reduce((total, item) => total + item.minutes, 0);
        expect(sum).toBeCloseTo(day.minutesPlanned, 9);
        expect(day.minutesPlanned).toBeLessThanOrEqual(input.days[d]!.minutes + 1e-9);
        if (d >= last) expect(day.items).toEqual([]);
      });
    }
  });

  it('says why each item is there, and predicts readiness with a curve up to the target', () => {
    const plan = planStudy(small());
    const items = plan.days.flatMap((day) => day.items);
    const learn = items.find((item) => item.cardId === 2 && item.action === 'new');
    expect(learn?.why).toMatch(/^new, needed by Acme onsite (in \d+ days|tomorrow)$/);
    // Counted in whole days from the day of the item to the target's date, as the summary and the web count.
    const on = plan.days.find((day) => day.items.includes(learn!))!.date;
    const days = Math.round((Date.parse('2026-12-15') - Date.parse(on)) / DAY_MS);
    expect(learn!.why).toBe(`new, needed by Acme onsite ${days === 1 ? 'tomorrow' : `in ${days} days`}`);
    const review = items.find((item) => item.action === 'review');
    expect(review?.why).toMatch(/^review( now)?: recall would fall to \d+% by Acme onsite$/);
    const [target] = plan.targets;
    expect(target!.readiness).toBeGreaterThan(0.8);
    expect(target!.curve).toHaveLength(11);
    expect(target!.curve[0]!.date).toBe('2026-12-05');
  });

  it('is at least as good as every baseline on each generated scenario, and better on average', () => {
    let margin = 0;
    const seeds = [1, 2, 3, 4, 5];
    for (const seed of seeds) {
      const rows = new Map(compareStrategies(planScenario({ seed })).map((row) => [row.strategy, row.score]));
      const planner = rows.get('planner')!;
      const baselines = (['nothing', 'usual', 'new-first', 'due-only', 'cram', 'greedy'] as const).map((s) => rows.get(s)!);
      for (const baseline of baselines) expect(planner).toBeGreaterThanOrEqual(baseline - 1e-12);
      expect(rows.get('unlimited')!).toBeGreaterThanOrEqual(planner - 1e-9);
      margin += planner - Math.max(...baselines.slice(0, 5));
    }
    expect(margin / seeds.length).toBeGreaterThan(0.005);
  });

  it('plans the planned score: the readiness figures it returns are those of its own items', () => {
    const input = planScenario({ seed: 7 });
    const plan = planStudy(input);
    const row = compareStrategies(input).find((r) => r.strategy === 'planner')!;
    expect(plan.targets.map((t) => t.readiness)).toEqual(row.readiness);
  });

  it("puts the usual schedule's and stopping's readiness beside the plan's, as numbers and as curves", () => {
    const input = planScenario({ seed: 3 });
    const plan = planStudy(input);
    const rows = new Map(compareStrategies(input).map((row) => [row.strategy, row.readiness]));
    plan.targets.forEach((target, k) => {
      expect(target.stop).toBe(rows.get('nothing')![k]);
      expect(target.usual).toBe(rows.get('usual')![k]);
      expect(target.readiness).toBeGreaterThanOrEqual(target.stop);
      // A day's point is after that day's study; without study, recall only falls.
      expect(target.curve.at(-1)!.plan).toBeGreaterThan(target.curve.at(-1)!.stop);
      for (let d = 1; d < target.curve.length; d++) expect(target.curve[d]!.stop).toBeLessThanOrEqual(target.curve[d - 1]!.stop + 1e-12);
    });
  });

  it('makes the same plan with a memo of valued cards, after one answer too, and keeps only the cards planned', () => {
    const input = planScenario({ seed: 5, topics: 120 });
    const memo = newPlanMemo();
    expect(planStudy(input, memo)).toEqual(planStudy(input));
    expect(memo.candidates.size).toBe(input.cards.length);
    // One card answered: its memory moved on; every other card's list comes from the memo.
    const answered = {
      ...input,
      cards: input.cards.map((card, i) => (i === 3 ? { ...card, schedule: { ...card.schedule, stability: card.schedule.stability * 2 + 1 } } : card)),
    };
    expect(planStudy(answered, memo)).toEqual(planStudy(answered));
    const fewer = { ...answered, cards: answered.cards.filter((card) => card.kind === 'topic') };
    expect(planStudy(fewer, memo)).toEqual(planStudy(fewer));
    expect(memo.candidates.size).toBe(fewer.cards.length);
  });

  it('takes a section’s own minutes to learn its new topics', () => {
    const slow = small({ cards: small().cards.map((card) => (card.id === 2 ? { ...card, learnMinutes: 25 } : card)) });
    const items = planStudy(slow).days.flatMap((day) => day.items);
    expect(items.find((item) => item.cardId === 2 && item.action === 'new')?.minutes).toBe(25);
    expect(() => planStudy(small({ cards: small().cards.map((card) => ({ ...card, learnMinutes: 0 })) }))).toThrow(/cards\[0\]\.learnMinutes/);
  });
});

describe('a scope the minutes cannot reach', () => {
  it('says how many new cards are left out rather than planning the impossible', () => {
    const input = planScenario({ seed: 6 });
    const days = input.days.map((day) => ({ ...day, minutes: day.minutes > 0 ? 20 : 0 }));
    const plan = planStudy({ ...input, days });
    const [target] = plan.targets;
    expect(target!.leftOut.length).toBeGreaterThan(0);
    const learned = new Set(plan.days.flatMap((day) => day.items.filter((item) => item.action === 'new').map((item) => item.cardId)));
    for (const id of target!.leftOut) expect(learned.has(id)).toBe(false);
  });

  it('leaves nothing out when the minutes suffice', () => {
    expect(planStudy(small()).targets[0]!.leftOut).toEqual([]);
  });
});

describe('bad input', () => {
  const refused = (input: PlanInput, field: RegExp) => {
    expect(() => planStudy(input)).toThrow(InvalidInputError);
    expect(() => planStudy(input)).toThrow(field);
  };

  it('refuses a target in the past', () => {
    refused(small({ targets: [{ id: 'x', label: 'x', at: at(-1), weight: 1, topicIds: [1] }] }), /^targets\[0\]\.at: .* is not after now/);
  });

  it('plans nothing without minutes, and then predicts what memory keeps', () => {
    const plan = planStudy(small({ days: small().days.map((day) => ({ ...day, minutes: 0 })) }));
    expect(plan.days.flatMap((day) => day.items)).toEqual([]);
    expect(plan.targets[0]!.readiness).toBe(plan.targets[0]!.stop);
    expect(plan.targets[0]!.leftOut).toEqual([2]);
  });

  it('refuses an empty scope, and a scope with no cards', () => {
    refused(small({ targets: [{ id: 'x', label: 'x', at: at(5), weight: 1, topicIds: [] }] }), /^targets\[0\]\.topicIds: the scope has no topics/);
    refused(small({ targets: [{ id: 'x', label: 'x', at: at(5), weight: 1, topicIds: [99] }] }), /^targets\[0\]\.topicIds: no card belongs/);
  });

  it('refuses a cost of zero or below', () => {
    refused(
      small({ costs: { learnTopicMinutes: 0, reviewTopicSeconds: 60, reviewQaSeconds: 20 } }),
      /^costs\.learnTopicMinutes: must be a number above 0/,
    );
    refused(small({ costs: { learnTopicMinutes: 10, reviewTopicSeconds: -5, reviewQaSeconds: 20 } }), /^costs\.reviewTopicSeconds/);
  });

  it('refuses a date that does not exist, and too few days to reach the target', () => {
    const days = small().days.map((day, d) => (d === 3 ? { ...day, date: '2026-02-30' } : day));
    refused(small({ days }), /^days\[3\]\.date: "2026-02-30" is not a date/);
    refused(small({ days: small().days.slice(0, 5) }), /^days: 5 given, 11 needed/);
  });
});
