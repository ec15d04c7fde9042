// The plan as text: the lead line, today's items, the days ahead, each target's readiness under the three strategies.
import type { CostJson, PlanDayJson, PlanJson, PlanSettingsJson, PlanTargetJson, SectionCostJson } from '../../contract/plan.js';
import type { Colors } from '../output.js';
import { plural } from '../render.js';

/** "71%", as the rest of the CLI writes a percentage (the hunt's fit 75%). */
const pct = (r: number) => `${Math.round(r * 100)}%`;
const minutes = (m: number) => `${Math.round(m)} min`;
const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const dayName = (date: string) => `${WEEKDAY[new Date(`${date}T00:00:00Z`).getUTCDay()]} ${date}`;

/**
 * "#2 Acme onsite, 2026-12-20 (weight 3; Python, Databases)", and "(taken out of the plan)" after one that is, unless
 * the line's lead says so already (`withExcluded` false); "(left out: Globex withdrawn)" after a round's whose
 * application is closed or archived.
 */
export function targetLine(target: PlanTargetJson, c: Colors, { withExcluded = true } = {}): string {
  const scope = target.sections.length > 0 ? target.sections.map((s) => s.path.join(' > ')).join(', ') : 'the whole checklist';
  const round = target.roundId !== null ? `round #${target.roundId}, ` : '';
  const out =
    target.closed !== undefined
      ? c.yellow(` (left out: ${target.closed})`)
      : target.excluded && withExcluded
        ? c.yellow(' (taken out of the plan)')
        : '';
  return `${c.dim(`#${target.id}`)} ${c.bold(target.label)}, ${target.date} (${round}weight ${target.weight}; ${scope})${out}`;
}

function itemLines(day: PlanDayJson, c: Colors): string[] {
  return day.items.map((item) => {
    const mark = item.done ? c.green('✓') : '·';
    const badge = item.action === 'new' ? c.cyan('new   ') : 'review';
    const where = item.section.length > 0 ? c.dim(` (${item.section.join(' > ')})`) : '';
    return `  ${mark} ${badge} ${item.title}${where}  ${c.dim(`${minutes(item.minutes)}: ${item.why}`)}`;
  });
}

function dayLine(day: PlanDayJson, c: Colors): string {
  // A date set off is a day off; a weekday one does not study is a rest day: the two read apart.
  if (day.minutesAvailable === 0 && day.items.length === 0)
    return `  ${dayName(day.date)}  ${c.dim(day.noStudy === 'weekday' ? 'rest day' : 'day off')}`;
  const work = [day.reviews > 0 ? plural(day.reviews, 'review') : '', day.newTopics > 0 ? plural(day.newTopics, 'new topic') : '']
    .filter(Boolean)
    .join(', ');
  return `  ${dayName(day.date)}  ${minutes(day.minutesPlanned).padStart(7)} of ${minutes(day.minutesAvailable)}  ${work || c.dim('nothing planned')}`;
}

export function planText(plan: PlanJson, { week }: { week: boolean }, c: Colors): string[] {
  if (plan.targets.length === 0) {
    const excluded = plan.excluded.map((t) => `  ${targetLine(t, c)}`);
    return [plan.summary, ...excluded, c.dim('set one: prepdeck plan set --date YYYY-MM-DD --sections Python,Databases --minutes 60 --days mon-fri')];
  }
  const lines = [c.bold(plan.summary)];
  if (plan.behind) {
    const moved = plan.behind.readiness.map((r) => `${r.label} ${pct(r.before)} -> ${pct(r.now)}`).join('; ');
    lines.push(
      c.yellow(`behind by ${plural(plan.behind.minutes, 'minute')} since ${plan.behind.since}${moved ? `; readiness on the day ${moved}` : ''}`),
    );
  }
  if (plan.today && plan.today.items.length > 0) {
    lines.push(...itemLines(plan.today, c));
    // Once every item is ticked off there is nothing left for the plan's session to study.
    if (plan.today.items.some((item) => !item.done)) lines.push(c.dim('  study them: prepdeck review --plan'));
  }
  if (week) lines.push('', 'the days ahead:', ...plan.days.map((day) => dayLine(day, c)));
  lines.push('', `readiness on the day, predicted by the memory model (FSRS, ${plan.parameters} parameters):`);
  for (const t of plan.targets) {
    lines.push(
      `  ${c.bold(t.target.label)} (${t.when}, ${plural(t.target.topics, 'topic')}): ${c.green(`plan ${pct(t.readiness.plan)}`)} · if you stop today ${pct(t.readiness.stop)} · usual reviews ${pct(t.readiness.usual)}`,
    );
    if (t.note) lines.push(`    ${c.yellow(t.note)}`);
  }
  if (plan.costSources) {
    const { costs, costSources: from } = plan;
    const withSource = (value: number, source: CostJson['source']) => ({ value, source });
    lines.push(
      c.dim(
        costsText({
          learnTopicMinutes: withSource(costs.learnTopicMinutes, from.learnTopicMinutes),
          reviewTopicSeconds: withSource(costs.reviewTopicSeconds, from.reviewTopicSeconds),
          reviewQaSeconds: withSource(costs.reviewQaSeconds, from.reviewQaSeconds),
          sections: plan.sectionCosts ?? [],
        }),
      ),
    );
  }
  // Rounds to come that are no target because their application closed: said, so that their absence is explained.
  const closed = plan.excluded.filter((t) => t.closed !== undefined && t.at > plan.madeAt);
  if (closed.length > 0) lines.push(`left out: ${closed.map((t) => `${t.label} (${t.closed})`).join('; ')}`);
  return lines;
}

const SOURCE: Record<CostJson['source'], string> = { yours: 'yours', log: "your log's median", default: 'default' };

/**
 * "costs: learning a topic 20 min (default; System design 45 min, yours), a review 60 s (your log's median), Q&A 20 s
 * (default)": each cost with where it comes from, as `plan set` and `plan` show them.
 */
export function costsText(
  costs: Pick<PlanSettingsJson['costs'], 'learnTopicMinutes' | 'reviewTopicSeconds' | 'reviewQaSeconds'> & {
    sections: readonly SectionCostJson[];
  },
): string {
  const sections = costs.sections.map((s) => `; ${s.path.join(' > ')} ${s.learnTopicMinutes} min, yours`).join('');
  const { learnTopicMinutes: learn, reviewTopicSeconds: review, reviewQaSeconds: qa } = costs;
  return `costs: learning a topic ${learn.value} min (${SOURCE[learn.source]}${sections}), a review ${review.value} s (${SOURCE[review.source]}), Q&A ${qa.value} s (${SOURCE[qa.source]})`;
}
