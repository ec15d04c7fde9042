// How a checklist's cards are scheduled and how much a day holds: defaults, checks of a user's changes, and the
// scheduler settings they give. Pure: the machine's time zone is passed in by the caller when the user set none.
import type { Steps, StepUnit } from 'ts-fsrs';
import { InvalidInputError } from '../errors.js';
import type { SchedulerSettings } from './scheduling.js';
import type { ReviewSettingsJson } from '../../contract/review.js';

/** How a checklist is scheduled: the API's payload, so `settings --json` and the server show the same fields. */
export type ReviewSettings = ReviewSettingsJson;

const DEFAULT_REVIEW_SETTINGS: Readonly<ReviewSettings> = Object.freeze({
  desiredRetention: 0.9,
  maximumInterval: 36500,
  fuzz: true,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  newPerDay: 20,
  reviewsPerDay: 200,
  dayStartsAt: 4,
  timeZone: null,
  parameters: null,
});

const STEP = /^([1-9]\d{0,4})([mhd])$/;
/** FSRS-6 has 21 parameters, FSRS-5 19, FSRS-4.5 17; ts-fsrs migrates the older lengths. */
const PARAMETER_COUNTS = new Set([17, 19, 21]);

function fail(field: keyof ReviewSettings, rule: string, value: unknown): never {
  throw new InvalidInputError(`${field} ${rule}, not ${JSON.stringify(value) ?? String(value)}`);
}

function number(field: keyof ReviewSettings, value: unknown, min: number, max: number, whole: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
    fail(field, `must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}`, value);
  }
  return value;
}

/** A learning step as ts-fsrs writes one: `1m`, `10m`, `1h`, `1d`. */
export function isStep(value: string): boolean {
  return STEP.test(value);
}

function steps(field: 'learningSteps' | 'relearningSteps', value: unknown): string[] {
  if (!Array.isArray(value) || value.length > 10 || !value.every((step) => typeof step === 'string' && isStep(step))) {
    fail(field, 'must be a list of up to 10 steps such as 1m, 10m, 1h or 1d', value);
  }
  return value as string[];
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The settings with `patch` applied, every field checked; throws InvalidInputError naming the first bad field.
 * Unknown fields are refused too, so that a typo is never silently ignored.
 */
export function applySettingsPatch(current: ReviewSettings, patch: Record<string, unknown>): ReviewSettings {
  const next: ReviewSettings = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    switch (key) {
      case 'desiredRetention':
        next.desiredRetention = number(key, value, 0.7, 0.99, false);
        break;
      case 'maximumInterval':
        next.maximumInterval = number(key, value, 1, 36500, true);
        break;
      case 'fuzz':
        if (typeof value !== 'boolean') fail(key, 'must be true or false', value);
        next.fuzz = value;
        break;
      case 'learningSteps':
      case 'relearningSteps':
        next[key] = steps(key, value);
        break;
      case 'newPerDay':
        next.newPerDay = number(key, value, 0, 9999, true);
        break;
      case 'reviewsPerDay':
        next.reviewsPerDay = number(key, value, 0, 99999, true);
        break;
      case 'dayStartsAt':
        next.dayStartsAt = number(key, value, 0, 23, true);
        break;
      case 'timeZone':
        if (value !== null && (typeof value !== 'string' || !isTimeZone(value)))
          fail(key, 'must be an IANA time zone such as Europe/Berlin, or null', value);
        next.timeZone = value;
        break;
      case 'parameters':
        if (
          value !== null &&
          (!Array.isArray(value) || !PARAMETER_COUNTS.has(value.length) || !value.every((w) => typeof w === 'number' && Number.isFinite(w)))
        ) {
          fail(key, 'must be a list of 17, 19 or 21 FSRS parameters, or null', value);
        }
        next.parameters = value as number[] | null;
        break;
      default:
        throw new InvalidInputError(`unknown review setting '${key}'; known: ${Object.keys(DEFAULT_REVIEW_SETTINGS).join(', ')}`);
    }
  }
  return next;
}

/** Stored settings (JSON) over the defaults; a field that no longer checks out falls back to its default. */
export function readStoredSettings(json: string | null | undefined): ReviewSettings {
  if (!json) return { ...DEFAULT_REVIEW_SETTINGS };
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    return { ...DEFAULT_REVIEW_SETTINGS };
  }
  let settings: ReviewSettings = { ...DEFAULT_REVIEW_SETTINGS };
  if (typeof stored !== 'object' || stored === null) return settings;
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    try {
      settings = applySettingsPatch(settings, { [key]: value });
    } catch {
      // an old or hand-edited value: keep the default
    }
  }
  return settings;
}

/** What core/review/scheduling.ts#schedulerFor needs of the settings. */
export function schedulerSettingsOf(settings: ReviewSettings): SchedulerSettings {
  return {
    desiredRetention: settings.desiredRetention,
    maximumInterval: settings.maximumInterval,
    fuzz: settings.fuzz,
    learningSteps: settings.learningSteps as `${number}${StepUnit}`[] as Steps,
    relearningSteps: settings.relearningSteps as `${number}${StepUnit}`[] as Steps,
    ...(settings.parameters ? { parameters: settings.parameters } : {}),
  };
}
