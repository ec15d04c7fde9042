import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import { checkCardInsertions, insertCards, lineAfterInsertions } from '../../../src/core/write-back/cards.js';
import { checkWriteBack } from '../../../src/core/write-back/markers.js';

const parse = (text: string) => parseChecklist(text, { fallbackTitle: 'plan', topics: 'all' });
const entryOf = (text: string, title: string) => parse(text).entries.find((e) => e.text === title)!.index;

describe('writing cards added in prepdeck into the file', () => {
  it('puts a card under its topic, after what the topic holds, with the bullet its sub-items use', () => {
    const text = '# Python\n* generators\n  + send()\n  + throw()\n* descriptors\n';
    const written = insertCards(text, parse(text), [
      { cardId: 1, entryIndex: entryOf(text, 'generators'), front: 'What does send() do?', back: 'resumes it' },
    ]);
    expect(written.text).toBe('# Python\n* generators\n  + send()\n  + throw()\n  + What does send() do? :: resumes it\n* descriptors\n');
    expect(written.insertions).toMatchObject([{ cardId: 1, line: 5, afterLine: 4, lineCount: 1, title: 'generators' }]);
    const after = parse(written.text);
    expect(after.cards).toMatchObject([{ entryIndex: 0, front: 'What does send() do?', back: 'resumes it' }]);
    expect(
      checkCardInsertions(parse(text), after, written.insertions, new Map([[1, { front: 'What does send() do?', back: 'resumes it' }]])),
    ).toBeNull();
    expect(checkWriteBack(parse(text), after, [], (line) => lineAfterInsertions(line, written.insertions))).toBeNull();
  });

  it('keeps CRLF, the BOM, a task marker column, ordered lists and a last line without a line break', () => {
    const text = '\uFEFF# SQL\r\n1. [x] SELECT FOR UPDATE';
    const written = insertCards(text, parse(text), [{ cardId: 2, entryIndex: 0, front: 'Which rows?', back: 'Selected.\n\nUntil commit.' }]);
    expect(written.text).toBe('\uFEFF# SQL\r\n1. [x] SELECT FOR UPDATE\r\n   - Which rows?\r\n     ?\r\n     Selected.\r\n\r\n     Until commit.');
    expect(parse(written.text).cards).toMatchObject([{ entryIndex: 0, front: 'Which rows?', back: 'Selected.\n\nUntil commit.' }]);
  });

  it('leaves a card without an answer in prepdeck, with a warning, instead of writing a bare `?`', () => {
    const text = '# SQL\n- joins\n';
    const written = insertCards(text, parse(text), [{ cardId: 3, entryIndex: 0, front: 'Which kinds?', back: '  ' }]);
    expect(written.text).toBe(text);
    expect(written.insertions).toEqual([]);
    expect(written.warnings).toEqual([
      'card 3 (Which kinds?): it has no answer, and would be written as a bare `?`; left in prepdeck only (`prepdeck card edit 3 --answer ...`)',
    ]);
  });

  it('nests under a nested topic, and several cards of one topic go in order', () => {
    const text = '- Python\n    - generators\n- SQL\n';
    const index = entryOf(text, 'generators');
    const written = insertCards(text, parse(text), [
      { cardId: 1, entryIndex: index, front: 'one', back: 'a' },
      { cardId: 2, entryIndex: index, front: 'two', back: 'b' },
    ]);
    expect(written.text).toBe('- Python\n    - generators\n      - one :: a\n      - two :: b\n- SQL\n');
    expect(written.insertions.map((i) => i.line)).toEqual([3, 4]);
    expect(parse(written.text).cards.map((c) => [c.entryIndex, c.front])).toEqual([
      [index, 'one'],
      [index, 'two'],
    ]);
  });

  it('leaves out, with a warning, a card that would not read back as itself', () => {
    const text = '- topic\n';
    const written = insertCards(text, parse(text), [
      { cardId: 2, entryIndex: entryOf(text, 'topic'), front: '# a heading', back: 'a' },
      { cardId: 3, entryIndex: entryOf(text, 'topic'), front: '[ ] looks like a task', back: 'a' },
    ]);
    expect(written.text).toBe(text);
    expect(written.insertions).toEqual([]);
    expect(written.warnings).toEqual([
      'card 2 (# a heading): it would not read back as the same card in Markdown; left in prepdeck only',
      'card 3 ([ ] looks like a task): it would not read back as the same card in Markdown; left in prepdeck only',
    ]);
  });
});
