// Hand-built ParsedChecklist values from a short outline, with lines numbered as a file would have them.
import type {
  EntryKind,
  ParsedChecklist,
  ParsedEntry,
  ParsedResource,
  ParsedSection,
  SectionRole,
  TaskMarker,
} from '../../src/core/checklist/model.js';

export interface TopicSpec {
  text: string;
  marker?: TaskMarker;
  details?: string;
  links?: string[];
  children?: Array<TopicSpec | string>;
}

export interface SectionSpec {
  title: string;
  role?: SectionRole;
  topics?: Array<TopicSpec | string>;
  links?: string[];
  notes?: string[];
  sections?: SectionSpec[];
}

export interface ChecklistSpec {
  title?: string;
  frontMatter?: string;
  /** Items before the first heading. */
  topics?: Array<TopicSpec | string>;
  sections: SectionSpec[];
}

const KIND_OF_ROLE: Record<SectionRole, EntryKind> = { study: 'topic', goals: 'goal', books: 'book' };

export function parsedChecklist(spec: ChecklistSpec): ParsedChecklist {
  let line = spec.frontMatter ? spec.frontMatter.split('\n').length + 2 : 0;
  const sections: ParsedSection[] = [];
  const entries: ParsedEntry[] = [];
  const links = (urls: string[] = []): ParsedResource[] =>
    urls.map((url) => ({ url, title: url, clickable: url.startsWith('http'), fromBullet: false, line: ++line }));

  const addTopics = (topics: Array<TopicSpec | string>, sectionIndex: number, kind: EntryKind, parentIndex: number | null, depth: number) => {
    topics.forEach((item, position) => {
      const topic = typeof item === 'string' ? { text: item } : item;
      const index = entries.length;
      const start = ++line;
      const entry: ParsedEntry = {
        index,
        parentIndex,
        sectionIndex,
        kind,
        title: topic.text,
        text: topic.text,
        marker: topic.marker ?? 'none',
        details: topic.details ?? '',
        position,
        depth,
        lines: { start, end: start },
        resources: links(topic.links),
      };
      entries.push(entry);
      addTopics(topic.children ?? [], sectionIndex, kind, index, depth + 1);
      entry.lines.end = line;
    });
  };

  const addSection = (section: SectionSpec, parentIndex: number | null, level: number, position: number) => {
    const index = sections.length;
    const start = ++line;
    const role = section.role ?? (parentIndex === null ? 'study' : sections[parentIndex]!.role);
    const parsed: ParsedSection = {
      index,
      parentIndex,
      title: section.title,
      text: section.title,
      level,
      role,
      position,
      lines: { start, end: start },
      resources: links(section.links),
      notes: (section.notes ?? []).map((source) => {
        const at = ++line;
        return { kind: 'paragraph', source, lines: { start: at, end: at } };
      }),
    };
    sections.push(parsed);
    addTopics(section.topics ?? [], index, KIND_OF_ROLE[role], null, 0);
    (section.sections ?? []).forEach((child, childPosition) => addSection(child, index, level + 1, childPosition));
    parsed.lines.end = line;
  };

  addSection({ title: '', topics: spec.topics ?? [] }, null, 0, 0);
  spec.sections.forEach((section, position) => addSection(section, 0, 1, position));
  return {
    title: spec.title ?? 'Interview prep',
    frontMatter: spec.frontMatter ? { source: spec.frontMatter, data: { title: spec.title ?? null } } : null,
    topicsMode: { mode: 'all', reason: 'no task items: every list item is a topic' },
    sections,
    entries,
    cards: [],
    warnings: [],
  };
}
