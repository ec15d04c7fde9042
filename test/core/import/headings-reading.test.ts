// Guides written as headings (issue 14, item 7): system-design guides and handbooks put their topics in headings with
// prose under them, and their bullets are prose. Read by headings, each leaf heading is a topic and what stands under
// it its details; chosen by itself only when the signal is clear. Each test writes its own input of the shape.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedChecklist } from '../../../src/core/checklist/model.js';
import { readAddedTopic } from '../../../src/core/checklist/added-topic.js';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';
import { planImport } from '../../../src/core/import/plan.js';
import { insertCards } from '../../../src/core/write-back/cards.js';
import { writeBack } from '../../../src/core/write-back/markers.js';
import { insertTopics } from '../../../src/core/write-back/topics.js';
import { storedAfterFirstImport } from '../../support/first-import.js';
import { hasUserFixture, readFixture, USER_FIXTURE } from '../../support/fixtures.js';

const parse = (text: string, topics?: 'all' | 'tasks' | 'headings' | 'auto') => parseChecklist(text, { fallbackTitle: 'untitled', topics });
const topic = (parsed: ParsedChecklist, text: string) => parsed.entries.find((e) => e.text === text)!;
const sectionOf = (parsed: ParsedChecklist, text: string) => parsed.sections[topic(parsed, text).sectionIndex]!.text;

/** The shape of a system-design guide: a title, sections of leaf headings with prose, prose bullets, further reading. */
const systemDesignGuide = [
  '# System design primer', // 1
  '',
  'Learn how to design large-scale systems. Prep for the system design interview.',
  '',
  '## Performance vs scalability', // 5
  '',
  'A service is scalable if it results in increased performance in a manner proportional to resources added.',
  '',
  '* If you have a performance problem, your system is slow for a single user.',
  '* If you have a scalability problem, your system is fast for a single user but slow under heavy load.',
  '',
  '### Source(s) and further reading', // 12
  '<!-- links checked 2024 -->',
  '* [A word on scalability](http://www.allthingsdistributed.com/2006/03/a_word_on_scalability.html)',
  '',
  '## Latency vs throughput', // 16
  '',
  'Latency is the time to perform some action or to produce some result.',
  '',
  'Throughput is the number of such actions or results per unit of time.',
  '',
  '## Consistency patterns', // 22
  '',
  'With multiple copies of the same data, we are faced with options on how to synchronize them.',
  '',
  '### Weak consistency', // 26
  '',
  'After a write, reads may or may not see it. A best effort approach is taken.',
  '',
  '* Memcached',
  '* VoIP, video chat, and realtime multiplayer games',
  '  * a dropped call loses a few seconds of speech',
  '',
  '### Eventual consistency', // 34
  '',
  'After a write, reads will eventually see it (typically within milliseconds). Data is replicated asynchronously.',
  '',
  '### Strong consistency', // 38
  '',
  'After a write, reads will see it. Data is replicated synchronously, as in [RDBMSes](https://en.wikipedia.org/wiki/Relational_database).',
  '',
  '## Availability patterns', // 42
  '',
  'There are two complementary patterns to support high availability: fail-over and replication.',
  '',
  '### Fail-over', // 46
  '',
  '#### Active-passive', // 48
  '',
  'With active-passive fail-over, heartbeats are sent between the active and the passive server on standby.',
  '',
  '#### Active-active', // 52
  '',
  'In active-active, both servers are managing traffic, spreading the load between them.',
  '',
  '### Disadvantage(s): failover', // 56
  '',
  '* Fail-over adds more hardware and additional complexity.',
  '* There is a potential for loss of data if the active system fails before new data can be replicated.',
  '',
].join('\n');

/** The shape of a handbook: no title heading, leaf headings at the top level too, short prose bullets ("Luck"). */
const handbook = [
  '## Before the interview', // 1
  '',
  'Most of the work happens before you walk into the room, and it is worth doing well.',
  '',
  '## Why you did not get the offer', // 5
  '',
  'Rejections rarely come with reasons, and the usual ones are outside your control:',
  '',
  '- Luck',
  '- Timing',
  '- Another candidate',
  '',
  '## What to do next', // 13
  '',
  'Write down every question you were asked while you still remember them well.',
  '',
  '- Fix errors',
  '- Practise the questions again',
  '',
  '## Negotiation', // 19
  '',
  'Never give the first number, and always get the offer in writing before you decide.',
  '',
  '## Resignation', // 23
  '',
  'Leave on good terms: the industry is smaller than it looks from the inside.',
  '',
  '## Goals', // 27
  '',
  '- Senior role in Berlin',
  '- Remote friendly',
  '',
].join('\n');

describe('a system-design guide is read by headings', () => {
  const parsed = parse(systemDesignGuide);

  it('chooses the reading by itself and says why', () => {
    expect(parsed.topicsMode).toEqual({
      mode: 'headings',
      reason:
        'read by headings: 8 leaf headings with prose under them and few list items that look like topics (2 of 7 list items, against 183 words of prose), so each leaf heading is a topic',
    });
  });

  it('makes each leaf heading a topic of its parent heading, the headings above them sections', () => {
    expect(parsed.entries.map((e) => [e.text, sectionOf(parsed, e.text)])).toEqual([
      ['Performance vs scalability', 'System design primer'],
      ['Latency vs throughput', 'System design primer'],
      ['Weak consistency', 'Consistency patterns'],
      ['Eventual consistency', 'Consistency patterns'],
      ['Strong consistency', 'Consistency patterns'],
      ['Active-passive', 'Fail-over'],
      ['Active-active', 'Fail-over'],
      ['Disadvantage(s): failover', 'Availability patterns'],
    ]);
    expect(parsed.sections.map((s) => s.text)).toEqual(['', 'System design primer', 'Consistency patterns', 'Availability patterns', 'Fail-over']);
    expect(parsed.entries.every((e) => e.kind === 'topic' && e.heading === true && e.parentIndex === null && e.depth === 0)).toBe(true);
    expect(parsed.entries.map((e) => e.position)).toEqual([0, 1, 0, 1, 2, 0, 1, 0]);
  });

  it("gives a heading's paragraphs and bullets to its topic as details, nested bullets nested, paragraphs apart", () => {
    expect(topic(parsed, 'Latency vs throughput').details).toBe(
      'Latency is the time to perform some action or to produce some result.\n\nThroughput is the number of such actions or results per unit of time.',
    );
    expect(topic(parsed, 'Weak consistency').details).toBe(
      [
        'After a write, reads may or may not see it. A best effort approach is taken.',
        '',
        '- Memcached',
        '- VoIP, video chat, and realtime multiplayer games',
        '  - a dropped call loses a few seconds of speech',
      ].join('\n'),
    );
    // The prose under a heading with sub-headings stays its section's note.
    expect(parsed.sections[2]!.notes.map((n) => n.source)).toEqual([
      'With multiple copies of the same data, we are faced with options on how to synchronize them.',
    ]);
  });

  it('makes the links under a heading, and its further reading, resources of its topic', () => {
    expect(topic(parsed, 'Strong consistency').resources).toEqual([
      { url: 'https://en.wikipedia.org/wiki/Relational_database', title: 'RDBMSes', clickable: true, fromBullet: false, line: 40 },
    ]);
    const performance = topic(parsed, 'Performance vs scalability');
    expect(performance.resources).toEqual([
      {
        url: 'http://www.allthingsdistributed.com/2006/03/a_word_on_scalability.html',
        title: 'A word on scalability',
        clickable: true,
        fromBullet: true,
        line: 14,
      },
    ]);
    // The heading stays in the details (nothing of the file is left out), its links are resources only.
    expect(performance.details).toContain('\n\n### Source(s) and further reading\n\n<!-- links checked 2024 -->');
    expect(performance.details).not.toContain('allthingsdistributed');
  });

  it('takes a further reading with comments or a line introducing its links as further reading too', () => {
    const text = systemDesignGuide.replace(
      '## Latency vs throughput',
      '### More reading\n\n<a name="more"></a>\n\nCheck out the following links:\n\n* [Latency numbers](https://gist.github.com/jboner/2841832)\n\n## Latency vs throughput',
    );
    const parsed = parse(text);
    expect(parsed.entries.map((e) => e.text)).toEqual(parse(systemDesignGuide).entries.map((e) => e.text));
    expect(topic(parsed, 'Performance vs scalability').resources.map((r) => r.title)).toEqual(['A word on scalability', 'Latency numbers']);
  });

  it("keeps each topic's lines from its heading to the last line before the next heading", () => {
    expect(parsed.entries.map((e) => [e.lines.start, e.lines.end])).toEqual([
      [5, 14],
      [16, 20],
      [26, 32],
      [34, 36],
      [38, 40],
      [48, 50],
      [52, 54],
      [56, 59],
    ]);
    expect(parsed.sections.map((s) => [s.lines.start, s.lines.end])).toEqual([
      [1, 59],
      [1, 59],
      [22, 41],
      [42, 59],
      [46, 55],
    ]);
  });

  it('reads a guide that is no guide as before when asked for an outline', () => {
    const outline = parse(systemDesignGuide, 'all');
    expect(outline.topicsMode.mode).toBe('all');
    expect(outline.entries.some((e) => e.heading)).toBe(false);
    expect(outline.entries.map((e) => e.text)).toContain('Memcached');
  });
});

describe('a handbook is read by headings', () => {
  const parsed = parse(handbook);

  it('takes its prose bullets as details, and a leaf heading with no heading above it into the checklist itself', () => {
    expect(parsed.topicsMode.reason).toBe(
      'read by headings: 5 leaf headings with prose under them and few list items that look like topics (5 of 5 list items, against 72 words of prose), so each leaf heading is a topic',
    );
    expect(parsed.entries.filter((e) => e.kind === 'topic').map((e) => e.text)).toEqual([
      'Before the interview',
      'Why you did not get the offer',
      'What to do next',
      'Negotiation',
      'Resignation',
    ]);
    // Content before the first heading belongs to the checklist: so do its top-level leaf headings.
    expect(parsed.entries.filter((e) => e.kind === 'topic').every((e) => e.sectionIndex === 0)).toBe(true);
    expect(topic(parsed, 'Why you did not get the offer').details).toBe(
      'Rejections rarely come with reasons, and the usual ones are outside your control:\n\n- Luck\n- Timing\n- Another candidate',
    );
    expect(topic(parsed, 'What to do next').details).toContain('- Fix errors');
  });

  it('keeps a Goals heading a goals section whose items are goals', () => {
    const goals = parsed.sections.find((s) => s.text === 'Goals')!;
    expect(goals.role).toBe('goals');
    expect(parsed.entries.filter((e) => e.kind === 'goal').map((e) => [e.text, e.sectionIndex])).toEqual([
      ['Senior role in Berlin', goals.index],
      ['Remote friendly', goals.index],
    ]);
  });

  it("reads a card under a heading as its topic's card, and a task item as a line of its details", () => {
    const text = `${handbook}## Salary bands\n\nBands are set per level and per location, and they move once a year.\n\n- What is a band? :: the range one level pays\n- [ ] ask for the band\n`;
    const read = parse(text, 'headings');
    const bands = topic(read, 'Salary bands');
    expect(read.cards).toEqual([expect.objectContaining({ entryIndex: bands.index, front: 'What is a band?', back: 'the range one level pays' })]);
    expect(bands.details).toBe('Bands are set per level and per location, and they move once a year.\n\n- [ ] ask for the band');
  });
});

describe('the reading is chosen by headings only when the signal is clear', () => {
  it.skipIf(!hasUserFixture)("leaves our user's checklist an outline of 20 sections and 189 topics", () => {
    const parsed = parse(readFileSync(USER_FIXTURE, 'utf8'));
    expect(parsed.topicsMode.mode).toBe('all');
    expect(parsed.sections.filter((s) => s.index !== 0 && s.role === 'study')).toHaveLength(18);
    expect(parsed.sections).toHaveLength(21);
    expect(parsed.entries.filter((e) => e.kind === 'topic')).toHaveLength(189);
  });

  it('leaves a task list a task list, however much prose its headings hold', () => {
    const parsed = parse(readFixture('task-list-study-plan.md'));
    expect(parsed.topicsMode.mode).toBe('tasks');
  });

  it('leaves an outline whose lists stand alone under their headings an outline, prose or not', () => {
    const outline = [
      '# Backend',
      '',
      ...['Databases', 'Caching', 'Queues', 'Networking', 'Security', 'Testing'].flatMap((title) => [
        `## ${title}`,
        '',
        `Everything I want to know about ${title.toLowerCase()} before the next round of interviews.`,
        '',
        '- one thing',
        '- another thing',
        '',
        '### Notes',
        '',
        '- first item',
        '- second item',
        '- third item',
        '',
      ]),
    ].join('\n');
    const parsed = parse(outline);
    expect(parsed.topicsMode.mode).toBe('all');
    expect(parsed.topicsMode.reason).toBe('read as an outline: no task markers, so every list item is a topic');
  });

  it('leaves an outline whose sections open with a sentence an outline: a few words of prose against many topics', () => {
    const outline = [
      '# Backend',
      '',
      ...['Databases', 'Caching', 'Queues', 'Networking', 'Security', 'Testing'].flatMap((title) => [
        `## ${title}`,
        '',
        `What I still want to review about ${title.toLowerCase()} before the interviews:`,
        '',
        '- one thing',
        '- another thing',
        '- a third thing',
        '- the last thing',
        '',
      ]),
    ].join('\n');
    const parsed = parse(outline);
    expect(parsed.topicsMode.mode).toBe('all');
    expect(parsed.entries.filter((e) => e.kind === 'topic')).toHaveLength(24);
  });

  it('needs at least five leaf headings with prose, and most leaf headings to have it', () => {
    const guide = (prose: number, bare: number) =>
      [
        ...Array.from({ length: prose }, (_, i) => `## Idea ${i}\n\nA paragraph of prose that explains idea number ${i} in a few words.\n`),
        ...Array.from({ length: bare }, (_, i) => `## Heading ${i}\n`),
      ].join('\n');
    expect(parse(guide(4, 0)).topicsMode.mode).toBe('all');
    expect(parse(guide(5, 0)).topicsMode.mode).toBe('headings');
    expect(parse(guide(5, 5)).topicsMode.mode).toBe('headings');
    expect(parse(guide(5, 6)).topicsMode.mode).toBe('all');
  });

  it('is set by --topics or the front matter, each saying so', () => {
    const outline = '# Python\n\n## Tools\n- poetry\n- mypy\n';
    const given = parse(outline, 'headings');
    // Task markers do not bear on the headings reading: their count is left out.
    expect(given.topicsMode).toEqual({ mode: 'headings', reason: '--topics headings was given' });
    expect(given.entries.map((e) => [e.text, e.details])).toEqual([['Tools', '- poetry\n- mypy']]);
    const fromFrontMatter = parse(`---\nprepdeck:\n  topics: headings\n---\n${outline}`);
    expect(fromFrontMatter.topicsMode.reason).toBe('front matter sets prepdeck.topics: headings');
    expect(fromFrontMatter.warnings).toEqual([]);
    expect(parse('- poetry\n- mypy\n', 'headings').warnings).toEqual([
      '0 topics imported: read by headings, each leaf heading (one with no sub-heading, goals and books aside) is a topic, and the file has none; --topics all reads its list items',
    ]);
    expect(parse(`---\nprepdeck:\n  topics: chapters\n---\n${outline}`).warnings).toEqual([
      'front matter prepdeck.topics must be all, tasks, headings or auto; ignored',
    ]);
  });
});

describe('re-importing a guide read by headings', () => {
  it('matches every topic to the one it had, and an edit of its prose changes no topic', () => {
    const first = parse(systemDesignGuide);
    const stored = storedAfterFirstImport(first);
    const again = planImport(parse(systemDesignGuide), stored.sections, stored.topics);
    expect(again.entries.map((e) => e.match)).toEqual(first.entries.map(() => 'same'));
    expect(again.archived).toEqual([]);
    expect(again.summary.added).toEqual([]);

    const edited = systemDesignGuide
      .replace('A best effort approach is taken.', 'Best effort only.')
      .replace('* Memcached\n', '* Memcached\n* Redis\n');
    const after = planImport(parse(edited), stored.sections, stored.topics);
    expect(after.entries.map((e) => e.match)).toEqual(first.entries.map(() => 'same'));
    expect(after.summary).toMatchObject({ added: [], renamed: [], moved: [], archived: [] });
  });

  it('reads a heading topic added in prepdeck as the heading the user writes for it', () => {
    const section = {
      pathKey: 'system design primer / consistency patterns',
      path: ['System design primer', 'Consistency patterns'],
      role: 'study' as const,
    };
    const reading = readAddedTopic('Causal consistency', section, 'headings');
    const written = systemDesignGuide.replace('### Strong consistency', '### Causal consistency\n\n### Strong consistency');
    const parsed = parse(written, 'headings');
    const stored = storedAfterFirstImport(parsed);
    expect(stored.topics.map((t) => t.identityKey)).toContain(reading.identityKey);
  });
});

describe('write-back never writes into a heading', () => {
  const parsed = parse(systemDesignGuide);
  const known = parsed.entries.map((e) => ({ state: 'known' as const, topicId: e.index + 1 }));

  it('leaves the file as it is for topics that are headings, and says so once', () => {
    const result = writeBack(systemDesignGuide, parsed, known, { all: false, skipped: 'keep' });
    expect(result.text).toBe(systemDesignGuide);
    expect(result.edits).toEqual([]);
    expect(result.warnings).toEqual([
      "8 topics are headings (the file is read by headings), and prepdeck writes no marker into a heading, which would change its text and its links' anchor; their state stays in prepdeck: line 5 (Performance vs scalability), line 16 (Latency vs throughput), line 26 (Weak consistency) and 5 more",
    ]);
  });

  it("reads a marker the user wrote into a heading as the topic's state", () => {
    const ticked = parse(systemDesignGuide.replace('### Weak consistency', '### [x] Weak consistency'));
    expect(topic(ticked, 'Weak consistency').marker).toBe('done');
    const stored = storedAfterFirstImport(parsed);
    const plan = planImport(ticked, stored.sections, stored.topics);
    expect(plan.entries.find((e) => e.text === 'Weak consistency')).toMatchObject({ match: 'same', state: 'known', stateChanged: true });
  });

  it('leaves cards and topics added in prepdeck in prepdeck, each with a notice', () => {
    const weak = topic(parsed, 'Weak consistency');
    const cards = insertCards(systemDesignGuide, parsed, [
      { cardId: 7, entryIndex: weak.index, front: 'Weak consistency?', back: 'reads may miss a write' },
    ]);
    expect(cards.text).toBe(systemDesignGuide);
    expect(cards.warnings).toEqual([
      "card 7 (Weak consistency?): its topic 'Weak consistency' is a heading, and cards are written only under list items; left in prepdeck only",
    ]);
    const topics = insertTopics(
      systemDesignGuide,
      parsed,
      [{ topicId: 9, title: 'Causal consistency', text: 'Causal consistency', sectionIndex: weak.sectionIndex, state: 'new' }],
      { all: false, skipped: 'keep' },
    );
    expect(topics.text).toBe(systemDesignGuide);
    expect(topics.warnings).toEqual([
      'topic #9 (Causal consistency): the file is read by headings, and prepdeck writes no headings; add it as a heading of its section (`### Causal consistency`) and the next import takes it as this topic; it stays in prepdeck',
    ]);
  });
});
