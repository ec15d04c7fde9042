// The hunt's time zone and today's date in it. The machine's zone is read here, never in the core.
import { localDateOf } from '../../core/hunt/dates.js';
import type { AppContext } from '../context.js';

/** The zone the hunt set, or the machine's. */
export function huntTimeZone(stored: string | null): string {
  return stored ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function todayIn(ctx: AppContext, timeZone: string): string {
  return localDateOf(ctx.now(), timeZone);
}
