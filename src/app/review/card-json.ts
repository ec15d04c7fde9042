// A card as the API and `--json` show it (contract/review.ts), from the stored card and its topic.
import type { CardJson } from '../../contract/review.js';
import type { Topic } from '../../core/checklist/model.js';
import type { StudyCard } from '../../core/review/scheduling.js';

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
