// Issue 14 item 4: notes written as obsidian-spaced-repetition's documentation and tests write them
// (docs/en/flashcards/qanda-cards.md, tests/unit/parser/01_simple_tests/*.test.ts of st3v3nmw/obsidian-spaced-repetition).
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import { insertCards } from '../../../src/core/write-back/cards.js';

const parse = (text: string) => parseChecklist(text, { fallbackTitle: 'note' });
const sides = (text: string) => parse(text).cards.map((c) => [c.front, c.back, c.entryIndex]);

describe("the plugin's own card syntax", () => {
  it('reads a single-line card without spaces around `::`, as a card of its section', () => {
    const parsed = parse('#flashcards\n\n# Cards\n\nthe question goes on this side::answer goes here!\n');
    expect(parsed.cards.map((c) => [c.front, c.back, c.entryIndex, c.sectionIndex, c.lines])).toEqual([
      ['the question goes on this side', 'answer goes here!', null, 1, { start: 5, end: 5 }],
    ]);
    expect(parsed.sections[1]!.notes).toEqual([]);
  });

  it('reads `:::` as a card asked both ways', () => {
    expect(sides('info 1:::info 2\n')).toEqual([
      ['info 1', 'info 2', null],
      ['info 2', 'info 1', null],
    ]);
  });

  it('reads multi-line cards around `?` and `??`, the whole paragraph touching it', () => {
    const note = [
      'Front of multiline',
      '?',
      'Backside of multiline card',
      '',
      'As per the definition',
      'of "multiline" the prompt',
      'can be on multiple lines',
      '??',
      'same goes for',
      'the answer',
      '',
    ].join('\n');
    expect(sides(note)).toEqual([
      ['Front of multiline', 'Backside of multiline card', null],
      ['As per the definition\nof "multiline" the prompt\ncan be on multiple lines', 'same goes for\nthe answer', null],
      ['same goes for\nthe answer', 'As per the definition\nof "multiline" the prompt\ncan be on multiple lines', null],
    ]);
  });

  it('leaves out the schedule comments and deck tags the plugin writes, and reads each card line of a paragraph', () => {
    const note = [
      '#flashcards/science',
      '<!--SR:2021-08-11,4,270-->',
      '',
      'Some text before',
      'Question1::Answer1 <!--SR:2021-08-11,4,270-->',
      'Question2::Answer2',
      '<!--SR:!2021-08-11,4,270-->',
      '',
      '#flashcards/science Question3::Answer3',
      '',
    ].join('\n');
    const parsed = parse(note);
    expect(parsed.cards.map((c) => [c.front, c.back, c.lines.start])).toEqual([
      ['Question1', 'Answer1', 5],
      ['Question2', 'Answer2', 6],
      ['Question3', 'Answer3', 9],
    ]);
    // The paragraph holding other text is kept whole as a note; nothing holds the schedule alone.
    expect(parsed.sections[0]!.notes.map((n) => n.source)).toEqual([
      '#flashcards/science',
      'Some text before\nQuestion1::Answer1 <!--SR:2021-08-11,4,270-->\nQuestion2::Answer2',
    ]);
  });

  it("reads them under a topic as that topic's cards, and in lists keeps the spaced `::` rule", () => {
    const parsed = parse('# C++\n- move semantics\n\n  Why move?::to avoid a copy\n- std::vector\n- `a::b` stays text\n');
    expect(parsed.entries.map((e) => e.text)).toEqual(['move semantics', 'std::vector', 'a::b stays text']);
    expect(parsed.cards.map((c) => [c.front, c.back, c.entryIndex])).toEqual([['Why move?', 'to avoid a copy', 0]]);
    expect(parsed.entries[0]!.details).toBe('');
  });

  it('reads ` ::: ` and `??` in list items as cards both ways', () => {
    expect(sides('- topic\n  - hola ::: hello\n  - bonjour\n    ??\n    hello\n')).toEqual([
      ['hola', 'hello', 0],
      ['hello', 'hola', 0],
      ['bonjour', 'hello', 0],
      ['hello', 'bonjour', 0],
    ]);
  });

  it('does not read `::` in code, or a lone `?` without both sides', () => {
    expect(sides('Use `std::move` here.\n\n```\na::b\n```\n\n?\nno question\n')).toEqual([]);
  });

  it('under a goals heading, stays text', () => {
    expect(sides('# Goals\n\nLocation::Europe\n')).toEqual([]);
  });

  it('keeps write-back working beside them: a card added in prepdeck is written under its topic and reads back', () => {
    const text = '# Go\n\nchannels::typed conduits\n\n- goroutines\n';
    const parsed = parse(text);
    const written = insertCards(text, parsed, [{ cardId: 7, entryIndex: 0, front: 'What starts one?', back: 'the go keyword' }]);
    expect(written.warnings).toEqual([]);
    expect(written.text).toBe('# Go\n\nchannels::typed conduits\n\n- goroutines\n  - What starts one? :: the go keyword\n');
    expect(sides(written.text)).toEqual([
      ['channels', 'typed conduits', null],
      ['What starts one?', 'the go keyword', 0],
    ]);
  });
});
