// The stored rows of a checklist as the nested tree the user wrote, with progress on every section.
import { computeProgress, type Progress } from './progress.js';
import type { Resource, Section, SectionNote, Topic } from './model.js';

export interface TopicNode {
  topic: Topic;
  resources: Resource[];
  children: TopicNode[];
}

export interface SectionNode {
  section: Section;
  progress: Progress;
  resources: Resource[];
  notes: SectionNote[];
  topics: TopicNode[];
  children: SectionNode[];
}

export interface ChecklistTree {
  root: SectionNode;
  overall: Progress;
}

export interface TreeRows {
  sections: Section[];
  topics: Topic[];
  resources: Resource[];
  notes: SectionNote[];
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

/** Active topics only; a topic whose parent is archived hangs from its section. */
export function buildTree(rows: TreeRows): ChecklistTree {
  const active = rows.topics.filter((t) => t.archivedAt === null);
  const activeIds = new Set(active.map((t) => t.id));
  const progress = computeProgress({
    sections: rows.sections,
    topics: active.map((t) => ({ sectionId: t.sectionId, state: t.state, kind: t.kind, archived: false })),
  });
  const topicResources = groupBy(
    rows.resources.filter((r) => r.topicId !== null),
    (r) => r.topicId,
  );
  const sectionResources = groupBy(
    rows.resources.filter((r) => r.topicId === null),
    (r) => r.sectionId,
  );
  const notesBySection = groupBy(rows.notes, (n) => n.sectionId);
  const childTopics = groupBy(active, (t) => (t.parentId !== null && activeIds.has(t.parentId) ? t.parentId : null));
  const topTopics = groupBy(childTopics.get(null) ?? [], (t) => t.sectionId);
  const childSections = groupBy(rows.sections, (s) => s.parentId);

  const topicNode = (topic: Topic): TopicNode => ({
    topic,
    resources: topicResources.get(topic.id) ?? [],
    children: (childTopics.get(topic.id) ?? []).sort(byPosition).map(topicNode),
  });
  const sectionNode = (section: Section): SectionNode => ({
    section,
    progress: progress.bySection.get(section.id)!,
    resources: sectionResources.get(section.id) ?? [],
    notes: notesBySection.get(section.id) ?? [],
    topics: (topTopics.get(section.id) ?? []).sort(byPosition).map(topicNode),
    children: (childSections.get(section.id) ?? []).sort(byPosition).map(sectionNode),
  });

  const rootSection = rows.sections.find((s) => s.parentId === null);
  if (!rootSection) throw new Error('a checklist always has a root section');
  return { root: sectionNode(rootSection), overall: progress.overall };
}

/** Depth-first walk over the sections, the root first. */
export function* walkSections(node: SectionNode, depth = 0): Generator<{ node: SectionNode; depth: number }> {
  yield { node, depth };
  for (const child of node.children) yield* walkSections(child, depth + 1);
}

/** Each section's path of titles as the file writes them, top level first; the root's is empty. */
export function sectionPaths(sections: Array<Pick<Section, 'id' | 'parentId' | 'text'>>): Map<number, string[]> {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const paths = new Map<number, string[]>();
  const pathOf = (id: number): string[] => {
    const known = paths.get(id);
    if (known) return known;
    const section = byId.get(id);
    const path = !section || section.parentId === null ? [] : [...pathOf(section.parentId), section.text];
    paths.set(id, path);
    return path;
  };
  for (const section of sections) pathOf(section.id);
  return paths;
}
