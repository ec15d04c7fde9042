import { compareOffers } from '../../app/hunt/offers.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { offersTable } from '../hunt/render.js';
import { withApp } from '../session.js';

export async function offers(ctx: CommandContext): Promise<void> {
  const comparison = await withApp(ctx, (app) => compareOffers(app));
  if (ctx.json) printJson(comparison);
  else printLines(offersTable(comparison, ctx.color));
}
