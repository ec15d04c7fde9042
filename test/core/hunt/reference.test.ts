import { describe, expect, it } from 'vitest';
import { AmbiguousError, NotFoundError } from '../../../src/core/errors.js';
import { matchReference, type ReferenceCandidate } from '../../../src/core/hunt/reference.js';

const apps: ReferenceCandidate[] = [
  { id: 1, text: 'Acme Backend engineer', label: 'Acme — Backend engineer (applied)', archived: false },
  { id: 2, text: 'Acme Frontend engineer', label: 'Acme — Frontend engineer (wishlist)', archived: false },
  { id: 3, text: 'Яндекс Backend', label: 'Яндекс — Backend (screening)', archived: false },
  { id: 4, text: 'Globex ', label: 'Globex (rejected)', archived: true },
];
const match = (ref: string) => matchReference(ref, apps, { one: 'application', many: 'applications' }, '`prepdeck apps` lists them');

describe('references', () => {
  it('finds by id, and by words of company and role in any case and script', () => {
    expect(match('2')).toBe(2);
    expect(match('acme backend')).toBe(1);
    expect(match('ЯНДЕКС')).toBe(3);
    expect(match('globex')).toBe(4);
  });

  it('lists the candidates of an ambiguous reference', () => {
    expect(() => match('acme')).toThrow(AmbiguousError);
    try {
      match('engineer');
    } catch (error) {
      expect((error as AmbiguousError).candidates).toEqual([
        { id: 1, label: 'Acme — Backend engineer (applied)' },
        { id: 2, label: 'Acme — Frontend engineer (wishlist)' },
      ]);
    }
  });

  it('prefers active candidates, and a text equal to the reference', () => {
    const criteria: ReferenceCandidate[] = [
      { id: 1, text: 'full remote', label: 'full remote', archived: false },
      { id: 2, text: 'remote', label: 'remote', archived: false },
      { id: 3, text: 'remote-first culture', label: 'x', archived: true },
    ];
    const criterion = { one: 'criterion', many: 'criteria' };
    expect(matchReference('Remote', criteria, criterion, '')).toBe(2);
    // Several, none equal: named in the plural the kind takes ("2 criteria", not "2 criterions").
    expect(() => matchReference('remot', criteria, criterion, '')).toThrow("'remot' matches 2 criteria; name one by its id");
  });

  it('says nothing matches', () => {
    expect(() => match('initech')).toThrow(NotFoundError);
    expect(() => match('  ')).toThrow(NotFoundError);
  });
});
