import { getHunt } from '../../app/hunt/hunt.js';
import { addCriterion, resolveCriterion, updateCriterion } from '../../app/hunt/criteria.js';
import type { CriterionPatchJson } from '../../contract/hunt.js';
import { UsageError, printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { criterionLine } from '../hunt/render.js';
import { withApp } from '../session.js';

export async function goalsList(ctx: CommandContext, options: { archived?: boolean }): Promise<void> {
  const hunt = await withApp(ctx, (app) => getHunt(app));
  const criteria = options.archived ? hunt.criteria : hunt.criteria.filter((k) => k.archivedAt === null);
  if (ctx.json) printJson({ criteria });
  else if (hunt.criteria.length === 0)
    printLines([ctx.color.dim('no goals yet: import a checklist with a Goals section, or prepdeck goals add TEXT')]);
  else if (criteria.length === 0)
    printLines([ctx.color.dim(`no goals in use; ${hunt.criteria.length} archived: \`prepdeck goals --archived\` lists them`)]);
  else printLines(criteria.map((k) => criterionLine(k, ctx.color)));
}

export async function goalsAdd(ctx: CommandContext, words: string[], options: { gate?: boolean; weight?: number }): Promise<void> {
  const criterion = await withApp(ctx, (app) =>
    addCriterion(app, { text: words.join(' '), kind: options.gate ? 'gate' : 'weighted', ...(options.weight ? { weight: options.weight } : {}) }),
  );
  if (ctx.json) printJson({ criterion });
  else printLines([`added ${criterionLine(criterion, ctx.color).trim()}`]);
}

export async function goalsEdit(
  ctx: CommandContext,
  reference: string,
  options: { gate?: boolean; weighted?: boolean; weight?: number; text?: string },
): Promise<void> {
  if (options.gate && (options.weighted || options.weight !== undefined))
    throw new UsageError('--gate makes a must-have; it takes no --weighted or --weight');
  const patch: CriterionPatchJson = {
    ...(options.gate ? { kind: 'gate' as const } : {}),
    ...(options.weighted || options.weight !== undefined ? { kind: 'weighted' as const } : {}),
    ...(options.weight !== undefined ? { weight: options.weight } : {}),
    ...(options.text !== undefined ? { text: options.text } : {}),
  };
  if (Object.keys(patch).length === 0) throw new UsageError('say what to change: --gate, --weighted, --weight N or --text TEXT');
  const criterion = await withApp(ctx, async (app) => updateCriterion(app, (await resolveCriterion(app, reference)).id, patch));
  if (ctx.json) printJson({ criterion });
  else printLines([criterionLine(criterion, ctx.color).trim()]);
}

export const goalsArchive =
  (archived: boolean) =>
  async (ctx: CommandContext, reference: string): Promise<void> => {
    const criterion = await withApp(ctx, async (app) => updateCriterion(app, (await resolveCriterion(app, reference)).id, { archived }));
    if (ctx.json) printJson({ criterion });
    else printLines([`${archived ? 'archived' : 'restored'} ${criterion.text}`]);
  };
