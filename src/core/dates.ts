// Calendar dates (`YYYY-MM-DD`) counted as a calendar counts them, whatever the time of day or zone: the one count of
// days the hunt's deadlines, a plan's "in 9 days" and the optimizer's days between reviews share.

const DAY_MS = 86_400_000;

/**
 * Whole days from `from` to `to` (both `YYYY-MM-DD`), as a calendar counts them whatever the time of day: positive
 * when `to` is later. The hunt's overdue days and deadlines, how far a plan's target is, and the study days between
 * two reviews the optimizer trains on.
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
