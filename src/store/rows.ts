// Rows to domain objects (snake_case, 0/1 and JSON text in; camelCase, booleans and objects out).
import { searchText } from '../core/import/identity.js';
import type { Checklist, Resource, Section, SectionNote, Topic, TopicEvent } from '../core/checklist/model.js';
import type { ChecklistRow, EventRow, ResourceRow, SectionNoteRow, SectionRow, TopicRow } from './schema.js';

/** What search matches a topic on: its plain title and the user's notes, lower-cased (Cyrillic included). */
export function topicSearchText(text: string, notes: string): string {
  return notes === '' ? searchText(text) : searchText(text, notes);
}

function parseObject(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function toChecklist(row: ChecklistRow): Checklist {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    sourcePath: row.source_path,
    sourceHash: row.source_hash,
    frontMatter: row.front_matter,
    metadata: parseObject(row.metadata),
    topicsMode: row.topics_mode,
    topicsModeReason: row.topics_mode_reason,
    createdAt: row.created_at,
    importedAt: row.imported_at,
  };
}

export function toSection(row: SectionRow): Section {
  return {
    id: row.id,
    checklistId: row.checklist_id,
    parentId: row.parent_id,
    pathKey: row.path_key,
    title: row.title,
    text: row.text,
    level: row.level,
    role: row.role,
    position: row.position,
    lines: { start: row.line_start, end: row.line_end },
    // Sections gone from the file are deleted, not archived.
  };
}

export function toTopic(row: TopicRow): Topic {
  return {
    id: row.id,
    checklistId: row.checklist_id,
    sectionId: row.section_id,
    sectionKey: row.section_key,
    parentId: row.parent_id,
    kind: row.kind,
    identityKey: row.identity_key,
    title: row.title,
    text: row.text,
    details: row.details,
    marker: row.marker,
    position: row.position,
    depth: row.depth,
    lines: { start: row.line_start, end: row.line_end },
    state: row.state,
    confidence: row.confidence,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    origin: row.origin,
  };
}

export function toResource(row: ResourceRow): Resource {
  return {
    id: row.id,
    sectionId: row.section_id,
    topicId: row.topic_id,
    url: row.url,
    title: row.title,
    clickable: row.clickable === 1,
    fromBullet: row.from_bullet === 1,
    line: row.line,
  };
}

export function toSectionNote(row: SectionNoteRow): SectionNote {
  return {
    id: row.id,
    sectionId: row.section_id,
    kind: row.kind,
    source: row.source,
    lines: { start: row.line_start, end: row.line_end },
  };
}

export function toTopicEvent(row: EventRow): TopicEvent {
  return {
    id: row.id,
    checklistId: row.checklist_id,
    topicId: row.topic_id,
    at: row.at,
    type: row.type,
    data: parseObject(row.data),
  };
}
