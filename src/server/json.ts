// Domain objects as the API shows them (the shapes of core/api.ts).
import type { ChecklistSummaryJson, TopicDetailJson, TopicJson } from '../core/api.js';
import type { PlacedTopic, TopicDetails } from '../app/topics.js';
import type { Checklist } from '../core/model.js';
import { toProgress, type ProgressCounts } from '../core/progress.js';

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
  };
}

export function checklistSummaryJson(summary: {
  checklist: Checklist;
  progress: ProgressCounts;
  goals: number;
  books: number;
}): ChecklistSummaryJson {
  const { checklist } = summary;
  return {
    id: checklist.id,
    name: checklist.name,
    title: checklist.title,
    sourcePath: checklist.sourcePath,
    importedAt: checklist.importedAt,
    topicsMode: checklist.topicsMode,
    progress: toProgress(summary.progress),
    goals: summary.goals,
    books: summary.books,
  };
}
