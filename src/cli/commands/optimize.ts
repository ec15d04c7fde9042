import { optimizeChecklist } from '../../app/review/optimize.js';
import type { OptimizeJson } from '../../contract/review.js';
import { PrepdeckError } from '../../core/errors.js';
import { printJson, printLines, type Colors } from '../output.js';
import type { CommandContext } from '../program.js';
import { plural } from '../render.js';
import { withApp } from '../session.js';
import { checklistToUse } from '../checklist.js';

/** `--apply` asked for a save that did not happen: a failure (exit 1), though nothing went wrong. */
class NothingSavedError extends PrepdeckError {
  override name = 'NothingSavedError';
}

export async function optimize(ctx: CommandContext, options: { apply?: boolean }): Promise<void> {
  const apply = Boolean(options.apply);
  const result = await withApp(ctx, async (app) => optimizeChecklist(app, await checklistToUse(app, ctx, { announce: false }), { apply }));
  if (apply && !result.applied) {
    // What was measured is still shown; why nothing was saved is the error's one line.
    if (!ctx.json) printLines(measuredLines(result, ctx.color));
    const why = result.enough ? 'the fitted parameters predict its log no better than the defaults' : result.message;
    throw new NothingSavedError(`nothing was saved, '${result.checklist}' keeps its parameters: ${why}`);
  }
  if (ctx.json) printJson(result);
  else printLines(renderOptimize(result, ctx.color));
}

/** The log loss and RMSE of the defaults and the fitted parameters, and those; nothing before there are enough reviews. */
function measuredLines(result: OptimizeJson, c: Colors): string[] {
  if (!result.enough || !result.defaultMetrics || !result.fittedMetrics || !result.parameters) return [];
  const row = (label: string, m: { logLoss: number; rmse: number }) =>
    `  ${label.padEnd(10)}${m.logLoss.toFixed(4).padStart(9)}${`${(m.rmse * 100).toFixed(1)}%`.padStart(8)}`;
  return [
    `${c.bold(result.checklist)}: ${plural(result.reviews, 'review')}, ${result.trainingItems} of them can train FSRS`,
    c.dim(`  ${''.padEnd(10)}${'log loss'.padStart(9)}${'RMSE'.padStart(8)}`),
    row('defaults', result.defaultMetrics),
    row('fitted', result.fittedMetrics),
    `parameters: ${result.parameters.join(', ')}`,
  ];
}

function renderOptimize(result: OptimizeJson, c: Colors): string[] {
  if (!result.enough || !result.defaultMetrics || !result.fittedMetrics) return [`${c.bold(result.checklist)}: ${result.message}`];
  const lines = measuredLines(result, c);
  const better = result.fittedMetrics.logLoss <= result.defaultMetrics.logLoss;
  if (result.applied) lines.push(c.green(`saved: '${result.checklist}' is scheduled with them from now on`));
  else if (!better) lines.push('not saved: they predict this log no better than the defaults');
  else lines.push('not saved: run again with --apply to use them');
  return lines;
}
