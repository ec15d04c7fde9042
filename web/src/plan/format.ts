// How the Plan page says things: readiness as a percent, minutes, the weekdays (dates: lib/dates.ts).
import type { CostJson, Weekday } from '../../../src/contract/plan.js';
import { hrefFor } from '../lib/router.js';

/** The contract's weekdays, Monday first (web code takes only types from src/). */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const WEEKDAY_LABEL: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** 0.714 -> "71%", as the CLI and the rest of the app write a share. */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** 42.5 -> "43 min", 95 -> "1 h 35 min". */
export function minutes(value: number): string {
  const whole = Math.round(value);
  if (whole < 60) return `${whole} min`;
  const rest = whole % 60;
  return rest === 0 ? `${whole / 60} h` : `${Math.floor(whole / 60)} h ${rest} min`;
}

/** Where a cost comes from, in the user's words. */
export const SOURCE_LABEL: Record<CostJson['source'], string> = { yours: 'yours', log: 'from your log', default: 'default' };

/** The Review page on today's planned items not yet done, in the plan's order. */
export const planReviewHref = (checklist: string) => `${hrefFor('/review', checklist)}&plan=1`;
