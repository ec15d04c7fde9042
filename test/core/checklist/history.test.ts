// A topic's history reads as if its creation were stored: from the topic row and the first changes after it.
import { describe, expect, it } from 'vitest';
import { CREATION_FROM_TOPIC_ID, withCreation } from '../../../src/core/checklist/history.js';
import type { Topic, TopicEvent } from '../../../src/core/checklist/model.js';

const DAY1 = '2026-12-01T09:00:00.000Z';
const DAY2 = '2026-12-02T09:00:00.000Z';

const TOPIC: Topic = {
  id: 7,
  checklistId: 1,
  sectionId: 3,
  sectionKey: 'databases',
  parentId: null,
  kind: 'topic',
  identityKey: 'select for update',
  title: 'SELECT FOR UPDATE',
  text: 'SELECT FOR UPDATE',
  details: '',
  marker: 'none',
  position: 0,
  depth: 0,
  lines: { start: 4, end: 4 },
  state: 'known',
  confidence: null,
  notes: '',
  createdAt: DAY1,
  updatedAt: DAY2,
  archivedAt: null,
  origin: 'file',
};

let nextId = 1;
function event(type: TopicEvent['type'], data: Record<string, unknown>, at = DAY2): TopicEvent {
  return { id: nextId++, checklistId: 1, topicId: 7, at, type, data };
}

describe("a topic's history with its creation", () => {
  it('starts with the creation the topic row says: when, where and in what state', () => {
    expect(withCreation(TOPIC, [])).toEqual([
      { id: CREATION_FROM_TOPIC_ID, checklistId: 1, topicId: 7, at: DAY1, type: 'created', data: { section: 'databases', state: 'known' } },
    ]);
  });

  it('takes the section and state the first move and state change left, not the ones the topic has now', () => {
    const later = [
      event('state', { from: 'new', to: 'learning', source: 'review' }),
      event('moved', { from: 'sql', to: 'databases' }),
      event('state', { from: 'learning', to: 'known', source: 'file' }),
      event('moved', { from: 'databases', to: 'postgres' }),
    ];
    const history = withCreation(TOPIC, later);
    expect(history[0]!.data).toEqual({ section: 'sql', state: 'new' });
    expect(history.slice(1)).toEqual(later);
  });

  it('keeps a stored creation as it is, and adds none beside it', () => {
    const stored = [event('created', { section: 'python', state: 'new', source: 'app' }, DAY1), event('notes', { length: 3 })];
    expect(withCreation(TOPIC, stored)).toEqual(stored);
  });
});
