// Issue 14 point 11, for cards written in the file: the rules `card add` keeps (core/review/cards.ts#cardRefusal)
// hold for them too. A card that only repeats its topic, or has no answer, is not made a card; the import says so in
// a warning naming its line, and its lines stay in the file's text as written (the topic's details, a section's note).
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import { cardRefusal } from '../../../src/core/review/cards.js';

const parse = (text: string, topics?: 'all' | 'tasks' | 'headings') => parseChecklist(text, { fallbackTitle: 'prep', topics });
const sides = (text: string) => parse(text).cards.map((c) => [c.front, c.back, c.entryIndex]);

describe('the card rules, one function for `card add`, the API and the import', () => {
  it('refuses a card without a question or an answer, and a question that only repeats its topic', () => {
    expect(cardRefusal({ front: 'What are descriptors?', back: 'attribute hooks' }, 'descriptors')).toBeNull();
    expect(cardRefusal({ front: ' ', back: 'x' }, null)).toBe('no-question');
    expect(cardRefusal({ front: 'What does send() do?', back: ' \n' }, 'generators')).toBe('no-answer');
    for (const front of ['descriptors', 'DESCRIPTORS', 'Explain: descriptors', 'explain descriptors']) {
      expect(cardRefusal({ front, back: 'x' }, 'descriptors')).toBe('repeats-topic');
    }
    // A card of a section has no topic card to repeat.
    expect(cardRefusal({ front: 'descriptors', back: 'x' }, null)).toBeNull();
  });
});

describe('a card in the file that repeats its topic', () => {
  const file = [
    '# Python',
    '',
    '- descriptors',
    '  - Explain: descriptors :: they hook attribute access',
    '  - What does __get__ receive? :: the instance and its type',
    '- generators',
    '  - GENERATORS :: lazy iterators',
    '  - generators',
    '    ?',
    '    lazy iterators, over several lines',
    '',
  ].join('\n');
  const parsed = parse(file);

  it('is not made a card, in the `::` form or the `?` form, any case; the cards that ask something stay', () => {
    expect(parsed.cards.map((c) => [c.front, c.entryIndex])).toEqual([['What does __get__ receive?', 0]]);
    expect(parsed.entries.map((e) => e.text)).toEqual(['descriptors', 'generators']);
  });

  it("keeps its lines as written in the topic's details, so that nothing of the file is lost", () => {
    expect(parsed.entries[0]!.details).toBe('- Explain: descriptors :: they hook attribute access');
    expect(parsed.entries[1]!.details).toBe('- GENERATORS :: lazy iterators\n- generators\n  ?\n  lazy iterators, over several lines');
  });

  it('says so in one warning per card, naming its line, the reason and where its lines stay', () => {
    const repeats = (topic: string) => `its question only repeats its topic '${topic}', which the topic's own card asks`;
    expect(parsed.warnings).toEqual([
      `line 4: 'Explain: descriptors' is not made a card: ${repeats('descriptors')}; its lines stay in the details of 'descriptors'`,
      `line 7: 'GENERATORS' is not made a card: ${repeats('generators')}; its lines stay in the details of 'generators'`,
      `line 8: 'generators' is not made a card: ${repeats('generators')}; its lines stay in the details of 'generators'`,
    ]);
  });

  it("written as obsidian-spaced-repetition's paragraph `Q::A` under the topic, stays the paragraph it is", () => {
    const note = parse('- descriptors\n\n  descriptors::attribute hooks\n\n  What calls __set__?::assignment\n');
    expect(note.cards.map((c) => [c.front, c.back])).toEqual([['What calls __set__?', 'assignment']]);
    expect(note.entries[0]!.details).toBe('descriptors::attribute hooks');
    expect(note.warnings).toEqual([
      "line 3: 'descriptors' is not made a card: its question only repeats its topic 'descriptors', which the topic's own card asks; its lines stay in the details of 'descriptors'",
    ]);
    // Beside a card the rules keep, in one paragraph: the paragraph stays whole too, as one with other text does.
    const mixed = parse('- descriptors\n\n  Descriptors::attribute hooks\n  What calls __set__?::assignment\n');
    expect(mixed.cards.map((c) => c.front)).toEqual(['What calls __set__?']);
    expect(mixed.entries[0]!.details).toBe('Descriptors::attribute hooks\nWhat calls __set__?::assignment');
  });

  it('asked both ways, is made a card the way that asks something, and says what was read, which way was left out and how to write it', () => {
    const parsed = parse('- descriptors\n  - descriptors ::: Python attribute hooks\n');
    expect(sides('- descriptors\n  - descriptors ::: Python attribute hooks\n')).toEqual([['Python attribute hooks', 'descriptors', 0]]);
    expect(parsed.entries[0]!.details).toBe('');
    const warning =
      "line 2: a card asked both ways ('descriptors', 'Python attribute hooks') is made one way only, question 'Python attribute hooks' and answer 'descriptors': " +
      "the other way is left out, as its question only repeats its topic 'descriptors', which the topic's own card asks. " +
      "Write it one way, 'Python attribute hooks' first (:: for :::, ? for ??), to make that one card without this warning";
    expect(parsed.warnings).toEqual([warning]);
    // Over `??`, the same card and the same words; written as the warning says, one way, it is that card and no warning.
    const asked = parse('- descriptors\n  - descriptors\n    ??\n    Python attribute hooks\n');
    expect(asked.cards.map((c) => [c.front, c.back])).toEqual([['Python attribute hooks', 'descriptors']]);
    expect(asked.warnings).toEqual([warning]);
    const rewritten = parse('- descriptors\n  - Python attribute hooks :: descriptors\n');
    expect([rewritten.cards.map((c) => [c.front, c.back]), rewritten.warnings]).toEqual([[['Python attribute hooks', 'descriptors']], []]);
  });

  it('read by headings, under a leaf heading, stays in that topic', () => {
    const parsed = parse('# Guide\n\n## Latency\n\nLatency is the time to do something.\n\n- latency :: time to do it\n', 'headings');
    expect(parsed.cards).toEqual([]);
    expect(parsed.entries[0]!.details).toBe('Latency is the time to do something.\n\n- latency :: time to do it');
    expect(parsed.warnings).toEqual([
      expect.stringMatching(/^line 7: 'latency' is not made a card: .*; its lines stay in the details of 'Latency'$/),
    ]);
  });
});

describe('a card in the file with no answer', () => {
  it('over a `?` line with nothing under it, is not made a card; its lines stay details, said with its line', () => {
    const parsed = parse('- generators\n  - What does send() do?\n    ?\n- closures\n  - What is a cell?\n\n    ?\n');
    expect(parsed.cards).toEqual([]);
    expect(parsed.entries.map((e) => [e.text, e.details])).toEqual([
      ['generators', '- What does send() do?\n  ?'],
      ['closures', '- What is a cell?\n\n  ?'],
    ]);
    expect(parsed.warnings).toEqual([
      "line 2: 'What does send() do?' is not made a card: it has no answer (nothing under its ?); its lines stay in the details of 'generators'",
      "line 5: 'What is a cell?' is not made a card: it has no answer (nothing under its ?); its lines stay in the details of 'closures'",
    ]);
  });

  it("written as the plugin's paragraph over `?` or `??`, stays a note of its section, said with its line", () => {
    const parsed = parse('# Cards\n\nFront of a card\nover two lines\n??\n\nA card::with an answer\n');
    expect(parsed.cards.map((c) => c.front)).toEqual(['A card']);
    expect(parsed.sections[1]!.notes.map((n) => n.source)).toEqual(['Front of a card\nover two lines\n??']);
    expect(parsed.warnings).toEqual([
      "line 3: 'Front of a card…' is not made a card: it has no answer (nothing under its ?); its lines stay a note of the section 'Cards'",
      '0 topics imported: no list items, 1 question card written as a paragraph (of its section); a list item with text of its own is a topic',
    ]);
  });

  it('standing in a section, stays a note of it (beside the bullets before it) or at the top of the file', () => {
    const parsed = parse('- Why?\n  ?\n\n# Go\n\n- [ ] channels\n- [ ] maps\n- [ ] slices\n\n## Cards\n\n- What is a goroutine?\n  ?\n');
    expect(parsed.topicsMode.mode).toBe('tasks');
    expect(parsed.cards).toEqual([]);
    expect(parsed.sections[0]!.notes.map((n) => [n.kind, n.source])).toEqual([['bullets', '- Why?\n  ?']]);
    expect(parsed.sections[2]!.notes.map((n) => [n.kind, n.source, n.lines])).toEqual([
      ['bullets', '- What is a goroutine?\n  ?', { start: 12, end: 13 }],
    ]);
    expect(parsed.warnings).toEqual([
      "line 1: 'Why?' is not made a card: it has no answer (nothing under its ?); its lines stay a note at the top of the file",
      "line 12: 'What is a goroutine?' is not made a card: it has no answer (nothing under its ?); its lines stay a note of the section 'Cards'",
    ]);
  });

  it('leaves a file of cards the rules keep without a warning', () => {
    const parsed = parse('- generators\n  - What does send() do? :: resumes it\n  - Why lazy?\n    ?\n    memory\n\nQuestion::Answer\n');
    expect(parsed.cards).toHaveLength(3);
    expect(parsed.warnings).toEqual([]);
  });
});

describe('a file that yields no topics says why, in words that fit it', () => {
  it('with only cards written as paragraphs, says there are no list items', () => {
    expect(parse('# Cards\n\nQ1::A1\n\nQ2::A2\n\nQ3::A3\n').warnings).toEqual([
      '0 topics imported: no list items, 3 question cards written as paragraphs (of their sections); a list item with text of its own is a topic',
    ]);
    expect(parse('Q1::A1\n').warnings).toEqual([
      '0 topics imported: no list items, 1 question card written as a paragraph (of its section); a list item with text of its own is a topic',
    ]);
  });

  it('counts list items as list items, with a verb that agrees with each count', () => {
    expect(parse('# Cards\n\n- Q1 :: A1\n- [One](https://one.example)\n\nQ2::A2\n').warnings).toEqual([
      '0 topics imported: of 2 list items, 1 holds only web links (read as resources), 1 is a question card (of its section); besides, 1 question card written as a paragraph (of its section); an item with text of its own is a topic',
    ]);
    expect(parse('- Q1 :: A1\n- Q2 :: A2\n- Why?\n  ?\n').warnings).toEqual([
      "line 3: 'Why?' is not made a card: it has no answer (nothing under its ?); its lines stay a note at the top of the file",
      '0 topics imported: of 3 list items, 2 are question cards (of their sections), 1 is a card refused (see its warning); an item with text of its own is a topic',
    ]);
  });

  it('read as a task list, names the items without a task marker', () => {
    expect(parse('- a\n- b\n', 'tasks').warnings).toEqual([
      '0 topics imported: of 2 list items, 2 have no task marker (read as notes); read as a task list, a task item (- [ ] ...) is a topic',
    ]);
  });
});

describe('the reading chosen by hand says the task count only where task markers bear on it', () => {
  const outline = '- a\n- b\n- [x] c\n';
  it('left out read by headings, and in an outline without task markers', () => {
    expect(parse(outline, 'headings').topicsMode.reason).toBe('--topics headings was given');
    expect(parse('- a\n- b\n', 'all').topicsMode.reason).toBe('--topics all was given');
  });

  it('said for a task list, and for an outline read past its task markers', () => {
    expect(parse(outline, 'tasks').topicsMode.reason).toBe('--topics tasks was given (1 of 3 list items carry task markers)');
    expect(parse(outline, 'all').topicsMode.reason).toBe('--topics all was given (1 of 3 list items carry task markers)');
  });
});
