// Today's kept list after a change of targets or study time: made again at the next look, unless the user has
// studied all of it (a finished day stays finished; the change applies from tomorrow). `plan replan` always makes it again.
import { dayFinished } from '../../core/plan/progress.js';
import type { StudyDay } from '../../core/review/study-day.js';
import type { Store } from '../../store/database.js';
import { forgetPlanDay, readPlanDay } from '../../store/plan/days.js';
import { studiedSince } from '../../store/plan/settings.js';
import { activeCardsByIds } from '../../store/review/cards.js';

/** Forgets today's list unless it is finished; `db` may be the transaction that writes the change. */
export async function forgetTodayUnlessFinished(db: Store['db'], checklistId: number, today: Pick<StudyDay, 'date' | 'start'>): Promise<void> {
  const kept = await readPlanDay(db, checklistId, today.date);
  if (!kept) return;
  // Items whose cards left the study (archived, skipped) are off the list, as the plan shows it.
  const active = await activeCardsByIds(
    db,
    checklistId,
    kept.items.map((item) => item.cardId),
  );
  const items = kept.items.filter((item) => active.has(item.cardId));
  const studied = new Set((await studiedSince(db, checklistId, today.start)).map((answer) => answer.cardId));
  if (!dayFinished(items, studied)) await forgetPlanDay(db, checklistId, today.date);
}
