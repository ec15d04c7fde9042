// A checklist tree written out as stable JSON for programs (the Markdown for people is export-markdown.ts).
// Its JSON is the tree's payload in the API (contract/checklists.ts): one description for both.
import type { ChecklistTreeJson, ExportedSection, ExportedTopic } from '../../contract/checklists.js';
import type { ExportedResource } from '../../contract/common.js';
import type { Checklist, Resource } from './model.js';
import type { ChecklistTree, SectionNode, TopicNode } from './tree.js';

const resourceJson = (r: Resource): ExportedResource => ({ url: r.url, title: r.title, clickable: r.clickable });

function topicJson(node: TopicNode): ExportedTopic {
  const t = node.topic;
  return {
    id: t.id,
    kind: t.kind,
    title: t.title,
    text: t.text,
    state: t.state,
    confidence: t.confidence,
    notes: t.notes,
    details: t.details,
    line: t.lines.start,
    origin: t.origin,
    resources: node.resources.map(resourceJson),
    children: node.children.map(topicJson),
  };
}

function sectionJson(node: SectionNode): ExportedSection {
  const s = node.section;
  return {
    id: s.id,
    title: s.title,
    text: s.text,
    level: s.level,
    role: s.role,
    progress: node.progress,
    notes: node.notes.map((n) => n.source),
    resources: node.resources.map(resourceJson),
    topics: node.topics.map(topicJson),
    sections: node.children.map(sectionJson),
  };
}

export function exportJson(checklist: Checklist, tree: ChecklistTree): ChecklistTreeJson {
  return {
    name: checklist.name,
    title: checklist.title,
    sourcePath: checklist.sourcePath,
    importedAt: checklist.importedAt,
    topicsMode: checklist.topicsMode,
    progress: tree.overall,
    root: sectionJson(tree.root),
  };
}

/** What stands at the path an export is asked to write to. */
export interface ExportTarget {
  exists: boolean;
  /** The checklists imported from that very file (symlinks followed), by name. */
  sourceOf: readonly string[];
}

/** Why an export does not write its file: it is a checklist's own Markdown, or another file already there. */
export type ExportRefusal = { reason: 'source'; checklists: string[] } | { reason: 'exists' };

/**
 * Whether an export may write its file. Never over a checklist's own Markdown, which prepdeck only reads: only
 * `sync --write` writes into it, changing its markers and nothing else. Over another file only when asked (`force`).
 */
export function exportRefusal(target: ExportTarget, force: boolean): ExportRefusal | null {
  if (target.sourceOf.length > 0) return { reason: 'source', checklists: [...target.sourceOf] };
  if (target.exists && !force) return { reason: 'exists' };
  return null;
}
