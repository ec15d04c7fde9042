// A re-import's edits besides which topic is which (core/import/content-edits.ts): what the file changed in kept
// topics' details and in sections' notes, measured against what the first import stored.
import { describe, expect, it } from 'vitest';
import type { ParsedChecklist } from '../../../src/core/checklist/model.js';
import { contentEdits, NO_REWRITES, type StoredContent } from '../../../src/core/import/content-edits.js';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import { planImport } from '../../../src/core/import/plan.js';
import { storedAfterFirstImport } from '../../support/first-import.js';

const parse = (text: string) => parseChecklist(text, { fallbackTitle: 't' });

/** What the first import of `parsed` stored, with the ids storedAfterFirstImport gives (topics from 100, sections from 1). */
function storedContent(parsed: ParsedChecklist): StoredContent {
  const topicId = (index: number | null) => (index === null ? null : 100 + index);
  const sectionId = (index: number | null) => (index === null ? null : index + 1);
  return {
    topics: new Map(parsed.entries.map((entry) => [topicId(entry.index)!, { ...entry, parentId: topicId(entry.parentIndex) }])),
    sections: new Map(parsed.sections.map((section) => [sectionId(section.index)!, { ...section, parentId: sectionId(section.parentIndex) }])),
    links: [
      ...parsed.sections.flatMap((section) => section.resources.map((link) => ({ ...link, topicId: null, sectionId: sectionId(section.index)! }))),
      ...parsed.entries.flatMap((entry) =>
        entry.resources.map((link) => ({ ...link, topicId: topicId(entry.index), sectionId: sectionId(entry.sectionIndex)! })),
      ),
    ],
    title: parsed.title,
    frontMatter: parsed.frontMatter?.source ?? null,
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
  it('are none for the same file; a file whose lines only moved rewrites their positions, and no more', () => {
    expect(editsOf(BEFORE, BEFORE)).toEqual({ details: [], sectionNotes: [], rewrites: NO_REWRITES, unchangedEdited: 0 });
    // Every topic and heading moved down two lines, and the root section (before the first heading) ends two lines later.
    expect(editsOf(BEFORE, `\n\n${BEFORE}`)).toEqual({ details: [], sectionNotes: [], rewrites: { ...NO_REWRITES, lines: 6 }, unchangedEdited: 0 });
    // A blank line after the last topic: it, its section and the root (which spans the file) end a line later.
    expect(editsOf(BEFORE, `${BEFORE}\n`).rewrites).toEqual({ ...NO_REWRITES, lines: 3 });
  });

  it('name the kept topics whose details changed, added or removed, and count those the plan called unchanged', () => {
    const after = BEFORE.replace('  Lazy.', '  Lazy iterators.').replace('- descriptors\n', '- descriptors\n\n  Attribute hooks.\n');
    expect(editsOf(BEFORE, after)).toEqual({
      details: [
        { id: 100, title: 'generators' },
        { id: 101, title: 'descriptors' },
      ],
      sectionNotes: [],
      // The two lines of details added end descriptors and its section later, and move the section below them.
      rewrites: { ...NO_REWRITES, lines: 5 },
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

  it("count a title's Markdown changed with its text kept, a heading's level, a task box changed, links, headings, front matter and title", () => {
    const before = '---\ntags: [prep]\n---\n# Prep\n\n- generators and yield\n- descriptors\n  - [Guide](https://a.example)\n';
    const edits = (after: string) => editsOf(before, after);
    const linked = edits(before.replace('- generators', '- [generators](https://docs.python.org)'));
    expect(linked.rewrites).toEqual({ ...NO_REWRITES, titles: 1, links: 1 });
    expect(linked.unchangedEdited).toBe(1);
    expect(edits(before.replace('- generators', '- **generators**')).rewrites).toEqual({ ...NO_REWRITES, titles: 1 });
    expect(edits(before.replace('https://a.example', 'https://b.example')).rewrites).toEqual({ ...NO_REWRITES, links: 2 });
    // A topic indented under another is `moved` (its path is part of what it is known by); a heading's level is nesting.
    expect(edits(before.replace('# Prep', '## Prep')).rewrites).toMatchObject({ nesting: 1 });
    // A task box that gives the same state (open) is rewritten, not a retick.
    expect(edits(before.replace('- generators', '- [ ] generators')).rewrites).toEqual({ ...NO_REWRITES, markers: 1 });
    expect(edits(before.replace('tags: [prep]', 'tags: [prep, python]')).rewrites).toEqual({ ...NO_REWRITES, frontMatter: true });
    expect(edits(before.replace('# Prep', '# Preparation')).rewrites).toMatchObject({ title: true });
    // A heading with nothing under it yet, added then gone: no topic tells of it.
    expect(edits(`${before}\n## Later\n`).rewrites).toMatchObject({ headings: 1 });
    expect(editsOf(`${before}\n## Later\n`, before).rewrites).toMatchObject({ headings: 1 });
  });

  it("leave a new topic's links and a renamed topic's title to the plan's own lines", () => {
    const before = '# Prep\n\n- generators\n';
    expect(editsOf(before, `${before}- descriptors ([docs](https://d.example))\n`).rewrites).toMatchObject({ links: 0, titles: 0 });
    expect(editsOf(before, before.replace('generators', 'generator functions')).rewrites).toEqual(NO_REWRITES);
  });
});
