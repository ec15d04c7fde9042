import { describe, expect, it } from 'vitest';
import { findSection } from '../../../src/core/checklist/section-ref.js';
import { AmbiguousError, NotFoundError } from '../../../src/core/errors.js';

// The shape of the reference checklist: a top-level Other beside Python > Core > Other, and Cyrillic titles.
const sections = [
  { id: 1, path: ['Python'] },
  { id: 2, path: ['Python', 'Core'] },
  { id: 3, path: ['Python', 'Core', 'Other'] },
  { id: 4, path: ['Other'] },
  { id: 5, path: ['Tools', 'Databases'] },
  { id: 6, path: ['AWS', 'Small Notes'] },
  { id: 7, path: ['Книги', 'Базы данных'] },
  { id: 8, path: ['Go', 'Notes'] },
  { id: 9, path: ['Rust', 'Notes'] },
];
const find = (ref: string) => findSection(sections, ref, "'prep'").id;

describe('findSection', () => {
  it('takes a whole path, written with > or /, in any case', () => {
    expect(find('Python > Core > Other')).toBe(3);
    expect(find('python/core/other')).toBe(3);
    expect(find('Tools / Databases')).toBe(5);
  });

  it('takes a title alone, the shallowest when a nested section shares it', () => {
    expect(find('Other')).toBe(4);
    expect(find('databases')).toBe(5);
    expect(find('базы ДАННЫХ')).toBe(7);
  });

  it('takes the only section whose path holds the words', () => {
    expect(find('small')).toBe(6);
  });

  it('lists the candidates when several sections are named equally', () => {
    const error = (() => {
      try {
        find('Notes');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AmbiguousError);
    expect((error as AmbiguousError).candidates.map((c) => c.label)).toEqual(['Go > Notes', 'Rust > Notes']);
    expect((error as Error).message).toContain("write its path, e.g. 'Go > Notes'");
  });

  it('says so when nothing matches, or nothing is named', () => {
    expect(() => find('Kubernetes')).toThrow(NotFoundError);
    expect(() => find('Kubernetes')).toThrow(
      "no section of 'prep' is named 'Kubernetes'; its top-level sections are Python, Other (`prepdeck list` shows them all)",
    );
    const many = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, path: [`Part ${i + 1}`] }));
    expect(() => findSection(many, 'Kubernetes', "'big'")).toThrow(
      'its top-level sections are Part 1, Part 2, Part 3, Part 4, Part 5, Part 6, Part 7, Part 8 and 4 more (`prepdeck list` shows them all)',
    );
    expect(() => find(' > ')).toThrow(NotFoundError);
  });
});
