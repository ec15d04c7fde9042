// Edge cases: cards written into the file must read back exactly (question AND answer), and leave every other card,
// detail and note reading as before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../src/core/import/parse-checklist.js';
import type { ParsedChecklist } from '../../src/core/checklist/model.js';
import { insertCards } from '../../src/core/write-back/cards.js';

const parse = (text: string) => parseChecklist(text, { fallbackTitle: 't', topics: 'all' });

const item = fc
  .record({
    indent: fc.constantFrom('', '  ', '    ', '\t', '   '),
    bullet: fc.constantFrom('-', '*', '1.', '10.'),
    text: fc.constantFrom(
      'generators',
      'плюшки',
      'q :: a',
      'Why?\n  ?\n  because',
      '`code`',
      'x',
      'topic\n\n  para',
      'topic\n  ```\n  code',
      'topic\n  <div>',
      'topic\n  | a | b |\n  |---|---|\n  | 1 | 2 |',
    ),
  })
  .map(({ indent, bullet, text }) => `${indent}${bullet} ${text}`);
const other = fc.constantFrom('', '# Python', '## Core', 'some prose', '```', '> a quote', '  continued text', '<div>', '</div>');
const document = fc
  .array(fc.oneof({ weight: 5, arbitrary: item }, { weight: 2, arbitrary: other }), { minLength: 1, maxLength: 14 })
  .map((lines) => lines.join('\n') + '\n');
const cardText = fc.oneof(
  fc.constantFrom(
    'What does send() do?',
    'a :: b',
    'x\n?\ny',
    'line one\n\nline two',
    '`code`',
    '  indented',
    'code:\n\n    four spaces',
    '```\nfenced\n```',
    '<div>\nhtml\n</div>',
    '| a |\n|---|\n| 1 |',
    'a\\\nb',
    'ends with two spaces  \nnext',
    '1) one',
    '* star',
    '# h',
    '[ ] x',
    'x\n- y',
    '    code first',
  ),
  fc.string({ maxLength: 10 }),
);

const detailsOf = (p: ParsedChecklist) => p.entries.map((e) => e.details);
const notesOf = (p: ParsedChecklist) => p.sections.map((s) => s.notes.map((n) => n.source));
const cardsOf = (p: ParsedChecklist) => p.cards.map((c) => [c.entryIndex, c.front, c.back]);

describe('insertCards', () => {
  it('writes cards that read back with their answer, and changes nothing else', () => {
    fc.assert(
      fc.property(
        document,
        fc.array(fc.record({ pick: fc.nat(), front: cardText, back: cardText }), { minLength: 1, maxLength: 3 }),
        (text, drafts) => {
          const parsed = parse(text);
          const topics = parsed.entries.filter((e) => e.kind === 'topic');
          fc.pre(topics.length > 0);
          const cards = drafts
            .filter((d) => d.front.trim() !== '')
            .map((d, i) => ({ cardId: i + 1, entryIndex: topics[d.pick % topics.length]!.index, front: d.front, back: d.back }));
          fc.pre(cards.length > 0);
          const written = insertCards(text, parsed, cards);
          if (written.insertions.length === 0) return;
          const after = parse(written.text);
          for (const insertion of written.insertions) {
            const card = cards.find((c) => c.cardId === insertion.cardId)!;
            const read = after.cards.find((c) => c.lines.start === insertion.line);
            expect({ front: read?.front, back: read?.back }).toEqual({ front: card.front.trim(), back: card.back.trim() });
          }
          const insertedLines = new Set(written.insertions.map((i) => i.line));
          const otherCards = after.cards.filter((c) => !insertedLines.has(c.lines.start));
          expect(otherCards.map((c) => [c.entryIndex, c.front, c.back])).toEqual(cardsOf(parsed));
          expect(detailsOf(after)).toEqual(detailsOf(parsed));
          expect(notesOf(after)).toEqual(notesOf(parsed));
        },
      ),
      { numRuns: 1500 },
    );
    // Many parses of generated text: generous on a busy CI machine (a limit, not a timing).
  }, 60_000);
});
