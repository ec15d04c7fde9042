// Edge cases: what the card syntax takes that it should not (core/import/parse-checklist.ts#readCard, core/review/cards.ts).
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../src/core/import/parse-checklist.js';

const parse = (text: string) => parseChecklist(text, { fallbackTitle: 'x' });

describe('`::` that is not a card separator', () => {
  it('inside a code span: a Haskell signature stays a topic', () => {
    const parsed = parse('# Haskell\n- `foldr :: (a -> b -> b) -> b -> [a] -> b`\n- `map :: (a -> b) -> [a] -> [b]`\n');
    expect(parsed.cards).toEqual([]);
    expect(parsed.entries.map((e) => e.text)).toEqual(['foldr :: (a -> b -> b) -> b -> [a] -> b', 'map :: (a -> b) -> [a] -> [b]']);
  });

  it('inside a link text: a link-only bullet stays a resource of its section', () => {
    const parsed = parse('# C++\n- [std :: move explained](https://example.com/move)\n');
    expect(parsed.cards).toEqual([]);
    expect(parsed.sections[1]!.resources.map((r) => r.url)).toEqual(['https://example.com/move']);
  });

  it('inside emphasis: the separator does not cut `**bold :: x**` in two halves of broken Markdown', () => {
    const parsed = parse('# P\n- **bold :: x**\n');
    expect(parsed.cards.map((c) => [c.front, c.back])).not.toEqual([['**bold', 'x**']]);
  });
});

describe('cards and the task-list reading', () => {
  it('adding cards under the tasks of a task list keeps it a task list (prose bullets stay details)', () => {
    const tasks = '# Plan\n- [ ] arrays\n  - read chapter 3\n- [ ] graphs\n- [x] trees\n- [ ] heaps\n';
    expect(parse(tasks).topicsMode.mode).toBe('tasks');
    const cards = Array.from({ length: 12 }, (_, i) => `  - Question ${i}? :: answer ${i}`).join('\n');
    const withCards = tasks.replace('- [ ] graphs\n', `- [ ] graphs\n${cards}\n`);
    const parsed = parse(withCards);
    expect(parsed.cards).toHaveLength(12);
    expect(parsed.topicsMode.mode).toBe('tasks');
    expect(parsed.entries.map((e) => e.text)).toEqual(['arrays', 'graphs', 'trees', 'heaps']);
  });
});
