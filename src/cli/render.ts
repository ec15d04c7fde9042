// Human renderings of the tree, topics and progress for the terminal.
import type { Topic, TopicState } from '../core/checklist/model.js';
import type { Progress } from '../core/checklist/progress.js';
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

const STATE_MARK: Record<TopicState, string> = { new: '[ ]', learning: '[~]', known: '[x]', skipped: '[-]' };

export function stateMark(state: TopicState, c: Colors): string {
  const mark = STATE_MARK[state];
  return state === 'known' ? c.green(mark) : state === 'learning' ? c.yellow(mark) : state === 'skipped' ? c.dim(mark) : mark;
}

export function topicLine(topic: Topic, c: Colors): string {
  const mark = topic.kind === 'topic' ? stateMark(topic.state, c) : topic.state === 'known' ? c.green('•') : '•';
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

function renderTopics(nodes: TopicNode[], indent: string, filter: ListFilter, c: Colors, out: string[]): void {
  for (const node of nodes) {
    const childLines: string[] = [];
    renderTopics(node.children, `${indent}  `, filter, c, childLines);
    if (filter.state === undefined || node.topic.state === filter.state || childLines.length > 0) {
      out.push(`${indent}${topicLine(node.topic, c)}`, ...childLines);
    }
  }
}

function sectionBar(node: SectionNode, c: Colors): string {
  if (node.section.role !== 'study') return c.dim(`  (${node.section.role})`);
  return node.progress.total > 0 ? `  ${progressBar(node.progress, c, 10)}` : '';
}

function renderSection(node: SectionNode, path: string, depth: number, filter: ListFilter, c: Colors, out: string[]): void {
  const shown = filter.section === undefined || sectionMatches(path, filter.section);
  if (shown) {
    const topicLines: string[] = [];
    renderTopics(node.topics, '  '.repeat(depth), filter, c, topicLines);
    const hasContent = filter.state === undefined || topicLines.length > 0;
    if (node.section.level > 0 && hasContent) out.push(`${'  '.repeat(depth - 1)}${c.bold(node.section.text)}${sectionBar(node, c)}`);
    if (filter.state === undefined) {
      for (const r of node.resources) out.push(`${'  '.repeat(depth)}${c.cyan('↗')} ${r.title}${r.title !== r.url ? c.dim(` ${r.url}`) : ''}`);
    }
    out.push(...topicLines);
  }
  for (const child of node.children) {
    renderSection(child, sectionPathOf(path, child.section.text), depth + 1, filter, c, out);
  }
}

/** The tree as in the file: sections with bars, topics nested under them. */
export function renderTree(tree: ChecklistTree, filter: ListFilter, c: Colors): string[] {
  const out: string[] = [];
  renderSection(tree.root, '', 0, filter, c, out);
  return out;
}
