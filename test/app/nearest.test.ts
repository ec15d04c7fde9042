// The nearest match a "did you mean" line suggests: near typos find what was meant, a word sharing only a part of a
// name finds nothing, and then the line says where the names are listed instead.
import { describe, expect, it } from 'vitest';
import { nearest, nearestTitle } from '../../src/app/nearest.js';

const STATES = ['new', 'learning', 'known', 'skipped', 'done'];
const SECTIONS = ['Goals', 'Python', 'Collections', 'Functions', 'Concurrency', 'AWS', 'Tools', 'Databases', 'Testing', 'Other'];

describe('nearest', () => {
  it('suggests what a typo meant: a letter left out, doubled, changed, or two swapped', () => {
    expect(nearest('knwon', STATES)).toBe('known');
    expect(nearest('skiped', STATES)).toBe('skipped');
    expect(nearest('Pythn', SECTIONS)).toBe('Python');
    expect(nearest('Colections', SECTIONS)).toBe('Collections');
    expect(nearest('funtions', SECTIONS)).toBe('Functions');
    expect(nearest('Data bases', SECTIONS)).toBe('Databases');
    expect(nearest('heading', ['auto', 'all', 'tasks', 'headings'])).toBe('headings');
    expect(nearest('lst', ['list', 'show', 'mark', 'use'])).toBe('list');
    expect(nearestTitle('SELECT FOR UPDTE', ['SELECT FOR UPDATE', 'MVCC'])).toBe('SELECT FOR UPDATE');
    expect(nearestTitle('optimstic locking', ['optimistic locking with a version column', 'MVCC'])).toBe('optimistic locking with a version column');
  });

  it('suggests nothing for a word that only shares a part with a name', () => {
    // `Nosection` shares `ection` with Collections and `ction` with Functions: four of its nine letters would be wrong.
    expect(nearest('Nosection', SECTIONS)).toBeNull();
    expect(nearest('Kubernetes', SECTIONS)).toBeNull();
    expect(nearest('x', STATES)).toBeNull();
    expect(nearest('NoSQL', SECTIONS)).toBeNull();
  });

  it('passes over a far match ranked first for a near one ranked after it', () => {
    expect(nearest('Testng', ['Strings', 'Testing'])).toBe('Testing');
  });
});
