// A checklist tree written out as Markdown with task markers, for people: `prepdeck export --format md`. In a task
// list each task's details come back where the file had them (task-details.ts); what the user made in prepdeck (notes,
// question/answer cards) stands under its topic as export-notes-cards.ts writes it.
// Apart from export.ts (the JSON), as it loads markdown-it, which `list` and the server's tree need not.
import type { Token } from 'markdown-it';
import { normalizeText } from '../import/identity.js';
import { createMarkdownParser } from '../import/markdown.js';
import { siteOf } from '../import/parse-checklist.js';
import { cardOwner } from '../review/cards.js';
import { cardLines, notesQuote, type ExportedCard } from './export-notes-cards.js';
import type { Checklist, Resource } from './model.js';
import { markerOfState, markerText } from './task-markers.js';
import { AUTOLINK, layoutTask, type Anchor, type Piece, type TaskLayout } from './task-details.js';
import { type ChecklistTree, type SectionNode, type TopicNode } from './tree.js';

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n');
}

function resourceLine(r: Resource): string {
  return r.title && r.title !== r.url ? `[${r.title.replace(/[[\]]/g, '\\$&')}](<${r.url}>)` : `<${r.url}>`;
}

let parser: ReturnType<typeof createMarkdownParser> | null = null;

/** The URLs the links of `markdown` point at, as the import reads them (link destinations, autolinks, bare URLs). */
function linkedUrls(markdown: string, inline: boolean): Set<string> {
  parser ??= createMarkdownParser();
  const urls = new Set<string>();
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'link_open') urls.add(String(token.attrGet('href') ?? ''));
      if (token.children) visit(token.children);
    }
  };
  if (markdown !== '') visit(inline ? parser.parseInline(markdown, {}) : parser.parse(markdown, {}));
  return urls;
}

/**
 * The resources read from an entry's own text that its written text no longer holds: the autolinks that ended a
 * title stand beside it (`mypy - type checker <https://...>` is stored as `mypy - type checker`), so the export
 * writes them back there, or they would be lost.
 */
function besideText(resources: readonly Resource[], title: string, body: string): Resource[] {
  const own = resources.filter((r) => !r.fromBullet);
  if (own.length === 0) return [];
  const written = new Set([...linkedUrls(title, true), ...linkedUrls(body, false)]);
  const missing = new Map<string, Resource>();
  for (const r of own) if (!written.has(r.url) && !missing.has(r.url)) missing.set(r.url, r);
  return [...missing.values()];
}

/** How a topic is written: its title and the links that stand beside it. */
interface WrittenTopic {
  title: string;
  beside: Resource[];
}

/**
 * How each of these siblings is written. Siblings that read the same once their trailing links stood beside them were
 * told apart by their links' sites (`SQL to GraphQL (hasura.io)`, parse-checklist.ts#distinguishTwins): written with
 * their links and without the sites, they are read as before, and keep being recognised.
 */
function writtenTopics(siblings: readonly TopicNode[], onBullets?: (node: TopicNode) => ReadonlySet<Resource>): Map<TopicNode, WrittenTopic> {
  const plans = siblings.map((node) => {
    const { title, text, details } = node.topic;
    const elsewhere = onBullets?.(node);
    const beside = besideText(elsewhere ? node.resources.filter((r) => !elsewhere.has(r)) : node.resources, title, details);
    const suffix = beside.length > 0 ? ` (${beside.map((r) => siteOf(r.url)).join(', ')})` : null;
    const twin = suffix !== null && title.endsWith(suffix) && text.endsWith(suffix);
    return { node, beside, title, twin, suffix, readBefore: normalizeText(twin ? text.slice(0, -suffix.length) : text) };
  });
  const reading = new Map<string, number>();
  for (const plan of plans) reading.set(plan.readBefore, (reading.get(plan.readBefore) ?? 0) + 1);
  return new Map(
    plans.map(({ node, beside, title, twin, suffix, readBefore }) => [
      node,
      { title: twin && reading.get(readBefore)! > 1 ? title.slice(0, -suffix!.length) : title, beside },
    ]),
  );
}

/** A link written where the import sets it apart again (after a title or a detail bullet): an autolink when it can be one. */
const besideLink = (r: Resource) => ` ${AUTOLINK.test(r.url) ? `<${r.url}>` : resourceLine(r)}`;

function titleLine(node: TopicNode, written: WrittenTopic, pad: string): string {
  const tick = markerText(markerOfState(node.topic.state, true));
  // Read back, links after the title stand beside it again: the topic keeps its title, its identity and its links.
  return `${pad}- ${tick} ${written.title}${written.beside.map(besideLink).join('')}`;
}

/** The cards to write, by owner (core/review/cards.ts#cardOwner), and what could not be written as itself. */
interface Extras {
  cards: Map<string, ExportedCard[]>;
  warnings: string[];
}

/** A card's first line, to name it in a warning. */
const cardLabel = (card: ExportedCard) => `card ${card.id} (${card.front.trim().split('\n', 1)[0]})`;

/**
 * A topic's notes, then its cards, at the end of its item (`pad`: where its title's text starts), as the write-back
 * inserts cards. A blank line before the notes, or they would continue what stands before them.
 */
function ownWork(node: TopicNode, pad: string, extras: Extras, out: string[]): void {
  const t = node.topic;
  const quote = notesQuote(t.notes, t.details);
  if (quote !== null) out.push('', indent(quote, pad), '');
  for (const card of extras.cards.get(cardOwner(t.id, t.sectionKey)) ?? []) {
    const lines = t.kind === 'topic' ? cardLines(card, pad, true) : null;
    if (lines) out.push(...lines);
    else
      extras.warnings.push(
        t.kind === 'topic'
          ? `${cardLabel(card)} of '${t.text}' would not read back as the same card in Markdown; left out (\`export --format json\` keeps it)`
          : `${cardLabel(card)} stands under the ${t.kind} '${t.text}', where the import reads no card; left out (\`export --format json\` keeps it)`,
      );
  }
}

function topicMarkdown(node: TopicNode, written: WrittenTopic, depth: number, extras: Extras, out: string[]): void {
  const pad = '  '.repeat(depth);
  const t = node.topic;
  out.push(titleLine(node, written, pad));
  // A blank line first, or the details would continue the title's paragraph.
  if (t.details) out.push('', indent(t.details, `${pad}  `), '');
  for (const r of node.resources.filter((r) => r.fromBullet)) out.push(`${pad}  - ${resourceLine(r)}`);
  topicsMarkdown(node.children, depth + 1, extras, out);
  // Last in its item, as in a task's (read back, the export is a task list).
  ownWork(node, `${pad}  `, extras, out);
}

function topicsMarkdown(siblings: readonly TopicNode[], depth: number, extras: Extras, out: string[]): void {
  const written = writtenTopics(siblings);
  for (const node of siblings) topicMarkdown(node, written.get(node)!, depth, extras, out);
}

interface TaskPlan {
  written: WrittenTopic;
  layout: TaskLayout;
}

/** How each of these sibling tasks is written: its title, and where its details, children and link bullets go. */
function taskPlans(siblings: readonly TopicNode[], follows: boolean): Map<TopicNode, TaskPlan> {
  const layouts = new Map(siblings.map((node) => [node, layoutTask(node, follows)]));
  const written = writtenTopics(siblings, (node) => layouts.get(node)!.onBullets);
  return new Map(siblings.map((node) => [node, { written: written.get(node)!, layout: layouts.get(node)! }]));
}

/**
 * A task of a task list with its details where the file had them (task-details.ts): its detail bullets, code,
 * comments and paragraphs in their order and kind, inside its item or after it at the section's top level.
 */
function taskMarkdown(node: TopicNode, plan: TaskPlan, pad: string, extras: Extras, out: string[]): void {
  out.push(titleLine(node, plan.written, pad));
  const children = taskPlans(node.children, false);
  const anchor = (a: Anchor, at: string) => {
    if (a.kind === 'link') out.push(`${at}- ${resourceLine(a.resource)}`);
    else taskMarkdown(a.node, children.get(a.node)!, at, extras, out);
  };
  const pieces = (list: readonly Piece[], at: string) => {
    for (const piece of list) {
      if (piece.kind === 'block') {
        // Apart from what precedes and follows it, or a paragraph would continue a bullet and a list an HTML block.
        // One entry each, so that the blank lines a block holds (in a fence, say) stay its own.
        piece.units.forEach((unit) => out.push('', indent(unit.lines.join('\n'), at)));
        out.push('');
        continue;
      }
      if (piece.kind === 'bullet') {
        const lines = [...piece.unit.lines];
        lines[lines.length - 1] += piece.unit.trailing.map(besideLink).join('');
        out.push(at + lines[0]!, ...lines.slice(1).map((line) => `${at}  ${line}`));
        for (const block of piece.attached) out.push('', indent(block.lines.join('\n'), `${at}  `), '');
      } else anchor(piece.anchor, at);
      for (const nested of piece.nested) anchor(nested, `${at}  `);
    }
  };
  pieces(plan.layout.inside, `${pad}  `);
  // Inside the item, after what it holds: after the item, a quote would be read as a detail and a card as the section's.
  ownWork(node, `${pad}  `, extras, out);
  pieces(plan.layout.following, pad);
}

function sectionMarkdown(node: SectionNode, tasks: boolean, extras: Extras, out: string[]): void {
  const s = node.section;
  if (s.level > 0) out.push(`${'#'.repeat(s.level)} ${s.title}`, '');
  for (const note of node.notes) out.push(note.source, '');
  // The section's own cards before its first topic: in a task list what follows a task is that task's.
  const cards = extras.cards.get(cardOwner(null, s.pathKey)) ?? [];
  for (const card of cards) {
    const lines = cardLines(card, '', false);
    if (lines) out.push(...lines);
    else
      extras.warnings.push(
        `${cardLabel(card)} of the section '${s.text || 'the top of the file'}' would not read back as the same card in Markdown; left out (\`export --format json\` keeps it)`,
      );
  }
  if (cards.length > 0) out.push('');
  // A link of the section that neither its heading nor its notes hold is written as a link bullet, which keeps it its own.
  const missing = besideText(node.resources, s.level > 0 ? s.title : '', node.notes.map((n) => n.source).join('\n\n'));
  const bullets = [...node.resources.filter((r) => r.fromBullet), ...missing];
  for (const r of bullets) out.push(`- ${resourceLine(r)}`);
  if (bullets.length > 0) out.push('');
  if (node.topics.length > 0) {
    if (tasks) {
      const plans = taskPlans(node.topics, true);
      for (const topic of node.topics) taskMarkdown(topic, plans.get(topic)!, '', extras, out);
    } else topicsMarkdown(node.topics, 0, extras, out);
    out.push('');
  }
  for (const child of node.children) sectionMarkdown(child, tasks, extras, out);
}

export interface MarkdownExport {
  text: string;
  /** What the Markdown could not carry, one line each: the cards left out, and the learning and skipped topics written as open tasks. */
  warnings: string[];
}

/** The states a task marker cannot say: the import reads `[ ]` as new and `[x]` as known. */
/**
 * The checklist as Markdown: headings as imported, every entry a task item ticked when known, each topic's notes (a
 * quote under it) and question/answer cards (`cards`, the checklist's own, not archived) with it, so that importing the
 * export gives the same topics, states, cards and, as details, notes. Learning and skipped topics carry Obsidian's
 * `[/]` and `[-]` (task-markers.ts), which the import reads back as those states.
 */
export function exportMarkdown(checklist: Checklist, tree: ChecklistTree, cards: readonly ExportedCard[] = []): MarkdownExport {
  const extras: Extras = { cards: new Map(), warnings: [] };
  for (const card of [...cards].sort((a, b) => a.id - b.id)) extras.cards.set(card.owner, [...(extras.cards.get(card.owner) ?? []), card]);
  const out: string[] = [];
  if (checklist.frontMatter !== null) out.push('---', checklist.frontMatter, '---', '');
  sectionMarkdown(tree.root, checklist.topicsMode === 'tasks', extras, out);
  // One blank line where pieces each asked for one; a block's own blank lines (in a fence, say) are its text.
  const kept = out.filter((entry, i) => entry !== '' || out[i - 1] !== '');
  return { text: `${kept.join('\n').trimEnd()}\n`, warnings: extras.warnings };
}
