// A checklist's study availability and time costs as a user sees and changes them.
import type { PlanSettingsJson, PlanSettingsPatchJson } from '../../contract/plan.js';
import type { Checklist } from '../../core/checklist/model.js';
import { sectionPaths } from '../../core/checklist/tree.js';
import { InvalidInputError } from '../../core/errors.js';
import { checkLocalDate } from '../../core/hunt/dates.js';
import { effectiveCosts, hasStudyDayBefore, type Availability } from '../../core/plan/availability.js';
import { MAX_SETTABLE_COST, MIN_SETTABLE_COST } from '../../core/plan/model.js';
import { putSectionCost, readSectionCosts, savePlanSettings, timedAnswers, type PlanSettingsRecord } from '../../store/plan/settings.js';
import { sectionsOf } from '../../store/topics/topics.js';
import type { AppContext } from '../context.js';
import { sectionForField } from '../nearest.js';
import { checklistFor } from '../review/review-checklist.js';
import { reviewRules } from '../review/settings.js';
import { availabilityOf, storedPlanSettings } from './availability.js';
import { inPlan, resolveTargets } from './targets.js';
import { forgetTodayUnlessFinished } from './today.js';

export async function planSettingsOf(ctx: AppContext, checklist: Checklist): Promise<PlanSettingsJson> {
  const own = await storedPlanSettings(ctx, checklist.id);
  const logged = await timedAnswers(ctx.store.db, checklist.id);
  return {
    checklist: checklist.name,
    minutesPerDay: own.minutesPerDay,
    weekdays: own.weekdays as Availability['weekdays'] as PlanSettingsJson['weekdays'],
    daysOff: own.daysOff,
    costs: { ...effectiveCosts(own, logged), sections: await readSectionCosts(ctx.store.db, checklist.id) },
    loggedAnswers: { topic: logged.topic.length, qa: logged.qa.length },
  };
}

export async function showPlanSettings(ctx: AppContext, checklistName?: string): Promise<PlanSettingsJson> {
  return planSettingsOf(ctx, await checklistFor(ctx, checklistName));
}

/** Changes availability and costs; today's list is made again at the next look, unless it is finished (app/plan/today.ts). */
export async function updatePlanSettings(
  ctx: AppContext,
  checklistName: string | undefined,
  patch: PlanSettingsPatchJson,
): Promise<PlanSettingsJson> {
  const checklist = await checklistFor(ctx, checklistName);
  const current = await storedPlanSettings(ctx, checklist.id);
  const daysOff = patch.daysOff?.map((date, i) => checkLocalDate(date, `daysOff[${i}]`));
  const next: PlanSettingsRecord = {
    minutesPerDay: patch.minutesPerDay ?? current.minutesPerDay,
    weekdays: patch.weekdays ? [...patch.weekdays] : current.weekdays,
    daysOff: daysOff ? [...daysOff].sort() : current.daysOff,
    learnTopicMinutes: patch.learnTopicMinutes !== undefined ? patch.learnTopicMinutes : current.learnTopicMinutes,
    reviewTopicSeconds: patch.reviewTopicSeconds !== undefined ? patch.reviewTopicSeconds : current.reviewTopicSeconds,
    reviewQaSeconds: patch.reviewQaSeconds !== undefined ? patch.reviewQaSeconds : current.reviewQaSeconds,
  };
  if (!(Number.isInteger(next.minutesPerDay) && next.minutesPerDay >= 1 && next.minutesPerDay <= 1440))
    throw new InvalidInputError(`minutesPerDay: a whole number of minutes from 1 to 1440, not ${String(next.minutesPerDay)}`);
  // Checked before anything is saved: a cost the plan cannot use would make every later look at the plan fail.
  checkCost('learnTopicMinutes', next.learnTopicMinutes, MAX_SETTABLE_COST.learnTopicMinutes, 'minutes to learn a new topic');
  checkCost('reviewTopicSeconds', next.reviewTopicSeconds, MAX_SETTABLE_COST.reviewTopicSeconds, 'seconds per review of a topic card');
  checkCost('reviewQaSeconds', next.reviewQaSeconds, MAX_SETTABLE_COST.reviewQaSeconds, 'seconds per review of a Q&A card');
  patch.sectionCosts?.forEach((cost, i) =>
    checkCost(`sectionCosts[${i}].learnTopicMinutes`, cost.learnTopicMinutes, MAX_SETTABLE_COST.learnTopicMinutes, 'minutes to learn a new topic'),
  );
  const sectionCosts = patch.sectionCosts ? await resolveSectionCosts(ctx, checklist, patch.sectionCosts) : [];
  const { today } = await reviewRules(ctx, checklist);
  // Days that leave no study day before a target coming up are refused, naming what changed them.
  const field = patch.weekdays !== undefined ? 'weekdays' : 'daysOff';
  if (patch.weekdays !== undefined || patch.daysOff !== undefined) {
    for (const { json } of await resolveTargets(ctx, checklist)) {
      if (!inPlan(json) || json.at <= ctx.now()) continue;
      if (!hasStudyDayBefore(today.start, today.date, json.at, availabilityOf(next)))
        throw new InvalidInputError(
          `${field}: they leave no study day before ${json.label} on ${json.date}; keep one, or move or remove that target`,
        );
    }
  }
  await ctx.store.transaction(async (trx) => {
    await savePlanSettings(trx, checklist.id, next, ctx.now());
    for (const cost of sectionCosts) await putSectionCost(trx, checklist.id, cost.key, cost.path, cost.minutes);
    await forgetTodayUnlessFinished(trx, checklist.id, today);
  });
  return planSettingsOf(ctx, checklist);
}

/** A cost is null (back to the log's median or the default) or a number from MIN_SETTABLE_COST up to `max`; refused naming `field`. */
function checkCost(field: string, value: number | null, max: number, what: string): void {
  if (value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < MIN_SETTABLE_COST || value > max)
    throw new InvalidInputError(`${field}: ${what}, a number from ${MIN_SETTABLE_COST} up to ${max} (or default), not ${JSON.stringify(value)}`);
}

async function resolveSectionCosts(ctx: AppContext, checklist: Checklist, costs: NonNullable<PlanSettingsPatchJson['sectionCosts']>) {
  const sections = await sectionsOf(ctx.store.db, [checklist.id]);
  const paths = sectionPaths(sections);
  const named = sections.filter((s) => s.parentId !== null && s.role === 'study').map((s) => ({ ...s, path: paths.get(s.id) ?? [] }));
  return costs.map((cost, i) => {
    const section = sectionForField(named, cost.section, { checklist: checklist.name, field: `sectionCosts[${i}].section` });
    return { key: section.pathKey, path: section.path, minutes: cost.learnTopicMinutes };
  });
}
