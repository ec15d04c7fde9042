// The HTTP API's payloads as plain types: the server validates against schemas that match them,
// and the web UI imports them (types only) so both sides agree at compile time.
import type { ExportedChecklist, ExportedResource } from './export.js';
import type { EntryKind, EventType, SectionRole, TopicState, TopicsMode } from './model.js';
import type { Progress } from './progress.js';

export type { ExportedChecklist, ExportedResource, ExportedSection, ExportedTopic } from './export.js';
export type { Progress } from './progress.js';

/** GET /api/checklists: a checklist's head (its tree without the tree), with its goals and books counted. */
export interface ChecklistSummaryJson extends Omit<ExportedChecklist, 'root'> {
  id: number;
  goals: number;
  books: number;
}
export interface ChecklistListJson {
  checklists: ChecklistSummaryJson[];
}

/** DELETE /api/checklists/:name */
export interface RemovedChecklistJson {
  removed: { name: string; title: string; entries: number };
}

/** GET /api/checklists/:name/tree */
export type ChecklistTreeJson = ExportedChecklist;

/** One section's line on the dashboard, in file order; depth 1 is a top-level heading. */
export interface SectionProgressJson {
  id: number;
  title: string;
  text: string;
  depth: number;
  role: SectionRole;
  progress: Progress;
}

/** User actions (state, confidence and notes changes) on one UTC day. */
export interface ActivityDayJson {
  date: string;
  count: number;
}

export interface DuplicateJson {
  text: string;
  topics: Array<{ id: number; title: string; section: string }>;
}

/** GET /api/checklists/:name/dashboard */
export interface DashboardJson {
  name: string;
  title: string;
  progress: Progress;
  sections: SectionProgressJson[];
  /** The last 365 days that had activity, oldest first. */
  activity: ActivityDayJson[];
  duplicates: DuplicateJson[];
}

export interface TopicJson {
  id: number;
  checklist: string;
  kind: EntryKind;
  /** Inline Markdown source of the title. */
  title: string;
  /** Plain-text form of the title. */
  text: string;
  /** Markdown source of what the item holds besides its title. */
  details: string;
  state: TopicState;
  confidence: number | null;
  /** The user's own notes, Markdown. */
  notes: string;
  /** Section titles as the file writes them, top level first (`['Python', 'Core', 'Collections']`). */
  section: string[];
  line: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface TopicEventJson {
  id: number;
  at: string;
  type: EventType;
  data: Record<string, unknown>;
}

/** GET /api/topics/:id */
export interface TopicDetailJson {
  topic: TopicJson;
  resources: ExportedResource[];
  /** Oldest first. */
  history: TopicEventJson[];
}

/** PATCH /api/topics/:id: any of the three; absent fields are left alone. */
export interface TopicPatchJson {
  state?: TopicState;
  /** 1-4, or null to clear it. */
  confidence?: number | null;
  notes?: string;
}

/** GET /api/search?q=...&checklist=... */
export interface SearchResultJson {
  query: string;
  topics: TopicJson[];
}

/** POST /api/imports/preview and POST /api/imports */
export interface ImportRequestJson {
  /** The checklist's Markdown. */
  text: string;
  /** The uploaded file's name; names the checklist when `name` is absent. */
  fileName?: string;
  /** The checklist to import into; re-importing into an existing name keeps its progress. */
  name?: string;
  topics?: 'auto' | TopicsMode;
}

/** Every error: the HTTP status says which kind, the message says what to do. */
export interface ErrorJson {
  error: { type: string; message: string; candidates?: Array<{ id: number; label: string }> };
}

/** The answer to POST /api/imports/preview (dryRun: true) and POST /api/imports. */
export type { ImportResult as ImportResultJson } from './import-report.js';
