// Shapes of input found in public checklists no one here wrote (issue 14, "The import: what readers of real
// files expect"). Each test writes its own input of the shape.
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';

const parse = (text: string, topics?: 'all' | 'tasks' | 'auto') => parseChecklist(text, { fallbackTitle: 'untitled', topics });

describe("a task's own material stays with the task", () => {
  const roadmap = [
    '# Roadmap',
    '',
    'Work through it in order.',
    '',
    '- [ ] Learn closures',
    '- 📖 [MDN: Closures](https://developer.mozilla.org/closures)',
    '- [MDN: Scope](https://developer.mozilla.org/scope)',
    '',
    '```js',
    'const add = (a) => (b) => a + b;',
    '```',
    '',
    '<!-- prettier-ignore -->',
    '- [x] Learn promises',
    '  - 📖 [MDN: Promise](https://developer.mozilla.org/promise)',
    '- [ ] Learn the event loop',
    '',
    '## Next',
    '',
    'Prose of the next section.',
    '- [ ] Learn modules',
    '',
  ].join('\n');
  const parsed = parse(roadmap);
  const task = (text: string) => parsed.entries.find((e) => e.text === text)!;

  it('gives the code block, the comment and the detail bullets after a task to that task', () => {
    expect(parsed.topicsMode.mode).toBe('tasks');
    expect(parsed.entries.map((e) => e.text)).toEqual(['Learn closures', 'Learn promises', 'Learn the event loop', 'Learn modules']);
    expect(task('Learn closures').details).toBe(
      '- 📖 [MDN: Closures](https://developer.mozilla.org/closures)\n```js\nconst add = (a) => (b) => a + b;\n```\n<!-- prettier-ignore -->',
    );
    expect(task('Learn closures').resources.map((r) => [r.url, r.fromBullet])).toEqual([
      ['https://developer.mozilla.org/closures', false],
      ['https://developer.mozilla.org/scope', true],
    ]);
    expect(task('Learn promises').resources.map((r) => r.url)).toEqual(['https://developer.mozilla.org/promise']);
  });

  it('leaves what comes before the first task, and after a heading, to the section', () => {
    expect(parsed.sections[1]!.notes.map((n) => n.source)).toEqual(['Work through it in order.']);
    expect(parsed.sections[1]!.resources).toEqual([]);
    expect(parsed.sections[2]!.notes.map((n) => n.source)).toEqual(['Prose of the next section.']);
  });

  it('keeps every block of a prose bullet in a task list', () => {
    const text = '- [ ] a\n- [ ] b\n- [ ] c\n- prose\n\n  more prose\n\n  ```\n  code\n  ```\n';
    expect(parse(text).entries[2]!.details).toBe('- prose\nmore prose\n```\ncode\n```');
  });

  it('changes nothing in an outline', () => {
    const outline = parse('# A\n- one\n\n```\ncode\n```\n- [two](https://two.example)\n');
    expect(outline.entries[0]!.details).toBe('');
    expect(outline.sections[1]!.notes.map((n) => n.kind)).toEqual(['fence']);
    expect(outline.sections[1]!.resources.map((r) => r.url)).toEqual(['https://two.example']);
  });
});

describe('a file that yields no topics says why', () => {
  it('names link-only items and tables of contents instead of "no list items found"', () => {
    const parsed = parse(
      '# Links\n- [One](https://one.example)\n- <https://two.example>, [three](https://three.example)\n\n## Contents\n- [Links](#links)\n',
    );
    expect(parsed.entries).toEqual([]);
    expect(parsed.warnings).toEqual([
      '0 topics imported: of 3 list items, 2 hold only web links (read as resources), 1 is a link within the file (a table of contents); an item with text of its own is a topic',
    ]);
  });

  it('says no list items were found only when there are none', () => {
    expect(parse('# Prose\n\nJust a paragraph.\n').warnings).toEqual(['no list items found: 0 topics imported']);
    expect(parse('# A\n- a topic\n').warnings).toEqual([]);
  });
});

describe('an index of your own notes', () => {
  const index = [
    '# Problems',
    '- [Two Sum](Problems/Two%20Sum.md)',
    '- [LRU Cache](./Problems/LRU%20Cache.md) · [LeetCode](https://leetcode.com/problems/lru-cache/)',
    '  - [Notes on eviction](../notes/eviction.md)',
    '- [Graphs](/wiki/Graphs)',
    '- [The web page](https://example.com/page)',
    '- [Protocol-relative](//cdn.example/x)',
    '',
  ].join('\n');
  const parsed = parse(index);

  it('reads each item linking to a local file as a topic titled by its link text, the link its resource', () => {
    expect(parsed.entries.map((e) => [e.text, e.depth])).toEqual([
      ['Two Sum', 0],
      ['LRU Cache · LeetCode', 0],
      ['Notes on eviction', 1],
      ['Graphs', 0],
    ]);
    expect(parsed.entries[0]!.resources).toEqual([{ url: 'Problems/Two%20Sum.md', title: 'Two Sum', clickable: false, fromBullet: false, line: 2 }]);
    expect(parsed.entries[1]!.resources.map((r) => r.url)).toEqual(['./Problems/LRU%20Cache.md', 'https://leetcode.com/problems/lru-cache/']);
  });

  it('keeps link-only items of web links as resources, and a link with a scheme in disguise is no file', () => {
    expect(parsed.sections[1]!.resources.map((r) => r.url)).toEqual(['https://example.com/page', '//cdn.example/x']);
    expect(parse('- [tricks](java%0ascript:alert(1))\n').entries).toEqual([]);
  });
});

describe('titles a person would write', () => {
  it('leaves image badges, back-to-top links and anchor tags out of titles and resources', () => {
    const parsed = parse(
      [
        '# Awesome Interviews [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)',
        '## <a name="arrays"></a>Arrays [[⬆]](#toc)',
        '- ![High][high_img] Two Sum',
        '- <a name="lru">LRU cache</a> [↑](#top)',
        '',
        '[high_img]: https://img.example/high.png',
      ].join('\n'),
    );
    expect(parsed.sections.slice(1).map((s) => s.text)).toEqual(['Awesome Interviews', 'Arrays']);
    expect(parsed.entries.map((e) => [e.title, e.text])).toEqual([
      ['Two Sum', 'Two Sum'],
      ['LRU cache', 'LRU cache'],
    ]);
    expect([...parsed.sections, ...parsed.entries].flatMap((x) => x.resources)).toEqual([]);
  });

  it('reads an empty placeholder link as text, not a resource', () => {
    const parsed = parse('# iOS\n- [UIViews]()\n- [Auto Layout]() and [Size classes]( )\n');
    expect(parsed.entries.map((e) => [e.title, e.text, e.resources.length])).toEqual([
      ['UIViews', 'UIViews', 0],
      ['Auto Layout and Size classes', 'Auto Layout and Size classes', 0],
    ]);
  });

  it('shows an autolink ending a topic beside its title, keeping the identity the topic had', () => {
    const parsed = parse(
      '# Tools\n- mypy - type checker <https://mypy.readthedocs.io/en/stable/>\n- see https://a.example for details\n- <https://only.example>\n- [ ] <https://task.example>\n',
    );
    const [mypy, inside, task] = parsed.entries;
    expect([mypy!.title, mypy!.text]).toEqual(['mypy - type checker', 'mypy - type checker']);
    expect(mypy!.resources.map((r) => r.url)).toEqual(['https://mypy.readthedocs.io/en/stable/']);
    expect(mypy!.identityText).toBe('mypy - type checker https://mypy.readthedocs.io/en/stable/');
    // An autolink inside the text is part of what it says; one alone is a resource, or a task's title.
    expect(inside!.text).toBe('see https://a.example for details');
    expect(parsed.sections[1]!.resources.map((r) => r.url)).toEqual(['https://only.example']);
    expect(task!.text).toBe('https://task.example');
  });

  it("tells apart siblings that would read the same without their links, by the link's site", () => {
    const parsed = parse(
      '# Other\n- tools\n  - SQL to GraphQL <https://hasura.io/>\n  - SQL to GraphQL <https://www.graphjin.com/docs>\n  - mypy <https://mypy.example/>\n',
    );
    expect(parsed.entries.slice(1).map((e) => e.text)).toEqual(['SQL to GraphQL (hasura.io)', 'SQL to GraphQL (graphjin.com)', 'mypy']);
  });

  it("keeps a link's own `</a>` when it removes a named anchor's", () => {
    const parsed = parse('# A\n- <a name="x"></a><a href="https://a.example">linked</a> text\n');
    expect(parsed.entries[0]!.title).toBe('<a href="https://a.example">linked</a> text');
  });

  it('reads `Author – [Article](url)` as one topic, whether or not the author is a link', () => {
    const parsed = parse(
      '# Reading\n- Martin Fowler – [Microservices](https://martinfowler.com/microservices)\n- [Jay Kreps](https://jay.example) — [The Log](https://log.example)\n- [a](https://a.example), [b](https://b.example)\n',
    );
    expect(parsed.entries.map((e) => [e.text, e.resources.length])).toEqual([
      ['Martin Fowler – Microservices', 1],
      ['Jay Kreps — The Log', 2],
    ]);
    expect(parsed.sections[1]!.resources).toHaveLength(2);
  });
});

describe("goals and books headings in our users' languages", () => {
  it.each([
    ['Цели', 'Книги'],
    ['目标', '书籍'],
    ['ЦЕЛИ', 'Литература'],
    ['Goals', 'Reading list'],
  ])('reads "%s" as goals and "%s" as books', (goals, books) => {
    const parsed = parse(`# ${goals}\n- Location :: Europe\n- remote\n\n# Алгоритмы\n- графы\n\n# ${books}\n- SICP\n`);
    expect(parsed.entries.map((e) => [e.text, e.kind])).toEqual([
      ['Location :: Europe', 'goal'],
      ['remote', 'goal'],
      ['графы', 'topic'],
      ['SICP', 'book'],
    ]);
  });

  it('only at the top level, as in English', () => {
    const parsed = parse('# Python\n## Книги\n- Fluent Python\n# Go\n- channels\n');
    expect(parsed.entries[0]!.kind).toBe('topic');
  });
});
