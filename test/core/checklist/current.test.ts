import { describe, expect, it } from 'vitest';
import { checklistOfFile, chooseChecklist, importBecomesCurrent, NO_CHECKLIST_YET } from '../../../src/core/checklist/current.js';
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

describe('the checklist sync works on among those imported from one file', () => {
  it('the only one, whatever is current', () => {
    expect(checklistOfFile([mine], 'interview-prep')).toBe(mine);
  });

  it('among several (a backup restored beside the original), the current one; else none, for the user to name', () => {
    const restored = { ...mine, name: 'restored' };
    expect(checklistOfFile([mine, restored], 'restored')).toBe(restored);
    expect(checklistOfFile([mine, restored], 'job-interview-checklist')).toBe(mine);
    expect(checklistOfFile([mine, restored], 'interview-prep')).toBeNull();
    expect(checklistOfFile([mine, restored], null)).toBeNull();
  });
});

describe('whether an import makes its checklist the current one', () => {
  it('yes with a topic to study; not for an empty file or one of goals or links only', () => {
    expect(importBecomesCurrent({ topics: 1 })).toBe(true);
    expect(importBecomesCurrent({ topics: 0 })).toBe(false);
  });
});
