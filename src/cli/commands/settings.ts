// `prepdeck settings`: how a checklist's cards are scheduled, shown, and changed option by option.
import { showReviewSettings, updateReviewSettings, machineTimeZone } from '../../app/review/settings.js';
import type { ReviewSettings } from '../../core/review/settings.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { withApp } from '../session.js';
import { checklistToUse } from '../checklist.js';

export interface SettingsOptions {
  retention?: number;
  maxInterval?: number;
  fuzz?: boolean;
  steps?: string[];
  relearningSteps?: string[];
  newPerDay?: number;
  reviewsPerDay?: number;
  dayStartsAt?: number;
  timeZone?: string;
  resetParameters?: boolean;
}

function patchOf(options: SettingsOptions): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (options.retention !== undefined) patch['desiredRetention'] = options.retention;
  if (options.maxInterval !== undefined) patch['maximumInterval'] = options.maxInterval;
  if (options.fuzz !== undefined) patch['fuzz'] = options.fuzz;
  if (options.steps !== undefined) patch['learningSteps'] = options.steps;
  if (options.relearningSteps !== undefined) patch['relearningSteps'] = options.relearningSteps;
  if (options.newPerDay !== undefined) patch['newPerDay'] = options.newPerDay;
  if (options.reviewsPerDay !== undefined) patch['reviewsPerDay'] = options.reviewsPerDay;
  if (options.dayStartsAt !== undefined) patch['dayStartsAt'] = options.dayStartsAt;
  if (options.timeZone !== undefined) patch['timeZone'] = options.timeZone === 'local' ? null : options.timeZone;
  if (options.resetParameters) patch['parameters'] = null;
  return patch;
}

function describe(settings: ReviewSettings): string[] {
  return [
    `  desired retention  ${settings.desiredRetention}`,
    `  maximum interval   ${settings.maximumInterval} days`,
    `  fuzz               ${settings.fuzz ? 'on' : 'off'}`,
    `  learning steps     ${settings.learningSteps.join(' ') || 'none'}`,
    `  relearning steps   ${settings.relearningSteps.join(' ') || 'none'}`,
    `  new cards per day  ${settings.newPerDay}`,
    `  reviews per day    ${settings.reviewsPerDay}`,
    `  day starts at      ${String(settings.dayStartsAt).padStart(2, '0')}:00 ${settings.timeZone ?? `${machineTimeZone()} (this machine's)`}`,
    `  FSRS parameters    ${settings.parameters ? 'fitted to your reviews (prepdeck optimize)' : 'the defaults'}`,
  ];
}

export async function settings(ctx: CommandContext, options: SettingsOptions): Promise<void> {
  const patch = patchOf(options);
  const changing = Object.keys(patch).length > 0;
  const result = await withApp(ctx, async (app) => {
    const name = await checklistToUse(app, ctx, { announce: false });
    return changing ? updateReviewSettings(app, name, patch) : showReviewSettings(app, name);
  });
  if (ctx.json) printJson({ checklist: result.checklist.name, settings: result.settings });
  else
    printLines([
      `${ctx.color.bold(result.checklist.title)} (${result.checklist.name}): review settings${changing ? ' changed' : ''}`,
      ...describe(result.settings),
    ]);
}
