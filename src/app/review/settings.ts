// A checklist's review settings as a user sees and changes them, and the scheduler they make.
import { applySettingsPatch, type ReviewSettings, schedulerSettingsOf } from '../../core/review/settings.js';
import { schedulerFor, type Scheduler } from '../../core/review/scheduling.js';
import { studyDay, type StudyDay } from '../../core/review/study-day.js';
import type { Checklist } from '../../core/checklist/model.js';
import { inTransaction } from '../../store/database.js';
import { getReviewSettings, saveReviewSettings } from '../../store/review/settings.js';
import { checklistFor } from './review-checklist.js';
import type { AppContext } from '../context.js';

/** The machine's own time zone, for checklists whose settings name none. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The zone a checklist's times are counted and shown in: its settings' zone, or this machine's. */
export function settingsTimeZone(settings: ReviewSettings): string {
  return settings.timeZone ?? machineTimeZone();
}

export interface ReviewRules {
  checklist: Checklist;
  settings: ReviewSettings;
  scheduler: Scheduler;
  /** The settings' time zone, or the machine's. */
  timeZone: string;
  /** The study day holding ctx.now(). */
  today: StudyDay;
}

/** The scheduler a checklist's review settings make. */
export function schedulerOfSettings(settings: ReviewSettings): Scheduler {
  return schedulerFor(schedulerSettingsOf(settings));
}

/** Everything reviewing a checklist depends on: its settings, the scheduler they make, and today. */
export async function reviewRules(ctx: AppContext, checklist: Checklist): Promise<ReviewRules> {
  const settings = await getReviewSettings(ctx.store.db, checklist.id);
  const timeZone = settingsTimeZone(settings);
  return {
    checklist,
    settings,
    scheduler: schedulerOfSettings(settings),
    timeZone,
    today: studyDay(ctx.now(), timeZone, settings.dayStartsAt),
  };
}

/** The time zone a checklist's times are shown in: its review settings' zone, or this machine's. */
export async function checklistTimeZone(ctx: AppContext, checklistName: string): Promise<string> {
  const { settings } = await showReviewSettings(ctx, checklistName);
  return settingsTimeZone(settings);
}

export async function showReviewSettings(ctx: AppContext, checklistName?: string): Promise<{ checklist: Checklist; settings: ReviewSettings }> {
  const checklist = await checklistFor(ctx, checklistName);
  return { checklist, settings: await getReviewSettings(ctx.store.db, checklist.id) };
}

/** Applies `patch` (every field checked; an unknown or bad one refused with a message naming it) and saves. */
export async function updateReviewSettings(
  ctx: AppContext,
  checklistName: string | undefined,
  patch: Record<string, unknown>,
): Promise<{ checklist: Checklist; settings: ReviewSettings }> {
  const checklist = await checklistFor(ctx, checklistName);
  const settings = await inTransaction(ctx.store.db, async (trx) => {
    const next = applySettingsPatch(await getReviewSettings(trx, checklist.id), patch);
    await saveReviewSettings(trx, checklist.id, next, ctx.now());
    return next;
  });
  return { checklist, settings };
}
