// Which checklist `/` opens: the one last shown in this browser, else the one imported most recently.
import type { ChecklistSummaryJson } from '../../../src/contract/checklists.js';

const KEY = 'prepdeck:checklist';

export function rememberedChecklist(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberChecklist(name: string): void {
  try {
    if (localStorage.getItem(KEY) !== name) localStorage.setItem(KEY, name);
  } catch {
    // Private windows may refuse storage; `/` then opens the newest import.
  }
}

export interface ChecklistChoice {
  /** The checklist to show, or null when there is none or the URL names one that does not exist. */
  name: string | null;
  /** The name `?c=` asked for when no checklist has it. */
  missing: string | null;
}

/**
 * `?c=` when it names a checklist; when it names none, no checklist (the page says so rather than
 * showing another one); without `?c=`, the remembered one, else the most recently imported.
 */
export function chooseChecklist(checklists: ChecklistSummaryJson[] | undefined, asked: string | null, remembered: string | null): ChecklistChoice {
  if (!checklists) return { name: null, missing: null };
  if (asked !== null && asked !== '') {
    return checklists.some((c) => c.name === asked) ? { name: asked, missing: null } : { name: null, missing: asked };
  }
  if (checklists.length === 0) return { name: null, missing: null };
  const last = checklists.find((c) => c.name === remembered);
  if (last) return { name: last.name, missing: null };
  const newest = checklists.reduce((best, c) => (importedTime(c) > importedTime(best) ? c : best));
  return { name: newest.name, missing: null };
}

function importedTime(checklist: ChecklistSummaryJson): number {
  const time = Date.parse(checklist.importedAt);
  return Number.isNaN(time) ? 0 : time;
}
