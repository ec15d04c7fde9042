// The HTTP API's payloads as plain types: the server validates against schemas that match them,
// and the web UI imports them (types only) so both sides agree at compile time.
import type { ExportedChecklist, ExportedResource } from './checklist/export.js';
import type { EntryKind, EventType, SectionRole, TopicState, TopicsMode } from './checklist/model.js';
import type { ImportResult } from './import/report.js';
import type { Progress } from './checklist/progress.js';
import type { MarkerText, SkippedAs } from './write-back/markers.js';

export type { ExportedChecklist, ExportedResource, ExportedSection, ExportedTopic } from './checklist/export.js';
export type { Progress } from './checklist/progress.js';

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

/** What was done on one study day: changes to topics (state, confidence, notes), or reviews. */
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
  /** Today's study date (`YYYY-MM-DD`), in the checklist's time zone and day start (`prepdeck settings`). */
  today: string;
  /** Changes made per study day over the last 365, days with none left out, oldest first. */
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
export type { ImportResult as ImportResultJson } from './import/report.js';

// ---- Write-back into the checklist's file ----

/** POST /api/checklists/:name/write: the options of `prepdeck sync FILE --write`. */
export interface WriteBackRequestJson {
  /** Plan only: the diff, and nothing written anywhere (database included). */
  dryRun?: boolean;
  /** Give every study topic a marker, not only the known ones and those that have one. */
  all?: boolean;
  /** Also write the question/answer cards added in prepdeck under their topics. */
  cards?: boolean;
  /** A skipped topic's marker: `[ ]`, `[x]`, or left as the file has it (the default). */
  skipped?: SkippedAs;
  /** Write the file even when it is read-only (it stays read-only). */
  force?: boolean;
}

/** One task marker written (or, in a dry run, to write). */
export interface MarkerChangeJson {
  /** 1-based line in the written file (cards written before it shift it). */
  line: number;
  topicId: number | null;
  title: string;
  from: MarkerText;
  to: MarkerText;
}

/** A card added in prepdeck, written under its topic. */
export interface CardWrittenJson {
  /** Its first line in the written file. */
  line: number;
  cardId: number;
  /** The topic's plain-text title. */
  topic: string;
  front: string;
}

export interface WriteBackReportJson {
  dryRun: boolean;
  /** True when the file was replaced. */
  written: boolean;
  edits: MarkerChangeJson[];
  cards: CardWrittenJson[];
  /** The unified diff of the file, before and after; empty when nothing changes. */
  diff: string;
  /** Where the previous version was saved; null when nothing was written. */
  backup: string | null;
  /** 1, or more when the file changed during the write and it started over. */
  attempts: number;
  /** The file's edits made during the write, brought in before trying again. */
  changedMeanwhile: ImportResult[];
  warnings: string[];
}

/** The answer to POST /api/checklists/:name/write, as `prepdeck sync FILE --write --json` prints it. */
export interface WriteBackResultJson {
  /** The file written: the path the checklist was imported from. */
  file: string;
  /** The file's own edits, brought in first (as by an import). */
  readIn: ImportResult;
  writeBack: WriteBackReportJson;
}

// ---- Spaced repetition ----

export type { ReviewSettings as ReviewSettingsJson } from './review/settings.js';

/** A card's schedule as the UI shows it. */
export interface CardJson {
  id: number;
  checklist: string;
  kind: 'topic' | 'qa';
  origin: 'file' | 'app';
  /** The topic it belongs to: a topic card asks about it, a question/answer card sits under it. */
  topicId: number | null;
  /** Markdown: the question (a topic card: the topic's title). */
  front: string;
  /** Markdown: the answer (a topic card: the topic's details and notes). */
  back: string;
  state: 'new' | 'learning' | 'review' | 'relearning';
  due: string;
  /** Days, as FSRS estimates them. */
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  lastReview: string | null;
  /** Predicted probability of recall now, 0..1; null for a card never reviewed. */
  retrievability: number | null;
  /** Where a file card is written, 1-based; null for one only prepdeck holds. */
  line: number | null;
  archivedAt: string | null;
}

/** What answering with one rating would do: shown on the rating buttons (`10m`, `3d`). */
export interface RatingPreviewJson {
  rating: 1 | 2 | 3 | 4;
  due: string;
  /** The interval in words: `1m`, `10m`, `1d`, `3.5mo`. */
  interval: string;
}

/** A card to study, with everything its reveal shows. */
export interface ReviewCardJson {
  card: CardJson;
  /** The topic it asks about or sits under, null for a card standing in a section. */
  topic: TopicJson | null;
  /** Section titles as the file writes them, top level first: where the card is. */
  section: string[];
  resources: ExportedResource[];
  /** Again, Hard, Good, Easy, in that order. */
  ratings: RatingPreviewJson[];
}

/** GET /api/checklists/:name/review?section=...&limit=... */
export interface ReviewQueueJson {
  checklist: string;
  /** The study day it counts against, in the checklist's time zone. */
  day: { date: string; start: string; end: string };
  /** Cards left for today within the daily limits, by kind of queue. */
  remaining: { new: number; learning: number; review: number };
  /** Reviewed so far today. */
  doneToday: { new: number; review: number };
  /** The checklist's daily limits, which `remaining` keeps to. */
  limits: { newPerDay: number; reviewsPerDay: number };
  /** In the order to study them. */
  cards: ReviewCardJson[];
  /** When the next card comes due after today's are done (null when none is scheduled). */
  nextDueAt: string | null;
}

/** POST /api/cards/:id/answer */
export interface AnswerRequestJson {
  rating: 1 | 2 | 3 | 4;
  /** How long the answer took, in milliseconds. */
  durationMs?: number;
  /** The card's reps as shown: when it was answered meanwhile elsewhere (another window), 409 and nothing recorded. */
  reps?: number;
}

/** The answer to POST /api/cards/:id/answer */
export interface AnswerJson {
  card: CardJson;
  /** The topic after the answer: a topic card moving into review made it known, a lapse sent it back to learning. */
  topic: TopicJson | null;
}

/** POST /api/checklists/:name/review/undo: the card answered last, as it was before, ready to study again. */
export type UndoJson = ReviewCardJson;

/** GET /api/topics/:id/cards: a topic's question/answer cards (its topic card first). */
export interface CardListJson {
  cards: CardJson[];
}

/** POST /api/topics/:id/cards, PATCH /api/cards/:id */
export interface CardDraftJson {
  front: string;
  back: string;
}

/** One day of the review heatmap or of the forecast. */
export interface DayCountJson {
  date: string;
  count: number;
}

/** A section's predicted recall now. */
export interface SectionMemoryJson {
  id: number;
  text: string;
  depth: number;
  /** Cards of the section (and its subsections) reviewed at least once. */
  reviewed: number;
  cards: number;
  /** Mean predicted recall now of its reviewed cards, 0..1; null when none has been reviewed. */
  retrievability: number | null;
}

/** GET /api/checklists/:name/review/stats */
export interface ReviewStatsJson {
  checklist: string;
  /** Reviews per study day over the last year, days with reviews only, oldest first. */
  reviewsByDay: DayCountJson[];
  /** Cards coming due on each of the next 30 study days (today's overdue ones counted today). */
  forecast: DayCountJson[];
  /** Share of reviews of cards in review state answered Hard, Good or Easy over the last 30 days. */
  trueRetention: { days: number; reviews: number; passed: number; rate: number | null };
  overall: { reviewed: number; cards: number; retrievability: number | null };
  sections: SectionMemoryJson[];
}

/** POST /api/checklists/:name/review/optimize {apply?} */
export interface OptimizeJson {
  checklist: string;
  /**
   * Reviews in the log, and how many of them the optimizer can train on: a day or more after the card's previous
   * review, and not set aside by its outlier rule (core/review/optimizer-items.ts).
   */
  reviews: number;
  trainingItems: number;
  /** False when the log is too small; `needed` says how many more training reviews it takes. */
  enough: boolean;
  needed: number;
  /** Log loss and RMSE (bins) of the default and the fitted parameters on this log; null when not fitted. */
  defaultMetrics: { logLoss: number; rmse: number } | null;
  fittedMetrics: { logLoss: number; rmse: number } | null;
  parameters: number[] | null;
  /** True when the fitted parameters were saved into the checklist's settings. */
  applied: boolean;
  message: string;
}
