import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import type { TopicState } from '../../../src/core/checklist/model.js';
import { itemKey } from '../../../src/core/import/identity.js';
import { MAX_SIMILARITY_CHARACTERS, MAX_SIMILARITY_COMPARISONS, planImport, type StoredTopicRef } from '../../../src/core/import/plan.js';
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

  it("reads Obsidian's [/] as learning and [-] as skipped, and follows them when they change in the file", () => {
    const first = parse('- [/] a\n- [-] b\n- [ ] c\n- [-] d\n');
    expect(first.entries.map((e) => [e.text, e.marker])).toEqual([
      ['a', 'started'],
      ['b', 'cancelled'],
      ['c', 'open'],
      ['d', 'cancelled'],
    ]);
    expect(planImport(first, [], []).entries.map((e) => e.state)).toEqual(['learning', 'skipped', 'new', 'skipped']);
    // d was made known in prepdeck since: its marker did not change, so the user's state stays.
    const stored = store('- [/] a\n- [-] b\n- [ ] c\n- [-] d\n', { a: 'learning', b: 'skipped', d: 'known' });
    const plan = planImport(parse('- [ ] a\n- [x] b\n- [-] c\n- [-] d\n'), stored.sections, stored.topics);
    expect(plan.entries.map((e) => [e.state, e.stateChanged])).toEqual([
      ['new', true],
      ['known', true],
      ['skipped', true],
      ['known', false],
    ]);
  });

  it('tells repeated topics of one list apart', () => {
    const stored = store('- SQL\n- SQL\n');
    expect(new Set(stored.topics.map((t) => t.identityKey)).size).toBe(2);
    const plan = planImport(parse('- SQL\n- SQL\n'), stored.sections, stored.topics);
    expect(plan.entries.map((e) => e.existingId)).toEqual([100, 101]);
  });
});

/** Words of interview topics, so that two texts drawn from them share common words as real topics do. */
const VOCABULARY = `the a of and to in for with how why what when is are on by from at as an or not vs its use using between
index indexes query queries plan planner join joins hash merge nested loop transaction isolation level read committed
serializable snapshot lock locks deadlock row table page buffer cache memory heap stack garbage collector thread threads
process async await promise event loop callback closure scope hoisting prototype inheritance class object method function
generator iterator decorator descriptor metaclass module package import export tree graph node edge path shortest search
binary sort quick bucket radix string array list map set queue deque linked pointer reference value copy network socket
tcp udp http request response header body cookie session token auth oauth jwt certificate tls handshake replica shard
replication partition consistency availability latency throughput load balancer proxy gateway service design system scale
invalidation write disk ssd file kernel syscall signal interrupt schedule`.split(/\s+/);

/** A topic of random vocabulary words, about `length` characters long. */
const topicText = (length: number) =>
  fc
    .array(fc.constantFrom(...VOCABULARY), { minLength: 80, maxLength: 80 })
    .map((words) => words.join(' ').slice(0, length).trim())
    .filter((text) => text.length > 0);

describe('renames of long topics', () => {
  it('never takes an unrelated topic that replaces another of its length in its section for a rename, from 60 to 300 characters', () => {
    fc.assert(
      fc.property(
        // Below a few words, texts sharing half their words may well be one topic reworded ("the lock" and "the locks").
        fc.integer({ min: 60, max: 300 }).chain((length) => fc.tuple(topicText(length), topicText(length))),
        ([before, after]) => {
          fc.pre(before !== after);
          const stored = store(`# Topics\n- ${before}\n`, { [before]: 'known' });
          const plan = planImport(parse(`# Topics\n- ${after}\n`), stored.sections, stored.topics);
          expect(plan.summary.renamed).toEqual([]);
          expect(plan.entries[0]).toMatchObject({ existingId: null, state: 'new' });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('replaces a 200-character topic with an unrelated one as archived and added, not renamed', () => {
    const before =
      'How a B-tree index answers range queries and ordered scans, why a composite index helps only for a leading prefix of its columns, and when the planner prefers a sequential scan over the index';
    // Half their character pairs are shared (Dice 0.53): what the rename search once took for a rename.
    const after =
      'Why a mutex and a semaphore are not the same: how a thread waits on a condition, when a spinning lock wins over a sleeping one, and how a lock-free queue avoids the ABA problem in practice';
    const stored = store(`# Topics\n- ${before}\n`, { [before]: 'known' });
    const plan = planImport(parse(`# Topics\n- ${after}\n`), stored.sections, stored.topics);
    expect(plan.summary.renamed).toEqual([]);
    expect(plan.summary.archived.map((a) => a.title)).toEqual([before]);
    expect(plan.entries[0]).toMatchObject({ match: null, state: 'new' });
  });

  it('still recognises a long topic reworded in a few words, and a one-word topic respelled', () => {
    const before =
      'How a B-tree index answers range queries and ordered scans, why a composite index helps only for a leading prefix of its columns, and when the planner prefers a sequential scan over the index';
    const after =
      'How a B-tree index serves range queries and ordered scans, why a multi-column index helps only for a leading prefix of its columns, and when the query planner picks a sequential scan instead';
    const stored = store(`# Topics\n- ${before}\n- indexs\n`, { [before]: 'known', indexs: 'learning' });
    const plan = planImport(parse(`# Topics\n- ${after}\n- indexes\n`), stored.sections, stored.topics);
    expect(plan.entries.map((e) => [e.match, e.state])).toEqual([
      ['renamed', 'known'],
      ['renamed', 'learning'],
    ]);
  });

  it('recognises a short topic whose words are joined, split or hyphenated, or that grew a few words: Hash maps, HTTP/2, __set_name__', () => {
    const pairs = [
      ['Hash maps', 'Hashmaps'],
      ['Hashmaps', 'Hash maps'],
      ['HTTP/2', 'HTTP 2'],
      ['Dependency injection', 'Dependency-injection'],
      ['Big-O notation', 'Big O notation'],
      ['descriptors', 'descriptors and __set_name__'],
    ] as const;
    for (const [before, after] of pairs) {
      const stored = store(`# Topics\n- ${before}\n`, { [before]: 'known' });
      const plan = planImport(parse(`# Topics\n- ${after}\n`), stored.sections, stored.topics);
      expect([before, plan.entries[0]?.match, plan.entries[0]?.state]).toEqual([before, 'renamed', 'known']);
    }
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

  it(`leaves long topics unpaired once their texts would take more than ${MAX_SIMILARITY_CHARACTERS.toLocaleString('en')} characters to compare`, () => {
    const count = 200; // 40,000 comparisons, well within their count, of texts of 1,000 characters
    const long = (word: string) =>
      `# Topics\n${Array.from({ length: count }, (_, i) => `- ${word} ${i} ${'and more words '.repeat(66)}`).join('\n')}\n`;
    expect(2 * count * count * 1000).toBeGreaterThan(MAX_SIMILARITY_CHARACTERS);
    const before = store(long('topic'));
    const plan = planImport(parse(long('topics')), before.sections, before.topics);
    expect(plan.summary.renamed).toHaveLength(0);
    expect(plan.summary.added).toHaveLength(count);
    expect(plan.summary.archived).toHaveLength(count);
  });
});

describe('a topic added in prepdeck, at re-import', () => {
  /** BEFORE stored, with a topic added in prepdeck to `section` (a path key). */
  function withAdded(text: string, sectionKey: string, state: TopicState = 'learning') {
    const stored = store(BEFORE);
    const added = {
      id: 500,
      identityKey: `${sectionKey} / ${text.toLowerCase()}`,
      sectionKey,
      kind: 'topic' as const,
      text,
      marker: 'none' as const,
      state,
      archived: false,
      origin: 'app' as const,
    };
    return { sections: stored.sections, topics: [...stored.topics, added] };
  }

  it('is kept, last in its section, while the file does not hold it: never archived, never taken for a move or a rename', () => {
    const stored = withAdded('SELECT FOR SHARE', 'databases');
    // A new item elsewhere with its text, and a similar one in its section: neither is it.
    const after = `${BEFORE}- SELECT FOR SHAR\n# Other\n- SELECT FOR SHARE\n`;
    const parsed = parse(after);
    const plan = planImport(parsed, stored.sections, stored.topics);
    expect(plan.entries.map((e) => e.existingId)).not.toContain(500);
    expect(plan.archivedTopicIds).toEqual([]);
    expect(plan.appTopics).toEqual([{ id: 500, sectionIndex: parsed.sections.findIndex((s) => s.text === 'Databases'), position: 4 }]);
    expect(plan.summary.added.map((a) => a.title)).toEqual(['SELECT FOR SHAR', 'SELECT FOR SHARE']);
  });

  it('is the item of its identity in its section once the file holds it, keeping its state', () => {
    const stored = withAdded('SELECT FOR SHARE', 'databases');
    const parsed = parse(BEFORE.replace('- sharding\n', '- sharding\n- select for share\n'));
    const plan = planImport(parsed, stored.sections, stored.topics);
    const entry = plan.entries[parsed.entries.findIndex((e) => e.text === 'select for share')]!;
    expect(entry).toMatchObject({ existingId: 500, match: 'same', state: 'learning', stateChanged: false });
    expect(plan.appTopics).toEqual([]);
    expect(plan.summary.added).toEqual([]);
  });

  it('is archived when its section is gone from the file', () => {
    const stored = withAdded('SELECT FOR SHARE', 'databases');
    const plan = planImport(parse(BEFORE.slice(0, BEFORE.indexOf('# Databases'))), stored.sections, stored.topics);
    expect(plan.archivedTopicIds).toContain(500);
    expect(plan.appTopics).toEqual([]);
  });
});

/**
 * Before a `>` line could interrupt text, a quote right under a topic's line was more of its title: such a topic was
 * stored as its line and the quote folded into one (the same file with the quote written on the title's line reads so).
 */
describe('a topic whose line a quote follows directly, stored as the former reading read it', () => {
  const cases: Array<{ shape: string; before: string; now: string }> = [
    {
      shape: 'a quote under a task',
      before: '# Go\n- [x] Channels > buffered or not\n- [ ] Mutex\n',
      now: '# Go\n- [x] Channels\n  > buffered or not\n- [ ] Mutex\n',
    },
    {
      shape: 'a quote at the left margin after an item',
      before: '# Go\n- [ ] Mutex\n- [x] Channels > see the spec\n',
      now: '# Go\n- [ ] Mutex\n- [x] Channels\n> see the spec\n',
    },
    {
      shape: 'a quote of several lines, one of them a bare `>`',
      before: '# Go\n- [x] Channels > buffered > > or not\n- [ ] Mutex\n',
      now: '# Go\n- [x] Channels\n  > buffered\n  >\n  > or not\n- [ ] Mutex\n',
    },
    {
      shape: 'a quote with inline Markdown',
      before: '# Go\n- [x] Channels > **buffered** or `not`, see [the spec](https://go.dev/ref/spec)\n- [ ] Mutex\n',
      now: '# Go\n- [x] Channels\n  > **buffered** or `not`, see [the spec](https://go.dev/ref/spec)\n- [ ] Mutex\n',
    },
  ];

  for (const { shape, before, now } of cases) {
    it(`is the same topic, its state kept: ${shape}`, () => {
      const stored = store(before, { [parse(before).entries.find((e) => e.text.startsWith('Channels'))!.text]: 'learning' });
      const parsed = parse(now);
      const plan = planImport(parsed, stored.sections, stored.topics);
      const channels = plan.entries[parsed.entries.findIndex((e) => e.text === 'Channels')]!;
      expect(channels).toMatchObject({ match: 'same', existingId: stored.topics.find((t) => t.text.startsWith('Channels'))!.id, state: 'learning' });
      expect(plan.entries.every((e) => e.match === 'same' && !e.stateChanged)).toBe(true);
      expect(plan.summary).toMatchObject({ added: [], renamed: [], moved: [], archived: [], unchanged: 2 });
    });
  }

  it('keeps the topics under it too, whose keys hold its identity', () => {
    const stored = store('# Go\n- Concurrency > CSP style\n  - Channels\n', { 'Concurrency > CSP style': 'known', Channels: 'learning' });
    const plan = planImport(parse('# Go\n- Concurrency\n  > CSP style\n  - Channels\n'), stored.sections, stored.topics);
    expect(plan.entries.map((e) => [e.text, e.match, e.state])).toEqual([
      ['Concurrency', 'same', 'known'],
      ['Channels', 'same', 'learning'],
    ]);
  });

  it('is the stored topic keyed by the former text, and still that topic once the quote is gone from the file', () => {
    const stored = store('# Go\n- [ ] Mutex\n');
    const channels: StoredTopicRef = {
      id: 7,
      identityKey: itemKey('go', { text: 'Channels > buffered or not' }),
      sectionKey: 'go',
      kind: 'topic',
      text: 'Channels > buffered or not',
      marker: 'open',
      state: 'known',
      archived: false,
      origin: 'file',
    };
    const plan = planImport(parse('# Go\n- [ ] Mutex\n- [ ] Channels\n  > buffered or not\n'), stored.sections, [...stored.topics, channels]);
    expect(plan.entries[1]).toMatchObject({ existingId: 7, match: 'same', text: 'Channels', state: 'known' });
    // Stored as that import left it (its text the title's line, its key as before), then the quote dropped from the file.
    const after = planImport(parse('# Go\n- [ ] Mutex\n- [ ] Channels\n'), stored.sections, [...stored.topics, { ...channels, text: 'Channels' }]);
    expect(after.entries[1]).toMatchObject({ existingId: 7, state: 'known' });
    expect(after.summary).toMatchObject({ added: [], archived: [] });
  });
});
