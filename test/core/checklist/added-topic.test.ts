// A topic added in prepdeck: its title read as the file will read it, and whether its section has it already.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addedTopicFate, escapeEmphasis, readAddedTopic, TopicTakenError } from '../../../src/core/checklist/added-topic.js';

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
    // Said for `add` as for a question: the caller says what to do instead (a question links to it).
    expect(() => addedTopicFate(reading, OTHER, existing)).toThrow(TopicTakenError);
    expect(() => addedTopicFate(reading, OTHER, existing)).toThrow(/^title: 'Other' has the topic 'system design' \(#2\) already$/);
    expect(addedTopicFate(reading, OTHER, existing.slice(0, 1))).toEqual({ restore: 1 });
    expect(addedTopicFate(reading, OTHER, existing.slice(2))).toEqual({ restore: null });
  });

  it('typed on a command line, keeps the * and _ Markdown would take for emphasis, escaping them', () => {
    const core = { pathKey: 'python / core', path: ['Python', 'Core'], role: 'study' as const };
    expect(readAddedTopic('__slots__ and memory', core, 'all', { asTyped: true })).toEqual({
      title: '\\_\\_slots\\_\\_ and memory',
      text: '__slots__ and memory',
      identityKey: 'python / core / slots__ and memory',
      // As Markdown it reads as a bold "slots": a topic of that identity is this one typed into the file.
      markdownIdentityKey: 'python / core / slots and memory',
    });
    // Typed escaped, it reads the same: the same topic, not a second one.
    expect(readAddedTopic('\\_\\_slots\\_\\_ and memory', core, 'all', { asTyped: true })).toEqual({
      title: '\\_\\_slots\\_\\_ and memory',
      text: '__slots__ and memory',
      identityKey: 'python / core / slots__ and memory',
    });
    // Markdown that reads as typed stays as it is; so does every title read as Markdown (the API's and the web's).
    for (const title of ['*args and **kwargs', 'snake_case names', 'see [the docs](https://x.org/a_b_)']) {
      expect(readAddedTopic(title, core, 'tasks', { asTyped: true }).title, title).toBe(title);
    }
    expect(readAddedTopic('__slots__', core, 'all').text).toBe('slots');
    expect(readAddedTopic('**bold** idea', OTHER, 'headings', { asTyped: true }).text).toBe('**bold** idea');
    // A leading * would make a nested list; typed, it is the character.
    expect(readAddedTopic('* operator', OTHER, 'all', { asTyped: true })).toMatchObject({ title: '\\* operator', text: '* operator' });
  });

  it('typed, reads back as the characters typed, whatever emphasis they would make', () => {
    const core = { pathKey: 'python / core', path: ['Python', 'Core'], role: 'study' as const };
    const typed = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '*', '_', '\\'), minLength: 1, maxLength: 16 });
    fc.assert(
      fc.property(typed, fc.constantFrom('all' as const, 'tasks' as const, 'headings' as const), (title, mode) => {
        let text: string;
        try {
          text = readAddedTopic(title, core, mode, { asTyped: true }).text;
        } catch (error) {
          // Nothing but * and _ has no words to tell a topic by.
          expect((error as Error).message).toMatch(/has no words|is empty/);
          return;
        }
        // A backslash typed before punctuation is Markdown's escape, kept as typed (`\_` is the escaped form).
        const meant = title.replace(/\\([*_\\])/g, '$1');
        expect(text.replace(/\s+/g, ' ').trim()).toBe(meant.replace(/\s+/g, ' ').trim());
      }),
    );
  });

  it('escapes emphasis characters, leaving code, links in angle brackets, bare links, escapes and underscores inside words', () => {
    expect(escapeEmphasis('__init__ vs `__new__` and _x_')).toBe('\\_\\_init\\_\\_ vs `__new__` and \\_x\\_');
    expect(escapeEmphasis('**a** <https://x.org/_a_> https://y.org/*b* www.z.org/_c_')).toBe(
      '\\*\\*a\\*\\* <https://x.org/_a_> https://y.org/*b* www.z.org/_c_',
    );
    expect(escapeEmphasis('snake_case \\_done\\_ ``a ` _b_`` `unclosed _c_')).toBe('snake_case \\_done\\_ ``a ` _b_`` `unclosed \\_c\\_');
    expect(escapeEmphasis('Ünïcode_wörds_ok')).toBe('Ünïcode_wörds_ok');
  });

  it('typed, is refused as the topic its section has when either reading is that topic', () => {
    const core = { pathKey: 'python / core', path: ['Python', 'Core'], role: 'study' as const };
    const typed = readAddedTopic('__slots__ and memory', core, 'all', { asTyped: true });
    const inFile = [{ id: 7, identityKey: 'python / core / slots and memory', text: 'slots and memory', archived: false }];
    expect(() => addedTopicFate(typed, core, inFile)).toThrow("title: 'Python > Core' has the topic 'slots and memory' (#7) already");
    const added = [{ id: 8, identityKey: 'python / core / slots__ and memory', text: '__slots__ and memory', archived: false }];
    expect(() => addedTopicFate(readAddedTopic('\\_\\_slots\\_\\_ and memory', core, 'all', { asTyped: true }), core, added)).toThrow(
      "title: 'Python > Core' has the topic '__slots__ and memory' (#8) already",
    );
  });
});
