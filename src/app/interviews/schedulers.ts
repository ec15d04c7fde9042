// The scheduler of each checklist whose cards interview evidence replays (its settings and fitted parameters).
import type { Scheduler } from '../../core/review/scheduling.js';
import type { Store } from '../../store/database.js';
import type { SchedulerOf } from '../../store/interviews/evidence.js';
import { getReviewSettings } from '../../store/review/settings.js';
import { schedulerOfSettings } from '../review/settings.js';

/**
 * Reads a checklist's scheduler the first time a replayed card of it asks, through `db` (the transaction that writes
 * the evidence), so that a change reads only the checklists its evidence touches, and none when it touches no card.
 */
export function schedulersOver(db: Store['db']): SchedulerOf {
  const read = new Map<number, Promise<Scheduler>>();
  return (checklistId) => {
    let scheduler = read.get(checklistId);
    if (!scheduler) read.set(checklistId, (scheduler = getReviewSettings(db, checklistId).then(schedulerOfSettings)));
    return scheduler;
  };
}
