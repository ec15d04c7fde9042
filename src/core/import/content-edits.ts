// What a re-import changes besides which topic is which (core/import/plan.ts): a kept topic's details, a section's
// notes, and what the file says of where things are and how they are written. The import writes them either way;
// the report says them, so that a dry run says what the real import would write instead of "unchanged".
import type { LineRange, ParsedChecklist, ParsedResource, TaskMarker } from '../checklist/model.js';
import type { ImportPlan } from './plan.js';

/** The stored checklist these edits are measured against: what its last import wrote. */
export interface StoredContent {
  /** Each stored topic as the file last gave it, by topic id. */
  topics: ReadonlyMap<number, StoredTopicContent>;
  /** Each stored section: its title (plain and Markdown), place and notes (`kind` and source, in their order), by section id. */
  sections: ReadonlyMap<number, StoredSectionContent>;
  /** Every stored link (resource) in file order, by owner: a topic's id, else its section's. */
  links: readonly StoredLink[];
  /** The checklist's title and front matter (its YAML, null when none). */
  title: string;
  frontMatter: string | null;
}

export interface StoredTopicContent {
  details: string;
  title: string;
  lines: LineRange;
  position: number;
  depth: number;
  parentId: number | null;
  marker: TaskMarker;
}

export interface StoredSectionContent {
  text: string;
  title: string;
  level: number;
  parentId: number | null;
  position: number;
  lines: LineRange;
  notes: readonly StoredNote[];
}

export interface StoredLink {
  topicId: number | null;
  sectionId: number;
  url: string;
  title: string;
}

interface StoredNote {
  kind: string;
  source: string;
}

/**
 * What else the import rewrites from the file in what it keeps, counted: none of it is a topic's state or history,
 * all of it is the file's. Topics and sections count alike.
 */
export interface FileRewrites {
  /**
   * Starting or ending on another line (a line added or removed above them, a blank line after the last one), or
   * in another order in their list.
   */
  lines: number;
  /** Headings added to the file or gone from it (their topics, if any, are in the plan's own lines). */
  headings: number;
  /** Whose title's Markdown changed while its text stayed: a link, emphasis, code. */
  titles: number;
  /**
   * Headings at another level, topics at another depth under the same parent. A topic indented under another is
   * `moved` in the plan instead: the topics above it are part of what it is known by.
   */
  nesting: number;
  /** Topics whose task box changed without changing their state (`- x` became `- [ ] x`). */
  markers: number;
  /** Links (resources) added to the file or gone from it, a link whose address or text changed counted as both. */
  links: number;
  frontMatter: boolean;
  /** The checklist's title (its first heading, or the file name). */
  title: boolean;
}

export interface ContentEdits {
  /** Topics kept by the import whose details the file changed. */
  details: Array<{ id: number; title: string }>;
  /** Sections whose notes the file changed: added, edited or removed; '' is the top of the file. */
  sectionNotes: Array<{ section: string }>;
  rewrites: FileRewrites;
  /** How many of the plan's unchanged entries the file edited (details, title, nesting, task box): they are not unchanged any more. */
  unchangedEdited: number;
}

export const NO_REWRITES: FileRewrites = { lines: 0, headings: 0, titles: 0, nesting: 0, markers: 0, links: 0, frontMatter: false, title: false };

/** Whether anything in `rewrites` is written. */
export function anyRewrites(rewrites: FileRewrites): boolean {
  return (
    rewrites.lines + rewrites.headings + rewrites.titles + rewrites.nesting + rewrites.markers + rewrites.links > 0 ||
    rewrites.frontMatter ||
    rewrites.title
  );
}

const sameLines = (a: LineRange, b: LineRange) => a.start === b.start && a.end === b.end;

const sameNotes = (a: readonly StoredNote[], b: readonly StoredNote[]) =>
  a.length === b.length && a.every((note, i) => note.kind === b[i]!.kind && note.source === b[i]!.source);

/**
 * The details, notes and rewrites the file brings, compared by text: a note that only moved down a line (a line
 * added above it) is no edit, though its lines are rewritten. A new topic's details come with it (it is in `added`);
 * a new section's notes are counted, as are those of a section gone from the file. Topics the plan reports otherwise
 * (renamed, moved, restored) are not counted again here but for their details.
 */
export function contentEdits(parsed: ParsedChecklist, plan: ImportPlan, stored: StoredContent): ContentEdits {
  const details: ContentEdits['details'] = [];
  const rewrites = { ...NO_REWRITES, frontMatter: (parsed.frontMatter?.source ?? null) !== stored.frontMatter, title: parsed.title !== stored.title };
  let unchangedEdited = 0;
  const topicIds = plan.entries.map((entry) => entry.existingId);
  for (const planned of plan.entries) {
    const id = planned.stored?.id;
    const before = id === undefined ? undefined : stored.topics.get(id);
    if (!before) continue;
    const entry = parsed.entries[planned.index]!;
    const detailsEdited = before.details !== entry.details;
    if (detailsEdited) details.push({ id: id!, title: planned.text });
    // Only a topic kept as it was: a renamed or moved one has its own line in the report.
    if (planned.match !== 'same') continue;
    const parentId = entry.parentIndex === null ? null : topicIds[entry.parentIndex]!;
    const titleEdited = before.title !== entry.title;
    const nested = before.parentId !== parentId || before.depth !== entry.depth;
    const markerEdited = before.marker !== entry.marker && !planned.stateChanged;
    if (!sameLines(before.lines, entry.lines) || before.position !== entry.position) rewrites.lines++;
    if (titleEdited) rewrites.titles++;
    if (nested) rewrites.nesting++;
    if (markerEdited) rewrites.markers++;
    // As summarizePlan counts an entry unchanged: matched where it was, its state as it was.
    if (!planned.stateChanged && (detailsEdited || titleEdited || nested || markerEdited)) unchangedEdited++;
  }
  const sectionIds = plan.sections.map((section) => section.existingId);
  const sectionNotes: ContentEdits['sectionNotes'] = [];
  for (const section of parsed.sections) {
    const id = sectionIds[section.index]!;
    const before = id === null ? undefined : stored.sections.get(id);
    if (!sameNotes(before?.notes ?? [], section.notes)) sectionNotes.push({ section: section.text });
    if (!before) {
      rewrites.headings++;
      continue;
    }
    if (!sameLines(before.lines, section.lines) || before.position !== section.position) rewrites.lines++;
    if (before.title !== section.title) rewrites.titles++;
    const parentId = section.parentIndex === null ? null : sectionIds[section.parentIndex]!;
    if (before.level !== section.level || before.parentId !== parentId) rewrites.nesting++;
  }
  rewrites.headings += plan.removedSectionIds.length;
  for (const id of plan.removedSectionIds) {
    const gone = stored.sections.get(id);
    if (gone && gone.notes.length > 0) sectionNotes.push({ section: gone.text });
  }
  rewrites.links = changedLinks(parsed, topicIds, sectionIds, stored.links);
  return { details, sectionNotes, rewrites, unchangedEdited };
}

/**
 * Links of kept topics and sections that are in the file and not stored, plus those stored and gone, each told by
 * its address and text. A new topic's links come with it, an archived one's go with it: the report has them.
 */
function changedLinks(parsed: ParsedChecklist, topicIds: Array<number | null>, sectionIds: Array<number | null>, stored: readonly StoredLink[]) {
  const byTopic = new Map<number, StoredLink[]>();
  const bySection = new Map<number, StoredLink[]>();
  for (const link of stored) {
    const [owners, id] = link.topicId === null ? [bySection, link.sectionId] : [byTopic, link.topicId];
    const links = owners.get(id);
    if (links) links.push(link);
    else owners.set(id, [link]);
  }
  let changed = 0;
  for (const section of parsed.sections) {
    const id = sectionIds[section.index];
    if (id !== null && id !== undefined) changed += linksChanged(bySection.get(id) ?? [], section.resources);
  }
  for (const entry of parsed.entries) {
    const id = topicIds[entry.index];
    if (id !== null && id !== undefined) changed += linksChanged(byTopic.get(id) ?? [], entry.resources);
  }
  return changed;
}

type Link = Pick<ParsedResource, 'url' | 'title'>;

/** How many of one owner's links were added or removed; most owners' are as they were, compared in order first. */
function linksChanged(before: readonly Link[], after: readonly Link[]): number {
  if (before.length === after.length && before.every((link, i) => link.url === after[i]!.url && link.title === after[i]!.title)) return 0;
  const balance = new Map<string, number>();
  const count = (link: Link, by: number) => {
    const key = `${link.url}\u0000${link.title}`;
    balance.set(key, (balance.get(key) ?? 0) + by);
  };
  for (const link of before) count(link, -1);
  for (const link of after) count(link, 1);
  let changed = 0;
  for (const difference of balance.values()) changed += Math.abs(difference);
  return changed;
}
