// A checklist tree written out: stable JSON for programs, Markdown with task markers for people.
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

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n');
}

function resourceLine(r: Resource): string {
  return r.title && r.title !== r.url ? `[${r.title.replace(/[[\]]/g, '\\$&')}](<${r.url}>)` : `<${r.url}>`;
}

function topicMarkdown(node: TopicNode, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const t = node.topic;
  const tick = t.state === 'known' ? '[x]' : '[ ]';
  out.push(`${pad}- ${tick} ${t.title}`);
  // A blank line first, or the details would continue the title's paragraph.
  if (t.details) out.push('', indent(t.details, `${pad}  `), '');
  for (const r of node.resources.filter((r) => r.fromBullet)) out.push(`${pad}  - ${resourceLine(r)}`);
  for (const child of node.children) topicMarkdown(child, depth + 1, out);
}

function sectionMarkdown(node: SectionNode, out: string[]): void {
  const s = node.section;
  if (s.level > 0) out.push(`${'#'.repeat(s.level)} ${s.title}`, '');
  for (const note of node.notes) out.push(note.source, '');
  const bullets = node.resources.filter((r) => r.fromBullet);
  for (const r of bullets) out.push(`- ${resourceLine(r)}`);
  if (bullets.length > 0) out.push('');
  if (node.topics.length > 0) {
    for (const topic of node.topics) topicMarkdown(topic, 0, out);
    out.push('');
  }
  for (const child of node.children) sectionMarkdown(child, out);
}

/**
 * The checklist as Markdown: headings as imported, every entry a task item ticked when known.
 * prepdeck's own notes stay out (they are in the JSON export), so that re-importing the export changes nothing.
 */
export function exportMarkdown(checklist: Checklist, tree: ChecklistTree): string {
  const out: string[] = [];
  if (checklist.frontMatter !== null) out.push('---', checklist.frontMatter, '---', '');
  sectionMarkdown(tree.root, out);
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
