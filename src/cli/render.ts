// Human renderings of the tree, topics and progress for the terminal.
import type { Topic, TopicState } from '../core/checklist/model.js';
import type { Progress } from '../core/checklist/progress.js';
import { markerOfState, markerText } from '../core/checklist/task-markers.js';
import { type ChecklistTree, type SectionNode, type TopicNode } from '../core/checklist/tree.js';
import { wallClock } from '../core/review/study-day.js';
import type { Colors } from './output.js';

const BAR_WIDTH = 20;

/** `1 note`, `4 notes`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "2026-12-05 21:57": an instant as the clock on the wall reads it in `timeZone` (the checklist's review zone). */
export function localTime(iso: string, timeZone: string): string {
  return new Date(wallClock(Date.parse(iso), timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}

export function progressBar(progress: Progress, c: Colors, width = BAR_WIDTH): string {
  if (progress.total - progress.skipped === 0) return c.dim(`${'·'.repeat(width)}    - no topics`);
  const filled = Math.round(progress.ratio * width);
  const bar = c.green('█'.repeat(filled)) + c.dim('░'.repeat(width - filled));
  const percent = `${Math.round(progress.ratio * 100)}%`.padStart(4);
  return `${bar} ${percent} ${c.dim(`${progress.known}/${progress.total - progress.skipped}`)}`;
}

/** A state as the marker a file would say it with (`[/]` learning, `[-]` skipped: Obsidian's), so the list reads like the file. */
export function stateMark(state: TopicState, c: Colors): string {
  const mark = markerText(markerOfState(state, true));
  return state === 'known' ? c.green(mark) : state === 'learning' ? c.yellow(mark) : state === 'skipped' ? c.dim(mark) : mark;
}

/**
 * A topic on one line: its state's mark, its text and id. A goal or a book is a bullet where lists show it (its
 * state is not progress); `withState` gives it its state's mark, as `show` does, where the state is the news (`mark`).
 */
export function topicLine(topic: Topic, c: Colors, { withState = false } = {}): string {
  const mark = topic.kind === 'topic' || withState ? stateMark(topic.state, c) : topic.state === 'known' ? c.green('•') : '•';
  return `${mark} ${topic.text} ${c.dim(`#${topic.id}`)}${topic.origin === 'app' ? c.dim(' (added here, not in the file yet)') : ''}`;
}

export interface ListFilter {
  state?: TopicState | undefined;
  /** A fragment of the sections' paths (`sectionMatches`). */
  section?: string | undefined;
}

/** A section's path as `list` shows and matches it: its ancestors' titles and its own, "Python / Core". */
export const sectionPathOf = (parentPath: string, title: string): string => (parentPath ? `${parentPath} / ${title}` : title);

/** Whether `--section FRAGMENT` names the section at `path`: the path holds the fragment, in any case. */
export const sectionMatches = (path: string, fragment: string): boolean => path.toLowerCase().includes(fragment.toLowerCase());

/** The topics `state` lets through (all without one): those in it, and those holding a subtopic in it, as its parents. */
function topicsInState(nodes: readonly TopicNode[], state: TopicState | undefined): TopicNode[] {
  if (state === undefined) return [...nodes];
  return nodes.flatMap((node) => {
    const children = topicsInState(node.children, state);
    return node.topic.state === state || children.length > 0 ? [{ ...node, children }] : [];
  });
}

/**
 * A tree as `list` shows it for a filter, and the sections that show something of their own (matching the filter);
 * the rest only lead to them, and are titled without a bar, so that a nested section reads under its real parents.
 */
export interface ListedTree {
  tree: ChecklistTree;
  withContent: ReadonlySet<number>;
}

function listedSection(node: SectionNode, path: string, filter: ListFilter, withContent: Set<number>): SectionNode | null {
  const matches = filter.section === undefined || sectionMatches(path, filter.section);
  const topics = matches ? topicsInState(node.topics, filter.state) : [];
  const children = node.children.flatMap((child) => listedSection(child, sectionPathOf(path, child.section.text), filter, withContent) ?? []);
  const hasContent = matches && (filter.state === undefined || topics.length > 0);
  if (!hasContent && children.length === 0) return null;
  if (hasContent) withContent.add(node.section.id);
  // A section's links and notes go with it when nothing narrows it down to topics of a state.
  const whole = matches && filter.state === undefined;
  return { ...node, topics, resources: whole ? node.resources : [], notes: whole ? node.notes : [], children };
}

/**
 * The part of the tree `list` shows, the same for its lines and its JSON: the topics in `filter.state` (and their
 * parents), in the sections whose path holds `filter.section` (and what leads to them); a section neither matching
 * nor leading to one that shows something is left out. Progress stays each section's own, as the bars show it.
 */
export function listedTree(tree: ChecklistTree, filter: ListFilter): ListedTree {
  const withContent = new Set<number>();
  const root = listedSection(tree.root, '', filter, withContent) ?? { ...tree.root, topics: [], resources: [], notes: [], children: [] };
  return { tree: { ...tree, root }, withContent };
}

function renderTopics(nodes: readonly TopicNode[], indent: string, c: Colors, out: string[]): void {
  for (const node of nodes) {
    out.push(`${indent}${topicLine(node.topic, c)}`);
    renderTopics(node.children, `${indent}  `, c, out);
  }
}

function sectionBar(node: SectionNode, c: Colors): string {
  if (node.section.role !== 'study') return c.dim(`  (${node.section.role})`);
  return node.progress.total > 0 ? `  ${progressBar(node.progress, c, 10)}` : '';
}

function renderSection(node: SectionNode, depth: number, withContent: ReadonlySet<number>, c: Colors, out: string[]): void {
  // A section that only leads to a match is still titled: without it, the match would read as a child of the section above.
  const bar = withContent.has(node.section.id) ? sectionBar(node, c) : '';
  if (node.section.level > 0) out.push(`${'  '.repeat(depth - 1)}${c.bold(node.section.text)}${bar}`);
  for (const r of node.resources) out.push(`${'  '.repeat(depth)}${c.cyan('↗')} ${r.title}${r.title !== r.url ? c.dim(` ${r.url}`) : ''}`);
  renderTopics(node.topics, '  '.repeat(depth), c, out);
  for (const child of node.children) renderSection(child, depth + 1, withContent, c, out);
}

/** The tree as in the file, as `listedTree` narrows it: sections with bars, topics nested under them. */
export function renderTree({ tree, withContent }: ListedTree, c: Colors): string[] {
  const out: string[] = [];
  renderSection(tree.root, 0, withContent, c, out);
  return out;
}
