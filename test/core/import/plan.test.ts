import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import type { TopicState } from '../../../src/core/checklist/model.js';
import { MAX_SIMILARITY_COMPARISONS, planImport } from '../../../src/core/import/plan.js';
import { storedAfterFirstImport } from '../../support/first-import.js';

const parse = (text: string) => parseChecklist(text, { fallbackTitle: 't' });

/** Stores a plan the way the store would: ids in order, states from the plan. */
function store(text: string, states: Record<string, TopicState> = {}) {
  return storedAfterFirstImport(parse(text), { states });
}

const BEFORE = `# Python
- generators
- descriptors and the attribute lookup chain
- metaclasses
# Databases
- SELECT FOR UPDATE
- indexes
- sharding
`;

describe('re-import plan', () => {
  it('matches every topic of the same file and changes nothing', () => {
    const stored = store(BEFORE);
    const plan = planImport(parse(BEFORE), stored.sections, stored.topics);
    expect(plan.entries.every((e) => e.match === 'same' && !e.stateChanged)).toBe(true);
    expect(plan.summary.unchanged).toBe(6);
    expect(plan.archivedTopicIds).toEqual([]);
  });

  it('keeps the state of a renamed and of a moved topic, archives the removed one, adds the new one', () => {
    const stored = store(BEFORE, { 'descriptors and the attribute lookup chain': 'known', 'SELECT FOR UPDATE': 'learning' });
    const after = `# Python
- generators
- descriptors and attribute lookup chain
- asyncio
# Databases
- indexes
- sharding
# Other
- SELECT FOR UPDATE
`;
    const parsed = parse(after);
    const plan = planImport(parsed, stored.sections, stored.topics);
    const byText = (text: string) => plan.entries[parsed.entries.findIndex((e) => e.text === text)]!;
    expect(byText('descriptors and attribute lookup chain')).toMatchObject({ match: 'renamed', existingId: 101, state: 'known' });
    expect(byText('SELECT FOR UPDATE')).toMatchObject({ match: 'moved', existingId: 103, state: 'learning' });
    expect(byText('asyncio')).toMatchObject({ match: null, existingId: null, state: 'new' });
    expect(plan.archivedTopicIds).toEqual([102]);
    expect(plan.summary.archived.map((a) => a.title)).toEqual(['metaclasses']);
    expect(plan.summary.renamed.map((r) => [r.from, r.to])).toEqual([
      ['descriptors and the attribute lookup chain', 'descriptors and attribute lookup chain'],
    ]);
  });

  it('restores an archived topic that comes back', () => {
    const stored = store(BEFORE);
    stored.topics[2]!.archived = true;
    const plan = planImport(parse(BEFORE), stored.sections, stored.topics);
    expect(plan.entries[2]).toMatchObject({ match: 'restored', existingId: 102 });
  });

  it('follows a tick made in the file, and otherwise keeps the state the user set', () => {
    const stored = store('- [ ] a\n- [ ] b\n- [x] c\n', { b: 'learning' });
    const plan = planImport(parse('- [x] a\n- [ ] b\n- [ ] c\n'), stored.sections, stored.topics);
    expect(plan.entries.map((e) => [e.state, e.stateChanged])).toEqual([
      ['known', true],
      ['learning', false],
      ['new', true],
    ]);
  });

  it('tells repeated topics of one list apart', () => {
    const stored = store('- SQL\n- SQL\n');
    expect(new Set(stored.topics.map((t) => t.identityKey)).size).toBe(2);
    const plan = planImport(parse('- SQL\n- SQL\n'), stored.sections, stored.topics);
    expect(plan.entries.map((e) => e.existingId)).toEqual([100, 101]);
  });
});

describe('the rename search is bounded', () => {
  const section = (count: number, word: string) =>
    `# Topics\n${Array.from({ length: count }, (_, i) => `- ${word} number ${i} of the list`).join('\n')}\n`;

  it(`pairs renames while a section's comparisons fit in ${MAX_SIMILARITY_COMPARISONS.toLocaleString('en')}`, () => {
    const count = Math.floor(Math.sqrt(MAX_SIMILARITY_COMPARISONS));
    const before = store(section(count, 'topic'));
    const plan = planImport(parse(section(count, 'topics')), before.sections, before.topics);
    expect(plan.summary.renamed).toHaveLength(count);
    expect(plan.summary.archived).toHaveLength(0);
  });

  it('treats a wholesale rewrite past the budget as added and archived, without comparing every pair', () => {
    const count = Math.ceil(Math.sqrt(MAX_SIMILARITY_COMPARISONS)) + 1;
    const before = store(section(count, 'topic'));
    const plan = planImport(parse(section(count, 'topics')), before.sections, before.topics);
    expect(plan.summary.renamed).toHaveLength(0);
    expect(plan.summary.added).toHaveLength(count);
    expect(plan.summary.archived).toHaveLength(count);
  });
});
