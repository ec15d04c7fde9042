// The checklist the CLI works on: the one named with -c, the only one, or the current one (last imported or chosen).
import { chooseChecklist, type ChecklistChoice } from '../../core/checklist/current.js';
import type { Checklist } from '../../core/checklist/model.js';
import { NotFoundError } from '../../core/errors.js';
import { checklistStamps, findChecklistByName } from '../../store/checklists/checklists.js';
import { readCurrentChecklist, saveCurrentChecklist } from '../../store/checklists/current.js';
import type { AppContext } from '../context.js';
import { didYouMean } from '../nearest.js';

export type { ChecklistChoice };

/** Refuses an unknown checklist name, suggesting the nearest one there is. */
export async function namedChecklist(ctx: AppContext, name: string): Promise<Checklist> {
  const checklist = await findChecklistByName(ctx.store.db, name);
  if (checklist) return checklist;
  const names = (await checklistStamps(ctx.store.db)).map((c) => c.name);
  throw new NotFoundError(`no checklist named '${name}'${didYouMean(name, names)} (\`prepdeck checklists\` lists them)`);
}

/** The checklist a command works on: `named` (-c), else the only one, the current one or the one imported last. */
export async function chosenChecklist(ctx: AppContext, named?: string): Promise<ChecklistChoice> {
  if (named !== undefined) return { name: (await namedChecklist(ctx, named)).name, how: 'named' };
  return chooseChecklist(await checklistStamps(ctx.store.db), await readCurrentChecklist(ctx.store.db));
}

/** The checklist a command works on when it names none, or null before any import. */
export async function workedOnChecklist(ctx: AppContext): Promise<string | null> {
  try {
    return (await chosenChecklist(ctx)).name;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** Makes `name` the current checklist: what the CLI works on from now on when none is named. */
export async function useChecklist(ctx: AppContext, name: string): Promise<Checklist> {
  const checklist = await namedChecklist(ctx, name);
  await saveCurrentChecklist(ctx.store.db, checklist.name, ctx.now());
  return checklist;
}
