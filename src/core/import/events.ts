// The history an import writes, from its plan alone: one event per change to a topic, the same planned entries
// the plan's summary reports (plan.ts). The store writes them (store/import/import.ts) without deciding them.
import type { EventType } from '../checklist/model.js';
import type { ImportPlan } from './plan.js';

export interface ImportEvent {
  topicId: number;
  type: EventType;
  data: Record<string, unknown>;
}

/**
 * The events of applying `plan`, given the id each entry's topic has (a new topic's from the store): none for a new
 * topic (its history's `created` is read from its row); for a stored one, `restored` when it was archived, `renamed` when its text changed, `moved` when its
 * section did, `state` (source `file`) when the file's tick changed it; then `archived` for each topic gone from the
 * file. In file order, so that the log reads as the file does; nothing for a topic the import leaves as it was.
 */
export function importEvents(plan: ImportPlan, topicIds: readonly number[]): ImportEvent[] {
  const events: ImportEvent[] = [];
  plan.entries.forEach((entry, index) => {
    const topicId = topicIds[index]!;
    const { stored } = entry;
    // A new topic's creation is read from its row (core/checklist/history.ts), not stored.
    if (!stored) return;
    if (stored.archived) events.push({ topicId, type: 'restored', data: {} });
    if (stored.text !== entry.text) events.push({ topicId, type: 'renamed', data: { from: stored.text, to: entry.text } });
    if (stored.sectionKey !== entry.sectionKey) events.push({ topicId, type: 'moved', data: { from: stored.sectionKey, to: entry.sectionKey } });
    if (stored.state !== entry.state) events.push({ topicId, type: 'state', data: { from: stored.state, to: entry.state, source: 'file' } });
  });
  for (const topic of plan.archived) events.push({ topicId: topic.id, type: 'archived', data: { section: topic.sectionKey } });
  return events;
}
