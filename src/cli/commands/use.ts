// `prepdeck use [NAME]`: the checklist the other commands work on when -c names none, shown or changed.
import { chosenChecklist, useChecklist } from '../../app/checklists/current.js';
import type { CurrentChecklistJson } from '../../contract/checklists.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { withApp } from '../session.js';
import { choiceLine } from '../checklist.js';

export async function use(ctx: CommandContext, name: string | undefined): Promise<void> {
  const choice = await withApp(ctx, async (app) => {
    if (name === undefined) return chosenChecklist(app);
    await useChecklist(app, name);
    return { name, how: 'current' as const };
  });
  if (ctx.json) printJson({ checklist: choice.name, how: choice.how } satisfies CurrentChecklistJson);
  else printLines([name === undefined ? choiceLine(choice, 'commands work on') : `commands now work on '${choice.name}' when -c names none`]);
}
