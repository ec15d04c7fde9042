import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../../src/core/write-back/diff.js';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import type { ParsedChecklist, TopicState, TopicsMode } from '../../../src/core/checklist/model.js';
import { planImport } from '../../../src/core/import/plan.js';
import {
  checkWriteBack,
  requestedTopics,
  wantedMarker,
  writeBack,
  type EntryState,
  type WriteBackOptions,
} from '../../../src/core/write-back/markers.js';
import { hasUserFixture, readFixture, USER_FIXTURE } from '../../support/fixtures.js';

const KEEP: WriteBackOptions = { all: false, skipped: 'keep' };
const parse = (text: string, topics: TopicsMode | 'auto' = 'auto') => parseChecklist(text, { fallbackTitle: 't', topics });

/** The states a first import gives: known where ticked, new elsewhere. */
function importedStates(parsed: ParsedChecklist): EntryState[] {
  return planImport(parsed, [], []).entries.map((e) => ({ state: e.state, topicId: e.index + 1 }));
}

function statesBy(parsed: ParsedChecklist, byText: Record<string, TopicState>): EntryState[] {
  return importedStates(parsed).map((s, i) => ({ ...s, state: byText[parsed.entries[i]!.text] ?? s.state }));
}

/** Line numbers (1-based) where two texts differ; they must have the same lines. */
function changedLines(before: string, after: string): number[] {
  const a = before.split(/\r\n|\r|\n/);
  const b = after.split(/\r\n|\r|\n/);
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

describe('the marker a topic gets', () => {
  it('is [x] when known and [ ] otherwise, where the file has a marker', () => {
    expect(wantedMarker('topic', 'open', 'known', KEEP, false)).toBe('done');
    expect(wantedMarker('topic', 'done', 'new', KEEP, false)).toBe('open');
    expect(wantedMarker('topic', 'done', 'learning', KEEP, false)).toBe('open');
    expect(wantedMarker('topic', 'open', 'new', KEEP, false)).toBe('open');
  });

  it('is added only to a known study topic, unless markers are wanted everywhere', () => {
    expect(wantedMarker('topic', 'none', 'known', KEEP, false)).toBe('done');
    expect(wantedMarker('topic', 'none', 'learning', KEEP, false)).toBe('none');
    expect(wantedMarker('topic', 'none', 'learning', { ...KEEP, all: true }, false)).toBe('open');
  });

  it('is never added to goals and books, even with --all, but theirs are updated', () => {
    for (const kind of ['goal', 'book'] as const) {
      expect(wantedMarker(kind, 'none', 'known', { ...KEEP, all: true }, false)).toBe('none');
      expect(wantedMarker(kind, 'open', 'known', KEEP, false)).toBe('done');
    }
  });

  it("is Obsidian's [/] for learning and [-] for skipped in a file that uses them, and only there", () => {
    expect(wantedMarker('topic', 'open', 'learning', KEEP, true)).toBe('started');
    expect(wantedMarker('topic', 'open', 'skipped', KEEP, true)).toBe('cancelled');
    expect(wantedMarker('topic', 'done', 'skipped', KEEP, true)).toBe('cancelled');
    expect(wantedMarker('topic', 'cancelled', 'new', KEEP, true)).toBe('open');
    expect(wantedMarker('topic', 'started', 'known', KEEP, true)).toBe('done');
    expect(wantedMarker('topic', 'none', 'learning', KEEP, true)).toBe('none');
    expect(wantedMarker('topic', 'none', 'learning', { ...KEEP, all: true }, true)).toBe('started');
    // --skipped open|done still says what a skipped topic's marker is.
    expect(wantedMarker('topic', 'cancelled', 'skipped', { all: false, skipped: 'open' }, true)).toBe('open');
    // A file without them gets [ ] and [x] only.
    expect(wantedMarker('topic', 'open', 'learning', KEEP, false)).toBe('open');
    expect(wantedMarker('topic', 'open', 'skipped', KEEP, false)).toBe('open');
  });

  it('follows --skipped for a skipped topic: keep leaves it as it is', () => {
    expect(wantedMarker('topic', 'done', 'skipped', KEEP, false)).toBe('done');
    expect(wantedMarker('topic', 'open', 'skipped', KEEP, false)).toBe('open');
    expect(wantedMarker('topic', 'none', 'skipped', KEEP, false)).toBe('none');
    expect(wantedMarker('topic', 'none', 'skipped', { all: true, skipped: 'keep' }, false)).toBe('open');
    expect(wantedMarker('topic', 'open', 'skipped', { all: false, skipped: 'done' }, false)).toBe('done');
    expect(wantedMarker('topic', 'none', 'skipped', { all: false, skipped: 'done' }, false)).toBe('done');
    expect(wantedMarker('topic', 'done', 'skipped', { all: false, skipped: 'open' }, false)).toBe('open');
  });
});

/** Every quirk the file may have that write-back must leave alone. */
const QUIRKS = [
  '---',
  'title: "Quirks"',
  'tags: [a, b]',
  '---',
  '',
  '# Python',
  '',
  '* \\_\\_init\\_\\_ and \\_\\_new\\_\\_',
  '*   wide   spacing',
  '-\ttabbed item',
  '  * плюшки и опыт',
  '- [X] upper case tick',
  '- [x] lower case tick',
  '- [ ] open task',
  '',
  '1. first ordered',
  '2) other delimiter',
  '10.  [ ] ordered task',
  '',
  '> - quoted bullet stays a note',
  '> > nested quote',
  '',
  '<pre>',
  '- not a list inside pre',
  '</pre>',
  '',
  '- ### Arrays',
  '  - under a heading item',
  '-',
  '  text on the next line',
  '- trailing spaces   ',
  '',
].join('\n');

describe('write-back', () => {
  it('with every state as imported, is the identity', () => {
    const parsed = parse(QUIRKS, 'all');
    const result = writeBack(QUIRKS, parsed, importedStates(parsed), KEEP);
    expect(result.edits).toEqual([]);
    expect(result.text).toBe(QUIRKS);
  });

  it('changes only marker characters, keeping tabs, escapes, Cyrillic, ordered markers, quotes and <pre>', () => {
    const parsed = parse(QUIRKS, 'all');
    const states = statesBy(parsed, {
      '__init__ and __new__': 'known',
      'wide spacing': 'known',
      'tabbed item': 'known',
      'плюшки и опыт': 'known',
      'upper case tick': 'new',
      'lower case tick': 'learning',
      'open task': 'known',
      'first ordered': 'known',
      'other delimiter': 'known',
      'ordered task': 'known',
      'trailing spaces': 'known',
    });
    const result = writeBack(QUIRKS, parsed, states, KEEP);
    const lines = result.text.split('\n');
    expect(lines.slice(7, 18)).toEqual([
      '* [x] \\_\\_init\\_\\_ and \\_\\_new\\_\\_',
      '*   [x] wide   spacing',
      '-\t[x] tabbed item',
      '  * [x] плюшки и опыт',
      '- [ ] upper case tick',
      '- [ ] lower case tick',
      '- [x] open task',
      '',
      '1. [x] first ordered',
      '2) [x] other delimiter',
      '10.  [x] ordered task',
    ]);
    expect(lines[30]).toBe('- [x] trailing spaces   ');
    expect(changedLines(QUIRKS, result.text)).toEqual([8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 31]);
    expect(result.edits.find((e) => e.title === 'upper case tick')).toMatchObject({ line: 12, from: '[X]', to: '[ ]' });
  });

  it('keeps an upper-case [X] when the topic is still known', () => {
    const parsed = parse(QUIRKS, 'all');
    const result = writeBack(QUIRKS, parsed, statesBy(parsed, { 'lower case tick': 'new' }), KEEP);
    expect(result.text).toContain('- [X] upper case tick');
    expect(result.edits.map((e) => e.title)).toEqual(['lower case tick']);
  });

  it('adds no marker to an item whose text starts on the line after its bullet, and says so', () => {
    const parsed = parse(QUIRKS, 'all');
    const result = writeBack(QUIRKS, parsed, statesBy(parsed, { 'text on the next line': 'known', 'under a heading item': 'known' }), KEEP);
    expect(result.edits.map((e) => e.title)).toEqual(['under a heading item']);
    expect(result.warnings).toEqual([expect.stringMatching(/^line 29 \(text on the next line\): its text starts on the line after its bullet/)]);
    expect(changedLines(QUIRKS, result.text)).toEqual([28]);
  });

  it('gives every study topic a marker with --all, but never a goal or a book', () => {
    const text = '# Goals\n- remote\n# Books\n- SICP\n# Study\n- a\n- b\n  - c\n';
    const parsed = parse(text);
    const result = writeBack(text, parsed, statesBy(parsed, { b: 'known' }), { all: true, skipped: 'keep' });
    expect(result.text).toBe('# Goals\n- remote\n# Books\n- SICP\n# Study\n- [ ] a\n- [x] b\n  - [ ] c\n');
  });

  it("writes [/] and [-] into a file that uses Obsidian's markers, [ ] and [x] only into one that does not", () => {
    const obsidian = '# Study\n- [ ] a\n- [-] b\n- [x] c\n- [/] d\n';
    const states = { a: 'learning', b: 'new', c: 'skipped', d: 'known' } as const;
    const parsed = parse(obsidian);
    const result = writeBack(obsidian, parsed, statesBy(parsed, states), KEEP);
    expect(result.text).toBe('# Study\n- [/] a\n- [ ] b\n- [-] c\n- [x] d\n');
    expect(result.edits.map((e) => [e.title, e.from, e.to])).toEqual([
      ['a', '[ ]', '[/]'],
      ['b', '[-]', '[ ]'],
      ['c', '[x]', '[-]'],
      ['d', '[/]', '[x]'],
    ]);
    expect(checkWriteBack(parsed, parse(result.text), result.edits)).toBeNull();
    expect(planImport(parse(result.text), [], []).entries.map((e) => e.state)).toEqual(['learning', 'new', 'skipped', 'known']);

    const plain = '# Study\n- [ ] a\n- [ ] b\n- [x] c\n- [ ] d\n';
    const read = parse(plain);
    expect(writeBack(plain, read, statesBy(read, states), KEEP).text).toBe('# Study\n- [ ] a\n- [ ] b\n- [x] c\n- [x] d\n');
  });

  it('keeps CRLF line endings, a BOM and a last line without a newline', () => {
    const text = '\uFEFF# T\r\n- a\r\n- [ ] b\r\n\r\n- c';
    const parsed = parse(text, 'all');
    const result = writeBack(text, parsed, statesBy(parsed, { a: 'known', b: 'known', c: 'known' }), KEEP);
    expect(result.text).toBe('\uFEFF# T\r\n- [x] a\r\n- [x] b\r\n\r\n- [x] c');
  });

  it('re-reads as the same entries with the markers written', () => {
    const parsed = parse(QUIRKS, 'all');
    const result = writeBack(QUIRKS, parsed, statesBy(parsed, { 'wide spacing': 'known', 'open task': 'known' }), KEEP);
    expect(checkWriteBack(parsed, parse(result.text, 'all'), result.edits)).toBeNull();
    // A different text is caught.
    expect(checkWriteBack(parsed, parse(QUIRKS.replace('wide   spacing', 'narrow'), 'all'), [])).toMatch(/would be read differently/);
  });

  it('catches a marker the file would read as a link (a `[x]: url` definition), so that nothing is written', () => {
    const text = '- dot\n- [x]:!\n';
    const parsed = parse(text);
    const result = writeBack(text, parsed, statesBy(parsed, { dot: 'known' }), KEEP);
    expect(checkWriteBack(parsed, parse(result.text), result.edits)).toMatch(/^line 1 \(dot\) would be read differently/);
  });

  it('survives the hostile checklist without changing anything it does not mean to', () => {
    const text = readFixture('hostile.md');
    const parsed = parse(text);
    const states = importedStates(parsed).map((s) => ({ ...s, state: 'known' as const }));
    const result = writeBack(text, parsed, states, { all: true, skipped: 'keep' });
    for (const line of changedLines(text, result.text)) {
      const edit = result.edits.find((e) => e.line === line)!;
      const [before, after] = [text.split('\n')[line - 1]!, result.text.split('\n')[line - 1]!];
      expect(
        edit.from === ''
          ? before.slice(0, edit.column) + '[x] ' + before.slice(edit.column)
          : before.slice(0, edit.column + 1) + 'x' + before.slice(edit.column + 2),
      ).toBe(after);
    }
    expect(checkWriteBack(parsed, parse(result.text, parsed.topicsMode.mode), result.edits)).toBeNull();
  });
});

describe.skipIf(!hasUserFixture)("write-back on the user's checklist", () => {
  const text = hasUserFixture ? readFileSync(USER_FIXTURE, 'utf8') : '';

  it('with no state changed since the import, is byte-identical', () => {
    const parsed = parse(text);
    const result = writeBack(text, parsed, importedStates(parsed), KEEP);
    expect(result.text).toBe(text);
    expect(Buffer.from(result.text).equals(readFileSync(USER_FIXTURE))).toBe(true);
  });

  it('marking 10 topics known changes exactly those 10 lines, by their markers only', () => {
    const parsed = parse(text);
    const topics = parsed.entries.filter((e) => e.kind === 'topic');
    const chosen = Array.from({ length: 10 }, (_, i) => topics[Math.floor((i * topics.length) / 10) + 1]!);
    const states = importedStates(parsed).map((s, i) => (chosen.some((e) => e.index === i) ? { ...s, state: 'known' as const } : s));
    const result = writeBack(text, parsed, states, KEEP);
    expect(result.edits).toHaveLength(10);
    const changed = changedLines(text, result.text);
    expect(changed).toEqual(chosen.map((e) => e.lines.start));
    const before = text.split('\n');
    const after = result.text.split('\n');
    for (const line of changed) {
      // The new line is the old one with `[x] ` inserted where the text begins, nothing else.
      const column = result.edits.find((e) => e.line === line)!.column;
      expect(after[line - 1]).toBe(`${before[line - 1]!.slice(0, column)}[x] ${before[line - 1]!.slice(column)}`);
    }
    // Ten [x] in an outline leave it an outline, with the same topics.
    const reread = parse(result.text);
    expect(reread.topicsMode.mode).toBe(parsed.topicsMode.mode);
    expect(checkWriteBack(parsed, reread, result.edits)).toBeNull();
  });

  it('keeps CRLF and a BOM on the same checklist', () => {
    const crlf = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const parsed = parse(crlf);
    const states = importedStates(parsed).map((s, i) => (i % 7 === 3 ? { ...s, state: 'known' as const } : s));
    const result = writeBack(crlf, parsed, states, { all: true, skipped: 'keep' });
    expect(result.text.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(result.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(result.text.split('\r\n')).toHaveLength(crlf.split('\r\n').length);
    expect(result.edits.length).toBeGreaterThan(100);
  });
});

describe('the unified diff', () => {
  it('shows changed lines with three lines of context and hunk headers', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].join('\n') + '\n';
    const after = before.replace('b\n', 'B\n').replace('j\n', 'J\n');
    expect(unifiedDiff(before, after, { oldLabel: 'x', newLabel: 'y' })).toBe(
      ['--- x', '+++ y', '@@ -1,5 +1,5 @@', ' a', '-b', '+B', ' c', ' d', ' e', '@@ -7,5 +7,5 @@', ' g', ' h', ' i', '-j', '+J', ' k', ''].join('\n'),
    );
  });

  it('is empty for equal texts and handles added and removed lines', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', { oldLabel: 'x', newLabel: 'y' })).toBe('');
    expect(unifiedDiff('a\nb\nc\n', 'a\nc\nd\n', { oldLabel: 'x', newLabel: 'y' })).toBe(
      ['--- x', '+++ y', '@@ -1,3 +1,3 @@', ' a', '-b', ' c', '+d', ''].join('\n'),
    );
  });
});

describe('the reading a sync asks for', () => {
  it('is the one --topics chose at the last import, else the automatic one', () => {
    const explicit = parse('- [ ] a\n- b\n', 'tasks').topicsMode;
    expect(requestedTopics({ topicsMode: explicit.mode, topicsModeReason: explicit.reason })).toBe('tasks');
    const auto = parse('- [ ] a\n- [ ] b\n- [ ] c\n').topicsMode;
    expect(requestedTopics({ topicsMode: auto.mode, topicsModeReason: auto.reason })).toBe('auto');
  });
});
