// Checks of what a user enters in the hunt beyond its shape (the routes' schemas check that, the CLI does not
// go through them): each refusal names its field, so the API's 400 and the CLI's line say what to fix.
import type { SalaryJson } from '../../contract/hunt.js';
import { CONTACT_ROLES, CRITERION_KINDS, MARK_VALUES, PAY_PERIODS, REMOTE_POLICIES } from '../../contract/vocabulary.js';
import { InvalidInputError } from '../errors.js';
import { normalizeText, searchText } from '../import/identity.js';
import { checkLocalDate } from './dates.js';

/** Text kept as given, refused when it holds a NUL (PostgreSQL can't store one). */
export function checkText(value: string, field: string): string {
  if (value.includes('\u0000')) throw new InvalidInputError(`${field} holds a NUL character; remove it`);
  return value;
}

/** Text that must say something: trimmed, not empty. */
export function checkRequiredText(value: string, field: string): string {
  const trimmed = checkText(value, field).trim();
  if (trimmed === '') throw new InvalidInputError(`${field} is empty; write something`);
  return trimmed;
}

export function checkChoice<T extends string>(choices: readonly T[], value: string, field: string): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new InvalidInputError(`${field}: '${value}' is not one of ${choices.join(', ')}`);
}

export const checkRemote = (value: string, field = 'remote') => checkChoice(REMOTE_POLICIES, value, field);
export const checkContactRole = (value: string) => checkChoice(CONTACT_ROLES, value, 'role');
export const checkCriterionKind = (value: string) => checkChoice(CRITERION_KINDS, value, 'kind');
export const checkMarkValue = (value: string) => checkChoice(MARK_VALUES, value, 'value');

export function checkWeight(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 5) throw new InvalidInputError(`weight: ${value} is not a whole number from 1 to 5`);
  return value;
}

/** The most an amount of money can be: a trillion, more than any pay, within a double's exact integers. */
export const MAX_AMOUNT = 1e12;

/** An amount of money: a finite number from 0 up (a salary with letters arrives as NaN and is refused here). */
export function checkMoney(value: number, field: string): number {
  if (typeof value === 'number' && value > MAX_AMOUNT) {
    throw new InvalidInputError(`${field}: ${String(value)} is more than an amount can be; write one up to 1,000,000,000,000`);
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidInputError(`${field}: '${String(value)}' is not an amount; write a number from 0 up`);
  }
  return value;
}

export function checkCurrency(value: string, field: string): string {
  if (!/^[A-Z]{3}$/u.test(value)) throw new InvalidInputError(`${field}: '${value}' is not a currency; write its ISO code, e.g. EUR or USD`);
  return value;
}

export function checkSalary(salary: SalaryJson): SalaryJson {
  const min = salary.min === null ? null : checkMoney(salary.min, 'salary.min');
  const max = salary.max === null ? null : checkMoney(salary.max, 'salary.max');
  if (min !== null && max !== null && min > max) throw new InvalidInputError(`salary.max: ${max} is below salary.min (${min})`);
  return { min, max, currency: checkCurrency(salary.currency, 'salary.currency'), period: checkChoice(PAY_PERIODS, salary.period, 'salary.period') };
}

export function checkOptionalDate(value: string | null, field: string): string | null {
  return value === null ? null : checkLocalDate(value, field);
}

/** How tags compare: in any case (Unicode-aware, `Berlin` is `berlin`, `ЯНДЕКС` is `яндекс`), as the board's tag filter finds them. */
export const tagKey = (tag: string): string => searchText(tag.trim());

/** Tags trimmed, empty ones refused, repeats in any case dropped: the first spelling given is the one kept. */
export function checkTags(tags: readonly string[]): string[] {
  const kept = new Map<string, string>();
  for (const tag of tags) {
    const text = checkRequiredText(tag, 'tags');
    if (!kept.has(tagKey(text))) kept.set(tagKey(text), text);
  }
  return [...kept.values()];
}

/**
 * The tags with `add` added and `remove` taken away, compared as `tagKey` does: a tag added that is there in another
 * case keeps the spelling there. `missing` names the tags to remove that it does not have (nothing is changed for them).
 */
export function retag(tags: readonly string[], add: readonly string[], remove: readonly string[]): { tags: string[]; missing: string[] } {
  const removed = new Set(remove.map(tagKey));
  const missing = remove.filter((tag) => !tags.some((t) => tagKey(t) === tagKey(tag)));
  return { tags: checkTags([...tags.filter((t) => !removed.has(tagKey(t))), ...add]), missing };
}

/** A web address (http or https), or empty: `notaurl` would be a link that goes nowhere. */
export function checkLink(value: string, field = 'link'): string {
  const trimmed = checkText(value, field).trim();
  if (trimmed === '') return trimmed;
  let url: URL | null;
  try {
    url = new URL(trimmed);
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new InvalidInputError(`${field}: '${trimmed}' is not a web address; write it whole, e.g. https://jobs.example.com/42`);
  }
  return trimmed;
}

/**
 * A link an edit sends: the stored one as it is (kept before links were checked, `linkedin.com/in/dana` say: a form
 * that sends every field must not refuse a save of the notes), any other checked as `checkLink` does.
 */
export function checkChangedLink(value: string, stored: string, field = 'link'): string {
  return value.trim() === stored.trim() ? stored : checkLink(value, field);
}

/** An e-mail address, or empty. */
export function checkEmail(value: string): string {
  const trimmed = checkText(value, 'email').trim();
  if (trimmed !== '' && !/^[^\s@]+@[^\s@]+$/u.test(trimmed)) throw new InvalidInputError(`email: '${trimmed}' is not an address`);
  return trimmed;
}

/** A criterion as far as telling whether another has its text. */
export interface CriterionText {
  id: number;
  text: string;
  /** Its own archiving, else its goal's. */
  archivedAt: string | null;
  /** When its goal left its file: only the file can bring it back, so it holds its text for no one. */
  goalArchivedAt: string | null;
}

/**
 * Refuses `text` when another criterion (not `ownId`) has it, compared as topics are (any case, spacing, end
 * punctuation): two criteria of one text would be marked apart and counted twice. One archived by hand is named so
 * that it is restored rather than written again.
 */
export function checkCriterionTextFree(criteria: readonly CriterionText[], text: string, ownId: number | null): void {
  const key = normalizeText(text);
  const same = criteria.find((other) => other.id !== ownId && other.goalArchivedAt === null && normalizeText(other.text) === key);
  if (!same) return;
  throw new InvalidInputError(
    same.archivedAt === null
      ? `text: criterion #${same.id} '${same.text}' says that already; change that one instead (\`prepdeck goals edit ${same.id}\`)`
      : `text: criterion #${same.id} '${same.text}' says that already, archived; restore that one instead (\`prepdeck goals restore ${same.id}\`)`,
  );
}

/**
 * Refuses `name` when another contact of the same application (not `ownId`) has it, compared as topics are (any case,
 * spacing): two Danas on one application make "--interviewer dana" ambiguous for nothing.
 */
export function checkContactNameFree(contacts: readonly { id: number; name: string }[], name: string, ownId: number | null): void {
  const key = normalizeText(name);
  const same = contacts.find((other) => other.id !== ownId && normalizeText(other.name) === key);
  if (same) {
    throw new InvalidInputError(`name: ${same.name} (#${same.id}) is a contact of this application already; change that one instead`);
  }
}
