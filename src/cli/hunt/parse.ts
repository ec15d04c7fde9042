// Values of the hunt's options, checked before anything is opened: a wrong one is misuse (exit 2), one line.

import { nearest } from '../../app/nearest.js';
import { checkLocalDate } from '../../core/hunt/dates.js';
import { MAX_AMOUNT } from '../../core/hunt/fields.js';

/** YYYY-MM-DD, a day the calendar has: `tomorrow` and 2026-02-30 are both misuse, refused before anything opens. */
export const parseLocalDate =
  (option: string) =>
  (value: string): string =>
    checkLocalDate(value.trim(), option);

/** `150000`, `150k`, `150 000`, `150,000.50`: an amount of money, never negative. */
function amount(option: string, value: string): number {
  const compact = value.trim().replace(/[\s_]/g, '');
  const match = /^(\d+(?:,\d{3})*(?:\.\d+)?)(k)?$/i.exec(compact);
  if (!match) throw new Error(`${option} must be an amount such as 120000 or 120k, not '${value}'`);
  const figure = Number(match[1]!.replace(/,/g, '')) * (match[2] ? 1000 : 1);
  // Echoed as typed: the number itself would print as 1e+24.
  if (figure > MAX_AMOUNT) throw new Error(`${option}: '${value}' is more than an amount can be; write one up to 1,000,000,000,000`);
  return figure;
}

export const parseAmount =
  (option: string) =>
  (value: string): number =>
    amount(option, value);

/** `120000-150000`, `120k-150k`, or one figure (both ends the same). */
export function parseSalary(value: string): { min: number; max: number } {
  const [low, high, ...rest] = value.split(/\s*[-–]\s*/);
  if (low === undefined || rest.length > 0) throw new Error(`--salary must be a range such as 120000-150000, not '${value}'`);
  const min = amount('--salary', low);
  const max = high === undefined ? min : amount('--salary', high);
  if (max < min) throw new Error(`--salary must go from the lower figure to the higher, not '${value}'`);
  return { min, max };
}

export function parseTag(value: string): string {
  const tag = value.trim();
  if (tag === '' || tag.length > 40) throw new Error(`a --tag is 1 to 40 characters, not '${value}'`);
  return tag;
}

/**
 * One of `choices` as the README and the help spell it: any case, a space or underscore read as a hyphen (`Hybrid`,
 * `"hiring manager"`); else one line naming them, and the nearest when it is near.
 */
export const choice =
  <T extends string>(option: string, choices: readonly T[]) =>
  (value: string): T => {
    const wanted = value
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/gu, '-');
    const found = choices.find((c) => c === wanted);
    if (found !== undefined) return found;
    const near = nearest(wanted, choices);
    throw new Error(`${option}: '${value}' is not one of ${choices.join(', ')}${near === null ? '' : `; did you mean '${near}'?`}`);
  };

/** What `apps offer --clear` takes away from the offer before, by its word in the command and its field. */
export const OFFER_CLEARABLE = {
  bonus: 'bonus',
  equity: 'equity',
  'sign-on': 'signOn',
  perks: 'perks',
  remote: 'remote',
  start: 'startOn',
  deadline: 'deadlineOn',
  notes: 'notes',
} as const;
export type OfferClearable = keyof typeof OFFER_CLEARABLE;
