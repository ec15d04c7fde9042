// The domain model: plain data shared by every layer. No behaviour, no I/O.
import type { EntryKind, SectionRole, TopicsMode, TopicState } from '../../contract/common.js';
import type { EventType, TopicOrigin } from '../../contract/topics.js';
import type { TASK_MARKERS } from '../../contract/vocabulary.js';

// The words the API shows are the domain's own: listed once, in the contract.
export { TOPIC_STATES } from '../../contract/vocabulary.js';
export type { EntryKind, SectionRole, TopicsMode, TopicState } from '../../contract/common.js';
export type { EventType, TopicOrigin } from '../../contract/topics.js';

/**
 * The task marker a list item carried in the file: GFM's `[ ]` (open) and `[x]` (done), and Obsidian Tasks'
 * `[/]` (in progress: started) and `[-]` (cancelled). See task-markers.ts for what each says of a topic's state.
 */
export type TaskMarker = (typeof TASK_MARKERS)[number];

export interface LineRange {
  /** 1-based, inclusive, in the file as written (front matter included). */
  start: number;
  end: number;
}

export interface ParsedResource {
  url: string;
  title: string;
  /** Only http(s) and mailto URLs may ever be rendered as clickable links. */
  clickable: boolean;
  /** True when it came from a bullet holding only links, false when from a topic's own text. */
  fromBullet: boolean;
  line: number;
}

export interface ParsedNote {
  /** The markdown-it block type it came from: html_block, fence, paragraph, table, blockquote ... */
  kind: string;
  /** The block's source, verbatim. */
  source: string;
  lines: LineRange;
}

export interface ParsedEntry {
  /** Index in ParsedChecklist.entries; parents always come before their children. */
  index: number;
  parentIndex: number | null;
  /** Index in ParsedChecklist.sections. */
  sectionIndex: number;
  kind: EntryKind;
  /** Inline Markdown source of the title, task marker removed. */
  title: string;
  /** Plain-text form of the title: escapes resolved, markup dropped. */
  text: string;
  /** What it is recognised by when that differs from `text` (see InlineReading.identityText). */
  identityText?: string;
  marker: TaskMarker;
  /** Markdown source of what the item holds besides its title (extra paragraphs, prose bullets). */
  details: string;
  /** Position among its siblings (entries under the same parent entry, or in the same section). */
  position: number;
  depth: number;
  lines: LineRange;
  /**
   * Where the item's text begins in the file (its task marker's `[` when it has one), so that write-back can
   * set the marker without touching anything else. Null when it can't be pinned to a column; left out only
   * by hand-built values.
   */
  textStart?: TextPosition | null;
  resources: ParsedResource[];
  /** Read from a leaf heading (the headings reading), not a list item: write-back puts no marker or card into it. */
  heading?: true;
}

export interface TextPosition {
  /** 1-based, in the file as written. */
  line: number;
  /** 0-based, in UTF-16 code units of that line (a BOM not counted). */
  column: number;
}

export interface ParsedSection {
  index: number;
  parentIndex: number | null;
  /** Inline Markdown source of the heading. */
  title: string;
  text: string;
  /** What it is recognised by when that differs from `text` (see InlineReading.identityText). */
  identityText?: string;
  /** Heading level 1-6; 0 for the checklist's root (content before the first heading). */
  level: number;
  role: SectionRole;
  position: number;
  lines: LineRange;
  resources: ParsedResource[];
  notes: ParsedNote[];
}

export interface FrontMatter {
  /** The YAML between the `---` fences, verbatim. */
  source: string;
  data: Record<string, unknown>;
}

export interface TopicsModeChoice {
  mode: TopicsMode;
  /** One sentence a user can read: why this reading was chosen. */
  reason: string;
}

/** A question/answer card written in the file (`question :: answer`, or the `?` form). */
export interface ParsedCard {
  /** The topic it is written under; null for a card standing in a section. */
  entryIndex: number | null;
  sectionIndex: number;
  /** Markdown source of the question and of the answer. */
  front: string;
  back: string;
  lines: LineRange;
}

export interface ParsedChecklist {
  title: string;
  frontMatter: FrontMatter | null;
  topicsMode: TopicsModeChoice;
  /** sections[0] is the root (level 0); the rest follow in file order. */
  sections: ParsedSection[];
  /** Every list-item entry (topics, goals, books) in file order. */
  entries: ParsedEntry[];
  /** Question/answer cards, in file order. */
  cards: ParsedCard[];
  /** Problems worth telling the user that did not stop the import. */
  warnings: string[];
}

/** A topic as the store holds it. */
export interface Topic {
  id: number;
  checklistId: number;
  /** Null once the topic is archived and its section is gone from the file. */
  sectionId: number | null;
  /** The section's path key (`python / core / collections`), kept for archived topics too. */
  sectionKey: string;
  parentId: number | null;
  kind: EntryKind;
  identityKey: string;
  title: string;
  text: string;
  details: string;
  marker: TaskMarker;
  position: number;
  depth: number;
  lines: LineRange;
  state: TopicState;
  confidence: number | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  /** `app`: added in prepdeck and not in the file yet (line 0); the next write-back puts it there. */
  origin: TopicOrigin;
}

export interface Section {
  id: number;
  checklistId: number;
  parentId: number | null;
  pathKey: string;
  title: string;
  text: string;
  level: number;
  role: SectionRole;
  position: number;
  lines: LineRange;
}

export interface Resource {
  id: number;
  sectionId: number;
  topicId: number | null;
  url: string;
  title: string;
  clickable: boolean;
  fromBullet: boolean;
  line: number;
}

export interface SectionNote {
  id: number;
  sectionId: number;
  kind: string;
  source: string;
  lines: LineRange;
}

export interface Checklist {
  id: number;
  name: string;
  title: string;
  sourcePath: string | null;
  sourceHash: string;
  frontMatter: string | null;
  metadata: Record<string, unknown>;
  topicsMode: TopicsMode;
  topicsModeReason: string;
  createdAt: string;
  importedAt: string;
}

/** One line of a topic's history. The log is append-only. */
export interface TopicEvent {
  id: number;
  checklistId: number;
  topicId: number;
  at: string;
  type: EventType;
  data: Record<string, unknown>;
}
