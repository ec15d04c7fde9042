// Domain objects in the shapes of core/api.ts, shared by the server (HTTP) and the CLI (--json).
import type { CardJson, TopicJson } from './api.js';
import type { Topic } from './checklist/model.js';
import type { StudyCard } from './review/scheduling.js';

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
    createdAt: topic.createdAt,
    updatedAt: topic.updatedAt,
    archivedAt: topic.archivedAt,
  };
}

/** A topic card asks about its topic: its title in front, what the file and the user wrote about it behind. */
export function cardJson(card: StudyCard, checklistName: string, topic: Topic | null, retrievability: number | null): CardJson {
  const asksTopic = card.kind === 'topic' && topic !== null;
  return {
    id: card.id,
    checklist: checklistName,
    kind: card.kind,
    origin: card.origin,
    topicId: card.topicId,
    front: asksTopic ? topic.title : card.front,
    back: asksTopic ? [topic.details, topic.notes].filter((part) => part.trim() !== '').join('\n\n') : card.back,
    state: card.state,
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.lastReview,
    retrievability,
    line: card.lines?.start ?? null,
    archivedAt: card.archivedAt,
  };
}
