// A checklist's plan settings as stored, or the defaults until the user sets some.
import { DEFAULT_AVAILABILITY, type Availability } from '../../core/plan/availability.js';
import { readPlanSettings, type PlanSettingsRecord } from '../../store/plan/settings.js';
import type { AppContext } from '../context.js';

const DEFAULT_SETTINGS: PlanSettingsRecord = {
  ...DEFAULT_AVAILABILITY,
  weekdays: [...DEFAULT_AVAILABILITY.weekdays],
  daysOff: [],
  learnTopicMinutes: null,
  reviewTopicSeconds: null,
  reviewQaSeconds: null,
};

export async function storedPlanSettings(ctx: AppContext, checklistId: number): Promise<PlanSettingsRecord> {
  return (await readPlanSettings(ctx.store.db, checklistId)) ?? DEFAULT_SETTINGS;
}

export function availabilityOf(settings: PlanSettingsRecord): Availability {
  return { minutesPerDay: settings.minutesPerDay, weekdays: settings.weekdays as Availability['weekdays'], daysOff: settings.daysOff };
}
