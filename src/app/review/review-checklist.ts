// Which checklist a review command means: the named one, the only one there is, or the current one.
import type { Checklist } from '../../core/checklist/model.js';
import { chosenChecklist, namedChecklist } from '../checklists/current.js';
import type { AppContext } from '../context.js';

export async function checklistFor(ctx: AppContext, checklistName: string | undefined): Promise<Checklist> {
  return namedChecklist(ctx, checklistName ?? (await chosenChecklist(ctx)).name);
}
