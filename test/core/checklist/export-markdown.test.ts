// `export --format md` of a task list: each task's details (detail bullets, code, comments, paragraphs) keep their
// kind and order, inside the task's item or after it as the file had them, so that the export reads like the file and
// importing it again gives the same topics, details, resources and cards (issue 14, points 5 and 15). What the user
// made in prepdeck comes back too: known topics, notes (a quote the import keeps as details) and every card.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../src/core/checklist/export-markdown.js';
import { notesQuote, type ExportedCard } from '../../../src/core/checklist/export-notes-cards.js';
import type {
  Checklist,
  ParsedChecklist,
  ParsedEntry,
  Resource,
  Section,
  SectionNote,
  Topic,
  TopicState,
} from '../../../src/core/checklist/model.js';
import { stateOfMarker } from '../../../src/core/checklist/task-markers.js';
import { detailUnits } from '../../../src/core/checklist/task-details.js';
import { buildTree } from '../../../src/core/checklist/tree.js';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import { fixturePath, hasUserFixture, readFixture, USER_FIXTURE } from '../../support/fixtures.js';

const NO_LINES = { item: { start: 1, end: 1 }, title: { start: 1, end: 1 }, taken: [], follows: true };

const parse = (text: string) => parseChecklist(text, { fallbackTitle: 'untitled', topics: 'auto' });

/** What the user did in prepdeck after an import: states and notes by topic text, cards added under a topic by its text. */
interface Work {
  states?: Record<string, TopicState>;
  notes?: Record<string, string>;
  cards?: Array<{ topic: string; front: string; back: string }>;
}

/** The one entry of `parsed` read as `text`. */
function entryNamed(parsed: ParsedChecklist, text: string): ParsedEntry {
  const found = parsed.entries.filter((e) => e.text === text);
  expect(found.map((e) => e.text)).toEqual([text]);
  return found[0]!;
}

/**
 * The checklist as the store holds it after importing `parsed` (store/import/import.ts), every row in file order, then
 * `work` done on it; `cards`: its question/answer cards, the file's and those added, as the app reads them to export.
 */
function stored(parsed: ParsedChecklist, work: Work = {}): { checklist: Checklist; tree: ReturnType<typeof buildTree>; cards: ExportedCard[] } {
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
    state: stateOfMarker(e.marker) ?? 'new',
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
  for (const [text, state] of Object.entries(work.states ?? {})) topics[entryNamed(parsed, text).index]!.state = state;
  for (const [text, note] of Object.entries(work.notes ?? {})) topics[entryNamed(parsed, text).index]!.notes = note;
  // Owners as core/review/cards.ts#cardOwner writes them: a topic's id, or `s:` and its section's path key.
  const owner = (entryIndex: number | null, sectionIndex: number) => (entryIndex === null ? `s:${sectionIndex}` : String(entryIndex + 1));
  const cards: ExportedCard[] = [
    ...parsed.cards.map((c) => ({ owner: owner(c.entryIndex, c.sectionIndex), front: c.front, back: c.back })),
    ...(work.cards ?? []).map((c) => ({ owner: owner(entryNamed(parsed, c.topic).index, 0), front: c.front, back: c.back })),
  ].map((card, i) => ({ ...card, id: i + 1 }));
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
  return { checklist, tree: buildTree({ sections, topics, resources, notes }), cards };
}

const exported = (text: string) => {
  const { checklist, tree, cards } = stored(parse(text));
  return exportMarkdown(checklist, tree, cards).text;
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
      state: stateOfMarker(e.marker) ?? 'new',
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

/** A file with cards written in it, in each form the README gives: under a topic, in its section, over lines, both ways. */
const WITH_CARDS = [
  '# Databases',
  '',
  'Isolation::what a transaction sees of others',
  '',
  '- SELECT FOR UPDATE',
  '  - Which rows does it lock? :: the rows it selects, until the transaction ends',
  '  - What does SKIP LOCKED change?',
  '    ?',
  '    Rows locked by others are passed over',
  '    instead of waited for.',
  '- MVCC',
  '  - snapshot ::: a view of the data as of a moment',
  '  - vacuum',
  '- `std::vector` and `a :: b` in code',
  '',
  '## Queues',
  '',
  '- [ ] backpressure',
  '- [x] idempotency',
  '',
].join('\n');

/** What the user did in prepdeck on the files below: a topic known, one skipped, notes in Markdown, cards added. */
function workOn(texts: { known: string; skipped: string; noted: string; carded: string }): Work {
  return {
    states: { [texts.known]: 'known', [texts.skipped]: 'skipped' },
    notes: {
      [texts.noted]: 'Asked at **Acme**:\n\n- a list, not topics\n- Q :: not a card\n\n## not a section\n\n```sql\nselect 1;\n```\n',
      [texts.skipped]: 'skipped: [not for this role](https://example.com/why)',
    },
    cards: [
      { topic: texts.carded, front: 'Why does it matter?', back: 'It keeps writes apart' },
      { topic: texts.carded, front: 'Over two\nlines?', back: 'An answer\n\nof two paragraphs' },
    ],
  };
}

/** The lines between blocks aside: details compare by what they say, not by how the import joined them. */
const blocksOf = (details: string) => details.replace(/\n{2,}/g, '\n').trim();

/**
 * `text` imported, worked on, exported, and the export imported into a new checklist: the same topics and sections,
 * each in its state (known, learning and skipped ones too), every card of the file and of
 * prepdeck under the same topic, and each topic's notes as a quote that its details now hold. Exported again from
 * there it is the first export byte for byte, and from the same checklist (notes kept as notes) nothing is written
 * twice. Returns the export.
 */
function expectWorkKept(text: string, work: Work): string {
  const before = parse(text);
  const { checklist, tree, cards } = stored(before, work);
  const { text: markdown, warnings } = exportMarkdown(checklist, tree, cards);
  const after = parse(markdown);
  const [was, now] = [reading(before), reading(after)];
  const stateOf = (e: ParsedEntry) => work.states?.[e.text] ?? stateOfMarker(e.marker) ?? 'new';
  expect(now.topics.map((t) => [t.path, t.state])).toEqual(before.entries.map((e, i) => [was.topics[i]!.path, stateOf(e)]));
  expect(now.sections).toEqual(was.sections);
  expect(now.topics.map((t) => t.resources)).toEqual(was.topics.map((t) => t.resources));
  before.entries.forEach((entry, i) => {
    const quote = notesQuote(work.notes?.[entry.text] ?? '', '');
    const details = after.entries[i]!.details;
    if (quote === null) expect(details).toBe(entry.details);
    else {
      expect(details).toContain(quote);
      expect(blocksOf(details.replace(quote, ''))).toBe(blocksOf(entry.details));
    }
  });
  const sorted = (list: typeof was.cards) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const added = (work.cards ?? []).map((c) => ({ topic: was.topics[entryNamed(before, c.topic).index]!.path, front: c.front, back: c.back }));
  expect(sorted(now.cards)).toEqual(sorted([...was.cards, ...added]));
  expect(warnings).toEqual([]);

  // Exported again from that new checklist (the notes now details, every card the file's), and from the same checklist
  // after that import (its notes still notes beside those details): nothing written twice.
  const again = stored(after);
  const second = exportMarkdown(again.checklist, again.tree, again.cards).text;
  expect(second).toBe(markdown);
  const same = stored(after, { notes: work.notes ?? {}, states: work.states ?? {} });
  expect(exportMarkdown(same.checklist, same.tree, same.cards).text).toBe(second);
  return markdown;
}

describe('the export keeps what the user made in prepdeck, and an import of it gives that back', () => {
  it('writes notes as a quote under their topic, opened by a Notes paragraph: nothing in them reads as a topic, a section or a card', () => {
    const markdown = expectWorkKept(WITH_CARDS, workOn({ known: 'MVCC', skipped: 'vacuum', noted: 'SELECT FOR UPDATE', carded: 'backpressure' }));
    expect(markdown).toContain(
      [
        '- [ ] SELECT FOR UPDATE',
        '',
        '  > **Notes**',
        '  >',
        '  > Asked at **Acme**:',
        '  >',
        '  > - a list, not topics',
        '  > - Q :: not a card',
        '  >',
        '  > ## not a section',
        '  >',
        '  > ```sql',
        '  > select 1;',
        '  > ```',
        '',
        '  - Which rows does it lock? :: the rows it selects, until the transaction ends',
        '  - What does SKIP LOCKED change?',
        '    ?',
        '    Rows locked by others are passed over',
        '    instead of waited for.',
        '- [x] MVCC',
      ].join('\n'),
    );
  });

  it("writes the file's cards and those added in prepdeck in the write-back's syntax: under their topic, or first in their section", () => {
    const markdown = expectWorkKept(
      WITH_CARDS,
      workOn({ known: 'idempotency', skipped: 'backpressure', noted: 'MVCC', carded: 'SELECT FOR UPDATE' }),
    );
    // A card asked both ways is two cards, each written one way; a section's stand before its first topic.
    expect(markdown).toContain('# Databases\n\n- Isolation :: what a transaction sees of others\n\n- [ ] SELECT FOR UPDATE\n');
    expect(markdown).toContain('  - snapshot :: a view of the data as of a moment\n  - a view of the data as of a moment :: snapshot\n');
    expect(markdown).toContain(
      '  - Why does it matter? :: It keeps writes apart\n  - Over two\n    lines?\n    ?\n    An answer\n\n    of two paragraphs\n',
    );
    expect(markdown).toContain('- [ ] `std::vector` and `a :: b` in code\n');
  });

  it.skipIf(!hasUserFixture)("gives back the user's checklist with topics known and skipped, notes and cards added", () => {
    const text = readFileSync(USER_FIXTURE, 'utf8');
    expectWorkKept(text, workOn({ known: 'mypy - type checker', skipped: 'Celery', noted: 'ContextVar', carded: 'ThreadLocal' }));
    // A topic's notes when it has children and resource bullets, and a note on a goal.
    expectWorkKept(text, {
      notes: { 'generator and iterator - method based and class based (generator is iterator)': 'see send()', 'full remote': 'or hybrid' },
      cards: [{ topic: 'send method', front: 'What does send() return?', back: 'the next yielded value' }],
    });
  });

  it('gives back a task list with notes and cards on tasks whose details stand inside them and after them', () => {
    const text = readFixture('task-list-study-plan.md');
    const tasks = parse(text).entries.filter((e) => e.kind === 'topic' && (e.details !== '' || e.resources.length > 0));
    expect(tasks.length).toBeGreaterThan(3);
    const [first, second, third] = tasks.map((e) => e.text);
    expectWorkKept(text, workOn({ known: first!, skipped: second!, noted: third!, carded: third! }));
    expectWorkKept(text, {
      notes: Object.fromEntries(tasks.map((e, i) => [e.text, `note ${i}\n\n- a line of it`])),
      cards: tasks.map((e, i) => ({ topic: e.text, front: `question ${i}?`, back: `answer ${i}` })),
    });
  });

  it('writes a plain checklist as before: no notes, cards or skipped topics, nothing more and no warning', () => {
    const text = '# Python\n\n* descriptors\n\n  the protocol\n* slots\n';
    const { checklist, tree, cards } = stored(parse(text));
    expect(exportMarkdown(checklist, tree, cards)).toEqual({
      text: '# Python\n\n- [ ] descriptors\n\n  the protocol\n\n- [ ] slots\n',
      warnings: [],
    });
  });

  it("writes learning and skipped topics with Obsidian's [/] and [-], which an import reads back as those states", () => {
    const parsed = parse('# Python\n\n* descriptors\n* slots\n* GIL\n* asyncio\n');
    const states = { descriptors: 'learning', slots: 'skipped', GIL: 'new', asyncio: 'known' } as const;
    const { checklist, tree } = stored(parsed, { states });
    const { text, warnings } = exportMarkdown(checklist, tree);
    expect(text).toBe('# Python\n\n- [/] descriptors\n- [-] slots\n- [ ] GIL\n- [x] asyncio\n');
    expect(warnings).toEqual([]);
    expect(parse(text).entries.map((e) => [e.text, stateOfMarker(e.marker) ?? 'new'])).toEqual(Object.entries(states));
  });

  it('leaves out, and names, a card that would not read back as itself; notes of blank lines only are none', () => {
    const parsed = parse('# Python\n\n* slots\n');
    const { checklist, tree } = stored(parsed, { notes: { slots: '\n  \n' } });
    const { text, warnings } = exportMarkdown(checklist, tree, [
      { id: 7, owner: '1', front: '# Heading?', back: 'no' },
      { id: 8, owner: '1', front: 'kept?', back: 'yes' },
    ]);
    expect(text).toBe('# Python\n\n- [ ] slots\n  - kept? :: yes\n');
    expect(warnings).toEqual([
      "card 7 (# Heading?) of 'slots' would not read back as the same card in Markdown; left out (`export --format json` keeps it)",
    ]);
  });
});
