// The plan as the terminal writes it: a round left out because its application closed, said where targets are listed;
// no call to study a list that is done; a rest day apart from a day off; percentages as the rest of the CLI writes them;
// each cost with where it comes from.
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { costsText, planText, targetLine } from '../../src/cli/plan/render.js';
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

  it('calls to study today’s list only while something of it is left', () => {
    expect(planText(plan(), { week: false }, c)).toContain('  study them: prepdeck review --plan');
    const done = day('2026-12-07', { minutesPlanned: 1, reviews: 1, items: [item(true)] });
    const text = planText(plan({ today: done, items: done.items, summary: "Today's plan is done: 1 item." }), { week: false }, c);
    expect(text.slice(0, 2)).toEqual(["Today's plan is done: 1 item.", '  ✓ review GIL (Python)  1 min: review now']);
    expect(text.join('\n')).not.toContain('study them');
  });

  it('writes a weekday one does not study as a rest day, a date set off as a day off', () => {
    const days = [
      day('2026-12-07', { minutesPlanned: 1, reviews: 1, items: [item(false)] }),
      day('2026-12-12', { minutesAvailable: 0, noStudy: 'weekday' }),
      day('2026-12-14', { minutesAvailable: 0, noStudy: 'day-off' }),
    ];
    const week = planText(plan({ days }), { week: true }, c);
    expect(week).toContain('  Sat 2026-12-12  rest day');
    expect(week).toContain('  Mon 2026-12-14  day off');
  });

  it('writes readiness as 71%, with no space, as the hunt writes fit 75%', () => {
    const text = planText(
      plan({ behind: { minutes: 35, since: '2026-12-03', readiness: [{ targetId: 1, label: 'Acme onsite', before: 0.71, now: 0.66 }] } }),
      { week: false },
      c,
    );
    expect(text).toContain('behind by 35 minutes since 2026-12-03; readiness on the day Acme onsite 71% -> 66%');
    expect(text).toContain('  Acme onsite (in 10 days, 12 topics): plan 71% · if you stop today 50% · usual reviews 66%');
  });

  it('shows each cost with where it comes from, a section’s own too', () => {
    const text = costsText({
      learnTopicMinutes: { value: 20, source: 'default' },
      reviewTopicSeconds: { value: 29.5, source: 'log' },
      reviewQaSeconds: { value: 15, source: 'yours' },
      sections: [{ key: 'aws', path: ['Cloud', 'AWS'], learnTopicMinutes: 45 }],
    });
    expect(text).toBe("costs: learning a topic 20 min (default; Cloud > AWS 45 min, yours), a review 29.5 s (your log's median), Q&A 15 s (yours)");
    const shown = planText(
      plan({
        costSources: { learnTopicMinutes: 'default', reviewTopicSeconds: 'default', reviewQaSeconds: 'default' },
        sectionCosts: [{ key: 'aws', path: ['AWS'], learnTopicMinutes: 45 }],
      }),
      { week: false },
      c,
    );
    expect(shown).toContain('costs: learning a topic 20 min (default; AWS 45 min, yours), a review 60 s (default), Q&A 20 s (default)');
  });
});
