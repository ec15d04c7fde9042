// How a task's details are laid out again in a task list (`export --format md`), from what the import stored.
//
// In a task list the import keeps, as one string joined by line breaks, what a task holds or is followed by
// (parse-checklist.ts#readItem, #addDetail, #addNote): its detail bullets (`- text`, their nested bullets
// flattened), the blocks written under them, and at its section's top level the bullets and blocks that follow it
// (code, comments, paragraphs); the blocks of its own item come last, joined by a blank line. This module reads that
// string back into its pieces and places each where a re-import gives the task the same details, resources and
// children, and where the file had it as far as the stored lines tell: inside the task's item, or after it.
import type { Token } from 'markdown-it';
import { isAnchor, readInline } from '../import/inline.js';
import { createMarkdownParser } from '../import/markdown.js';
import type { LineRange, Resource } from './model.js';
import type { TopicNode } from './tree.js';

/** One piece of a task's details as stored. */
export interface DetailUnit {
  /** `bullet` for a detail bullet (`- text`), else the markdown-it block it reads as (paragraph, fence, html_block ...). */
  kind: string;
  /** Its lines as stored. */
  lines: string[];
  /** A blank line stands between it and the piece before: only the blocks of the task's own item are joined so. */
  afterBlank: boolean;
  /** The file's line it was read from, when its links say so (a detail bullet's links are the task's resources). */
  line: number | null;
  /** The autolinks that ended a bullet: the import set them apart as resources, so the stored text lacks them. */
  trailing: Resource[];
}

/** A child topic, or a link bullet (a resource read from a bullet holding only links), which the file placed by line. */
export type Anchor = { kind: 'child'; node: TopicNode; lines: LineRange } | { kind: 'link'; resource: Resource; lines: LineRange };

/** What is written, in order, inside a task's item or after it. */
export type Piece =
  | { kind: 'bullet'; unit: DetailUnit; attached: DetailUnit[]; nested: Anchor[] }
  | { kind: 'block'; units: DetailUnit[] }
  | { kind: 'anchor'; anchor: Anchor; nested: Anchor[] };

export interface TaskLayout {
  /** Written inside the task's item, below its title. */
  inside: Piece[];
  /** Written after the item at the section's top level (a top-level task of a task list only). */
  following: Piece[];
  /** The resources of detail bullets, written on those bullets (the rest of the task's own stand beside its title). */
  onBullets: Set<Resource>;
}

/** A URL CommonMark reads as an autolink when written `<url>`: a scheme, then no space, `<` or `>`. */
export const AUTOLINK = /^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\p{Cc}]*$/u;

let parser: ReturnType<typeof createMarkdownParser> | null = null;

/** Whether a bullet written with these autolinks after its text reads back as its text: they ended it when it was read. */
function endedBy(unit: DetailUnit, resources: readonly Resource[]): boolean {
  if (!resources.every((r) => AUTOLINK.test(r.url))) return false;
  parser ??= createMarkdownParser();
  const source = bulletSource(unit.lines);
  const [inline] = parser.parseInline(`${source}${resources.map((r) => ` <${r.url}>`).join('')}`, {});
  return inline !== undefined && readInline(inline).source === source;
}

/** The URLs a line of inline Markdown links to that the import keeps as resources (in-file anchors are not). */
function resourceUrls(source: string): string[] {
  parser ??= createMarkdownParser();
  const [inline] = parser.parseInline(source, {});
  return inline ? readInline(inline).links.flatMap((link) => (isAnchor(link.url) ? [] : [link.url])) : [];
}

/** A bullet's inline text as the import read it: the first line without its `- `, then its other lines. */
function bulletSource(lines: readonly string[]): string {
  return [lines[0]!.replace(/^-[ \t]+/, ''), ...lines.slice(1)].join('\n');
}

const isBlank = (line: string) => line.trim() === '';

/** The top-level blocks of the details, each list item apart, with the lines each covers (blank lines it ends with left out). */
function blocksOf(details: string, lines: readonly string[]): Array<{ kind: string; start: number; end: number }> {
  parser ??= createMarkdownParser();
  const tokens: Token[] = parser.parse(details, {});
  const blocks: Array<{ kind: string; start: number; end: number }> = [];
  for (const token of tokens) {
    if (token.nesting === -1 || !token.map) continue;
    if (token.level === 1 && token.type === 'list_item_open') blocks.push({ kind: 'bullet', start: token.map[0], end: token.map[1] });
    else if (token.level === 0 && token.type !== 'bullet_list_open')
      blocks.push({ kind: token.type.replace(/_open$/, ''), start: token.map[0], end: token.map[1] });
  }
  // Lines no block covers (a reference definition reads as none) are kept as text of their own.
  const pieces: Array<{ kind: string; start: number; end: number }> = [];
  let next = 0;
  const uncovered = (until: number) => {
    for (let line = next; line < until; line++) {
      if (isBlank(lines[line]!)) continue;
      const last = pieces[pieces.length - 1];
      if (last?.kind === 'text' && last.end === line) last.end = line + 1;
      else pieces.push({ kind: 'text', start: line, end: line + 1 });
    }
  };
  for (const block of blocks) {
    if (block.start < next) continue;
    uncovered(block.start);
    let end = Math.min(block.end, lines.length);
    while (end > block.start + 1 && isBlank(lines[end - 1]!)) end--;
    pieces.push({ ...block, end });
    next = end;
  }
  uncovered(lines.length);
  return pieces.sort((a, b) => a.start - b.start);
}

/** Where a task stands in the file: the lines of its item and its title, and those its children and link bullets take. */
export interface TaskLines {
  item: LineRange;
  title: LineRange;
  taken: ReadonlyArray<Pick<Anchor, 'kind' | 'lines'>>;
  /** What followed the task at its section's top level may be among its details (a top-level task of a task list). */
  follows: boolean;
}

/**
 * The stored details split into their pieces, each bullet given the line and trailing autolinks of its resources
 * (`resources`: the task's, whose title's links stand on its title's line). A paragraph that followed a bullet is
 * stored right after it and reads as that bullet's continuation; its links were never resources (a note lends none),
 * so the first of its lines whose links the bullet's resources lack starts a paragraph of its own again.
 */
export function detailUnits(details: string, resources: readonly Resource[], where: TaskLines): DetailUnit[] {
  if (details === '') return [];
  const lines = details.split('\n');
  const units: DetailUnit[] = [];
  let previousEnd = 0;
  for (const block of blocksOf(details, lines)) {
    const afterBlank = units.length > 0 && lines.slice(previousEnd, block.start).some(isBlank);
    const before = units[units.length - 1];
    // Only the blocks of the item's own are joined by a blank line, so one stands before it: a bullet there swallowed
    // it (markdown-it reads a quote at the margin on as the bullet's text), from the last line at the margin.
    const from = afterBlank && before?.kind === 'bullet' ? lastAtMargin(before.lines) : -1;
    if (before && from > 0) units.push(tail(before, from));
    units.push({ kind: block.kind, lines: lines.slice(block.start, block.end), afterBlank, line: null, trailing: [] });
    previousEnd = block.end;
  }
  return withBulletResources(units, resources, where);
}

/** The last of a bullet's lines that starts at the margin, where a block may have started (-1: none). */
function lastAtMargin(lines: readonly string[]): number {
  for (let at = lines.length - 1; at >= 1; at--) if (!/^\s/.test(lines[at]!)) return at;
  return -1;
}

/** Cuts a bullet's lines from `at` into the block they were: what markdown-it reads them as on their own. */
function tail(bullet: DetailUnit, at: number): DetailUnit {
  parser ??= createMarkdownParser();
  const lines = bullet.lines.splice(at);
  const first = parser.parse(lines.join('\n'), {}).find((token) => token.level === 0 && token.nesting !== -1);
  return { kind: first ? first.type.replace(/_open$/, '') : 'paragraph', lines, afterBlank: false, line: null, trailing: [] };
}

interface LineGroup {
  line: number;
  resources: Resource[];
  urls: string[];
}

const startsWith = (urls: readonly string[], prefix: readonly string[]) => prefix.length <= urls.length && prefix.every((url, i) => urls[i] === url);

/** Each detail bullet matched with the resources read from its line, in file order; a paragraph a bullet swallowed split off. */
function withBulletResources(units: DetailUnit[], resources: readonly Resource[], where: TaskLines): DetailUnit[] {
  const groups: LineGroup[] = [];
  const ofBullets = resources.filter((r) => !r.fromBullet && r.line !== where.title.start).sort((a, b) => a.line - b.line);
  for (const resource of ofBullets) {
    const last = groups[groups.length - 1];
    if (last?.line === resource.line) {
      last.resources.push(resource);
      last.urls.push(resource.url);
    } else groups.push({ line: resource.line, resources: [resource], urls: [resource.url] });
  }
  const out: DetailUnit[] = [];
  /** For each group, the index in `out` of the bullet it was read from. */
  const groupOf = new Map<number, number>();
  let nextGroup = 0;
  const match = (urls: string[]) => {
    if (urls.length === 0) return -1;
    for (let g = nextGroup; g < groups.length; g++) if (startsWith(groups[g]!.urls, urls)) return g;
    return -1;
  };
  const take = (unit: DetailUnit, g: number, written: number) => {
    groupOf.set(g, out.length);
    unit.line = groups[g]!.line;
    unit.trailing = groups[g]!.resources.slice(written);
    nextGroup = g + 1;
  };
  for (const unit of units) {
    if (unit.kind !== 'bullet') {
      out.push(unit);
      continue;
    }
    const urls = resourceUrls(bulletSource(unit.lines));
    const whole = match(urls);
    if (urls.length === 0 || whole >= 0) {
      if (whole >= 0) take(unit, whole, urls.length);
      out.push(unit);
      continue;
    }
    // The longest head of the bullet whose links are its resources, cut where a line starts at the margin.
    let split: { at: number; group: number } | null = null;
    for (let at = unit.lines.length - 1; at >= 1 && split === null; at--) {
      if (/^\s/.test(unit.lines[at]!)) continue;
      const head = resourceUrls(bulletSource(unit.lines.slice(0, at)));
      const group = match(head);
      if (head.length === 0 || group >= 0) split = { at, group };
    }
    if (split === null) {
      out.push(unit);
      continue;
    }
    const note = tail(unit, split.at);
    if (split.group >= 0) take(unit, split.group, resourceUrls(bulletSource(unit.lines)).length);
    out.push(unit, note);
  }
  // A bullet whose only links ended it wrote none: the groups left over between two matched bullets are those of the
  // bullets between them that wrote none, in order, each where its line, counted from the lines known, is nearest.
  const estimated = estimatedLines(out, where);
  // The item's own blocks end what was inside it: a line there is of a unit before them, one after it of a unit after.
  let ownEnd = -1;
  out.forEach((unit, i) => {
    if (unit.afterBlank) ownEnd = i;
  });
  const couldStand = (i: number, line: number) => (line <= where.item.end ? ownEnd < 0 || i < ownEnd : where.follows && i > ownEnd);
  for (let g = 0; g < groups.length; g++) {
    if (groupOf.has(g)) continue;
    let last = g;
    while (last + 1 < groups.length && !groupOf.has(last + 1)) last++;
    const from = g > 0 ? groupOf.get(g - 1)! : -1;
    const to = last + 1 < groups.length ? groupOf.get(last + 1)! : out.length;
    const run = groups.slice(g, last + 1);
    const bare = out.flatMap((unit, i) =>
      i > from && i < to && unit.kind === 'bullet' && unit.line === null && resourceUrls(bulletSource(unit.lines)).length === 0 ? [i] : [],
    );
    alignInOrder(
      run.map((group) => group.line),
      bare.map((i) => estimated[i]!),
      (k, b) => couldStand(bare[b]!, run[k]!.line) && endedBy(out[bare[b]!]!, run[k]!.resources),
    ).forEach((at, k) => {
      if (at < 0) return;
      out[bare[at]!]!.line = run[k]!.line;
      out[bare[at]!]!.trailing = run[k]!.resources;
    });
    g = last;
  }
  return out;
}

/**
 * Pairs each line of `wanted` with one of `offered` that `fits` it, in order (neither order crossed), as many as can be,
 * nearest first: the index in `offered` for each wanted line, -1 for one left without.
 */
function alignInOrder(wanted: readonly number[], offered: readonly number[], fits: (a: number, b: number) => boolean): number[] {
  const UNPAIRED = 1e9;
  const pair = (a: number, b: number) => (fits(a, b) ? Math.abs(wanted[a]! - offered[b]!) : 2 * UNPAIRED);
  // cost[a][b]: the least cost of the first a wanted lines over the first b offered.
  const cost = wanted.map(() => offered.map(() => 0));
  const at = (a: number, b: number): number => (a === 0 ? 0 : b === 0 ? a * UNPAIRED : cost[a - 1]![b - 1]!);
  for (let a = 1; a <= wanted.length; a++)
    for (let b = 1; b <= offered.length; b++)
      cost[a - 1]![b - 1] = Math.min(at(a, b - 1), at(a - 1, b - 1) + pair(a - 1, b - 1), at(a - 1, b) + UNPAIRED);
  const pairs = wanted.map(() => -1);
  for (let a = wanted.length, b = offered.length; a > 0 && b > 0;) {
    if (at(a, b) === at(a, b - 1)) b--;
    else if (at(a, b) === at(a - 1, b - 1) + pair(a - 1, b - 1)) pairs[--a] = --b;
    else a--;
  }
  return pairs;
}

/** A blank line stands between a block and what precedes or follows it (as the export writes it, and most files). */
const gapBefore = (units: readonly DetailUnit[], i: number) => (units[i]!.kind !== 'bullet' || (i > 0 && units[i - 1]!.kind !== 'bullet') ? 1 : 0);

/** The lines units take, written one after the other below a task's title. */
const linesOf = (units: readonly DetailUnit[]) => units.reduce((sum, unit, i) => sum + gapBefore(units, i) + unit.lines.length, 0);

/** The line each unit likely stood on: its own when known, else counted on from the one before, past the lines taken. */
function estimatedLines(units: readonly DetailUnit[], where: TaskLines): number[] {
  const taken = [...where.taken].sort((a, b) => a.lines.start - b.lines.start);
  let cursor = where.title.end + 1;
  let next = 0;
  return units.map((unit, i) => {
    let gap = gapBefore(units, i);
    while (next < taken.length && taken[next]!.lines.start <= (unit.line ?? cursor + gap)) {
      const anchor = taken[next++]!;
      cursor = Math.max(cursor, anchor.lines.end + 1);
      gap = blankAfter(anchor, unit);
    }
    const line = unit.line ?? cursor + gap;
    cursor = line + unit.lines.length;
    return line;
  });
}

/**
 * The blank line between an anchor and a unit after it: a block stands after one, which a child's lines take already
 * (markdown-it ends a list item with the blank lines after it).
 */
const blankAfter = (anchor: Pick<Anchor, 'kind'>, unit: DetailUnit) => (unit.kind !== 'bullet' && anchor.kind === 'link' ? 1 : 0);

/**
 * Whether these units, written inside a task's item, read back as the same details: the item's nested bullets (with
 * the blocks under each) come first, its own blocks (joined by a blank line) last.
 */
function fitsInside(units: readonly DetailUnit[]): boolean {
  if (units.length === 0 || units[0]!.kind === 'bullet') return true;
  return units.every((unit, i) => unit.kind !== 'bullet' && (i === 0 || unit.afterBlank));
}

/**
 * How many units (a head of them) were inside the task's item rather than after it. The blocks of its own item, and
 * whatever a unit's line puts inside, are; what a line puts after it, and what follows those, are not. The units
 * between are inside when the item's lines have room for them (what its title, children and link bullets leave): all
 * of them, or else as many as fit beside the blank line the item may end with, which may leave room for one more.
 */
function unitsInside(units: readonly DetailUnit[], lines: LineRange, titleLines: number, anchors: readonly Anchor[]): number {
  let inside = 0;
  let following = units.length;
  let lastBlank = -1;
  units.forEach((unit, i) => {
    if (unit.afterBlank) lastBlank = i;
  });
  if (lastBlank >= 0) inside = following = lastBlank + 1;
  units.forEach((unit, i) => {
    if (unit.line === null) return;
    if (unit.line <= lines.end) inside = Math.max(inside, i + 1);
    else following = Math.min(following, i);
  });
  if (inside >= following) return inside;
  let room = lines.end - lines.start + 1 - titleLines;
  let children = 0;
  for (const anchor of anchors) {
    if (anchor.lines.start <= lines.start || anchor.lines.start > lines.end) continue;
    room -= anchor.lines.end - anchor.lines.start + 1;
    if (anchor.kind === 'child') children++;
  }
  // A child's lines end with the blank line after it, which a block after it stands after.
  const fits = (head: readonly DetailUnit[], lines: number) =>
    fitsInside(head) && linesOf(head) - (children > 0 && head.some((unit) => unit.kind !== 'bullet') ? 1 : 0) <= lines;
  if (fits(units.slice(0, following), room)) return following;
  // Else as many as the item has room for, a blank line it may end with aside.
  let most = inside;
  for (let count = inside + 1; count < following; count++) if (fits(units.slice(0, count), room - 1)) most = count;
  return most;
}

/** A bullet ending with a colon introduces what follows it, which stands under it. */
const introduces = (unit: DetailUnit) => /:\s*$/.test(unit.lines[unit.lines.length - 1]!);

/**
 * The units in order, with the anchors placed among them by line: before the first unit whose line (known, or counted
 * from the last thing placed) is not before theirs. The anchors between two units stand under the bullet before them
 * when it introduces them or already holds one, and, after the task, when a child is among them: a child must stand
 * under a bullet there, or it would be a task of the section (with none to stand under, it is left out: `homeless`).
 */
function arrange(
  groups: ReadonlyArray<Exclude<Piece, { kind: 'anchor' }>>,
  anchors: readonly Anchor[],
  start: number,
  following: boolean,
): { pieces: Piece[]; homeless: Anchor[] } {
  const pieces: Piece[] = [];
  const homeless: Anchor[] = [];
  let cursor = start;
  let next = 0;
  let holder: Extract<Piece, { nested: Anchor[] }> | null = null;
  /** The blank line the next unit stands after, when it is a bullet and when it is a block. */
  let gap = { bullet: 0, block: following ? 0 : 1 };
  /** The anchors up to `line` (moved on as each one is counted), placed after what was placed last. */
  const placeUpTo = (line: () => number) => {
    const batch: Anchor[] = [];
    while (next < anchors.length && anchors[next]!.lines.start <= line()) {
      const anchor = anchors[next++]!;
      batch.push(anchor);
      cursor = Math.max(cursor, anchor.lines.end + 1);
      gap = { bullet: 0, block: anchor.kind === 'link' ? 1 : 0 };
    }
    batch.forEach((anchor, i) => {
      const under =
        holder !== null &&
        (holder.nested.length > 0 ||
          (holder.kind === 'bullet' && introduces(holder.unit)) ||
          (following && batch.slice(i).some((later) => later.kind === 'child')));
      if (under) holder!.nested.push(anchor);
      else if (following && anchor.kind === 'child') homeless.push(anchor);
      else {
        const piece: Piece = { kind: 'anchor', anchor, nested: [] };
        pieces.push(piece);
        // A link bullet may hold what follows it; a child topic holds only its own.
        holder = anchor.kind === 'link' ? piece : null;
      }
    });
  };
  groups.forEach((group) => {
    const first = group.kind === 'bullet' ? group.unit : group.units[0]!;
    // A block stands after a blank line, and so does what follows one; the lines of the task's item or of a child end
    // with the blank line after them.
    const at = () => first.line ?? cursor + (group.kind === 'block' ? gap.block : gap.bullet);
    placeUpTo(at);
    const line = at();
    pieces.push(group);
    holder = group.kind === 'bullet' ? group : null;
    gap = group.kind === 'block' || group.attached.length > 0 ? { bullet: 1, block: 1 } : { bullet: 0, block: 1 };
    cursor = line + (group.kind === 'bullet' ? linesOf([group.unit, ...group.attached]) : linesOf(group.units) - 1);
  });
  placeUpTo(() => Infinity);
  return { pieces, homeless };
}

/** The units inside the item as pieces: each bullet with the blocks under it, the item's own blocks last. */
function insideGroups(units: readonly DetailUnit[]): Array<Exclude<Piece, { kind: 'anchor' }>> {
  if (units.length === 0) return [];
  const firstBlank = units.findIndex((unit) => unit.afterBlank);
  const last = units[units.length - 1]!;
  const ownFrom = firstBlank > 0 ? firstBlank - 1 : last.kind !== 'bullet' ? units.length - 1 : units.length;
  const groups: Array<Exclude<Piece, { kind: 'anchor' }>> = [];
  units.slice(0, ownFrom).forEach((unit) => {
    const bullet = groups[groups.length - 1];
    if (unit.kind === 'bullet' || bullet?.kind !== 'bullet') groups.push({ kind: 'bullet', unit, attached: [], nested: [] });
    else bullet.attached.push(unit);
  });
  if (ownFrom < units.length) groups.push({ kind: 'block', units: units.slice(ownFrom) });
  return groups;
}

const byLine = (a: Anchor, b: Anchor) => a.lines.start - b.lines.start;

/**
 * Where a task's details, children and link bullets are written. `follows`: the task stands at its section's top
 * level in a task list, so what followed it there is its own when read again.
 */
export function layoutTask(node: TopicNode, follows: boolean): TaskLayout {
  const { topic } = node;
  const titleLines = topic.title.split('\n').length;
  const title = { start: topic.lines.start, end: topic.lines.start + titleLines - 1 };
  // A topic added in prepdeck has no line yet: last, as the write-back puts it.
  const lineOf = (line: number) => (line > 0 ? line : Infinity);
  const anchors: Anchor[] = [
    ...node.children.map((child): Anchor => ({
      kind: 'child',
      node: child,
      lines: { start: lineOf(child.topic.lines.start), end: lineOf(child.topic.lines.end) },
    })),
    ...node.resources.filter((r) => r.fromBullet).map((r): Anchor => ({ kind: 'link', resource: r, lines: { start: r.line, end: r.line } })),
  ].sort(byLine);
  const units = detailUnits(topic.details, node.resources, { item: topic.lines, title, taken: anchors, follows });
  const onBullets = new Set(units.flatMap((unit) => (unit.line === null ? [] : node.resources.filter((r) => !r.fromBullet && r.line === unit.line))));
  const inside = follows ? unitsInside(units, topic.lines, titleLines, anchors) : units.length;
  const after = anchors.filter((anchor) => follows && anchor.lines.start > topic.lines.end && anchor.lines.start !== Infinity);
  const followingGroups = () =>
    units
      .slice(inside)
      .map((unit): Exclude<Piece, { kind: 'anchor' }> =>
        unit.kind === 'bullet' ? { kind: 'bullet', unit, attached: [], nested: [] } : { kind: 'block', units: [unit] },
      );
  let following = arrange(followingGroups(), after, topic.lines.end + 1, true);
  // A child with no bullet to stand under after the task stands inside its item, and so do the others, kept in order.
  const childrenInside = following.homeless.length > 0;
  if (childrenInside)
    following = arrange(
      followingGroups(),
      after.filter((anchor) => anchor.kind === 'link'),
      topic.lines.end + 1,
      true,
    );
  const insideAnchors = anchors.filter((anchor) => !after.includes(anchor) || (childrenInside && anchor.kind === 'child'));
  return {
    inside: arrange(insideGroups(units.slice(0, inside)), insideAnchors, title.end + 1, false).pieces,
    following: following.pieces,
    onBullets,
  };
}
