import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import { TOPIC_STATES, type ParsedChecklist, type TopicsMode } from '../../../src/core/checklist/model.js';
import { planImport } from '../../../src/core/import/plan.js';
import {
  checkWriteBack,
  markerAfter,
  wantedMarker,
  writeBack,
  type EntryState,
  type WriteBackOptions,
} from '../../../src/core/write-back/markers.js';
import { stateOfMarker, usesObsidianMarkers } from '../../../src/core/checklist/task-markers.js';
import { checkCardInsertions, insertCards, lineAfterInsertions } from '../../../src/core/write-back/cards.js';
import { storedAfterFirstImport } from '../../support/first-import.js';

/** A list item as people write them: any indentation, bullet, spacing, marker and text. */
const listItem = fc
  .record({
    indent: fc.constantFrom('', '', '  ', '    ', '\t', '   ', '> '),
    bullet: fc.constantFrom('-', '*', '+', '1.', '2)', '10.'),
    space: fc.constantFrom(' ', ' ', '  ', '\t', '    '),
    marker: fc.constantFrom('', '', '', '[ ] ', '[x] ', '[X] ', '[ ]\t', '[x]', '[/] ', '[-] '),
    text: fc.oneof(
      fc.constantFrom(
        'generators',
        'плюшки и опыт',
        '\\_\\_init\\_\\_ and \\_\\_new\\_\\_',
        'SELECT FOR UPDATE',
        '[How to choose](https://x.y/a), <https://a.b>',
        '<https://only.a.link>',
        '[toc](#anchor)',
        '`code` span',
        'a\tb',
        '[a] bracketed',
        'x',
        '*emphasis* and **strong**',
        'trailing   ',
        '<b>raw</b>',
        '### heading in an item',
      ),
      fc.string({ minLength: 1, maxLength: 12 }),
    ),
  })
  .map(({ indent, bullet, space, marker, text }) => `${indent}${bullet}${space}${marker}${text}`);

const otherLine = fc.constantFrom(
  '',
  '',
  '# Python',
  '## Core',
  '### Goals',
  '# Books',
  '# Goals',
  'some prose',
  '<pre>',
  '</pre>',
  '```',
  '    indented code',
  '> a quote',
  '---',
  '- ### Arrays',
  '-',
  '  continued text',
  '1.',
);

const document = fc
  .record({
    lines: fc.array(
      fc.oneof(
        { weight: 6, arbitrary: listItem },
        { weight: 2, arbitrary: otherLine },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom('- ', '* [ ] ', '1. ', '  - ', '> - ', '- - ', '-\t'), fc.string({ unit: 'grapheme', maxLength: 8 }))
            .map(([a, b]) => a + b),
        },
      ),
      { maxLength: 30 },
    ),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    frontMatter: fc.boolean(),
    finalEol: fc.boolean(),
  })
  .map(({ lines, eol, bom, frontMatter, finalEol }) => {
    const all = frontMatter ? ['---', 'title: T', '---', ...lines] : lines;
    return `${bom ? '\uFEFF' : ''}${all.join(eol)}${finalEol ? eol : ''}`;
  });

const topicsArb = fc.constantFrom<TopicsMode | 'auto'>('auto', 'all', 'tasks', 'headings');
const optionsArb: fc.Arbitrary<WriteBackOptions> = fc.record({ all: fc.boolean(), skipped: fc.constantFrom('open', 'done', 'keep') });
const statesArb = fc.array(fc.constantFrom(...TOPIC_STATES), { minLength: 40, maxLength: 40 });

const parse = (text: string, topics: TopicsMode | 'auto') => parseChecklist(text, { fallbackTitle: 't', topics });

/** What a first import stores: each entry a topic with the state its marker gives. */
const firstImport = (parsed: ParsedChecklist) => storedAfterFirstImport(parsed, { idBase: 1000 });

const lineBreaks = /\r\n|\r|\n/;

describe('write-back properties', () => {
  it('with every state unchanged since the import, is the identity (but for [-] where --skipped says otherwise)', () => {
    fc.assert(
      fc.property(document, topicsArb, fc.constantFrom<WriteBackOptions['skipped']>('open', 'done', 'keep'), (text, topics, skipped) => {
        const parsed = parse(text, topics);
        const stored = firstImport(parsed);
        const states: EntryState[] = stored.topics.map((t) => ({ state: t.state, topicId: t.id }));
        const result = writeBack(text, parsed, states, { all: false, skipped });
        // Only a [-] (skipped) is rewritten, and only when --skipped asks for [ ] or [x] in its place.
        const asked =
          skipped === 'keep' ? [] : result.edits.filter((edit) => edit.from === '[-]' && edit.to === (skipped === 'open' ? '[ ]' : '[x]'));
        expect(result.edits).toEqual(asked);
        if (asked.length === 0) expect(result.text).toBe(text);
      }),
      { numRuns: 400 },
    );
  });

  it('applying markers then re-reading gives the states back, and changes marker characters only', () => {
    fc.assert(
      fc.property(document, topicsArb, optionsArb, statesArb, (text, topics, options, stateList) => {
        // A `[x]: url` definition turns a new `[x]` into a link; the app refuses such a write (see writeback.test.ts).
        fc.pre(!/\[x\]\s*:/i.test(text));
        const parsed = parse(text, topics);
        const stored = firstImport(parsed);
        const states: EntryState[] = stored.topics.map((t, i) => ({ state: stateList[i % stateList.length]!, topicId: t.id }));
        const result = writeBack(text, parsed, states, options);

        // Every line is as it was, or has exactly one marker inserted or one marker character changed.
        const before = text.replace(/^\uFEFF/, '').split(lineBreaks);
        const after = result.text.replace(/^\uFEFF/, '').split(lineBreaks);
        expect(after).toHaveLength(before.length);
        expect(result.text.startsWith('\uFEFF')).toBe(text.startsWith('\uFEFF'));
        expect(result.text.match(/\r\n|\r|\n/g) ?? []).toEqual(text.match(/\r\n|\r|\n/g) ?? []);
        const editAt = new Map(result.edits.map((e) => [e.line, e]));
        before.forEach((line, i) => {
          const edit = editAt.get(i + 1);
          if (!edit) return expect(after[i]).toBe(line);
          const expected =
            edit.from === ''
              ? `${line.slice(0, edit.column)}${edit.to} ${line.slice(edit.column)}`
              : `${line.slice(0, edit.column)}${edit.to}${line.slice(edit.column + 3)}`;
          expect(after[i]).toBe(expected);
        });

        // Re-read in the same reading (a sync keeps it): the same entries, each with the marker its state asks for.
        const reread = parse(result.text, parsed.topicsMode.mode);
        expect(checkWriteBack(parsed, reread, result.edits)).toBeNull();
        const warned = result.warnings.length;
        let unwritten = 0;
        let headings = 0;
        const obsidian = usesObsidianMarkers(parsed.entries.map((entry) => entry.marker));
        parsed.entries.forEach((entry, i) => {
          const wanted = wantedMarker(entry.kind, entry.marker, states[i]!.state, options, obsidian);
          const now = reread.entries[i]!.marker;
          if (now !== wanted && entry.heading) headings++;
          else if (now !== wanted) unwritten++;
          else if (now !== 'none' && states[i]!.state !== 'skipped')
            expect(stateOfMarker(now) ?? 'new').toBe(obsidian || states[i]!.state === 'known' ? states[i]!.state : 'new');
          expect(now).toBe(markerAfter(i, entry.marker, result.edits));
        });
        // A marker left as it was is always explained by a warning: its own, or one for all the topics that are headings.
        expect(unwritten + Math.min(headings, 1)).toBe(warned);

        // Re-importing the written text (prepdeck's own markers recorded) keeps every topic and every state.
        const written = new Map(result.edits.map((e) => [e.topicId, markerAfter(e.entryIndex, 'none', [e])]));
        const storedAfter = stored.topics.map((t, i) => ({ ...t, state: states[i]!.state, marker: written.get(t.id) ?? t.marker }));
        const plan = planImport(reread, stored.sections, storedAfter);
        expect(plan.entries.every((e, i) => e.match === 'same' && e.existingId === stored.topics[i]!.id && !e.stateChanged)).toBe(true);
        expect(plan.entries.map((e) => e.state)).toEqual(states.map((s) => s.state));
      }),
      { numRuns: 600 },
    );
  });

  it('a tick made by hand is read back as known', () => {
    fc.assert(
      fc.property(document, (text) => {
        const parsed = parse(text, 'all');
        const stored = firstImport(parsed);
        // The user ticks every open task in their editor.
        const plan = planImport(parse(text.replace(/\[ \](?=[ \t])/g, '[x]'), 'all'), stored.sections, stored.topics);
        parsed.entries.forEach((entry, i) => {
          if (entry.marker === 'open') expect(plan.entries[i]!.state).toBe('known');
        });
      }),
      { numRuns: 200 },
    );
  });
});

const cardText = fc.oneof(
  fc.constantFrom(
    'What does send() do?',
    'плюшки?',
    '# heading',
    '[ ] a task',
    '[x] done',
    'a :: b',
    '?',
    'x\n?\ny',
    '```',
    '> quoted',
    '- nested',
    '1. item',
    '<pre>',
    '| a | b |',
    'line one\n\nline two',
    '`code`',
    '---',
    '',
  ),
  fc.string({ maxLength: 12 }),
);

describe('writing cards into the file, properties', () => {
  it('only inserts lines; every topic reads as before and each card written reads back under its topic', () => {
    fc.assert(
      fc.property(
        document,
        topicsArb,
        fc.array(fc.record({ pick: fc.nat(), front: cardText, back: cardText }), { maxLength: 4 }),
        (text, topics, drafts) => {
          const parsed = parse(text, topics);
          const topicsOnly = parsed.entries.filter((e) => e.kind === 'topic');
          fc.pre(topicsOnly.length > 0 && drafts.some((d) => d.front.trim() !== ''));
          const cards = drafts
            .filter((d) => d.front.trim() !== '')
            .map((d, i) => ({ cardId: i + 1, entryIndex: topicsOnly[d.pick % topicsOnly.length]!.index, front: d.front, back: d.back }));
          const written = insertCards(text, parsed, cards);
          expect(written.insertions.length + written.warnings.length).toBe(cards.length);
          // Taking the inserted lines out gives the text back, byte for byte.
          const lines = written.text.split(/(\r\n|\r|\n)/);
          const inserted = new Set(written.insertions.flatMap((i) => Array.from({ length: i.lineCount }, (_, k) => i.line + k)));
          const kept = [];
          for (let i = 0; i < lines.length; i += 2) if (!inserted.has(i / 2 + 1)) kept.push(lines[i]! + (lines[i + 1] ?? ''));
          const rebuilt = kept.join('');
          expect(rebuilt.replace(/(\r\n|\r|\n)$/, '')).toBe(text.replace(/(\r\n|\r|\n)$/, ''));
          if (written.insertions.length === 0) return;
          const after = parse(written.text, parsed.topicsMode.mode);
          expect(checkWriteBack(parsed, after, [], (line) => lineAfterInsertions(line, written.insertions))).toBeNull();
          expect(checkCardInsertions(parsed, after, written.insertions, new Map(cards.map((c) => [c.cardId, c])))).toBeNull();
        },
      ),
      { numRuns: 400 },
    );
  });
});
