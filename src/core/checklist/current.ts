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
