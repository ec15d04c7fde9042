// What an import reports: the counts, the changes, the likely duplicates. Shared by the CLI, the API and the web UI.
import type { TopicsModeChoice } from '../checklist/model.js';
import type { CardChanges } from '../review/cards.js';
import type { ImportSummary } from './plan.js';

export interface ImportCounts {
  sections: number;
  topics: number;
  goals: number;
  books: number;
  /** Distinct resource URLs. */
  resources: number;
  /** Bullets holding only links, turned into resources of their parent. */
  resourceBullets: number;
  notes: number;
  /** Question/answer cards written in the file. */
  cards: number;
  duplicates: number;
}

export interface DuplicateReport {
  text: string;
  occurrences: Array<{ title: string; section: string; line: number }>;
}

export interface ImportResult {
  checklist: { id: number | null; name: string; title: string };
  /** True on the first import of this name. */
  created: boolean;
  /** True when nothing was written: same file as last time, or a dry run with no changes. */
  unchanged: boolean;
  dryRun: boolean;
  topicsMode: TopicsModeChoice;
  counts: ImportCounts;
  /** The topics' changes, and the file's question/answer cards added, edited and archived. */
  changes: ImportSummary & { cards: CardChanges };
  duplicates: DuplicateReport[];
  warnings: string[];
}
