import { describe, expect, it } from 'vitest';
import { chooseChecklist, NO_CHECKLIST_YET } from '../../../src/core/checklist/current.js';
import { NotFoundError } from '../../../src/core/errors.js';

const example = { name: 'interview-prep', importedAt: '2026-12-01T10:00:00.000Z' };
const mine = { name: 'job-interview-checklist', importedAt: '2026-12-02T10:00:00.000Z' };

describe('the checklist a command works on when none is named', () => {
  it('before any import: one wording, whatever the command', () => {
    expect(() => chooseChecklist([], null)).toThrow(new NotFoundError(NO_CHECKLIST_YET));
    expect(NO_CHECKLIST_YET).toBe('no checklist yet: prepdeck import FILE');
  });

  it('the only one there is, whatever was chosen before', () => {
    expect(chooseChecklist([example], null)).toEqual({ name: 'interview-prep', how: 'only' });
    expect(chooseChecklist([example], 'removed-since')).toEqual({ name: 'interview-prep', how: 'only' });
  });

  it('among several, the current one (last imported or chosen), else the one imported last', () => {
    expect(chooseChecklist([example, mine], 'interview-prep')).toEqual({ name: 'interview-prep', how: 'current' });
    expect(chooseChecklist([example, mine], null)).toEqual({ name: 'job-interview-checklist', how: 'latest' });
    expect(chooseChecklist([mine, example], 'removed-since')).toEqual({ name: 'job-interview-checklist', how: 'latest' });
  });
});
