// What a re-import changes besides which topic is which (core/import/plan.ts): a kept topic's details, a section's
// notes. The import writes them either way; the report says them, so that a dry run of a file edited only there
// says what the real import would write instead of "unchanged".
import type { ParsedChecklist } from '../checklist/model.js';
import type { ImportPlan } from './plan.js';

/** The stored text these edits are measured against. */
export interface StoredContent {
  /** Each stored topic's details (the Markdown under its title), by topic id. */
  details: ReadonlyMap<number, string>;
  /** Each stored section's plain title and its notes (`kind` and source, in their order), by section id. */
  sections: ReadonlyMap<number, { text: string; notes: readonly StoredNote[] }>;
}

interface StoredNote {
  kind: string;
  source: string;
}

export interface ContentEdits {
  /** Topics kept by the import whose details the file changed. */
  details: Array<{ id: number; title: string }>;
  /** Sections whose notes the file changed: added, edited or removed; '' is the top of the file. */
  sectionNotes: Array<{ section: string }>;
  /** How many of the plan's unchanged entries are among `details`: they are not unchanged any more. */
  unchangedEdited: number;
}

const sameNotes = (a: readonly StoredNote[], b: readonly StoredNote[]) =>
  a.length === b.length && a.every((note, i) => note.kind === b[i]!.kind && note.source === b[i]!.source);

/**
 * The details and notes the file changed, compared by text: a note that only moved down a line (a line added above
 * it) is no edit. A new topic's details come with it (it is in `added`); a new section's notes are counted, as
 * are those of a section gone from the file.
 */
export function contentEdits(parsed: ParsedChecklist, plan: ImportPlan, stored: StoredContent): ContentEdits {
  const details: ContentEdits['details'] = [];
  let unchangedEdited = 0;
  for (const entry of plan.entries) {
    if (entry.stored === null) continue;
    const before = stored.details.get(entry.stored.id) ?? '';
    if (before === parsed.entries[entry.index]!.details) continue;
    details.push({ id: entry.stored.id, title: entry.text });
    // As summarizePlan counts an entry unchanged: matched where it was, its state as it was.
    if (entry.match === 'same' && !entry.stateChanged) unchangedEdited++;
  }
  const sectionNotes: ContentEdits['sectionNotes'] = [];
  for (const section of parsed.sections) {
    const id = plan.sections[section.index]!.existingId;
    const before = (id === null ? undefined : stored.sections.get(id)?.notes) ?? [];
    if (!sameNotes(before, section.notes)) sectionNotes.push({ section: section.text });
  }
  for (const id of plan.removedSectionIds) {
    const gone = stored.sections.get(id);
    if (gone && gone.notes.length > 0) sectionNotes.push({ section: gone.text });
  }
  return { details, sectionNotes, unchangedEdited };
}
