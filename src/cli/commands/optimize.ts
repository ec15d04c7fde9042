import { optimizeChecklist } from '../../app/review/optimize.js';
import type { OptimizeJson } from '../../contract/review.js';
import { printJson, printLines, type Colors } from '../output.js';
import type { CommandContext } from '../program.js';
import { plural } from '../render.js';
import { withApp } from '../session.js';
import { checklistToUse } from '../checklist.js';

export async function optimize(ctx: CommandContext, options: { apply?: boolean }): Promise<void> {
  const apply = Boolean(options.apply);
  const result = await withApp(ctx, async (app) => optimizeChecklist(app, await checklistToUse(app, ctx, { announce: false }), { apply }));
  if (ctx.json) printJson(result);
  else printLines(renderOptimize(result, ctx.color, apply));
}

export function renderOptimize(result: OptimizeJson, c: Colors, applyAsked = false): string[] {
  if (!result.enough || !result.defaultMetrics || !result.fittedMetrics || !result.parameters) {
    return [`${c.bold(result.checklist)}: ${result.message}`, ...(applyAsked ? ['nothing was saved: the default parameters stay'] : [])];
  }
  const head = `${c.bold(result.checklist)}: ${plural(result.reviews, 'review')}, ${result.trainingItems} of them can train FSRS`;
  const row = (label: string, m: { logLoss: number; rmse: number }) =>
    `  ${label.padEnd(10)}${m.logLoss.toFixed(4).padStart(9)}${`${(m.rmse * 100).toFixed(1)}%`.padStart(8)}`;
  const lines = [
    head,
    c.dim(`  ${''.padEnd(10)}${'log loss'.padStart(9)}${'RMSE'.padStart(8)}`),
    row('defaults', result.defaultMetrics),
    row('fitted', result.fittedMetrics),
    `parameters: ${result.parameters.join(', ')}`,
  ];
  const better = result.fittedMetrics.logLoss <= result.defaultMetrics.logLoss;
  if (result.applied) lines.push(c.green(`saved: '${result.checklist}' is scheduled with them from now on`));
  else if (!better) lines.push('not saved: they predict this log no better than the defaults');
  else lines.push('not saved: run again with --apply to use them');
  return lines;
}
