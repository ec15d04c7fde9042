// How the hunt's numbers and words read on screen: fit, money, stages (dates: lib/dates.ts).
import type { ContactRole, FitJson, HuntJson, MarkValue, PayPeriod, RemotePolicy, SalaryJson, StageJson } from '../../../src/contract/hunt.js';

// The contract's lists are values, which the web may not import (it takes types only): each label map names
// every word of its list, so the type-check fails when the contract adds one.
export const REMOTE_LABEL: Record<RemotePolicy, string> = { remote: 'Remote', hybrid: 'Hybrid', onsite: 'On-site' };
export const REMOTE_POLICIES = Object.keys(REMOTE_LABEL) as RemotePolicy[];
export const PERIOD_LABEL: Record<PayPeriod, string> = { year: '/ year', month: '/ month', hour: '/ hour' };
export const PAY_PERIODS = Object.keys(PERIOD_LABEL) as PayPeriod[];
export const MARK_LABEL: Record<MarkValue, string> = { yes: 'Yes', no: 'No', unknown: '?' };
export const ROLE_LABEL: Record<ContactRole, string> = {
  recruiter: 'Recruiter',
  'hiring-manager': 'Hiring manager',
  interviewer: 'Interviewer',
  referrer: 'Referrer',
  other: 'Other',
};
export const CONTACT_ROLES = Object.keys(ROLE_LABEL) as ContactRole[];

/** "72%", or "—" while nothing weighted is known. */
export function fitPercent(fit: FitJson): string {
  return fit.score === null ? '—' : `${Math.round(fit.score * 100)}%`;
}

/** The fit in words, for titles and screen readers. */
export function fitText(fit: FitJson): string {
  const parts = [fit.score === null ? 'fit not known yet' : `fit ${fitPercent(fit)}`];
  if (fit.unknown > 0) parts.push(`${fit.unknown} unknown`);
  if (fit.failedGates.length > 0) parts.push(fit.failedGates.length === 1 ? 'a must-have not met' : `${fit.failedGates.length} must-haves not met`);
  return parts.join(', ');
}

export function stageLabel(hunt: HuntJson | undefined, key: string): string {
  return hunt?.stages.find((s) => s.key === key)?.label ?? key;
}

export function stageIndex(stages: StageJson[], key: string): number {
  return stages.findIndex((s) => s.key === key);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function money(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined) return '—';
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 });
    } catch {
      format = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
    }
    moneyFormats.set(currency, format);
  }
  return format.format(amount);
}

export function salaryText(salary: SalaryJson | null): string {
  if (!salary || (salary.min === null && salary.max === null)) return '';
  const range =
    salary.min !== null && salary.max !== null && salary.min !== salary.max
      ? `${money(salary.min, salary.currency)}–${money(salary.max, salary.currency)}`
      : money(salary.min ?? salary.max, salary.currency);
  return `${range} ${PERIOD_LABEL[salary.period]}`;
}
