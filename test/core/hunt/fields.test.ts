import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors.js';
import { checkEmail, checkMoney, checkRemote, checkSalary, checkTags, checkText, checkWeight } from '../../../src/core/hunt/fields.js';

describe('field checks', () => {
  it('refuses a salary with letters, a negative amount and a range upside down, naming the field', () => {
    expect(() => checkMoney(Number('120k'), 'salary.min')).toThrow(/^salary.min: 'NaN' is not an amount/);
    expect(() => checkMoney(-1, 'base')).toThrow(/^base: /);
    expect(() => checkSalary({ min: 100, max: 90, currency: 'EUR', period: 'year' })).toThrow(/^salary.max: /);
    expect(() => checkSalary({ min: 1, max: null, currency: 'euro', period: 'year' })).toThrow(/^salary.currency: /);
    expect(checkSalary({ min: null, max: 90, currency: 'EUR', period: 'month' })).toEqual({ min: null, max: 90, currency: 'EUR', period: 'month' });
  });

  it('refuses a weight outside 1-5 and words outside the vocabulary', () => {
    expect(() => checkWeight(0)).toThrow(/^weight: /);
    expect(() => checkWeight(2.5)).toThrow(InvalidInputError);
    expect(checkWeight(5)).toBe(5);
    expect(() => checkRemote('sometimes')).toThrow(/^remote: 'sometimes' is not one of remote, hybrid, onsite/);
  });

  it('trims tags and drops repeats, refuses empty ones, NUL characters and addresses without @', () => {
    expect(checkTags([' python ', 'python', 'eu'])).toEqual(['python', 'eu']);
    expect(() => checkTags(['  '])).toThrow(/^tags /);
    expect(() => checkText('a\u0000b', 'notes')).toThrow(/^notes holds a NUL/);
    expect(checkEmail(' ')).toBe('');
    expect(() => checkEmail('ada at acme')).toThrow(/^email: /);
  });
});
