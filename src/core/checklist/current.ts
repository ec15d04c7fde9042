// Which checklist a command works on when the user names none: the only one there is, the current one, or the one
// imported last.
import type { CHECKLIST_CHOICES } from '../../contract/vocabulary.js';
import { NotFoundError } from '../errors.js';

/** What every command says before anything is imported, in one wording. */
export const NO_CHECKLIST_YET = 'no checklist yet: prepdeck import FILE';

export interface ChecklistChoice {
  name: string;
  /** How it was chosen (contract/vocabulary.ts#CHECKLIST_CHOICES says each). */
  how: (typeof CHECKLIST_CHOICES)[number];
}

export interface ChecklistStamp {
  name: string;
  importedAt: string;
}

/** The checklist a command works on among `checklists` (every one there is) when the user names none. */
export function chooseChecklist(checklists: readonly ChecklistStamp[], current: string | null): ChecklistChoice {
  if (checklists.length === 0) throw new NotFoundError(NO_CHECKLIST_YET);
  if (checklists.length === 1) return { name: checklists[0]!.name, how: 'only' };
  if (current !== null && checklists.some((c) => c.name === current)) return { name: current, how: 'current' };
  const latest = checklists.reduce((a, b) => (b.importedAt > a.importedAt ? b : a));
  return { name: latest.name, how: 'latest' };
}

/**
 * Among the checklists imported from one file (a backup restored beside the original keeps its file), the one `sync`
 * works on when none is named: the only one, else the current one, else none (the user names it).
 */
export function checklistOfFile<T extends { name: string }>(imported: readonly T[], current: string | null): T | null {
  if (imported.length === 1) return imported[0]!;
  return imported.find((checklist) => checklist.name === current) ?? null;
}

/**
 * Whether an import makes its checklist the current one: not when the file gave no topic to study (an empty file, one
 * of goals or links only), so that a stray import does not take over from the checklist being studied.
 */
export function importBecomesCurrent(counts: { topics: number }): boolean {
  return counts.topics > 0;
}
