import { describe, expect, it } from 'vitest';
import { cardOwner, fileCardOwner, inlineCard, planCards, renderCard, repeatsTopic, type StoredCardRef } from '../../../src/core/review/cards.js';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';

const parse = (text: string) => parseChecklist(text, { fallbackTitle: 'prep' });

describe('cards written in the file', () => {
  it('reads `question :: answer` sub-bullets as cards of their topic, not as topics', () => {
    const parsed = parse('# Python\n- generators\n  - What does send() do? :: resumes it with a value\n  - std::vector and a::b stay text\n');
    expect(parsed.entries.map((e) => e.text)).toEqual(['generators', 'std::vector and a::b stay text']);
    expect(parsed.cards).toEqual([
      { entryIndex: 0, sectionIndex: 1, front: 'What does send() do?', back: 'resumes it with a value', lines: { start: 3, end: 3 } },
    ]);
  });

  it('reads the multi-line form: a line `?` between question and answer, the rest of the item in the answer', () => {
    const text = [
      '- SQL',
      '  - What does SELECT FOR UPDATE lock?',
      '    ?',
      '    The selected rows,',
      '    until the transaction ends.',
      '',
      '    ```sql',
      '    select * from t for update;',
      '    ```',
      '  - Вопрос по-русски',
      '',
      '    ?',
      '',
      '    Ответ **жирным**',
      '',
    ].join('\n');
    const parsed = parse(text);
    expect(parsed.entries.map((e) => e.text)).toEqual(['SQL']);
    expect(parsed.cards.map(({ front, back, lines }) => ({ front, back, lines }))).toEqual([
      {
        front: 'What does SELECT FOR UPDATE lock?',
        back: 'The selected rows,\nuntil the transaction ends.\n\n```sql\nselect * from t for update;\n```',
        lines: { start: 2, end: 9 },
      },
      { front: 'Вопрос по-русски', back: 'Ответ **жирным**', lines: { start: 10, end: 14 } },
    ]);
  });

  it('keeps task items topics, and cards in a section without a topic above them', () => {
    const parsed = parse('# Go\n- [ ] channels :: not a card\n- [x] maps\n- [ ] slices\n- What is a goroutine? :: a lightweight thread\n');
    expect(parsed.topicsMode.mode).toBe('tasks');
    expect(parsed.entries.map((e) => e.text)).toEqual(['channels :: not a card', 'maps', 'slices']);
    expect(parsed.cards).toMatchObject([{ entryIndex: null, sectionIndex: 1, front: 'What is a goroutine?' }]);
  });

  it('needs white space around `::` and text on both sides', () => {
    expect(inlineCard('q :: a')).toEqual({ front: 'q', back: 'a' });
    expect(inlineCard('q::a')).toBeNull();
    expect(inlineCard(':: a')).toBeNull();
    expect(inlineCard('q ::')).toBeNull();
    expect(inlineCard('a :: b :: c')).toEqual({ front: 'a', back: 'b :: c' });
  });

  it('writes a card back in the syntax it is read in', () => {
    expect(renderCard({ front: 'q', back: 'a' }, '  ', '-', '\n')).toBe('  - q :: a\n');
    const multi = renderCard({ front: 'Why?', back: 'First line.\n\nSecond.' }, '  ', '*', '\r\n');
    expect(multi).toBe('  * Why?\r\n    ?\r\n    First line.\r\n\r\n    Second.\r\n');
    const reparsed = parse(`- topic\n${multi.replaceAll('\r\n', '\n')}`);
    expect(reparsed.cards).toMatchObject([{ front: 'Why?', back: 'First line.\n\nSecond.' }]);
  });
});

describe('a card repeating its topic', () => {
  it('is its title or `Explain:` and its title, in any case or spacing; a question about it is not', () => {
    for (const front of ['descriptors', 'Descriptors', ' DESCRIPTORS? ', 'Explain: descriptors', 'explain descriptors']) {
      expect(repeatsTopic(front, 'descriptors')).toBe(true);
    }
    expect(repeatsTopic('What are descriptors?', 'descriptors')).toBe(false);
    expect(repeatsTopic('Explain: metaclasses', 'descriptors')).toBe(false);
  });
});

describe('pairing file cards with stored ones on re-import', () => {
  const stored = (id: number, owner: string, identityKey: string, extra: Partial<StoredCardRef> = {}): StoredCardRef => ({
    id,
    owner,
    identityKey,
    back: 'answer',
    origin: 'file',
    archived: false,
    ...extra,
  });

  it('keeps a card by its question under its topic, case and spacing aside', () => {
    const plan = planCards([{ owner: '7', front: 'What  is X?', back: 'new answer' }], [stored(1, '7', 'what is x')]);
    expect(plan).toEqual({ cards: [{ identityKey: 'what is x', existingId: 1 }], archivedIds: [] });
  });

  it('follows an edited question by its unchanged answer, and a card moved to another topic by its question', () => {
    const plan = planCards(
      [
        { owner: '7', front: 'What is X, really?', back: 'answer' },
        { owner: '9', front: 'moved one', back: 'other' },
      ],
      [stored(1, '7', 'what is x'), stored(2, '8', 'moved one', { back: 'other' })],
    );
    expect(plan.cards.map((c) => c.existingId)).toEqual([1, 2]);
  });

  it('archives file cards gone from the file, never app cards, and finds an app card written into the file', () => {
    const plan = planCards(
      [{ owner: '7', front: 'added in the app', back: 'a' }],
      [stored(1, '7', 'gone'), stored(2, '7', 'added in the app', { origin: 'app' }), stored(3, '7', 'app only', { origin: 'app' })],
    );
    expect(plan).toEqual({ cards: [{ identityKey: 'added in the app', existingId: 2 }], archivedIds: [1] });
  });

  it('tells apart the same question written twice under one topic', () => {
    const plan = planCards(
      [
        { owner: '7', front: 'q', back: 'first' },
        { owner: '7', front: 'q', back: 'second' },
      ],
      [stored(1, '7', 'q'), stored(2, '7', 'q#2')],
    );
    expect(plan.cards).toEqual([
      { identityKey: 'q', existingId: 1 },
      { identityKey: 'q#2', existingId: 2 },
    ]);
  });
});

describe('card owners, the keys re-import pairs cards under', () => {
  it('owns a card by its topic id, or by its section path key when it stands in a section', () => {
    expect(cardOwner(42, 'python')).toBe('42');
    expect(cardOwner(null, 'python / core')).toBe('s:python / core');
  });

  it('gives a file card its stored topic, its section, or its place under a topic not stored yet', () => {
    const topicIds = [7, null];
    const sectionKeys = ['', 'python'];
    expect(fileCardOwner({ entryIndex: 0, sectionIndex: 1 }, topicIds, sectionKeys)).toBe('7');
    expect(fileCardOwner({ entryIndex: 1, sectionIndex: 1 }, topicIds, sectionKeys)).toBe('new:1');
    expect(fileCardOwner({ entryIndex: null, sectionIndex: 1 }, topicIds, sectionKeys)).toBe('s:python');
  });
});
