import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../../../src/contract/vocabulary.js';
import { ConflictError, InvalidInputError } from '../../../src/core/errors.js';
import { checkMove, insertionIndex, reorder, stageKeyFor } from '../../../src/core/hunt/stages.js';

const stages = DEFAULT_STAGES.map((s) => ({ ...s }));
const KEY = /^[a-z0-9][a-z0-9-]{0,39}$/u;

describe('stage keys', () => {
  it('slugs a label and keeps keys unique in the list', () => {
    expect(stageKeyFor('Take-home Assignment', [])).toBe('take-home-assignment');
    expect(stageKeyFor('Applied', ['applied'])).toBe('applied-2');
    expect(stageKeyFor('Applied', ['applied', 'applied-2'])).toBe('applied-3');
    expect(stageKeyFor('Café round', [])).toBe('cafe-round');
  });

  it('gives a label with no Latin letters a key that is still valid', () => {
    expect(stageKeyFor('Тестовое', [])).toBe('stage');
    expect(stageKeyFor('Финал', ['stage'])).toBe('stage-2');
  });

  it('keeps long labels within the key pattern', () => {
    const label = 'a very long stage label that goes on and on past forty characters';
    const key = stageKeyFor(label, [stageKeyFor(label, [])]);
    expect(key).toMatch(KEY);
    expect(key.endsWith('-2')).toBe(true);
  });
});

describe('moves', () => {
  it('allows a jump over stages and a move back', () => {
    expect(checkMove(stages, 'applied', { to: 'onsite' }).key).toBe('onsite');
    expect(checkMove(stages, 'technical', { to: 'screening', from: 'technical' }).key).toBe('screening');
  });

  it('refuses an unknown stage naming `to`', () => {
    expect(() => checkMove(stages, 'applied', { to: 'lunch' })).toThrow(InvalidInputError);
    expect(() => checkMove(stages, 'applied', { to: 'lunch' })).toThrow(/^to: /);
  });

  it('refuses a move made against a stage that has changed since', () => {
    expect(() => checkMove(stages, 'screening', { to: 'technical', from: 'applied' })).toThrow(ConflictError);
    expect(() => checkMove(stages, 'screening', { to: 'technical', from: 'applied' })).toThrow(/moved to Screening meanwhile: reload/);
  });

  it('refuses a move to the stage it is in', () => {
    expect(() => checkMove(stages, 'applied', { to: 'applied' })).toThrow(InvalidInputError);
  });
});

describe('order', () => {
  it('moves a key to an index of the list, past the end meaning last', () => {
    expect(reorder(['a', 'b', 'c', 'd'], 'd', 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(reorder(['a', 'b', 'c', 'd'], 'a', 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(reorder(['a', 'b', 'c'], 'a', 99)).toEqual(['b', 'c', 'a']);
  });

  it('places a new stage before another one, or last; an unknown one is refused naming `before`', () => {
    expect(insertionIndex(stages, 'applied')).toBe(1);
    expect(insertionIndex(stages, undefined)).toBe(stages.length);
    expect(() => insertionIndex(stages, 'nope')).toThrow(/^before: /);
  });
});
