// A topic as the API and `--json` show it (contract/topics.ts), from the stored topic and where it sits.
import type { CliTopicJson, TopicDetailJson, TopicJson, TopicShowJson } from '../../contract/topics.js';
import type { Topic } from '../../core/checklist/model.js';
import type { TopicDetails } from './topics.js';

/** A topic with where it sits: its checklist's name and its section path as the file writes it. */
export interface PlacedTopic {
  topic: Topic;
  checklistName: string;
  /** Section titles, top level first; for an archived topic whose section is gone, its stored path key. */
  sectionPath: string[];
}

export function topicJson({ topic, checklistName, sectionPath }: PlacedTopic): TopicJson {
  return {
    id: topic.id,
    checklist: checklistName,
    kind: topic.kind,
    title: topic.title,
    text: topic.text,
    details: topic.details,
    state: topic.state,
    confidence: topic.confidence,
    notes: topic.notes,
    section: sectionPath,
    line: topic.lines.start,
    origin: topic.origin,
    createdAt: topic.createdAt,
    updatedAt: topic.updatedAt,
    archivedAt: topic.archivedAt,
  };
}

export function topicDetailJson(details: TopicDetails, placed: PlacedTopic): TopicDetailJson {
  return {
    topic: topicJson(placed),
    resources: details.resources.map(({ url, title, clickable }) => ({ url, title, clickable })),
    history: details.history.map(({ id, at, type, data }) => ({ id, at, type, data })),
    reviews: details.reviews,
    sections: details.sectionTitles,
    timeZone: details.timeZone,
  };
}

/** The topic as the CLI's `show`, `mark`, `note` and `search --json` print it: the contract's fields, and its stored ones. */
export function cliTopicJson(placed: PlacedTopic): CliTopicJson {
  const { topic } = placed;
  return {
    ...topicJson(placed),
    checklistId: topic.checklistId,
    sectionId: topic.sectionId,
    sectionKey: topic.sectionKey,
    parentId: topic.parentId,
    identityKey: topic.identityKey,
    marker: topic.marker,
    position: topic.position,
    depth: topic.depth,
    lines: topic.lines,
  };
}

/** `prepdeck show --json`: GET /api/topics/:id's answer with the stored fields `show` printed first. */
export function topicShowJson(details: TopicDetails, placed: PlacedTopic): TopicShowJson {
  // Each part built once, in its CLI shape (a new field of TopicDetailJson fails to compile here until it is added).
  return {
    topic: cliTopicJson(placed),
    resources: details.resources.map(({ url, title, clickable, id, sectionId, topicId, fromBullet, line }) => ({
      url,
      title,
      clickable,
      id,
      sectionId,
      topicId,
      fromBullet,
      line,
    })),
    history: details.history.map(({ id, at, type, data, checklistId, topicId }) => ({ id, at, type, data, checklistId, topicId })),
    reviews: details.reviews,
    sections: details.sectionTitles,
    timeZone: details.timeZone,
    sectionTitles: details.sectionTitles,
    checklist: placed.checklistName,
  };
}
