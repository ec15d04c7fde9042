// Checklists: the list, one tree as the file has it, the dashboard, and removing one.
import { Type, type Static } from 'typebox';
import { CHECKLIST_CHOICES } from './vocabulary.js';
import { TopicOrigin } from './topics.js';
import { component, EntryKind, ExportedResource, Nullable, Progress, SectionRole, TopicsMode, TopicState } from './common.js';

// The tree is recursive: a Cyclic schema keeps its type exact, and its two $ids become OpenAPI components.
const tree = {
  TreeTopic: Type.Object({
    id: Type.Integer(),
    kind: EntryKind,
    title: Type.String({ description: 'inline Markdown source' }),
    text: Type.String({ description: 'plain text' }),
    state: TopicState,
    confidence: Nullable(Type.Integer()),
    notes: Type.String(),
    details: Type.String(),
    line: Type.Integer({ description: 'its first line in the file; 0 for a topic added in prepdeck and not written yet' }),
    origin: TopicOrigin,
    resources: Type.Array(component(ExportedResource)),
    children: Type.Array(Type.Ref('TreeTopic')),
  }),
  TreeSection: Type.Object({
    id: Type.Integer(),
    title: Type.String(),
    text: Type.String(),
    level: Type.Integer(),
    role: SectionRole,
    progress: component(Progress),
    notes: Type.Array(Type.String(), { description: 'blocks of the section as written: paragraphs, code, raw HTML' }),
    resources: Type.Array(component(ExportedResource)),
    topics: Type.Array(Type.Ref('TreeTopic')),
    sections: Type.Array(Type.Ref('TreeSection')),
  }),
};

/** A topic (or goal, or book) in the tree, with its sub-items. */
export const ExportedTopic = Type.Cyclic(tree, 'TreeTopic');
export type ExportedTopic = Static<typeof ExportedTopic>;

/** A section in the tree: its topics, then its subsections, in file order. */
export const ExportedSection = Type.Cyclic(tree, 'TreeSection');
export type ExportedSection = Static<typeof ExportedSection>;

const checklistHead = {
  name: Type.String(),
  title: Type.String(),
  sourcePath: Nullable(Type.String()),
  importedAt: Type.String(),
  topicsMode: TopicsMode,
  progress: component(Progress),
};

/** GET /api/checklists/:name/tree, and `prepdeck export --format json`. */
export const ChecklistTreeJson = Type.Object({ ...checklistHead, root: ExportedSection });
export type ChecklistTreeJson = Static<typeof ChecklistTreeJson>;

/** A checklist's head (its tree without the tree), with its goals and books counted. */
export const ChecklistSummaryJson = Type.Object({ id: Type.Integer(), ...checklistHead, goals: Type.Integer(), books: Type.Integer() });
export type ChecklistSummaryJson = Static<typeof ChecklistSummaryJson>;

/** GET /api/checklists */
export const ChecklistListJson = Type.Object({ checklists: Type.Array(ChecklistSummaryJson) });
export type ChecklistListJson = Static<typeof ChecklistListJson>;

/** DELETE /api/checklists/:name, and `prepdeck remove --json`. */
export const RemovedChecklistJson = Type.Object({
  removed: Type.Object({ name: Type.String(), title: Type.String(), entries: Type.Integer({ description: 'topics, goals and books it held' }) }),
});
export type RemovedChecklistJson = Static<typeof RemovedChecklistJson>;

/** `prepdeck use --json`: the checklist the CLI works on when -c names none, and how it was chosen. */
export const CurrentChecklistJson = Type.Object({ checklist: Type.String(), how: Type.Enum(CHECKLIST_CHOICES) });
export type CurrentChecklistJson = Static<typeof CurrentChecklistJson>;

/** One section's line on the dashboard, in file order; depth 1 is a top-level heading. */
export const SectionProgressJson = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  text: Type.String(),
  pathKey: Type.String({ description: "the section's path as the server keys it (`python / data model`): what `?section=` takes" }),
  depth: Type.Integer(),
  role: SectionRole,
  progress: component(Progress),
});
export type SectionProgressJson = Static<typeof SectionProgressJson>;

/** What was done on one study day: changes to topics (state, confidence, notes), or reviews. */
export const ActivityDayJson = Type.Object({ date: Type.String({ description: 'a study date, YYYY-MM-DD' }), count: Type.Integer() });
export type ActivityDayJson = Static<typeof ActivityDayJson>;

/** Topics whose titles read the same: likely written twice. */
export const DuplicateJson = Type.Object({
  text: Type.String(),
  topics: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), section: Type.String() })),
});
export type DuplicateJson = Static<typeof DuplicateJson>;

/** GET /api/checklists/:name/dashboard */
export const DashboardJson = Type.Object({
  name: Type.String(),
  title: Type.String(),
  progress: component(Progress),
  sections: Type.Array(SectionProgressJson),
  today: Type.String({ description: "today's study date, YYYY-MM-DD, in the checklist's time zone and day start" }),
  /** Changes made per study day over the last 365, days with none left out, oldest first. */
  activity: Type.Array(ActivityDayJson),
  duplicates: Type.Array(DuplicateJson),
});
export type DashboardJson = Static<typeof DashboardJson>;
