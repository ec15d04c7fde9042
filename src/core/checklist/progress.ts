// Progress = known / (all - skipped), per section (its subsections included) and overall.
import type { Progress } from '../../contract/common.js';
import type { EntryKind, TopicState } from './model.js';

export type { Progress } from '../../contract/common.js';

/** Topics by state; Progress adds the ratio (0 when nothing is left to count). */
export type ProgressCounts = Omit<Progress, 'ratio'>;

export function emptyCounts(): ProgressCounts {
  return { total: 0, new: 0, learning: 0, known: 0, skipped: 0 };
}

export function toProgress(counts: ProgressCounts): Progress {
  const counted = counts.total - counts.skipped;
  return { ...counts, ratio: counted > 0 ? counts.known / counted : 0 };
}

export interface ProgressInput {
  sections: Array<{ id: number; parentId: number | null }>;
  topics: Array<{ sectionId: number | null; state: TopicState; kind: EntryKind; archived: boolean }>;
}

export interface ProgressReport {
  overall: Progress;
  bySection: Map<number, Progress>;
}

/** Study topics only: goals, books and archived topics are not part of the preparation's total. */
export function computeProgress({ sections, topics }: ProgressInput): ProgressReport {
  const parentOf = new Map(sections.map((s) => [s.id, s.parentId]));
  const counts = new Map<number, ProgressCounts>(sections.map((s) => [s.id, emptyCounts()]));
  const overall = emptyCounts();
  for (const topic of topics) {
    if (topic.kind !== 'topic' || topic.archived) continue;
    add(overall, topic.state);
    // Walk up the section chain so that every ancestor counts the topic once.
    for (let id = topic.sectionId; id !== null && id !== undefined; id = parentOf.get(id) ?? null) {
      const sectionCounts = counts.get(id);
      if (sectionCounts) add(sectionCounts, topic.state);
    }
  }
  return {
    overall: toProgress(overall),
    bySection: new Map([...counts].map(([id, c]) => [id, toProgress(c)])),
  };
}

function add(counts: ProgressCounts, state: TopicState): void {
  counts.total++;
  counts[state]++;
}
