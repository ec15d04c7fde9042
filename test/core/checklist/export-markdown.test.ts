// `export --format md` of a task list: each task's details (detail bullets, code, comments, paragraphs) keep their
// kind and order, inside the task's item or after it as the file had them, so that the export reads like the file and
// importing it again gives the same topics, details, resources and cards (issue 14, points 5 and 15).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../src/core/checklist/export-markdown.js';
import type { Checklist, ParsedChecklist, ParsedEntry, Resource, Section, SectionNote, Topic } from '../../../src/core/checklist/model.js';
import { detailUnits } from '../../../src/core/checklist/task-details.js';
import { buildTree } from '../../../src/core/checklist/tree.js';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import { fixturePath, hasUserFixture, readFixture, USER_FIXTURE } from '../../support/fixtures.js';

const NO_LINES = { item: { start: 1, end: 1 }, title: { start: 1, end: 1 }, taken: [], follows: true };

const parse = (text: string) => parseChecklist(text, { fallbackTitle: 'untitled', topics: 'auto' });

/** The checklist as the store holds it after importing `parsed` (store/import/import.ts), every row in file order. */
function stored(parsed: ParsedChecklist): { checklist: Checklist; tree: ReturnType<typeof buildTree> } {
  const lines = (range: { start: number; end: number }) => ({ ...range });
  const sections: Section[] = parsed.sections.map((s) => ({
    id: s.index + 1,
    checklistId: 1,
    parentId: s.parentIndex === null ? null : s.parentIndex + 1,
    pathKey: String(s.index),
    title: s.title,
    text: s.text,
    level: s.level,
    role: s.role,
    position: s.position,
    lines: lines(s.lines),
  }));
  const topics: Topic[] = parsed.entries.map((e) => ({
    id: e.index + 1,
    checklistId: 1,
    sectionId: e.sectionIndex + 1,
    sectionKey: String(e.sectionIndex),
    parentId: e.parentIndex === null ? null : e.parentIndex + 1,
    kind: e.kind,
    identityKey: String(e.index),
    title: e.title,
    text: e.text,
    details: e.details,
    marker: e.marker,
    position: e.position,
    depth: e.depth,
    lines: lines(e.lines),
    state: e.marker === 'done' ? 'known' : 'new',
    confidence: null,
    notes: '',
    createdAt: '',
    updatedAt: '',
    archivedAt: null,
    origin: 'file',
  }));
  let id = 0;
  const resources: Resource[] = [
    ...parsed.sections.flatMap((s) => s.resources.map((r) => ({ ...r, id: ++id, sectionId: s.index + 1, topicId: null }))),
    ...parsed.entries.flatMap((e) => e.resources.map((r) => ({ ...r, id: ++id, sectionId: e.sectionIndex + 1, topicId: e.index + 1 }))),
  ];
  const notes: SectionNote[] = parsed.sections.flatMap((s) => s.notes.map((n) => ({ ...n, id: ++id, sectionId: s.index + 1 })));
  const checklist: Checklist = {
    id: 1,
    name: 'plan',
    title: parsed.title,
    sourcePath: null,
    sourceHash: '',
    frontMatter: parsed.frontMatter?.source ?? null,
    metadata: {},
    topicsMode: parsed.topicsMode.mode,
    topicsModeReason: parsed.topicsMode.reason,
    createdAt: '',
    importedAt: '',
  };
  return { checklist, tree: buildTree({ sections, topics, resources, notes }) };
}

const exported = (text: string) => {
  const { checklist, tree } = stored(parse(text));
  return exportMarkdown(checklist, tree);
};

/**
 * What an import keeps of a file, lines aside: each topic by its section and parent, whether it is known, its details
 * and resources; the cards. (An outline comes back as a task list: its items, ticked or not, are still its topics.)
 */
function reading(parsed: ParsedChecklist, resourcesInOrder = true) {
  const sectionPath = (index: number | null): string[] =>
    index === null ? [] : [...sectionPath(parsed.sections[index]!.parentIndex), parsed.sections[index]!.text];
  const topicPath = (entry: ParsedEntry): string[] => [
    ...(entry.parentIndex === null ? sectionPath(entry.sectionIndex) : topicPath(parsed.entries[entry.parentIndex]!)),
    entry.text,
  ];
  const links = (resources: ParsedEntry['resources']) => {
    const written = resources.map((r) => `${r.fromBullet ? 'bullet ' : ''}${r.title} <${r.url}>`);
    return resourcesInOrder ? written : written.sort();
  };
  return {
    topics: parsed.entries.map((e) => ({
      path: topicPath(e).join(' > '),
      known: e.marker === 'done',
      details: e.details,
      resources: links(e.resources),
    })),
    sections: parsed.sections.map((s) => ({ path: sectionPath(s.index).join(' > '), resources: links(s.resources) })),
    cards: parsed.cards.map((c) => ({
      topic: c.entryIndex === null ? null : topicPath(parsed.entries[c.entryIndex]!).join(' > '),
      front: c.front,
      back: c.back,
    })),
  };
}

/**
 * Imports `text`, exports it as Markdown, imports that: the same reading. (Resources in the same order too, unless
 * `anyOrder`: when a file leaves a link's place open, it may come back on another of the task's lines.)
 */
function expectRoundTrip(text: string, anyOrder = false): string {
  const markdown = exported(text);
  expect(reading(parse(markdown), !anyOrder)).toEqual(reading(parse(text), !anyOrder));
  return markdown;
}

/** As expectRoundTrip, and exporting the export's import writes the same Markdown: what it placed stays where it is. */
function expectSettled(text: string): string {
  const markdown = expectRoundTrip(text);
  expect(exported(markdown)).toBe(markdown);
  return markdown;
}

describe("a task list's export keeps the shape of each task's details", () => {
  it('writes the code, comment, detail bullets and paragraphs that followed a task after it again, in their order', () => {
    const roadmap = [
      '# Roadmap',
      '',
      '- [ ] Learn closures',
      '- 📖 [MDN: Closures](https://developer.mozilla.org/closures)',
      '- [MDN: Scope](https://developer.mozilla.org/scope)',
      '',
      '```js',
      'const add = (a) => (b) => a + b;',
      '',
      '',
      'add(1)(2);',
      '```',
      '',
      '<!-- prettier-ignore -->',
      '- [x] Learn promises',
      '  - 📖 [MDN: Promise](https://developer.mozilla.org/promise)',
      '- [ ] Learn the event loop',
      '',
      'Closing words on the loop, with [a talk](https://loop.example/talk).',
      '- a detail after the note',
      '',
    ].join('\n');
    expect(expectSettled(roadmap)).toBe(
      [
        '# Roadmap',
        '',
        '- [ ] Learn closures',
        '- 📖 [MDN: Closures](https://developer.mozilla.org/closures)',
        '- [MDN: Scope](<https://developer.mozilla.org/scope>)',
        '',
        '```js',
        'const add = (a) => (b) => a + b;',
        '',
        '',
        'add(1)(2);',
        '```',
        '',
        '<!-- prettier-ignore -->',
        '',
        '- [x] Learn promises',
        '  - 📖 [MDN: Promise](https://developer.mozilla.org/promise)',
        '- [ ] Learn the event loop',
        '',
        'Closing words on the loop, with [a talk](https://loop.example/talk).',
        '',
        '- a detail after the note',
        '',
      ].join('\n'),
    );
  });

  it('keeps a paragraph after a detail bullet a paragraph: its link lent to no bullet', () => {
    const text =
      '- [ ] a\n- [ ] b\n- [ ] Sorts\n- Bubble sort:\n  - [ ] [Bubble sort](https://v.example/bubble)\n- Optional extras:\n\nSee [them side by side](https://v.example/all).\n';
    const markdown = expectRoundTrip(text);
    expect(markdown).toContain('- Optional extras:\n\nSee [them side by side](https://v.example/all).\n');
    // Stored, the paragraph follows the bullet on the next line, as a continuation of it would.
    expect(detailUnits('- Optional extras:\nSee [them side by side](https://v.example/all).', [], NO_LINES).map((u) => u.kind)).toEqual([
      'bullet',
      'paragraph',
    ]);
  });

  it("keeps a detail bullet's own lines, its continuation indented as written", () => {
    const text =
      '- [ ] a\n- [ ] b\n- [x] DP\n- A playlist, ten minutes each:\n    [Dynamic programming](https://v.example/dp)\n- wrapped over\n  two lines\n';
    expect(expectRoundTrip(text)).toContain(
      '- A playlist, ten minutes each:\n    [Dynamic programming](https://v.example/dp)\n- wrapped over\n  two lines\n',
    );
  });

  it('writes the links that ended a detail bullet on that bullet, not beside the title', () => {
    const text = '- [ ] a\n- [ ] b\n- [ ] Closures\n- 📖 <https://developer.mozilla.org/closures>\n- see also <https://v.example/scope>\n';
    const markdown = expectRoundTrip(text);
    expect(markdown).toContain('- [ ] Closures\n- 📖 <https://developer.mozilla.org/closures>\n- see also <https://v.example/scope>\n');
  });

  it("keeps what a task's item holds inside it: its bullets, the blocks under them, its own paragraphs last", () => {
    const text = [
      '- [ ] a',
      '- [ ] b',
      '- [ ] Build a heap',
      '  - bubble up',
      '',
      '    ```',
      '    swap(i, parent(i))',
      '    ```',
      '  - [ ] sift down',
      '',
      '  Then build it in linear time.',
      '',
      '  And sort with it.',
      '- [ ] Heapsort',
      '',
    ].join('\n');
    const heap = parse(text).entries.find((e) => e.text === 'Build a heap')!;
    expect(heap.details).toBe('- bubble up\n```\nswap(i, parent(i))\n```\nThen build it in linear time.\n\nAnd sort with it.');
    expect(expectRoundTrip(text)).toContain(
      [
        '- [ ] Build a heap',
        '  - bubble up',
        '',
        '    ```',
        '    swap(i, parent(i))',
        '    ```',
        '',
        '  - [ ] sift down',
        '',
        '  Then build it in linear time.',
        '',
        '  And sort with it.',
        '',
        '- [ ] Heapsort',
      ].join('\n'),
    );
  });

  it('gives back the topics, details, resources and cards of the task-list fixture, and reads like it', () => {
    const markdown = expectSettled(readFixture('task-list-study-plan.md'));
    // Prose bullets that introduce tasks stand above them again, as in the file.
    expect(markdown).toContain(
      '- [ ] Which of these sorts suit a linked list, which an array, and which both?\n- Bubble sort:\n  - [ ] [Bubble sort (video)]',
    );
    expect(markdown).toContain('- Merge sort code:\n  - [Merging into a scratch array (C)]');
    expect(markdown).toContain('- Optional extras:\n  - [ ] [Radix sort (video)]');
    expect(markdown).toContain(
      '  - [ ] [Bucket sort (video)](https://www.youtube.com/watch?v=VuXbEb5ywrU)\n\nTo see them side by side, there is a nice',
    );
    expect(markdown).toContain(
      '- [ ] Build one over a plain array, resolving collisions by linear probing\n  - bucket_for(key, size) picks a slot from the key\n',
    );
  });

  it.skipIf(!hasUserFixture)("gives back the user's checklist's topics and resources", () => {
    expectSettled(readFileSync(USER_FIXTURE, 'utf8'));
  });

  it('gives back the topics, details, resources and cards of any task list', () => {
    const word = fc.constantFrom('heap', 'queue', 'graph', 'sort', 'tree', 'hash', 'stack', 'trie');
    const words = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    const id = fc.integer({ min: 1, max: 9999 });
    const url = (site: string) => id.map((n) => `https://${site}.example/${n}`);
    const inline = fc.oneof(
      words,
      fc.tuple(words, url('in')).map(([w, u]) => `${w} [${w}](${u})`),
      fc.tuple(words, url('auto')).map(([w, u]) => `${w} <${u}>`),
    );
    // What stands inside a task's item (indented under it) and after it at the section's top level.
    const bullet = fc.oneof(
      inline.map((t) => [`- ${t}`]),
      fc.tuple(inline, words).map(([t, w]) => [`- ${t}`, `  ${w}`]),
    );
    const linkBullet = fc.tuple(words, url('link')).map(([w, u]) => [`- [${w}](${u})`]);
    const child = fc
      .tuple(words, id, fc.boolean(), fc.option(inline))
      .map(([w, n, done, sub]) => [`- [${done ? 'x' : ' '}] child ${w} ${n}`, ...(sub ? [`  - ${sub}`] : [])]);
    const block = fc.oneof(
      inline.map((t) => ['', `Note on ${t}.`, '']),
      words.map((w) => ['', '```', `${w}();`, '', `${w}();`, '```', '']),
      words.map((w) => ['', `<!-- ${w} -->`, '']),
      words.map((w) => ['', `> ${w}`, '']),
      inline.map((t) => [`Then ${t}.`]),
    );
    const introduced = fc
      .tuple(words, fc.array(fc.oneof(child, linkBullet), { minLength: 1, maxLength: 3 }))
      .map(([w, items]) => [`- ${w}:`, ...items.flat().map((line) => `  ${line}`)]);
    const inside = fc.array(
      fc.oneof(
        bullet,
        linkBullet,
        child,
        block.map((lines) => ['', ...lines.filter((l) => l !== ''), '']),
      ),
      { maxLength: 4 },
    );
    const following = fc.array(fc.oneof(bullet, linkBullet, block, introduced), { maxLength: 4 });
    const task = fc
      .tuple(words, id, fc.boolean(), inside, following)
      .map(([w, n, done, within, after]) => [
        `- [${done ? 'x' : ' '}] Task ${w} ${n}`,
        ...within.flat().map((line) => (line ? `  ${line}` : line)),
        ...after.flat(),
      ]);
    const file = fc
      .tuple(fc.array(task, { minLength: 1, maxLength: 4 }), fc.array(task, { maxLength: 3 }))
      .map(([first, second]) =>
        ['# Plan', '', '- [ ] open one', '- [ ] open two', '- [ ] open three', ...first.flat(), '', '## More', '', ...second.flat(), ''].join('\n'),
      );
    fc.assert(
      fc.property(file, (text) => {
        fc.pre(parse(text).topicsMode.mode === 'tasks');
        expectRoundTrip(text, true);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

it('leaves an outline as it wrote it', () => {
  const outline = readFileSync(fixturePath('sprinkled-outline.md'), 'utf8');
  expect(parse(outline).topicsMode.mode).toBe('all');
  expectRoundTrip(outline);
});
