// Amounts per year, so that offers and salaries paid per month or per hour compare like with like.
import type { PayPeriod } from '../../contract/hunt.js';

/** A full-time year: 40 hours a week, 52 weeks. */
const HOURS_PER_YEAR = 2080;
const PER_YEAR: Record<PayPeriod, number> = { year: 1, month: 12, hour: HOURS_PER_YEAR };

export function yearlyAmount(amount: number, period: PayPeriod): number {
  return amount * PER_YEAR[period];
}
