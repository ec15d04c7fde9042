import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors.js';
import {
  checkCriterionTextFree,
  checkEmail,
  checkChangedLink,
  checkLink,
  checkMoney,
  checkRemote,
  checkSalary,
  checkTags,
  retag,
  checkText,
  checkWeight,
} from '../../../src/core/hunt/fields.js';

describe('field checks', () => {
  it('refuses a salary with letters, a negative amount and a range upside down, naming the field', () => {
    expect(() => checkMoney(Number('120k'), 'salary.min')).toThrow(/^salary.min: 'NaN' is not an amount/);
    expect(() => checkMoney(-1, 'base')).toThrow(/^base: /);
    expect(() => checkMoney(1e24, 'base')).toThrow(/^base: 1e\+24 is more than an amount can be; write one up to 1,000,000,000,000$/);
    expect(checkMoney(1e12, 'base')).toBe(1e12);
    expect(() => checkSalary({ min: 100, max: 90, currency: 'EUR', period: 'year' })).toThrow(/^salary.max: /);
    expect(() => checkSalary({ min: 1, max: null, currency: 'euro', period: 'year' })).toThrow(/^salary.currency: /);
    expect(checkSalary({ min: null, max: 90, currency: 'EUR', period: 'month' })).toEqual({ min: null, max: 90, currency: 'EUR', period: 'month' });
  });

  it('takes a whole web address or none, and refuses anything else naming the field', () => {
    expect(checkLink(' https://acme.example/jobs?id=1,2 ')).toBe('https://acme.example/jobs?id=1,2');
    expect(checkLink('')).toBe('');
    expect(() => checkLink('notaurl')).toThrow(/^link: 'notaurl' is not a web address; write it whole, e.g. https:\/\//);
    expect(() => checkLink('acme.example/jobs')).toThrow(/^link: /);
    expect(() => checkLink('javascript:alert(1)')).toThrow(/^link: /);
  });

  it('keeps a link an edit sends unchanged, though stored before links were checked, and checks a new one', () => {
    expect(checkChangedLink('linkedin.com/in/dana', 'linkedin.com/in/dana')).toBe('linkedin.com/in/dana');
    expect(checkChangedLink(' @dana ', '@dana')).toBe('@dana');
    expect(() => checkChangedLink('@dana2', '@dana')).toThrow(/^link: '@dana2' is not a web address/);
    expect(checkChangedLink('https://acme.example', '@dana')).toBe('https://acme.example');
  });

  it('refuses a weight outside 1-5 and words outside the vocabulary', () => {
    expect(() => checkWeight(0)).toThrow(/^weight: /);
    expect(() => checkWeight(2.5)).toThrow(InvalidInputError);
    expect(checkWeight(5)).toBe(5);
    expect(() => checkRemote('sometimes')).toThrow(/^remote: 'sometimes' is not one of remote, hybrid, onsite/);
  });

  it('trims tags and drops repeats, refuses empty ones, NUL characters and addresses without @', () => {
    expect(checkTags([' python ', 'python', 'eu'])).toEqual(['python', 'eu']);
    // One rule for every tag: any case is the same tag, and the first spelling given is kept.
    expect(checkTags(['Berlin', 'berlin', 'BERLIN ', 'Яндекс', 'яндекс'])).toEqual(['Berlin', 'Яндекс']);
    expect(() => checkTags(['  '])).toThrow(/^tags /);
    expect(() => checkText('a\u0000b', 'notes')).toThrow(/^notes holds a NUL/);
    expect(checkEmail(' ')).toBe('');
    expect(() => checkEmail('ada at acme')).toThrow(/^email: /);
  });

  it("refuses a criterion's text another has in any case or spacing, naming it; one archived by hand is to be restored", () => {
    const criteria = [
      { id: 16, text: 'visa sponsorship', archivedAt: null, goalArchivedAt: null },
      { id: 17, text: 'small team', archivedAt: '2026-12-01T10:00:00.000Z', goalArchivedAt: null },
      // A goal gone from its file: only the file brings it back, so its text is free.
      { id: 18, text: 'full remote', archivedAt: '2026-12-01T10:00:00.000Z', goalArchivedAt: '2026-12-01T10:00:00.000Z' },
    ];
    expect(() => checkCriterionTextFree(criteria, '  Visa   Sponsorship. ', null)).toThrow(
      "text: criterion #16 'visa sponsorship' says that already; change that one instead (`prepdeck goals edit 16`)",
    );
    expect(() => checkCriterionTextFree(criteria, 'Small team', null)).toThrow(
      "text: criterion #17 'small team' says that already, archived; restore that one instead (`prepdeck goals restore 17`)",
    );
    expect(() => checkCriterionTextFree(criteria, 'visa sponsorship', 17)).toThrow(InvalidInputError);
    // Its own text, reworded in case only, and texts no other has.
    expect(() => checkCriterionTextFree(criteria, 'Visa sponsorship', 16)).not.toThrow();
    expect(() => checkCriterionTextFree(criteria, 'full remote', null)).not.toThrow();
    expect(() => checkCriterionTextFree(criteria, 'visa sponsorship for family', null)).not.toThrow();
  });
});

describe('retagging', () => {
  it('adds and removes tags in any case, keeping the spelling there, and names a tag to remove that is not there', () => {
    expect(retag(['Berlin', 'remote'], ['BERLIN', 'eu'], ['REMOTE'])).toEqual({ tags: ['Berlin', 'eu'], missing: [] });
    // Removed and added again in another case: the new spelling.
    expect(retag(['berlin'], ['Berlin'], ['berlin'])).toEqual({ tags: ['Berlin'], missing: [] });
    expect(retag(['berlin'], [], ['paris'])).toEqual({ tags: ['berlin'], missing: ['paris'] });
  });
});
