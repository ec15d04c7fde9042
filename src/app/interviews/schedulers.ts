// The scheduler of each checklist (its settings and fitted parameters), for replaying interview evidence.
import type { Scheduler } from '../../core/review/scheduling.js';
import { checklistStamps, findChecklistByName } from '../../store/checklists/checklists.js';
import type { SchedulerOf } from '../../store/interviews/evidence.js';
import type { AppContext } from '../context.js';
import { reviewRules } from '../review/settings.js';

/** Read before the write transaction: evidence may land on cards of any checklist. */
export async function checklistSchedulers(ctx: AppContext): Promise<SchedulerOf> {
  const schedulers = new Map<number, Scheduler>();
  for (const { name } of await checklistStamps(ctx.store.db)) {
    const checklist = await findChecklistByName(ctx.store.db, name);
    if (checklist) schedulers.set(checklist.id, (await reviewRules(ctx, checklist)).scheduler);
  }
  return (checklistId) => schedulers.get(checklistId);
}
