import { planCalendar } from '../../app/plan/calendar.js';
import { replan, studyPlan } from '../../app/plan/plan.js';
import { updatePlanSettings } from '../../app/plan/settings.js';
import { addTarget, listTargets, removeTarget, updateTarget } from '../../app/plan/targets.js';
import type { PlanSettingsPatchJson, PlanTargetCreateJson, PlanTargetJson, Weekday } from '../../contract/plan.js';
import { InvalidInputError, PrepdeckError } from '../../core/errors.js';
import { studyTime } from '../../core/plan/progress.js';
import { printJson, printLines, UsageError } from '../output.js';
import type { CommandContext } from '../program.js';
import { withApp } from '../session.js';
import { checklistToUse } from '../checklist.js';
import { costsText, planText, targetLine } from './render.js';

interface ShowOptions {
  days?: number;
  ics?: boolean;
}

export async function planShow(ctx: CommandContext, options: ShowOptions): Promise<void> {
  if (options.ics && (ctx.json || options.days !== undefined)) throw new UsageError('--ics prints the calendar; it takes neither --json nor --days');
  await withApp(ctx, async (app) => {
    const checklist = await checklistToUse(app, ctx, { announce: !options.ics });
    if (options.ics) {
      process.stdout.write(await planCalendar(app, checklist));
      return;
    }
    const plan = await studyPlan(app, { checklist, days: options.days ?? 1 });
    if (ctx.json) printJson(plan);
    else printLines(planText(plan, { week: options.days !== undefined }, ctx.color));
  });
}

interface SetOptions {
  date?: string;
  time?: string;
  sections?: string[];
  round?: number;
  weight?: number;
  label?: string;
  minutes?: number;
  days?: Weekday[];
  off?: string[];
  /** `default`: back to the log's median or the default (register.ts#cost). */
  learn?: number | 'default';
  reviewSeconds?: number | 'default';
  qaSeconds?: number | 'default';
  sectionLearn?: Array<{ section: string; minutes: number | null }>;
}

const costOf = (value: number | 'default') => (value === 'default' ? null : value);

function settingsPatch(options: SetOptions): PlanSettingsPatchJson | null {
  const patch: PlanSettingsPatchJson = {
    ...(options.minutes !== undefined ? { minutesPerDay: options.minutes } : {}),
    ...(options.days !== undefined ? { weekdays: options.days } : {}),
    ...(options.off !== undefined ? { daysOff: options.off } : {}),
    ...(options.learn !== undefined ? { learnTopicMinutes: costOf(options.learn) } : {}),
    ...(options.reviewSeconds !== undefined ? { reviewTopicSeconds: costOf(options.reviewSeconds) } : {}),
    ...(options.qaSeconds !== undefined ? { reviewQaSeconds: costOf(options.qaSeconds) } : {}),
    ...(options.sectionLearn !== undefined
      ? { sectionCosts: options.sectionLearn.map(({ section, minutes }) => ({ section, learnTopicMinutes: minutes })) }
      : {}),
  };
  return Object.keys(patch).length > 0 ? patch : null;
}

function targetInput(options: SetOptions): PlanTargetCreateJson | null {
  if (options.round !== undefined) {
    for (const [flag, value] of [
      ['--date', options.date],
      ['--time', options.time],
      ['--sections', options.sections],
    ] as const) {
      if (value !== undefined) throw new UsageError(`--round takes its time and sections from the round; leave ${flag} out`);
    }
    return {
      round: options.round,
      ...(options.weight !== undefined ? { weight: options.weight } : {}),
      ...(options.label !== undefined ? { label: options.label } : {}),
    };
  }
  if (options.date === undefined) {
    for (const [flag, value] of [
      ['--time', options.time],
      ['--sections', options.sections],
      ['--weight', options.weight],
      ['--label', options.label],
    ] as const) {
      if (value !== undefined) throw new UsageError(`${flag} belongs to a target: give its --date (or --round)`);
    }
    return null;
  }
  return {
    date: options.date,
    ...(options.time !== undefined ? { time: options.time } : {}),
    ...(options.sections !== undefined ? { sections: options.sections } : {}),
    ...(options.weight !== undefined ? { weight: options.weight } : {}),
    ...(options.label !== undefined ? { label: options.label } : {}),
  };
}

/** Availability first (a target is checked against it), then the target; then the plan they make. */
export async function planSet(ctx: CommandContext, options: SetOptions): Promise<void> {
  const patch = settingsPatch(options);
  const target = targetInput(options);
  if (!patch && !target) throw new UsageError('nothing to set: give --date (or --round) for a target, or --minutes, --days, --off, --learn ...');
  await withApp(ctx, async (app) => {
    const checklist = await checklistToUse(app, ctx, { announce: true });
    const settings = patch ? await updatePlanSettings(app, checklist, patch) : null;
    const added = target
      ? await addTarget(app, checklist, target).catch((error: unknown) => {
          // The study time stays as set: say so, rather than let the refusal read as if nothing changed.
          if (settings && error instanceof PrepdeckError) error.message = `study time saved, but not the target: ${error.message}`;
          throw error;
        })
      : null;
    const plan = await studyPlan(app, { checklist, days: 1 });
    if (ctx.json) {
      printJson({ settings, target: added, plan });
      return;
    }
    const lines: string[] = [];
    if (settings) lines.push(`study time: ${studyTime(settings)}${settings.daysOff.length > 0 ? `, off ${settings.daysOff.join(', ')}` : ''}`);
    if (added) lines.push(`target ${targetLine(added, ctx.color)}`);
    // The costs close the output, once: the plan's text ends with them when it plans a target; without one, they are said here.
    const costs = settings && plan.targets.length === 0 ? [ctx.color.dim(costsText(settings.costs))] : [];
    printLines([...lines, '', ...planText(plan, { week: false }, ctx.color), ...costs]);
  });
}

export async function planTargets(ctx: CommandContext): Promise<void> {
  const targets = await withApp(ctx, async (app) => listTargets(app, await checklistToUse(app, ctx, { announce: !ctx.json })));
  if (ctx.json) printJson(targets);
  else if (targets.length === 0) printLines([ctx.color.dim('no target yet: prepdeck plan set --date YYYY-MM-DD --sections ...')]);
  else printLines(targets.map((t) => targetLine(t, ctx.color)));
}

async function changed(
  ctx: CommandContext,
  change: (app: Parameters<Parameters<typeof withApp>[1]>[0], checklist: string) => Promise<PlanTargetJson>,
  verb: (target: PlanTargetJson) => string,
) {
  const target = await withApp(ctx, async (app) => change(app, await checklistToUse(app, ctx, { announce: !ctx.json })));
  if (ctx.json) printJson(target);
  // The verb says whether it is in the plan; the line need not say it again.
  else printLines([`${verb(target)} ${targetLine(target, ctx.color, { withExcluded: false })}`]);
}

export async function planRemove(ctx: CommandContext, id: number): Promise<void> {
  await changed(
    ctx,
    (app, checklist) => removeTarget(app, checklist, id),
    (t: PlanTargetJson) => (t.roundId !== null ? 'taken out of the plan:' : 'removed:'),
  );
}

/**
 * Puts a round's target back. A date target is never taken out (`plan remove` deletes it), and one already in the
 * plan stays as it is: both said in the command's words, not the API's `excluded`.
 */
export async function planInclude(ctx: CommandContext, id: number): Promise<void> {
  let wasIn = false;
  await changed(
    ctx,
    async (app, checklist) => {
      const target = (await listTargets(app, checklist)).find((t) => t.id === id);
      if (target?.roundId === null)
        throw new InvalidInputError(
          `target #${id} is a date target, always in the plan until \`plan remove\` deletes it; \`plan include\` puts back a round's target taken out`,
        );
      if (target && !target.excluded) {
        wasIn = true;
        return target;
      }
      return updateTarget(app, checklist, id, { excluded: false });
    },
    (t) => (t.closed !== undefined ? 'in the plan once its application reopens:' : wasIn ? 'already in the plan:' : 'back in the plan:'),
  );
}

export async function planReplan(ctx: CommandContext): Promise<void> {
  await withApp(ctx, async (app) => {
    const plan = await replan(app, { checklist: await checklistToUse(app, ctx, { announce: !ctx.json }), days: 1 });
    if (ctx.json) printJson(plan);
    else printLines(planText(plan, { week: false }, ctx.color));
  });
}
