// What a first import of a parsed checklist stores, as plain refs: the baseline a re-import is planned against.
import type { ParsedChecklist, TopicState } from '../../src/core/checklist/model.js';
import { planImport, type StoredSectionRef, type StoredTopicRef } from '../../src/core/import/plan.js';

/** Ids in file order from `idBase`; each topic's state as its marker gives it, unless `states` names another. */
export function storedAfterFirstImport(
  parsed: ParsedChecklist,
  { idBase = 100, states = {} }: { idBase?: number; states?: Record<string, TopicState> } = {},
): { sections: StoredSectionRef[]; topics: StoredTopicRef[] } {
  const plan = planImport(parsed, [], []);
  return {
    sections: plan.sections.map((s) => ({ id: s.index + 1, pathKey: s.pathKey })),
    topics: plan.entries.map((e) => {
      const entry = parsed.entries[e.index]!;
      return {
        id: idBase + e.index,
        identityKey: e.identityKey,
        sectionKey: plan.sections[entry.sectionIndex]!.pathKey,
        kind: entry.kind,
        text: entry.text,
        marker: entry.marker,
        // Own keys only: a topic called `valueOf` must not find Object.prototype's.
        state: Object.hasOwn(states, entry.text) ? states[entry.text]! : e.state,
        archived: false,
        origin: 'file' as const,
      };
    }),
  };
}
