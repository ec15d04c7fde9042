// A re-import's edits besides which topic is which (core/import/content-edits.ts): what the file changed in kept
// topics' details and in sections' notes, measured against what the first import stored.
import { describe, expect, it } from 'vitest';
import type { ParsedChecklist } from '../../../src/core/checklist/model.js';
import { contentEdits, type StoredContent } from '../../../src/core/import/content-edits.js';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import { planImport } from '../../../src/core/import/plan.js';
import { storedAfterFirstImport } from '../../support/first-import.js';

const parse = (text: string) => parseChecklist(text, { fallbackTitle: 't' });

/** What the first import of `parsed` stored, with the ids storedAfterFirstImport gives (topics from 100, sections from 1). */
function storedContent(parsed: ParsedChecklist): StoredContent {
  return {
    details: new Map(parsed.entries.map((entry) => [100 + entry.index, entry.details])),
    sections: new Map(parsed.sections.map((section) => [section.index + 1, { text: section.text, notes: section.notes }])),
  };
}

function editsOf(before: string, after: string) {
  const first = parse(before);
  const stored = storedAfterFirstImport(first);
  const parsed = parse(after);
  return contentEdits(parsed, planImport(parsed, stored.sections, stored.topics), storedContent(first));
}

const BEFORE = '# Python\n\nAbout Python.\n\n- generators\n\n  Lazy.\n\n- descriptors\n\n# Old\n\nA note of a section to go.\n\n- metaclasses\n';

describe('content edits of a re-import', () => {
  it('are none for the same file, or one whose lines only moved', () => {
    expect(editsOf(BEFORE, BEFORE)).toEqual({ details: [], sectionNotes: [], unchangedEdited: 0 });
    expect(editsOf(BEFORE, `\n\n${BEFORE}`)).toEqual({ details: [], sectionNotes: [], unchangedEdited: 0 });
  });

  it('name the kept topics whose details changed, added or removed, and count those the plan called unchanged', () => {
    const after = BEFORE.replace('  Lazy.', '  Lazy iterators.').replace('- descriptors\n', '- descriptors\n\n  Attribute hooks.\n');
    expect(editsOf(BEFORE, after)).toEqual({
      details: [
        { id: 100, title: 'generators' },
        { id: 101, title: 'descriptors' },
      ],
      sectionNotes: [],
      unchangedEdited: 2,
    });
    // Renamed as well: its details are an edit, but it was never among the unchanged.
    expect(editsOf(BEFORE, after.replace('- generators', '- generator'))).toMatchObject({ unchangedEdited: 1 });
  });

  it("name the sections whose notes changed, a new section's and a gone section's included, by their titles", () => {
    const after = BEFORE.replace('About Python.', 'About Python 3.').replace('# Old\n\nA note of a section to go.\n\n', '# New\n\nFresh.\n\n');
    expect(editsOf(BEFORE, after).sectionNotes).toEqual([{ section: 'Python' }, { section: 'New' }, { section: 'Old' }]);
    expect(editsOf(BEFORE, `Before any heading.\n\n${BEFORE}`).sectionNotes).toEqual([{ section: '' }]);
  });
});
