// What is refused before anything is parsed: the ceiling on list items (issue 12 item 4), counted in one pass.
import { describe, expect, it } from 'vitest';
import { PayloadTooLargeError } from '../../../src/core/errors.js';
import { countListItemLines, decodeChecklist, MAX_LIST_ITEMS } from '../../../src/core/import/decode.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the list-item ceiling', () => {
  it('counts the lines that open a list item, however they are indented or quoted', () => {
    const text = [
      '# T',
      '- a',
      '  * b',
      '    + c',
      '1. d',
      '12) e',
      '> - quoted',
      '\t- tab',
      '-not an item',
      '1.not either',
      'prose - here',
      '',
      '-',
    ].join('\n');
    expect(countListItemLines(text)).toBe(7);
    expect(countListItemLines('')).toBe(0);
    expect(countListItemLines('- a\r\n- b\r\n')).toBe(2);
  });

  it('refuses a file of more list items than a checklist holds, in one line, and takes one at the ceiling', () => {
    const items = (n: number) => `# S\n${'- a\n'.repeat(n)}`;
    expect(decodeChecklist(bytes(items(MAX_LIST_ITEMS)), 'ok.md')).toHaveLength(4 + 4 * MAX_LIST_ITEMS);
    expect(() => decodeChecklist(bytes(items(400_000)), 'same.md')).toThrow(PayloadTooLargeError);
    expect(() => decodeChecklist(bytes(items(400_000)), 'same.md')).toThrow(
      /^same\.md has 400,000 list items; a checklist holds up to 100,000: split it into several files$/,
    );
  });

  it('reads a 10 MB line of digits, or of dashes, in one pass', () => {
    expect(countListItemLines('9'.repeat(10_000_000))).toBe(0);
    expect(countListItemLines(`${'-'.repeat(5_000_000)} x`)).toBe(0);
  });
});

describe('a JSON export given as a checklist', () => {
  it('is refused with the command that restores it; other text that starts with a brace is Markdown', () => {
    const exported = JSON.stringify({ checklists: [{ name: 'prep', root: {}, backup: { format: 'prepdeck-backup' } }] }, null, 2);
    expect(() => decodeChecklist(bytes(`\n${exported}\n`), 'prep.json')).toThrow(
      /^prep\.json is a prepdeck JSON export, not a Markdown checklist; restore it with `prepdeck import --backup prep\.json`$/,
    );
    for (const text of ['{ not json }\n- a\n', '{"topics": []}\n', '# {"checklists": []}\n']) {
      expect(decodeChecklist(bytes(text), 'notes.md')).toBe(text);
    }
  });
});
