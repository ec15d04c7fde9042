// The plan as the terminal writes it: a round left out because its application closed, said where targets are listed.
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { planText, targetLine } from '../../src/cli/plan/render.js';
import type { PlanDayJson, PlanItemJson, PlanJson, PlanTargetJson } from '../../src/contract/plan.js';

const c = pc.createColors(false);

const target = (over: Partial<PlanTargetJson> = {}): PlanTargetJson => ({
  id: 1,
  label: 'Acme onsite',
  at: '2026-12-17T10:00:00.000Z',
  date: '2026-12-17',
  weight: 3,
  roundId: 2,
  sections: [{ key: 'python', path: ['Python'] }],
  topicIds: [],
  topics: 12,
  excluded: false,
  ...over,
});

const day = (date: string, over: Partial<PlanDayJson> = {}): PlanDayJson => ({
  date,
  minutesAvailable: 60,
  minutesPlanned: 0,
  minutesDone: 0,
  newTopics: 0,
  reviews: 0,
  items: [],
  ...over,
});

const item = (done: boolean): PlanItemJson => ({
  cardId: 1,
  topicId: 1,
  kind: 'topic',
  action: 'review',
  title: 'GIL',
  section: ['Python'],
  minutes: 1,
  why: 'review now',
  done,
});

function plan(over: Partial<PlanJson> = {}): PlanJson {
  const today = day('2026-12-07', { minutesPlanned: 1, reviews: 1, items: [item(false)] });
  return {
    checklist: 'prep',
    madeAt: '2026-12-07T07:00:00.000Z',
    timeZone: 'UTC',
    parameters: 'default',
    costs: { learnTopicMinutes: 20, reviewTopicSeconds: 60, reviewQaSeconds: 20 },
    targets: [
      {
        target: target(),
        daysLeft: 10,
        when: 'in 10 days',
        readiness: { plan: 0.714, stop: 0.5, usual: 0.66 },
        curve: [],
        note: null,
        leftOut: 0,
      },
    ],
    excluded: [],
    today,
    items: today.items,
    days: [today],
    history: [],
    behind: null,
    summary: 'Today: 1 review, about 1 minute, for Acme onsite in 10 days.',
    ...over,
  };
}

describe('the plan as text', () => {
  it('says why a round to come is left out: its application closed or archived', () => {
    const globex = target({
      id: 4,
      label: 'Globex onsite',
      at: '2026-12-12T10:00:00.000Z',
      date: '2026-12-12',
      roundId: 5,
      closed: 'Globex withdrawn',
    });
    expect(targetLine(globex, c)).toBe('#4 Globex onsite, 2026-12-12 (round #5, weight 3; Python) (left out: Globex withdrawn)');
    expect(planText(plan({ excluded: [globex] }), { week: false }, c).at(-1)).toBe('left out: Globex onsite (Globex withdrawn)');
    // A past one is no news.
    const past = { ...globex, at: '2026-12-01T10:00:00.000Z' };
    expect(planText(plan({ excluded: [past] }), { week: false }, c).join('\n')).not.toContain('left out');
  });
});
