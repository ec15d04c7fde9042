// Which checklist a review command means: the named one, or the only one there is.
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import type { Checklist } from '../../core/checklist/model.js';
import { findChecklistByName, listChecklists } from '../../store/checklists/checklists.js';
import type { AppContext } from '../context.js';

export async function checklistFor(ctx: AppContext, checklistName: string | undefined): Promise<Checklist> {
  if (checklistName !== undefined) {
    const checklist = await findChecklistByName(ctx.store.db, checklistName);
    if (!checklist) throw new NotFoundError(`no checklist named '${checklistName}'; \`prepdeck checklists\` lists them`);
    return checklist;
  }
  const all = await listChecklists(ctx.store.db);
  if (all.length === 0) throw new NotFoundError('no checklist yet; `prepdeck import` brings one in');
  if (all.length > 1) {
    throw new InvalidInputError(
      `there are ${all.length} checklists (${all.map((s) => s.checklist.name).join(', ')}); name the one to review with -c`,
    );
  }
  return all[0]!.checklist;
}
