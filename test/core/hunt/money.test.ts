import { describe, expect, it } from 'vitest';
import { yearlyAmount } from '../../../src/core/hunt/money.js';

describe('yearly amounts', () => {
  it('counts a month twelve times and an hour 2080 times a year', () => {
    expect(yearlyAmount(100_000, 'year')).toBe(100_000);
    expect(yearlyAmount(5_000, 'month')).toBe(60_000);
    expect(yearlyAmount(50, 'hour')).toBe(104_000);
  });
});
