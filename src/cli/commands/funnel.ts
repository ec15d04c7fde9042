import { funnel } from '../../app/hunt/funnel.js';
import { getHunt } from '../../app/hunt/hunt.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { funnelText } from '../hunt/render.js';
import { withApp } from '../session.js';

export async function funnelCommand(ctx: CommandContext): Promise<void> {
  const { result, stages } = await withApp(ctx, async (app) => ({ result: await funnel(app), stages: (await getHunt(app)).stages }));
  if (ctx.json) printJson(result);
  else printLines(funnelText(result, stages, ctx.color));
}
