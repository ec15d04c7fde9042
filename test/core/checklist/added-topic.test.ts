// A topic added in prepdeck: its title read as the file will read it, and whether its section has it already.
import { describe, expect, it } from 'vitest';
import { addedTopicFate, readAddedTopic } from '../../../src/core/checklist/added-topic.js';

const OTHER = { pathKey: 'other', path: ['Other'], role: 'study' as const };

describe('a topic added in prepdeck', () => {
  it('is read as the import reads it: plain text, identity by section and normalised text, any script', () => {
    expect(readAddedTopic('  Design a **rate limiter**. ', OTHER, 'all')).toEqual({
      title: 'Design a **rate limiter**.',
      text: 'Design a rate limiter.',
      identityKey: 'other / design a rate limiter',
    });
    expect(readAddedTopic('ПЛЮШКИ', OTHER, 'tasks').identityKey).toBe('other / плюшки');
  });

  it('refuses what would not be one topic of the file, naming the field', () => {
    for (const title of ['', ' ', 'a\nb', 'a\rb', '# h', 'q :: a', '<https://only.a.link>', '[x] done', '!!!', 'x'.repeat(501)]) {
      expect(() => readAddedTopic(title, OTHER, 'all'), title).toThrow(/^title: /);
    }
    expect(() => readAddedTopic('a\u0000b', OTHER, 'all')).toThrow(/NUL/);
    // In a task list a bare link is a task of its own.
    expect(readAddedTopic('<https://only.a.link>', OTHER, 'tasks').text).toBe('https://only.a.link');
    expect(() => readAddedTopic('remote', { ...OTHER, role: 'goals' }, 'all')).toThrow(/^section: 'Other' holds your goals/);
  });

  it('is refused when its section has it, numbered repeats included; an archived one of its identity comes back', () => {
    const reading = readAddedTopic('System design', OTHER, 'all');
    const existing = [
      { id: 1, identityKey: 'other / system design', text: 'system design', archived: true },
      { id: 2, identityKey: 'other / system design#2', text: 'system design', archived: false },
      { id: 3, identityKey: 'other / rest / system design', text: 'system design', archived: false },
    ];
    expect(() => addedTopicFate(reading, OTHER, existing)).toThrow("title: 'Other' has the topic 'system design' (#2) already");
    expect(addedTopicFate(reading, OTHER, existing.slice(0, 1))).toEqual({ restore: 1 });
    expect(addedTopicFate(reading, OTHER, existing.slice(2))).toEqual({ restore: null });
  });
});
