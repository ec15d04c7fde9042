// A story's next rehearsal as `prepdeck stories` says it: a local time in the hunt's zone, or "now" once it has come.
import { describe, expect, it } from 'vitest';
import { dueText } from '../../src/cli/commands/stories.js';
import type { StoryJson } from '../../src/contract/interviews.js';

const story = (due: string) => ({ schedule: { due } }) as unknown as StoryJson;

describe('a story’s next rehearsal in words', () => {
  it('says the local time in the hunt’s zone while it is to come, and "now" once it has come (an undo restores a past due time)', () => {
    const now = '2026-12-06T04:00:00.000Z';
    expect(dueText(story('2026-12-07T00:24:00.000Z'), 'Europe/Moscow', now)).toBe('2026-12-07 03:24 Europe/Moscow');
    expect(dueText(story('2026-12-06T03:48:00.000Z'), 'Europe/Moscow', now)).toBe('now');
    expect(dueText(story(now), 'Europe/Moscow', now)).toBe('now');
  });
});
