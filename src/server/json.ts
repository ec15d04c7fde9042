// Domain objects as the API shows them (the shapes of core/api.ts).
import type { ChecklistSummaryJson, TopicDetailJson } from '../core/api.js';
import { topicJson, type PlacedTopic } from '../core/api-json.js';
import type { TopicDetails } from '../app/topics/topics.js';

export { topicJson };
import type { Checklist } from '../core/checklist/model.js';
import { toProgress, type ProgressCounts } from '../core/checklist/progress.js';

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
