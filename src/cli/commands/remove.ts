import { removeChecklist } from '../../app/checklists/checklists.js';
import { printJson, printLines, UsageError } from '../output.js';
import type { CommandContext } from '../program.js';
import { plural } from '../render.js';
import { withApp } from '../session.js';
import { requireAChecklist } from '../checklist.js';

/** Removing loses history for good, so it is never a default: it takes --yes. */
export async function remove(ctx: CommandContext, name: string, options: { yes?: boolean }): Promise<void> {
  if (!options.yes) {
    throw new UsageError(`this removes '${name}' with all its progress and history, for good; run again with --yes`);
  }
  const answer = await withApp(ctx, async (app) => {
    await requireAChecklist(app);
    return removeChecklist(app, name);
  });
  const { removed } = answer;
  if (ctx.json) printJson(answer);
  else printLines([`removed ${removed.title} (${removed.name}): ${plural(removed.entries, 'entry', 'entries')} and their history`]);
}
