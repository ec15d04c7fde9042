// Writing topics added in prepdeck into the checklist, each as the last list item of its section, in the section's
// own list style. Pure: text in, text out, plus where each topic went. Lines are only inserted, never changed.
import { itemText } from '../checklist/added-topic.js';
import type { ParsedChecklist, TaskMarker, TopicState } from '../checklist/model.js';
import { markerOfState, usesObsidianMarkers } from '../checklist/task-markers.js';
import { parseChecklist } from '../import/parse-checklist.js';
import { checkCardInsertions } from './cards.js';
import { checkWriteBack, type WriteBackOptions } from './markers.js';

export interface TopicToWrite {
  topicId: number;
  /** Inline Markdown, as stored. */
  title: string;
  /** The plain text prepdeck knows it by: the written item must read back as it. */
  text: string;
  /** The section of `parsed` it goes into. */
  sectionIndex: number;
  state: TopicState;
}

export interface TopicInsertion {
  topicId: number;
  /** Plain text, for reports. */
  title: string;
  sectionIndex: number;
  marker: TaskMarker;
  /** 1-based line of the item in the new text. */
  line: number;
  /** The line of the text before, after which its lines were inserted. */
  afterLine: number;
  /** How many lines it takes (a blank line before or after it included). */
  lineCount: number;
}

export interface TopicsWritten {
  text: string;
  insertions: TopicInsertion[];
  warnings: string[];
}

const LINE_BREAK = /(\r\n|\r|\n)/;
const BULLET = /^([ \t]*)([-+*]|(\d{1,9})([.)]))([ \t]+)/;

/**
 * The marker a topic added in prepdeck is written with: in a task list (or a section most of whose items are tasks) always
 * one, `[x]` when known (and `[/]` or `[-]` for learning or skipped in a file that uses them, `obsidian`); in a plain
 * list only `[x]` for a known topic, or a marker with `all`; a skipped one as `skipped` says (kept: as its list has them).
 */
export function addedTopicMarker(state: TopicState, taskList: boolean, options: WriteBackOptions, obsidian: boolean): TaskMarker {
  if (state === 'skipped' && options.skipped !== 'keep') return options.skipped;
  const marker = markerOfState(state, obsidian);
  if (marker === 'done') return 'done';
  return taskList || options.all ? marker : 'none';
}

interface SectionBlock {
  sectionIndex: number;
  /** Inserted after this line of the text (1-based). */
  after: number;
  /** Each topic's lines (without line breaks), in order; the item is the last of its lines. */
  items: Array<{ topic: TopicToWrite; marker: TaskMarker; lines: string[] }>;
  /** A blank line after the block, so that what follows is not read into the last item. */
  blankAfter: boolean;
}

const isBlank = (line: string | undefined) => line === undefined || line.trim() === '';

/**
 * Inserts each topic as the last top-level item of its section: after the section's last item of its own (before
 * its subsections), with that item's indentation, bullet (the next number in an ordered list) and spacing, and a
 * blank line before it when the list is loose; a section without a list gets a `-` list after its own text. The
 * marker follows `addedTopicMarker`. `parsed` must be `parseChecklist(text)`. The result is read back: a topic
 * that would not read as itself in its section, or would change how anything else reads, stays out with a warning.
 */
export function insertTopics(text: string, parsed: ParsedChecklist, topics: readonly TopicToWrite[], options: WriteBackOptions): TopicsWritten {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const parts = text.slice(bom.length).split(LINE_BREAK);
  const lines = parts.filter((_, i) => i % 2 === 0);
  const eol = parts[1] ?? '\n';
  const warnings: string[] = [];
  const label = (topic: TopicToWrite) => `topic #${topic.topicId} (${topic.text})`;

  const placed: TopicToWrite[] = [];
  for (const topic of topics) {
    if (parsed.topicsMode.mode === 'headings') {
      // Its topics are headings; prepdeck writes none (a heading's level and place are the author's), so the user does.
      warnings.push(
        `${label(topic)}: the file is read by headings, and prepdeck writes no headings; add it as a heading of its section (\`${'#'.repeat(Math.min(6, (parsed.sections[topic.sectionIndex]?.level ?? 0) + 1))} ${topic.title}\`) and the next import takes it as this topic; it stays in prepdeck`,
      );
      continue;
    }
    const section = parsed.sections[topic.sectionIndex];
    const shape = section && section.parentIndex !== null ? sectionBlock(parsed, lines, topic.sectionIndex) : 'its section is not in the file';
    if (typeof shape === 'string') warnings.push(`${label(topic)}: ${shape}; it stays in prepdeck`);
    else placed.push(topic);
  }

  const attempt = (chosen: readonly TopicToWrite[]) => {
    const result = applyBlocks({ bom, lines, parts, eol }, parsed, chosen, options);
    const after = parseChecklist(result.text, { fallbackTitle: parsed.title, topics: parsed.topicsMode.mode });
    return { ...result, problem: checkTopicInsertions(parsed, after, result.insertions, chosen) };
  };
  let best = attempt(placed);
  if (best.problem !== null) {
    // One at a time, keeping those that leave the file reading as before.
    const kept: TopicToWrite[] = [];
    for (const topic of placed) {
      if (attempt([...kept, topic]).problem === null) kept.push(topic);
      else
        warnings.push(
          `${label(topic)}: written last in its section, it would not read back as itself or would change how the file reads; it stays in prepdeck`,
        );
    }
    best = attempt(kept);
  }
  return { text: best.insertions.length === 0 ? text : best.text, insertions: best.insertions, warnings };
}

interface SplitText {
  bom: string;
  lines: string[];
  /** Lines at even indices, their line breaks at odd ones. */
  parts: string[];
  eol: string;
}

/** The text with each section's topics inserted after its anchor line, and where each went. */
function applyBlocks(
  { bom, lines, parts, eol }: SplitText,
  parsed: ParsedChecklist,
  chosen: readonly TopicToWrite[],
  options: WriteBackOptions,
): { text: string; insertions: TopicInsertion[] } {
  const bySection = new Map<number, SectionBlock>();
  const obsidian = usesObsidianMarkers(parsed.entries.map((entry) => entry.marker));
  for (const topic of chosen) {
    const shape = sectionBlock(parsed, lines, topic.sectionIndex);
    if (typeof shape === 'string') continue;
    let block = bySection.get(topic.sectionIndex);
    if (!block) bySection.set(topic.sectionIndex, (block = shape.block));
    const marker = addedTopicMarker(topic.state, shape.taskList, options, obsidian);
    const n = block.items.length;
    const item = `${shape.indent}${shape.nextBullet(n)}${shape.spacing}${itemText(topic.title, marker)}`;
    block.items.push({ topic, marker, lines: shape.blankBefore(n) ? ['', item] : [item] });
  }
  // Two sections may end at the same line (a heading inside a list item ends where the list does): both are written there.
  const byLine = new Map<number, SectionBlock[]>();
  for (const block of bySection.values()) byLine.set(block.after, [...(byLine.get(block.after) ?? []), block]);
  const insertions: TopicInsertion[] = [];
  const out: string[] = [];
  let shift = 0;
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    const ending = parts[index * 2 + 1] ?? '';
    const blocks = byLine.get(lineNo);
    if (!blocks) {
      out.push(line + ending);
      return;
    }
    // A last line without a line break gets one before the topics; the text then ends as it did, without one.
    out.push(line + (ending || eol));
    const written: string[] = [];
    for (const block of blocks) {
      for (const { topic, marker, lines: itemLines } of block.items) {
        written.push(...itemLines);
        insertions.push({
          topicId: topic.topicId,
          title: topic.text,
          sectionIndex: topic.sectionIndex,
          marker,
          line: lineNo + shift + written.length,
          afterLine: lineNo,
          lineCount: itemLines.length,
        });
      }
      if (block.blankAfter) {
        written.push('');
        insertions[insertions.length - 1]!.lineCount++;
      }
    }
    shift += written.length;
    const joined = written.join(eol);
    out.push(ending ? joined + eol : joined);
  });
  return { text: bom + out.join(''), insertions };
}

interface BlockShape {
  block: SectionBlock;
  indent: string;
  spacing: string;
  /** The bullet of the n-th topic written into the section (0-based). */
  nextBullet: (n: number) => string;
  blankBefore: (n: number) => boolean;
  /** Whether the section's items are tasks: then every topic written there gets a marker. */
  taskList: boolean;
}

/** Where and how the topics of a section are written, or why they can't be. */
function sectionBlock(parsed: ParsedChecklist, lines: readonly string[], sectionIndex: number): BlockShape | string {
  const section = parsed.sections[sectionIndex]!;
  const own = parsed.entries.filter((entry) => entry.sectionIndex === sectionIndex && entry.parentIndex === null);
  // A task list: the file is read as one, or most of the section's items are tasks (a few ticks in an outline are not).
  const taskList = parsed.topicsMode.mode === 'tasks' || own.filter((entry) => entry.marker !== 'none').length * 2 >= Math.max(own.length, 1);
  const last = own.at(-1);
  if (last) {
    const bullet = BULLET.exec(lines[last.lines.start - 1] ?? '');
    if (!bullet || (lines[last.lines.start - 1] ?? '').trimStart().startsWith('>')) return `the last item of its section is not a plain list item`;
    const [, indent, , number, delimiter, spacing] = bullet as unknown as [string, string, string, string | undefined, string | undefined, string];
    let after = last.lines.end;
    while (after > last.lines.start && isBlank(lines[after - 1])) after--;
    const previous = own.at(-2);
    let previousEnd = previous?.lines.end ?? 0;
    while (previous && previousEnd > previous.lines.start && isBlank(lines[previousEnd - 1])) previousEnd--;
    const loose = previous !== undefined && previousEnd < last.lines.start - 1;
    return {
      // A quote right under the last topic written would be recognised as part of its text (see ParsedEntry.identityText).
      block: { sectionIndex, after, items: [], blankAfter: /^[ \t]*>/.test(lines[after] ?? '') },
      indent,
      spacing,
      nextBullet: (n) => (number === undefined ? bullet[2]! : `${Number(number) + n + 1}${delimiter}`),
      blankBefore: () => loose,
      taskList,
    };
  }
  // No list of its own yet: one after its own text, before its first subsection.
  const firstChild = parsed.sections.find((other) => other.parentIndex === sectionIndex);
  let after = firstChild ? firstChild.lines.start - 1 : section.lines.end;
  while (after > section.lines.start && isBlank(lines[after - 1])) after--;
  return {
    block: { sectionIndex, after, items: [], blankAfter: !isBlank(lines[after]) },
    indent: '',
    spacing: ' ',
    nextBullet: () => fileBullet(parsed, lines),
    blankBefore: (n) => n === 0,
    taskList,
  };
}

/** The bullet the file's first list item uses (`*`, `-` or `+`), else `-`. */
function fileBullet(parsed: ParsedChecklist, lines: readonly string[]): string {
  for (const entry of parsed.entries) {
    const bullet = BULLET.exec(lines[entry.lines.start - 1] ?? '')?.[2];
    if (bullet !== undefined) return /^[-+*]$/.test(bullet) ? bullet : '-';
  }
  return '-';
}

/** Where a line of the text before the insertions is in the text after them. */
export function lineAfterTopics(line: number, insertions: readonly TopicInsertion[]): number {
  return insertions.reduce((moved, insertion) => (insertion.afterLine < line ? moved + insertion.lineCount : moved), line);
}

/** The reading without the entries that start on these lines: what the file said before they were inserted. */
export function withoutEntriesAt(parsed: ParsedChecklist, lines: ReadonlySet<number>): ParsedChecklist {
  const newIndex = new Map<number, number>();
  const kept = parsed.entries.filter((entry) => !lines.has(entry.lines.start));
  kept.forEach((entry, index) => newIndex.set(entry.index, index));
  return {
    ...parsed,
    entries: kept.map((entry, index) => ({
      ...entry,
      index,
      parentIndex: entry.parentIndex === null ? null : (newIndex.get(entry.parentIndex) ?? -1),
    })),
    cards: parsed.cards.map((card) => ({ ...card, entryIndex: card.entryIndex === null ? null : (newIndex.get(card.entryIndex) ?? -1) })),
  };
}

/**
 * Written in, each topic must read back as itself (a top-level topic of its section, its text, its marker, nothing
 * under it), and everything else as before: the same sections, entries, cards, details and notes. What differs, or null.
 */
export function checkTopicInsertions(
  before: ParsedChecklist,
  after: ParsedChecklist,
  insertions: readonly TopicInsertion[],
  topics: readonly Pick<TopicToWrite, 'topicId' | 'text'>[],
): string | null {
  const textOf = new Map(topics.map((topic) => [topic.topicId, topic.text]));
  const sameSections =
    after.sections.length === before.sections.length &&
    after.sections.every((section, i) => section.text === before.sections[i]!.text && section.parentIndex === before.sections[i]!.parentIndex);
  if (!sameSections) return 'the sections would read differently';
  for (const insertion of insertions) {
    const read = after.entries.find((entry) => entry.lines.start === insertion.line);
    const own =
      read !== undefined &&
      read.text === textOf.get(insertion.topicId) &&
      read.kind === 'topic' &&
      read.parentIndex === null &&
      read.sectionIndex === insertion.sectionIndex &&
      read.marker === insertion.marker &&
      read.details === '' &&
      !after.entries.some((entry) => entry.parentIndex === read.index) &&
      !after.cards.some((card) => card.entryIndex === read.index);
    if (!own) return `topic #${insertion.topicId} (${insertion.title}) would not be read back as written`;
  }
  const rest = withoutEntriesAt(after, new Set(insertions.map((insertion) => insertion.line)));
  // Written between a topic and a quote right under it, a topic would change what that one is recognised by.
  const recognisedOtherwise = rest.entries.find((entry, i) => entry.identityText !== before.entries[i]?.identityText);
  if (recognisedOtherwise) return `line ${recognisedOtherwise.lines.start} (${recognisedOtherwise.text}) would be recognised by another text`;
  return checkWriteBack(before, rest, [], (line) => lineAfterTopics(line, insertions)) ?? checkCardInsertions(before, rest, [], new Map());
}
