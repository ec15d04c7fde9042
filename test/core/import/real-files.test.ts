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
