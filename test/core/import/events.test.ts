import { describe, expect, it } from 'vitest';
import type { TopicState } from '../../../src/core/checklist/model.js';
import { importEvents } from '../../../src/core/import/events.js';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import { planImport } from '../../../src/core/import/plan.js';
import { storedAfterFirstImport } from '../../support/first-import.js';

const parse = (text: string) => parseChecklist(text, { fallbackTitle: 't' });

const BEFORE = `# Python
- generators
- descriptors and the attribute lookup chain
- metaclasses
# Databases
- SELECT FOR UPDATE
- [x] indexes
`;

/** The events of re-importing `after` over what a first import of `before` stored (ids from 100, in file order). */
function eventsOf(after: string, options: { before?: string; states?: Record<string, TopicState>; archived?: string[] } = {}) {
  const stored = storedAfterFirstImport(parse(options.before ?? BEFORE), { states: options.states ?? {} });
  for (const topic of stored.topics) topic.archived = options.archived?.includes(topic.text) ?? false;
  const plan = planImport(parse(after), stored.sections, stored.topics);
  // The store gives new topics fresh ids; here from 900.
  let fresh = 900;
  return importEvents(
    plan,
    plan.entries.map((entry) => entry.existingId ?? fresh++),
  );
}

describe('the history an import writes', () => {
  it('stores nothing for a new topic: its creation is read from its row', () => {
    expect(eventsOf(BEFORE, { before: '' })).toEqual([]);
  });

  it('writes nothing for the same file again, the user\u2019s own states kept', () => {
    expect(eventsOf(BEFORE, { states: { generators: 'learning', indexes: 'skipped' } })).toEqual([]);
  });

  it('records a renamed topic\u2019s old and new text, and a moved one\u2019s old and new section', () => {
    const after =
      BEFORE.replace('descriptors and the attribute lookup chain', 'descriptors and attribute lookup chain').replace('- SELECT FOR UPDATE\n', '') +
      '# Locking\n- SELECT FOR UPDATE\n';
    expect(eventsOf(after)).toEqual([
      { topicId: 101, type: 'renamed', data: { from: 'descriptors and the attribute lookup chain', to: 'descriptors and attribute lookup chain' } },
      { topicId: 103, type: 'moved', data: { from: 'databases', to: 'locking' } },
    ]);
  });

  it('records both a rename and a move for a topic reworded in another section, and a rename for a change of case alone', () => {
    const after = BEFORE.replace('- metaclasses\n', '').replace('- generators', '- Generators') + '# Advanced\n- metaclasses in depth\n';
    expect(eventsOf(after, { before: BEFORE.replace('metaclasses', 'metaclasses in dept') })).toEqual([
      { topicId: 100, type: 'renamed', data: { from: 'generators', to: 'Generators' } },
      { topicId: 102, type: 'renamed', data: { from: 'metaclasses in dept', to: 'metaclasses in depth' } },
      { topicId: 102, type: 'moved', data: { from: 'python', to: 'advanced' } },
    ]);
  });

  it('records a topic coming back as restored, and one gone from the file as archived with its section, last', () => {
    const after = BEFORE.replace('- generators\n', '');
    expect(eventsOf(after, { archived: ['metaclasses'] })).toEqual([
      { topicId: 102, type: 'restored', data: {} },
      { topicId: 100, type: 'archived', data: { section: 'python' } },
    ]);
  });

  it('records a state the file\u2019s tick changed, from the file', () => {
    const after = BEFORE.replace('- metaclasses', '- [x] metaclasses').replace('- [x] indexes', '- [ ] indexes');
    expect(eventsOf(after, { states: { metaclasses: 'learning' } })).toEqual([
      { topicId: 102, type: 'state', data: { from: 'learning', to: 'known', source: 'file' } },
      { topicId: 104, type: 'state', data: { from: 'known', to: 'new', source: 'file' } },
    ]);
  });

  it('agrees with the plan\u2019s summary on what changed', () => {
    const after = BEFORE.replace('- generators\n', '').replace('- metaclasses', '- [x] metaclasses') + '- sharding\n';
    const stored = storedAfterFirstImport(parse(BEFORE));
    const plan = planImport(parse(after), stored.sections, stored.topics);
    const events = importEvents(
      plan,
      plan.entries.map((entry) => entry.existingId ?? 900),
    );
    const { added, archived, retick } = plan.summary;
    expect(added).toHaveLength(1);
    expect(events.filter((e) => e.type === 'created')).toEqual([]);
    expect(events.filter((e) => e.type === 'archived').map((e) => e.topicId)).toEqual(archived.map((a) => a.id));
    expect(events.filter((e) => e.type === 'state').map((e) => e.topicId)).toEqual(retick.map((r) => r.id));
  });
});
