// `prepdeck show`'s history as a user reads it: local times in the checklist's zone, section titles for keys.
import { describe, expect, it } from 'vitest';
import { historyText } from '../../src/cli/commands/show.js';
import { localTime } from '../../src/cli/render.js';
import type { TopicEvent } from '../../src/core/checklist/model.js';

const event = (type: TopicEvent['type'], data: Record<string, unknown>): TopicEvent => ({
  id: 1,
  checklistId: 1,
  topicId: 1,
  at: '2026-12-05T20:57:19.911Z',
  type,
  data,
});
const titles = new Map([
  ['python / tools', 'Python / Tools'],
  ['databases / postgresql', 'Databases / PostgreSQL'],
]);

describe('the history of a topic in the terminal', () => {
  it("writes an instant as the wall clock reads it in the checklist's zone, daylight saving included", () => {
    expect(localTime('2026-12-05T20:57:19.911Z', 'Europe/Berlin')).toBe('2026-12-05 21:57');
    expect(localTime('2026-07-05T20:57:19.911Z', 'Europe/Berlin')).toBe('2026-07-05 22:57');
    expect(localTime('2026-12-05T20:57:19.911Z', 'America/New_York')).toBe('2026-12-05 15:57');
  });

  it('names sections by their titles, and keeps a key no section holds any more', () => {
    expect(historyText(event('created', { section: 'python / tools', state: 'new' }), titles)).toBe('created in Python / Tools, new');
    expect(historyText(event('moved', { from: 'python / tools', to: 'databases / postgresql' }), titles)).toBe(
      'moved from Python / Tools to Databases / PostgreSQL',
    );
    expect(historyText(event('archived', { section: 'gone / away' }), titles)).toBe('archived: gone from the file (was in gone / away)');
  });

  it('says each change in words, with where it came from, values on one line and safe for a terminal', () => {
    expect(historyText(event('state', { from: 'new', to: 'known', source: 'review' }), titles)).toBe('state new → known (by a review)');
    expect(historyText(event('state', { from: 'learning', to: 'known', source: 'user' }), titles)).toBe('state learning → known');
    expect(historyText(event('confidence', { from: null, to: 3 }), titles)).toBe('confidence set to 3');
    expect(historyText(event('notes', { from: '', to: 'line one\n\x1b[31mline two' }), titles)).toBe('notes “line one line two”');
    expect(historyText(event('notes', { from: 'x', to: '' }), titles)).toBe('notes cleared');
    expect(historyText(event('card', { cardId: 4, front: 'What does send() do?' }), titles)).toBe('card added: “What does send() do?”');
  });
});
