import { describe, expect, it } from 'vitest';
import { exportRefusal } from '../../../src/core/checklist/export.js';

describe('whether export -o may write its file', () => {
  it('a new file: yes', () => {
    expect(exportRefusal({ exists: false, sourceOf: [] }, false)).toBeNull();
  });

  it('a file that is there: only when asked to write over it', () => {
    expect(exportRefusal({ exists: true, sourceOf: [] }, false)).toEqual({ reason: 'exists' });
    expect(exportRefusal({ exists: true, sourceOf: [] }, true)).toBeNull();
  });

  it("a checklist's own Markdown file: never, even when asked (only sync --write writes into it)", () => {
    for (const force of [false, true]) {
      expect(exportRefusal({ exists: true, sourceOf: ['prep', 'restored'] }, force)).toEqual({ reason: 'source', checklists: ['prep', 'restored'] });
    }
  });
});
