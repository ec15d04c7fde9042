import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryIdentityKeys, sectionPathKeys } from '../../../src/core/import/identity.js';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import type { ParsedChecklist } from '../../../src/core/checklist/model.js';
import { hasUserFixture, readFixture, USER_FIXTURE } from '../../support/fixtures.js';

const parse = (text: string, topics?: 'all' | 'tasks' | 'auto') => parseChecklist(text, { fallbackTitle: 'untitled', topics });
const texts = (parsed: ParsedChecklist, kind = 'topic') => parsed.entries.filter((e) => e.kind === kind).map((e) => e.text);
const allResources = (parsed: ParsedChecklist) => [...parsed.sections.flatMap((s) => s.resources), ...parsed.entries.flatMap((e) => e.resources)];

describe.runIf(hasUserFixture)("the user's checklist", () => {
  const parsed = parse(readFileSync(USER_FIXTURE, 'utf8'));

  it('yields the counts the user expects', () => {
    expect(parsed.sections.length - 1).toBe(20);
    expect(parsed.entries).toHaveLength(198);
    expect(texts(parsed, 'goal')).toHaveLength(5);
    expect(texts(parsed, 'book')).toHaveLength(4);
    expect(texts(parsed, 'topic')).toHaveLength(189);
    const resources = allResources(parsed);
    expect(new Set(resources.filter((r) => r.fromBullet).map((r) => r.line)).size).toBe(9);
    expect(new Set(resources.map((r) => r.url)).size).toBe(17);
    expect(parsed.sections.flatMap((s) => s.notes)).toHaveLength(1);
  });

  it('reads the front matter and keeps its source verbatim', () => {
    expect(parsed.title).toBe('Job Interview Checklist');
    expect(parsed.frontMatter?.data['tags']).toBe('job');
    expect(parsed.frontMatter?.source).toContain('typora-root-url: ../\n\nlayout: post');
  });

  it('keeps Russian lines and resolves escapes in plain text', () => {
    expect(texts(parsed, 'goal')).toContain('опыт проходження собеседований - relocation'.replace('проходження', 'прохождения'));
    expect(texts(parsed)).toContain('Алгоритмы и структуры данных');
    const init = parsed.entries.find((e) => e.text === '__init__ and __new__');
    expect(init?.title).toBe('\\_\\_init\\_\\_ and  \\_\\_new\\_\\_');
  });

  it('keeps the <pre> block verbatim as the notes of its section', () => {
    const section = parsed.sections.find((s) => s.notes.length > 0)!;
    expect(section.text).toBe('Small Notes');
    expect(section.notes[0]!.kind).toBe('html_block');
    expect(section.notes[0]!.source.startsWith('<pre>\n• AWS Migration Hub')).toBe(true);
    expect(section.notes[0]!.source.endsWith('into Amazon RDS\t\n</pre>')).toBe(true);
  });

  it('nests topics as in the file, with 2- and 3-space indents', () => {
    const lambda = parsed.entries.find((e) => e.text === 'Lambda')!;
    const children = parsed.entries.filter((e) => e.parentIndex === lambda.index).map((e) => e.text);
    expect(children).toEqual([
      'deployment',
      'layers',
      'docker image',
      'limitations',
      'SAM',
      'scheduling via EventBridge',
      'X-Ray tracking & monitoring',
    ]);
    const s3 = parsed.entries.find((e) => e.text === 'S3')!;
    expect(parsed.entries.filter((e) => e.parentIndex === s3.index)).toHaveLength(17);
  });

  it('turns link-only bullets into resources of their parent', () => {
    const generator = parsed.entries.find((e) => e.text.startsWith('generator and iterator'))!;
    expect(generator.resources.map((r) => r.url)).toEqual([
      'https://stackoverflow.com/questions/2776829/difference-between-pythons-generators-and-iterators',
      'https://stackoverflow.com/questions/231767/what-does-the-yield-keyword-do',
    ]);
    const concurrency = parsed.sections.find((s) => s.text === 'Concurrency')!;
    expect(concurrency.resources.map((r) => r.title)).toEqual([
      'How to Choose the Right Python Concurrency API',
      'https://news.ycombinator.com/item?id=32408577',
    ]);
    const rpc = parsed.entries.find((e) => e.text.startsWith('RPC'))!;
    expect(rpc.resources.map((r) => r.title)).toContain('REST? Возьмите тупой JSON-RPC');
  });

  it('gives every section and entry its source lines', () => {
    const python = parsed.sections.find((s) => s.text === 'Python')!;
    expect(python.lines.start).toBe(20);
    const last = parsed.entries[parsed.entries.length - 1]!;
    expect(last.text).toBe('PMBOK');
    expect(last.lines).toEqual({ start: 292, end: 292 });
  });
});

describe('import rules', () => {
  it('reads headings (ATX and setext) as nested sections, content before them as the root', () => {
    const parsed = parse('- intro topic\n\nTitle\n=====\n\n## Sub\n- a\n\nOther\n-----\n- b\n');
    expect(parsed.sections.map((s) => [s.text, s.level, s.parentIndex])).toEqual([
      ['', 0, null],
      ['Title', 1, 0],
      ['Sub', 2, 1],
      ['Other', 2, 1],
    ]);
    expect(parsed.entries.map((e) => [e.text, e.sectionIndex])).toEqual([
      ['intro topic', 0],
      ['a', 2],
      ['b', 3],
    ]);
  });

  it('takes task markers as the initial state and keeps the title without them', () => {
    const parsed = parse('- [ ] open one\n- [x] done one\n- [X] Done too\n- plain\n- [ ]not a marker\n', 'all');
    expect(parsed.entries.map((e) => [e.text, e.marker])).toEqual([
      ['open one', 'open'],
      ['done one', 'done'],
      ['Done too', 'done'],
      ['plain', 'none'],
      ['[ ]not a marker', 'none'],
    ]);
  });

  it('keeps a task item whose text is only a link as a topic, the link as its resource', () => {
    const parsed = parse('- [ ] [Skiena lecture 3 (video)](https://www.youtube.com/watch?v=x)\n');
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.entries[0]!.text).toBe('Skiena lecture 3 (video)');
    expect(parsed.entries[0]!.resources.map((r) => r.url)).toEqual(['https://www.youtube.com/watch?v=x']);
  });

  it('keeps javascript: links as resources that are never clickable', () => {
    const parsed = parse('- [bad](javascript:alert(1))\n- [ok](https://ok.example) and [mail](mailto:a@b.c) and [data](data:text/html,x)\n');
    const resources = allResources(parsed);
    expect(resources.map((r) => [r.url, r.clickable])).toEqual([
      ['javascript:alert(1)', false],
      ['https://ok.example', true],
      ['mailto:a@b.c', true],
      ['data:text/html,x', false],
    ]);
  });

  it('links bare text only under GFM autolink-literal rules', () => {
    const parsed = parse('- tune session.timeout.ms\n- see www.example.com/docs.\n- or https://example.org/x)\n');
    expect(parsed.entries[0]!.resources).toEqual([]);
    expect(parsed.entries[1]!.resources.map((r) => r.url)).toEqual(['http://www.example.com/docs']);
    expect(parsed.entries[2]!.resources.map((r) => r.url)).toEqual(['https://example.org/x']);
  });

  it('resolves reference-style links', () => {
    const parsed = parse('- [Guide][g]\n- topic with [a ref][g]\n\n[g]: https://guide.example "Guide"\n');
    expect(parsed.sections[0]!.resources.map((r) => r.url)).toEqual(['https://guide.example']);
    expect(parsed.entries.map((e) => e.text)).toEqual(['topic with a ref']);
  });

  it('treats links to #anchors of the same file as navigation, not resources', () => {
    const parsed = parse('## Contents\n- [Arrays](#arrays)\n  - [Vectors](#vectors)\n\n## Arrays\n- vectors\n');
    expect(allResources(parsed)).toEqual([]);
    expect(parsed.entries.map((e) => e.text)).toEqual(['vectors']);
  });

  it('opens a section for a list item that starts with a heading', () => {
    const parsed = parse('## Data structures\n- ### Arrays\n  - [ ] vectors\n- ### Lists\n  - [ ] linked lists\n- [ ] after\n');
    const names = parsed.sections.map((s) => s.text);
    expect(names).toEqual(['', 'Data structures', 'Arrays', 'Lists']);
    expect(parsed.sections[2]!.parentIndex).toBe(1);
    expect(parsed.entries.map((e) => [e.text, parsed.sections[e.sectionIndex]!.text])).toEqual([
      ['vectors', 'Arrays'],
      ['linked lists', 'Lists'],
      ['after', 'Data structures'],
    ]);
  });

  it('keeps paragraphs, code, quotes, tables and HTML as notes of their section', () => {
    const parsed = parse(
      '# S\n\nSome prose.\n\n```\ncode\n```\n\n> quote\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<details><summary>x</summary>y</details>\n',
    );
    expect(parsed.sections[1]!.notes.map((n) => n.kind)).toEqual(['paragraph', 'fence', 'blockquote', 'table', 'html_block']);
    expect(parsed.sections[1]!.notes[1]!.source).toBe('```\ncode\n```');
  });

  it('sets Goals and Books apart by title, or by the names front matter gives', () => {
    const parsed = parse('# Goals\n- remote\n# Reading\n- SICP\n# Python\n- generators\n');
    expect(parsed.entries.map((e) => e.kind)).toEqual(['goal', 'book', 'topic']);
    const custom = parse('---\nprepdeck:\n  goals: Targets\n  books: [Library]\n---\n# Targets\n- remote\n# Library\n- SICP\n# Goals\n- x\n');
    expect(custom.entries.map((e) => e.kind)).toEqual(['goal', 'book', 'topic']);
  });

  it('handles CRLF, a BOM and tabs', () => {
    const parsed = parse('\uFEFF# T\r\n- a\r\n\t- b\r\n- c\r\n');
    expect(parsed.sections[1]!.text).toBe('T');
    expect(parsed.entries.map((e) => [e.text, e.depth, e.lines.start])).toEqual([
      ['a', 0, 2],
      ['b', 1, 3],
      ['c', 0, 4],
    ]);
  });

  it('imports an empty file, or one with no lists, with zero topics', () => {
    expect(parse('').entries).toEqual([]);
    expect(parse('# Just a heading\n\nAnd prose.\n').entries).toEqual([]);
  });

  it('reports a front matter that is not YAML as a warning and goes on', () => {
    const parsed = parse('---\ntitle: [unclosed\n---\n- a\n');
    expect(parsed.warnings[0]).toMatch(/front matter is not valid YAML/);
    expect(parsed.entries).toHaveLength(1);
  });
});

describe('choosing between an outline and a task list', () => {
  it('reads a file of open tasks with prose between them as a task list', () => {
    const parsed = parse('# Plan\n- [ ] one\n  - skip the proofs\n  - [notes](https://n.example)\n- [ ] two\n- Description: prose\n- [x] three\n');
    expect(parsed.topicsMode.mode).toBe('tasks');
    expect(parsed.entries.map((e) => e.text)).toEqual(['one', 'two', 'three']);
    expect(parsed.entries[0]!.details).toBe('- skip the proofs');
    expect(parsed.entries[0]!.resources.map((r) => r.url)).toEqual(['https://n.example']);
    // A prose bullet after a task is that task's (issue 14 item 5).
    expect(parsed.entries[1]!.details).toBe('- Description: prose');
    expect(parsed.sections[1]!.notes).toEqual([]);
  });

  it('keeps every item of an outline with a few ticks sprinkled in', () => {
    const items = Array.from({ length: 20 }, (_, i) => `- ${i === 3 || i === 9 ? '[x] ' : ''}topic ${i}`).join('\n');
    const parsed = parse(`# Outline\n${items}\n`);
    expect(parsed.topicsMode.mode).toBe('all');
    expect(parsed.entries).toHaveLength(20);
    expect(parsed.topicsMode.reason).toMatch(/2 of 20/);
  });

  it('lets --topics override the choice', () => {
    expect(parse('- [ ] a\n- b\n', 'all').entries).toHaveLength(2);
    expect(parse('- [x] a\n- b\n', 'tasks').entries).toHaveLength(1);
  });

  it('lets front matter choose', () => {
    const parsed = parse('---\nprepdeck:\n  topics: tasks\n---\n- [x] a\n- b\n');
    expect(parsed.topicsMode.mode).toBe('tasks');
    expect(parsed.topicsMode.reason).toMatch(/front matter/);
  });
});

describe('the shipped task-list study plan and outline', () => {
  it('imports a task-list study plan with exactly its task items as topics', () => {
    const expected = JSON.parse(readFixture('task-list-study-plan.expected.json')) as { taskItems: number; checkedTaskItems: number };
    const parsed = parse(readFixture('task-list-study-plan.md'));
    expect(parsed.topicsMode.mode).toBe('tasks');
    expect(parsed.topicsMode.reason).toContain(`${expected.taskItems} of`);
    expect(parsed.entries).toHaveLength(expected.taskItems);
    expect(parsed.entries.every((e) => e.marker !== 'none')).toBe(true);
    expect(parsed.entries.filter((e) => e.marker === 'done')).toHaveLength(expected.checkedTaskItems);
    // Link-only video tasks keep their link text as title and their URL as resource.
    const video = parsed.entries.find((e) => e.text.endsWith('(video)'))!;
    expect(video.resources[0]!.url).toMatch(/^https:\/\/www\.youtube\.com\//);
    // The table of contents adds nothing; headings inside list items open sections.
    expect([...parsed.sections.flatMap((s) => s.resources), ...parsed.entries.flatMap((e) => e.resources)].some((r) => r.url.startsWith('#'))).toBe(
      false,
    );
    expect(parsed.sections.some((s) => s.text === 'Stack' && s.level === 3)).toBe(true);
  });

  it('keeps every item of an outline with two ticks sprinkled in', () => {
    const expected = JSON.parse(readFixture('sprinkled-outline.expected.json')) as { listItems: number; checked: number };
    const parsed = parse(readFixture('sprinkled-outline.md'));
    expect(parsed.topicsMode.mode).toBe('all');
    expect(parsed.entries).toHaveLength(expected.listItems);
    expect(parsed.entries.filter((e) => e.marker === 'done')).toHaveLength(expected.checked);
  });
});

describe('lists nested past what the parser reads', () => {
  it('says which lines were not read, instead of losing the rest of the file silently', () => {
    const deep = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const parsed = parse(`# Deep\n${deep}\n\nafter the deep list\n\n# Later section\n- later topic\n`);
    expect(parsed.warnings).toEqual([expect.stringMatching(/^lists or quotes nest deeper than the parser reads .*; lines \d+-306 were not read$/)]);
  });

  it('does not mistake an empty last item for unread lines', () => {
    expect(parse('# A\n- one\n- \n').warnings).toEqual([]);
  });
});

describe.runIf(hasUserFixture)("the user's autolinked topic", () => {
  it('reads as its text with the link beside it, under the identity it always had', () => {
    const parsed = parse(readFileSync(USER_FIXTURE, 'utf8'));
    const index = parsed.entries.findIndex((e) => e.text === 'mypy - type checker');
    expect(parsed.entries[index]!.resources.map((r) => r.url)).toEqual(['https://mypy.readthedocs.io/en/stable/']);
    expect(entryIdentityKeys(parsed, sectionPathKeys(parsed))[index]).toBe(
      'python / tools / mypy - type checker https://mypy.readthedocs.io/en/stable',
    );
  });
});
