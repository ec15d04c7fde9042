// A checklist's line in GET /api/checklists (contract/checklists.ts), from its stored summary.
import type { ChecklistSummaryJson } from '../../contract/checklists.js';
import { toProgress } from '../../core/checklist/progress.js';
import type { ChecklistSummary } from '../../store/checklists/checklists.js';

export function checklistSummaryJson({ checklist, progress, goals, books }: ChecklistSummary): ChecklistSummaryJson {
  return {
    id: checklist.id,
    name: checklist.name,
    title: checklist.title,
    sourcePath: checklist.sourcePath,
    importedAt: checklist.importedAt,
    topicsMode: checklist.topicsMode,
    progress: toProgress(progress),
    goals,
    books,
  };
}
