// A topic's history as the user reads it: the events stored for it, its creation first.
import type { Topic, TopicEvent } from './model.js';

/** The id a creation read from the topic row takes: no stored event has it (ids start at 1). */
export const CREATION_FROM_TOPIC_ID = 0;

/**
 * `events` (the topic's stored ones, oldest first) with its `created` event first. An import stores none for the
 * topics it makes (a large file's 20,000 rows, a sixth of its writes): the topic row and its later events say all
 * it would have said. It was made at the topic's `createdAt`, in the section the first `moved` left (else the one it
 * is in), in the state the first `state` change left (else the one it has). A stored `created` event (a topic added
 * in prepdeck, or imported before the import stopped storing them) is kept as it is.
 */
export function withCreation(topic: Topic, events: readonly TopicEvent[]): TopicEvent[] {
  if (events.some((event) => event.type === 'created')) return [...events];
  const firstFrom = (type: TopicEvent['type']) => events.find((event) => event.type === type)?.data['from'];
  const section = firstFrom('moved');
  const state = firstFrom('state');
  const creation: TopicEvent = {
    id: CREATION_FROM_TOPIC_ID,
    checklistId: topic.checklistId,
    topicId: topic.id,
    at: topic.createdAt,
    type: 'created',
    data: { section: typeof section === 'string' ? section : topic.sectionKey, state: typeof state === 'string' ? state : topic.state },
  };
  return [creation, ...events];
}
