// Markdown text -> ParsedChecklist: sections, entries, resources and notes, each with its lines.
import type { Token } from 'markdown-it';
import type {
  EntryKind,
  LineRange,
  ParsedCard,
  ParsedChecklist,
  ParsedEntry,
  ParsedResource,
  ParsedSection,
  SectionRole,
  TextPosition,
  TopicsMode,
  TopicsModeChoice,
} from '../checklist/model.js';
import {
  cardRefusal,
  inlineCard,
  isPluginSchedule,
  isReversedSeparator,
  paragraphCards,
  questionSeparator,
  type CardRefusal,
  type WrittenCard,
} from '../review/cards.js';
import { markerText } from '../checklist/task-markers.js';
import { normalizeText } from './identity.js';
import { splitFrontMatter } from './front-matter.js';
import { isAnchor, readInline, toResources, type InlineReading } from './inline.js';
import { createLineByLineParser, createMarkdownParser, MAX_NESTING, type LineByLineParser, type ParseEnv } from './markdown.js';

export interface ParseOptions {
  /** Title when neither front matter nor a single top heading gives one (usually the file name). */
  fallbackTitle: string;
  /** Overrides the automatic choice (and the front matter's). */
  topics?: TopicsMode | 'auto';
}

/** A block of the document as a tree (markdown-it gives a flat token stream). */
interface Block {
  type: string;
  token: Token;
  inline: Token | null;
  children: Block[];
  /** Its inline text as read, once asked (see readingOf). */
  reading: InlineReading | undefined;
  /** Reads an inline token of this parse (its tokens are made for the reading and let go after). */
  readLine: (inline: Token) => InlineReading;
  /** How the list item is written as a card, once asked (see cardShape). */
  cardShape: CardShape | null | undefined;
}

/**
 * The block's inline text as read, or null when it has none. Read once: choosing the reading and reading the file
 * both ask for each list item's.
 */
function readingOf(block: Block): InlineReading | null {
  if (!block.inline) return null;
  return (block.reading ??= block.readLine(block.inline));
}

/** In the languages of our users' files: English, Russian, Chinese (front matter can name any other heading). */
const DEFAULT_ROLE_TITLES: Record<Exclude<SectionRole, 'study'>, string[]> = {
  goals: ['goals', 'цели', '目标'],
  books: ['books', 'reading', 'reading list', 'книги', 'чтение', 'литература', '书籍', '书单', '阅读', '阅读清单'],
};

/** In `auto`, a file is read as a task list when its open task items are at least this share of its bullets. */
const TASK_SHARE_THRESHOLD = 0.25;
const MIN_TASK_ITEMS = 3;
/**
 * In `auto`, a file that is no task list is read by headings when at least this many leaf headings have prose under
 * them, they make at least PROSE_HEADING_SHARE of its leaf headings, and that prose has at least
 * PROSE_WORDS_PER_TOPIC_LIKE_ITEM words for each list item that looks like a topic (see headingCensus): an outline
 * whose sections open with a sentence still has a handful of topics per sentence, a guide a few bullets per page.
 */
const MIN_PROSE_HEADINGS = 5;
const PROSE_HEADING_SHARE = 1 / 2;
const PROSE_WORDS_PER_TOPIC_LIKE_ITEM = 10;
/** A paragraph of at least this many words (not only links) is prose. */
const PROSE_WORDS = 6;
/** A list item of at most this many words, not ending like a sentence, reads like a topic's title. */
const TOPIC_TITLE_WORDS = 8;

// A heading reaches here only inside a list item, after its first block: kept as text, like a paragraph.
const NOTE_BLOCKS = new Set(['paragraph', 'heading', 'html_block', 'fence', 'code_block', 'blockquote', 'table']);

let lineByLine: LineByLineParser | null = null;
let inlineOnly: ReturnType<typeof createMarkdownParser> | null = null;
/** Reads a text of inline Markdown on its own, outside a parse (a card's separators, a topic's former identity). */
const inlineParser = () => (inlineOnly ??= createMarkdownParser());

/**
 * Which `::` of a line of inline Markdown (offsets into it) stand in the text it shows, outside any code span,
 * link, emphasis or inline HTML: the separators a card may be split at. The line is read once, each `::` marked.
 */
function separatorsInPlainText(line: string, offsets: readonly number[]): boolean[] {
  // Each mark reads as `::` does (`:`, letters and digits, as in an HTML attribute name), with a tag the line lacks.
  let longest = 0;
  for (const [taken] of line.matchAll(/:pdq*/g)) longest = Math.max(longest, taken.length);
  const tag = `pd${'q'.repeat(Math.max(0, longest - 2))}`;
  let marked = '';
  let from = 0;
  offsets.forEach((offset, i) => {
    marked += `${line.slice(from, offset)}:${tag}${i}:`;
    from = offset + 2;
  });
  marked += line.slice(from);
  const mark = new RegExp(`:${tag}(\\d+):`, 'g');
  const plain = offsets.map(() => false);
  const [inline] = inlineParser().parseInline(marked, {});
  let depth = 0;
  for (const token of inline?.children ?? []) {
    depth += token.nesting;
    if (token.type === 'text' && depth === 0) for (const match of token.content.matchAll(mark)) plain[Number(match[1])] = true;
  }
  return plain;
}

export function parseChecklist(text: string, options: ParseOptions): ParsedChecklist {
  lineByLine ??= createLineByLineParser();
  const source = text.replace(/^\uFEFF/, '');
  const lines = source.split(/\r\n|\r|\n/);
  // Joining 20,000 lines again costs more than looking for a carriage return.
  const split = splitFrontMatter(lines, source.includes('\r') ? undefined : source);
  const env: ParseEnv = { skipped: [] };
  const parser = lineByLine;
  const tokens = parser.parse(split.body, env);
  const blocks = toBlockTree(tokens, (inline) => parser.readLine(inline, env, readInline));
  const warnings = split.warning ? [split.warning] : [];
  const unread = unreadRanges(env.skipped, lines);
  // Each list level takes two of markdown-it's nesting steps (the list and its item), a quote one.
  if (unread) warnings.push(`lists or quotes nest deeper than the parser reads (about ${MAX_NESTING / 2} list levels); ${unread}`);
  const settings = readSettings(split.frontMatter?.data ?? {}, warnings);

  const headings = headingCensus(blocks, settings.roleTitles);
  const topicsMode = chooseTopicsMode(blocks, headings, options.topics ?? 'auto', settings.topics);
  const reader = new ChecklistReader(lines, topicsMode.mode, settings.roleTitles, headings, {
    sources: textsBeforeQuotes(tokens, lines),
    references: env.references,
  });
  reader.readBlocks(blocks);
  warnings.push(...reader.warnings);
  assignRoles(reader.sections, settings.roleTitles);
  for (const entry of reader.entries) entry.kind = kindOf(reader.sections[entry.sectionIndex]!.role);
  // Lines not read explain a file without topics already.
  if (reader.entries.length === 0 && !unread) {
    // Read by headings, list items are details: what is missing is a heading.
    warnings.push(topicsMode.mode === 'headings' ? NO_LEAF_HEADINGS : whyNoTopics(reader.skippedItems, topicsMode.mode));
  }

  return {
    title: chooseTitle(split.frontMatter?.data, reader.sections, options.fallbackTitle),
    frontMatter: split.frontMatter,
    topicsMode,
    sections: reader.sections,
    entries: reader.entries,
    cards: reader.cards,
    warnings,
  };
}

/** The lines markdown-it skipped, said in file order (`line 4 was not read`, `lines 2-3, 9-12 were not read`), or null. */
function unreadRanges(skipped: ParseEnv['skipped'], lines: string[]): string | null {
  const ranges: LineRange[] = [];
  for (const [from, to] of [...skipped].sort((a, b) => a[0] - b[0])) {
    let end = to;
    while (end > from && lines[end - 1]!.trim() === '') end--;
    const last = ranges[ranges.length - 1];
    if (last && from <= last.end) last.end = Math.max(last.end, end);
    else ranges.push({ start: from + 1, end });
  }
  if (ranges.length === 0) return null;
  const where = ranges.map((range) => (range.start === range.end ? `${range.start}` : `${range.start}-${range.end}`)).join(', ');
  return ranges.length === 1 && ranges[0]!.start === ranges[0]!.end ? `line ${where} was not read` : `lines ${where} were not read`;
}

function toBlockTree(tokens: Token[], readLine: Block['readLine']): Block[] {
  const newBlock = (type: string, token: Token): Block => ({
    type,
    token,
    inline: null,
    children: [],
    reading: undefined,
    cardShape: undefined,
    readLine,
  });
  const root = newBlock('root', tokens[0]!);
  const stack: Block[] = [root];
  for (const token of tokens) {
    const top = stack[stack.length - 1]!;
    if (token.nesting === 1) {
      const block = newBlock(token.type.replace(/_open$/, ''), token);
      top.children.push(block);
      stack.push(block);
    } else if (token.nesting === -1) {
      if (stack.length > 1) stack.pop();
    } else if (token.type === 'inline') {
      top.inline ??= token;
    } else {
      top.children.push(newBlock(token.type, token));
    }
  }
  return root.children;
}

/** A line that starts a quote (or would, but for its indentation): what a paragraph used to read as more of its text. */
const QUOTE_LINE = /^[ \t]*>/;
/** A line that opens a block of its own when not indented as code: a list item, a heading, a fence, a rule. */
const BLOCK_START = /^(?:[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|#{1,6}(?:[ \t]|$)|```|~~~|(?:[-*_][ \t]*){3,}$)/;

/**
 * Each paragraph that a `>` line follows directly (no blank line between: only the ends of lists and items stand
 * between their tokens), with its text as prepdeck read it before such a line could interrupt text: the paragraph's
 * lines and the quote's as one paragraph, the quote's `>` its text, and on through a quote that follows that one
 * directly. A `>` line indented as code once the list it ended is gone is read so too. The lines after the quote
 * that were read as more of the paragraph then (`2) ...`, which cannot interrupt text) are left out: they are lines
 * of other topics now, whose markers a sync may write. Such a paragraph is rare; most files have none.
 */
function textsBeforeQuotes(tokens: Token[], lines: string[]): Map<Token, string> {
  const sources = new Map<Token, string>();
  /** The paragraph a `>` line may follow: its inline token, where it ends, the text read so far, the column its text starts at. */
  let paragraph: { inline: Token; end: number; source: string; column: number } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'paragraph_close') {
      const inline = tokens[i - 1];
      const [start, end] = tokens[i - 2]?.map ?? [];
      if (inline?.type !== 'inline' || start === undefined || end === undefined) paragraph = null;
      else {
        const line = (lines[start] ?? '').trimEnd();
        const column = line.length - inline.content.split('\n', 1)[0]!.trimEnd().length;
        paragraph = { inline, end, source: inline.content, column };
      }
      continue;
    }
    if (token.nesting === -1) continue;
    const map = token.map;
    if (
      !paragraph ||
      !map ||
      map[0] !== paragraph.end ||
      !(token.type === 'blockquote_open' || token.type === 'code_block') ||
      !QUOTE_LINE.test(lines[map[0]] ?? '')
    ) {
      paragraph = null;
      continue;
    }
    // Up to a blank line, which ended the paragraph (a code block may hold one), or a line without `>` opening a block
    // within the paragraph's indentation, which a quote reads as its text when it is indented as code past the quote's.
    const { column } = paragraph;
    const opensBlock = (line: string) =>
      !QUOTE_LINE.test(line) && BLOCK_START.test(line.trim()) && line.length - line.trimStart().length < column + 4;
    let end = map[0];
    while (end < map[1] && (lines[end] ?? '').trim() !== '' && !opensBlock(lines[end]!)) end++;
    // Each line without the indentation of the paragraph's list item, as markdown-it gave a paragraph its lines.
    const unindented = lines.slice(map[0], end).map((line) => line.slice(Math.min(column, line.length - line.trimStart().length)));
    paragraph.source = [paragraph.source, ...unindented].join('\n');
    sources.set(paragraph.inline, paragraph.source.trimEnd());
    paragraph.end = end === map[1] ? end : -1;
    if (token.type === 'blockquote_open') {
      while (i + 1 < tokens.length && !(tokens[i + 1]!.type === 'blockquote_close' && tokens[i + 1]!.level === token.level)) i++;
    }
  }
  return sources;
}

/** The texts of textsBeforeQuotes, and the file's reference definitions, which their links may use. */
interface FormerTexts {
  sources: ReadonlyMap<Token, string>;
  references: ParseEnv['references'];
}

interface Settings {
  topics: TopicsMode | null;
  /** Sets: front matter may name thousands, and every section and list item is looked up. */
  roleTitles: Record<Exclude<SectionRole, 'study'>, ReadonlySet<string>>;
}

/** Front matter may say `prepdeck: { topics: tasks, goals: "Targets", books: ["Reading list"] }`. */
function readSettings(data: Record<string, unknown>, warnings: string[]): Settings {
  const own = data['prepdeck'];
  const settings: Settings = {
    topics: null,
    roleTitles: { goals: new Set(DEFAULT_ROLE_TITLES.goals), books: new Set(DEFAULT_ROLE_TITLES.books) },
  };
  if (typeof own !== 'object' || own === null) return settings;
  const record = own as Record<string, unknown>;
  const topics = record['topics'];
  if (topics === 'all' || topics === 'tasks' || topics === 'headings') settings.topics = topics;
  else if (topics !== undefined && topics !== 'auto') warnings.push(`front matter prepdeck.topics must be all, tasks, headings or auto; ignored`);
  for (const role of ['goals', 'books'] as const) {
    const value = record[role];
    const titles = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === 'string') : null;
    if (titles) settings.roleTitles[role] = new Set(titles.map((t: string) => normalizeText(t)));
  }
  return settings;
}

interface ItemCensus {
  items: number;
  tasks: number;
  /** Tasks not done: `[ ]` and `[/]`. */
  openTasks: number;
}

function countItems(blocks: Block[], census: ItemCensus): ItemCensus {
  for (const block of blocks) {
    if (block.type === 'list_item') {
      const first = block.children[0];
      const reading = first?.type === 'paragraph' ? readingOf(first) : null;
      // A card is study material, not a list item the reading should weigh (twelve cards must not tip a task list).
      if (reading?.marker === 'none' && cardShape(block)) continue;
      const navigation = reading?.linkOnly && reading.links.every((l) => isAnchor(l.url));
      if (!navigation) {
        census.items++;
        if (reading && reading.marker !== 'none') census.tasks++;
        if (reading?.marker === 'open' || reading?.marker === 'started') census.openTasks++;
      }
    }
    countItems(block.children, census);
  }
  return census;
}

/** What the headings reading weighs: the leaf headings, which of them have prose under them, and the list items. */
interface HeadingCensus {
  /** Document-level headings with text and no sub-heading, outside goals and books: the topics of the headings reading. */
  topicHeadings: ReadonlySet<Block>;
  /** Headings under a topic heading that hold only links: its further reading, not sub-headings. */
  furtherReading: ReadonlySet<Block>;
  /** Of those, the ones with a paragraph of prose directly under them. */
  proseHeadings: number;
  /** The words of those paragraphs of prose. */
  proseWords: number;
  /** The blocks whose list items an outline would read as topics (goals and books aside), weighed only when the headings are in doubt. */
  outlineBlocks: readonly Block[];
}

/**
 * Reads the document's own headings (not those inside list items) as a tree. A heading is a leaf when every heading
 * under it (before the next one of its level or higher) holds only links, and no list item under it opens a section
 * (`- ### Arrays`); those links are then its topic's further reading. Its prose is what stands directly under it
 * in paragraphs of at least PROSE_WORDS words, or in bullets written as sentences. A list item looks like a topic
 * when it has at most TOPIC_TITLE_WORDS words and does not end like a sentence.
 */
function headingCensus(blocks: Block[], roleTitles: Settings['roleTitles']): HeadingCensus {
  const census = { topicHeadings: new Set<Block>(), furtherReading: new Set<Block>(), proseHeadings: 0, proseWords: 0, outlineBlocks: [] as Block[] };
  const isRole = (heading: Block) => {
    const title = normalizeText(readingOf(heading)?.text ?? '');
    return roleTitles.goals.has(title) || roleTitles.books.has(title);
  };
  // Each heading with what stands under it up to the next heading, and whether it or one above it is a goals or books heading.
  const headings: Array<{ block: Block; level: number; role: boolean; content: Block[] }> = [];
  const open: Array<{ level: number; role: boolean }> = [];
  const lead: Block[] = [];
  for (const block of blocks) {
    if (block.type !== 'heading') {
      (headings[headings.length - 1]?.content ?? lead).push(block);
      continue;
    }
    const level = headingLevel(block);
    while (open.length > 0 && open[open.length - 1]!.level >= level) open.pop();
    const role = isRole(block) || (open.length > 0 && open[open.length - 1]!.role);
    open.push({ level, role });
    headings.push({ block, level, role, content: [] });
  }
  census.outlineBlocks.push(...lead);
  headings.forEach(({ block, level, role, content }, i) => {
    if (!role) census.outlineBlocks.push(...content);
    const text = readingOf(block)?.text ?? '';
    if (role || text.trim() === '' || content.some(opensSection) || onlyLinks(content)) return;
    const below: Block[] = [];
    for (let j = i + 1; j < headings.length && headings[j]!.level > level; j++) {
      if (!onlyLinks(headings[j]!.content, true) || headings[j]!.content.some(opensSection)) return;
      below.push(headings[j]!.block);
    }
    census.topicHeadings.add(block);
    for (const further of below) census.furtherReading.add(further);
    const words = content.reduce((sum, child) => sum + proseWordsOf(child), 0);
    if (words > 0) census.proseHeadings++;
    census.proseWords += words;
  });
  return census;
}

/** HTML comments and empty anchors (`<a name="x"></a>`): marks in the file that say nothing. */
const SILENT_HTML = /^(?:\s*(?:<!--[\s\S]*?-->|<a\s+(?:name|id)\s*=[^>]*>\s*<\/a>))+\s*$/i;

/**
 * Whether a heading holds nothing but links ("Source(s) and further reading": bullets or a paragraph of links, with
 * comments or anchors): no topic of its own; it stays a section, whose resources they are. Under a leaf heading
 * (`introduced`) a line introducing them ("Check out the following links:") may stand before them too: its topic's
 * further reading. A heading of its own says more with such a line ("Refer to the Appendix for the following:").
 */
function onlyLinks(content: Block[], introduced = false): boolean {
  const linkOnly = (block: Block) => block.type === 'paragraph' && readingOf(block)?.linkOnly === true;
  const links = content.filter((block) => block.type === 'bullet_list' || block.type === 'ordered_list' || linkOnly(block));
  const isLinks = new Set(links);
  const silent = (block: Block) =>
    (block.type === 'html_block' && SILENT_HTML.test(block.token.content)) ||
    (block.type === 'paragraph' &&
      block.inline !== null &&
      (SILENT_HTML.test(block.inline.content) || (introduced && /:\s*$/.test(readingOf(block)!.text))));
  if (links.length === 0 || !content.every((block) => isLinks.has(block) || silent(block))) return false;
  return links.every(
    (block) =>
      block.type === 'paragraph' ||
      block.children.every((item) => {
        const [first, ...rest] = item.children;
        const reading = first?.type === 'paragraph' ? readingOf(first) : null;
        return reading !== null && reading.linkOnly && reading.marker === 'none' && (rest.length === 0 || onlyLinks(rest));
      }),
  );
}

/**
 * The words of prose in a block: a paragraph of PROSE_WORDS words or more of text (not only links, not a card), or
 * in a list, the items written as sentences ("Fail-over adds more hardware and additional complexity."); 0 for the rest.
 */
function proseWordsOf(block: Block): number {
  if (block.type === 'bullet_list' || block.type === 'ordered_list') return block.children.reduce((sum, item) => sum + proseWordsOf(item), 0);
  if (block.type === 'list_item') {
    const [first, ...rest] = block.children;
    const sentence = first?.type === 'paragraph' && first.inline !== null && !looksLikeTitle(readingOf(first)!.text);
    return (sentence ? proseWordsOf(first) : 0) + rest.reduce((sum, child) => sum + proseWordsOf(child), 0);
  }
  if (block.type !== 'paragraph' || !block.inline || wordCount(block.inline.content) < PROSE_WORDS) return 0;
  const reading = readingOf(block)!;
  if (reading.linkOnly || block.inline.content.includes('::')) return 0;
  const words = wordCount(reading.text);
  return words >= PROSE_WORDS ? words : 0;
}

/** Short (TOPIC_TITLE_WORDS words at most) and not ending like a sentence: how a topic's title reads. */
function looksLikeTitle(text: string): boolean {
  return wordCount(text) <= TOPIC_TITLE_WORDS && !/[.!?;:…]$/u.test(text.trim());
}

const SPACE = /\s/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The words of a text: runs between white space that hold a letter or digit. One pass over its characters,
 * splitting nothing: the headings reading asks this of every list item of every file.
 */
function wordCount(text: string): number {
  let words = 0;
  let inRun = false;
  let runCounted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ascii = code < 0x80;
    if (ascii ? code === 32 || (code >= 9 && code <= 13) : SPACE.test(text[i]!)) {
      inRun = false;
      continue;
    }
    if (!inRun) {
      inRun = true;
      runCounted = false;
    }
    if (runCounted) continue;
    const wordy = ascii
      ? (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)
      : LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!));
    if (wordy) {
      words++;
      runCounted = true;
    }
  }
  return words;
}

/** Whether a block holds a list item that starts with a heading, which opens a section of its own. */
function opensSection(block: Block): boolean {
  if (block.type === 'list_item' && block.children[0]?.type === 'heading') return true;
  return (block.type === 'bullet_list' || block.type === 'ordered_list' || block.type === 'list_item') && block.children.some(opensSection);
}

/** The list items an outline would read as topics (not cards, links only or a table of contents), and those shaped like titles. */
function countTopicLikeItems(blocks: readonly Block[]): { items: number; topicLikeItems: number } {
  const census = { items: 0, topicLikeItems: 0 };
  for (const block of blocks) countTopicLikeItemsIn(block, census);
  return census;
}

function countTopicLikeItemsIn(block: Block, census: { items: number; topicLikeItems: number }): void {
  if (block.type === 'list_item') {
    const first = block.children[0];
    const reading = first?.type === 'paragraph' ? readingOf(first) : null;
    const counted = reading && reading.text !== '' && !reading.linkOnly && !(reading.marker === 'none' && cardShape(block));
    if (counted) {
      census.items++;
      if (looksLikeTitle(reading.text)) census.topicLikeItems++;
    }
  }
  if (block.type === 'bullet_list' || block.type === 'ordered_list' || block.type === 'list_item' || block.type === 'blockquote') {
    for (const child of block.children) countTopicLikeItemsIn(child, census);
  }
}

/**
 * Task-list reading when the file has open `[ ]` items and task items make at least a quarter of
 * its bullets (a table of contents not counted): then the ticks are what the user tracks.
 * A few `[x]` sprinkled over an outline keep every item a topic.
 * Otherwise the headings reading when the file is a guide written as headings (see headingCensus): most of its leaf
 * headings have prose under them, and few of its list items look like topics. Else an outline.
 */
function chooseTopicsMode(
  blocks: Block[],
  headings: HeadingCensus,
  requested: TopicsMode | 'auto',
  fromFrontMatter: TopicsMode | null,
): TopicsModeChoice {
  const census = countItems(blocks, { items: 0, tasks: 0, openTasks: 0 });
  const counts = `${census.tasks} of ${census.items} list items carry task markers`;
  // Said only where task markers bear on the reading: they choose a task list's topics, and an outline reads past them.
  const bearing = (mode: TopicsMode) => (mode === 'tasks' || (mode === 'all' && census.tasks > 0) ? ` (${counts})` : '');
  if (requested !== 'auto') return { mode: requested, reason: `--topics ${requested} was given${bearing(requested)}` };
  if (fromFrontMatter) return { mode: fromFrontMatter, reason: `front matter sets prepdeck.topics: ${fromFrontMatter}${bearing(fromFrontMatter)}` };
  const share = census.items === 0 ? 0 : census.tasks / census.items;
  const isTaskList = census.openTasks > 0 && census.tasks >= MIN_TASK_ITEMS && share >= TASK_SHARE_THRESHOLD;
  if (isTaskList) {
    return {
      mode: 'tasks',
      reason: `read as a task list: ${counts} (${Math.round(share * 100)}%, at least 25% with open [ ] items), so only task items are topics`,
    };
  }
  const { proseHeadings, proseWords, topicHeadings } = headings;
  // The list items are weighed only when the headings alone could make a guide: most files are outlines, and
  // reading every item's words for nothing cost a tenth of the parse.
  const proseEnough = proseHeadings >= MIN_PROSE_HEADINGS && proseHeadings >= topicHeadings.size * PROSE_HEADING_SHARE;
  const { items, topicLikeItems } = proseEnough ? countTopicLikeItems(headings.outlineBlocks) : { items: 0, topicLikeItems: 0 };
  if (proseEnough && topicLikeItems * PROSE_WORDS_PER_TOPIC_LIKE_ITEM <= proseWords) {
    return {
      mode: 'headings',
      reason:
        `read by headings: ${proseHeadings} leaf headings with prose under them and few list items that look like topics ` +
        `(${topicLikeItems} of ${items} list item${items === 1 ? '' : 's'}, against ${proseWords} words of prose), so each leaf heading is a topic`,
    };
  }
  if (census.tasks === 0) return { mode: 'all', reason: `read as an outline: no task markers, so every list item is a topic` };
  return { mode: 'all', reason: `read as an outline: only ${counts}${census.openTasks === 0 ? ', none open' : ''}, so every list item is a topic` };
}

/** A heading of the document as its range is closed: the lines of the section or topic it opened. */
interface ReaderHeading {
  level: number;
  lines: LineRange;
  /** A topic's range leaves out the blank lines it ends with; a section's runs to the next heading. */
  trimmed: boolean;
}

/** Where the content being read belongs: a section, and the entry (if any) it nests under. */
interface Owner {
  sectionIndex: number;
  entryIndex: number | null;
  depth: number;
}

class ChecklistReader {
  readonly sections: ParsedSection[] = [];
  readonly entries: ParsedEntry[] = [];
  readonly cards: ParsedCard[] = [];
  /** Headings open at the document level, innermost last. */
  private readonly headingStack: number[] = [0];
  /** Sections whose own lists hold task items. */
  private readonly sectionsWithTasks = new Set<number>();
  /** What document headings open, in file order: a section, or (the headings reading) a topic. */
  private readonly documentHeadings: ReaderHeading[] = [];
  /** Entries whose details end with a bullet: the next bullet continues that list. */
  private readonly endsWithBullet = new Set<number>();
  /** The headings reading: the topic the last document heading opened, which what follows it belongs to. */
  private headingTopic: number | null = null;
  private readonly childCount = new Map<string, number>();
  /** Entries whose trailing autolinks were set beside their title, with those links' URLs. */
  private readonly besideTitle = new Map<number, string[]>();
  /** Each section's nearest goals or books heading (or null), asked for every item in it. */
  private readonly roleSections = new Map<number, ParsedSection | null>();
  /** List items that are not entries, by why, and the cards of paragraphs: said when a file yields no topics. */
  readonly skippedItems: SkippedItems = { linkOnly: 0, navigation: 0, notTasks: 0, cards: 0, refusedCards: 0, paragraphCards: 0 };
  /** Cards written in the file that the card rules refuse (cardRefusal), each said with its line. */
  readonly warnings: string[] = [];
  /** In a task list, the last task at its section's top level: the material after it (until a heading) is its. */
  private followedTask: number | null = null;

  constructor(
    private readonly lines: string[],
    private readonly mode: TopicsMode,
    private readonly roleTitles: Settings['roleTitles'],
    private readonly headings: Pick<HeadingCensus, 'topicHeadings' | 'furtherReading'>,
    private readonly former: FormerTexts,
  ) {
    this.sections.push({
      index: 0,
      parentIndex: null,
      title: '',
      text: '',
      level: 0,
      role: 'study',
      position: 0,
      lines: { start: 1, end: Math.max(1, lines.length - (lines[lines.length - 1] === '' ? 1 : 0)) },
      resources: [],
      notes: [],
    });
  }

  readBlocks(blocks: Block[]): void {
    for (const block of blocks) {
      if (block.type === 'heading' && this.mode === 'headings' && this.headingTopic !== null && this.headings.furtherReading.has(block)) {
        // "Source(s) and further reading" under a leaf heading: its links (read below) are that topic's resources, and
        // the heading stays in its details, so that nothing of the file is left out.
        const topic = this.entries[this.headingTopic]!;
        topic.resources.push(...toResources(readingOf(block)!.links, rangeOf(block).start, false));
        this.appendDetails(topic.index, this.sourceOf(rangeOf(block)));
      } else if (block.type === 'heading') {
        const level = headingLevel(block);
        while (this.sections[this.headingStack[this.headingStack.length - 1]!]!.level >= level) this.headingStack.pop();
        const parent = this.headingStack[this.headingStack.length - 1]!;
        this.followedTask = null;
        if (this.mode === 'headings' && this.headings.topicHeadings.has(block)) {
          this.headingTopic = this.addEntry(block, readingOf(block)!, { sectionIndex: parent, entryIndex: null, depth: 0 }, null);
          const topic = this.entries[this.headingTopic]!;
          topic.heading = true;
          this.documentHeadings.push({ level, lines: topic.lines, trimmed: true });
          continue;
        }
        this.headingTopic = null;
        const index = this.openSection(block, parent);
        this.headingStack.push(index);
        this.documentHeadings.push({ level, lines: this.sections[index]!.lines, trimmed: false });
      } else {
        const sectionIndex = this.headingStack[this.headingStack.length - 1]!;
        if (countItems([block], { items: 0, tasks: 0, openTasks: 0 }).tasks > 0) this.sectionsWithTasks.add(sectionIndex);
        // The headings reading: what stands under a leaf heading is its topic's (prose, bullets, links, cards).
        const owner =
          this.headingTopic === null ? { sectionIndex, entryIndex: null, depth: 0 } : { sectionIndex, entryIndex: this.headingTopic, depth: 1 };
        this.readBlock(block, owner);
      }
    }
    this.closeSectionRanges();
    this.distinguishTwins();
  }

  /**
   * Siblings that read the same once their trailing links stand beside them (`SQL to GraphQL <https://hasura.io/>`,
   * `SQL to GraphQL <https://graphjin.com/>`) are told apart by their link's site: "SQL to GraphQL (hasura.io)".
   */
  private distinguishTwins(): void {
    if (this.besideTitle.size === 0) return;
    const keyOf = (entry: ParsedEntry) => `${entry.sectionIndex}:${entry.parentIndex ?? ''}:${normalizeText(entry.text)}`;
    const siblingsReading = new Map<string, number>();
    for (const entry of this.entries) siblingsReading.set(keyOf(entry), (siblingsReading.get(keyOf(entry)) ?? 0) + 1);
    for (const [index, urls] of this.besideTitle) {
      const entry = this.entries[index]!;
      if (siblingsReading.get(keyOf(entry))! < 2) continue;
      const site = urls.map(siteOf).join(', ');
      entry.text = `${entry.text} (${site})`;
      entry.title = `${entry.title} (${site})`;
    }
  }

  private readBlock(block: Block, owner: Owner): void {
    if (block.type === 'bullet_list' || block.type === 'ordered_list') this.readList(block, owner);
    else if (NOTE_BLOCKS.has(block.type)) this.addNote(block, owner);
  }

  private readList(list: Block, owner: Owner): void {
    for (const item of list.children) if (item.type === 'list_item') this.readItem(item, owner);
  }

  private readItem(item: Block, owner: Owner): void {
    const [first, ...rest] = item.children;
    if (first?.type === 'heading') {
      // `- ### Arrays` opens a section; what the item holds belongs to it.
      const level = headingLevel(first);
      let parent = owner.sectionIndex;
      while (parent !== 0 && this.sections[parent]!.level >= level) parent = this.sections[parent]!.parentIndex ?? 0;
      const sectionIndex = this.openSection(first, parent);
      this.followedTask = null;
      for (const block of rest) this.readBlock(block, { sectionIndex, entryIndex: null, depth: 0 });
      this.sections[sectionIndex]!.lines.end = rangeOf(item).end;
      return;
    }
    const reading = first?.type === 'paragraph' ? readingOf(first) : null;
    if (!reading || (reading.text === '' && reading.links.length === 0)) {
      // An item with no text of its own (empty, or starting with a code block or a nested list).
      for (const block of item.children) this.readBlock(block, owner);
      return;
    }
    if (reading.marker === 'none' && !this.inRoleSection(owner) && this.readCard(item, owner)) return;
    const line = rangeOf(item).start;
    if (reading.linkOnly && reading.links.every((l) => isAnchor(l.url))) {
      this.skippedItems.navigation++;
      for (const block of rest) this.readBlock(block, owner); // a table of contents: navigation only
      return;
    }
    const isTask = reading.marker !== 'none';
    // An index of one's own notes (`- [Two Sum](Problems/Two%20Sum.md)`): each note is a topic, titled by its link.
    const ownNote = reading.linkOnly && isOwnFile(reading.links[0]!.url);
    if (reading.linkOnly && !isTask && !ownNote) {
      this.skippedItems.linkOnly++;
      const holder = this.followingOwner(owner);
      this.resourcesOf(holder).push(...toResources(reading.links, line, true));
      for (const block of rest) this.readBlock(block, holder);
      return;
    }
    if (this.mode === 'tasks' && !isTask && !this.inRoleSectionWithoutTasks(owner)) {
      this.skippedItems.notTasks++;
      const holder = this.followingOwner(owner);
      this.addDetail(holder, item, reading);
      for (const block of rest) {
        if (block.type === 'bullet_list' || block.type === 'ordered_list') this.readList(block, holder);
        else this.addNote(block, holder);
      }
      return;
    }
    if (this.mode === 'headings' && !this.inRoleSection(owner)) {
      // Bullets are prose here: details of the leaf heading above (or of the section), nested as written.
      // A task marker stays in the detail's text: read by headings, a task item is a line of its topic, not a topic.
      const marker = reading.marker === 'none' ? '' : `${markerText(reading.marker)} `;
      this.addDetail(owner, item, reading, `${this.detailIndent(owner)}- ${marker}`);
      const nested = { ...owner, depth: owner.depth + 1 };
      for (const block of rest) {
        if (block.type === 'bullet_list' || block.type === 'ordered_list') this.readList(block, nested);
        else this.addNote(block, owner);
      }
      return;
    }
    const entryIndex = this.addEntry(item, reading, owner, textStartOf(this.lines, first!), this.formerIdentityText(first!) ?? reading.identityText);
    if (this.mode === 'tasks' && isTask && owner.entryIndex === null) this.followedTask = entryIndex;
    const inner: Owner = { sectionIndex: owner.sectionIndex, entryIndex, depth: owner.depth + 1 };
    const details: string[] = [];
    for (const block of rest) {
      if (block.type === 'bullet_list' || block.type === 'ordered_list') this.readList(block, inner);
      else if (!this.readParagraphCards(block, inner) && !isPluginSchedule(this.sourceOf(rangeOf(block))))
        details.push(this.sourceOf(rangeOf(block)));
    }
    if (details.length > 0) this.appendDetails(entryIndex, dedent(details.join('\n\n')));
  }

  /**
   * Who material at a section's top level belongs to: in a task list, the task it follows (its code, comments and
   * detail bullets are the task's), else the section.
   */
  private followingOwner(owner: Owner): Owner {
    const task = this.followedTask === null ? undefined : this.entries[this.followedTask];
    if (owner.entryIndex !== null || task?.sectionIndex !== owner.sectionIndex) return owner;
    return { sectionIndex: owner.sectionIndex, entryIndex: task.index, depth: task.depth + 1 };
  }

  /** A list item written as a card becomes one (see cardShape); false when the item is not a card. */
  private readCard(item: Block, owner: Owner): boolean {
    const shape = cardShape(item);
    if (!shape) return false;
    const { lines, rest } = shape;
    const restSource = (blocks: Block[]) => blocks.map((block) => dedent(this.sourceOf(rangeOf(block)))).join('\n\n');
    const join = (...parts: string[]) => parts.filter((part) => part.trim() !== '').join('\n\n');
    const card: WrittenCard =
      shape.form === 'line'
        ? { front: lines.slice(0, shape.at).join('\n'), back: join(lines.slice(shape.at + 1).join('\n'), restSource(rest)), reversed: shape.reversed }
        : shape.form === 'paragraph'
          ? {
              front: join(lines.join('\n'), restSource(rest.slice(0, shape.at))),
              back: restSource(rest.slice(shape.at + 1)),
              reversed: shape.reversed,
            }
          : { ...shape.inline, back: join([shape.inline.back, ...lines.slice(1)].join('\n'), restSource(rest)) };
    const range = rangeOf(item);
    if (this.addCard(card, owner, range)) {
      this.skippedItems.cards++;
      return true;
    }
    // Refused: the item stays where it stands as it is written, a bullet of the topic's details or of the section's notes.
    this.skippedItems.refusedCards++;
    const source = dedent(this.sourceOf(range));
    if (owner.entryIndex !== null) this.appendDetails(owner.entryIndex, source, true);
    else this.addSectionBullets(owner.sectionIndex, source, range);
    return true;
  }

  /**
   * A card, and its reverse when it is asked both ways (`:::`, `??`): two cards of the same lines. Each way must pass
   * the rules `card add` keeps (core/review/cards.ts#cardRefusal): a way refused is said in a warning naming the
   * line. False when no way is a card, and its lines stay text (see readCard, readParagraphCards).
   */
  private addCard(card: WrittenCard, owner: Owner, lines: LineRange): boolean {
    const front = card.front.trim();
    const back = card.back.trim();
    const topic = owner.entryIndex === null ? null : this.entries[owner.entryIndex]!.text;
    const ways = card.reversed
      ? [
          { front, back },
          { front: back, back: front },
        ]
      : [{ front, back }];
    const refusals = ways.map((way) => cardRefusal(way, topic));
    const place = { entryIndex: owner.entryIndex, sectionIndex: owner.sectionIndex };
    ways.forEach((way, i) => refusals[i] === null && this.cards.push({ ...place, ...way, lines: { ...lines } }));
    const refused = refusals.findIndex((refusal) => refusal !== null);
    if (refused < 0) return true;
    const reason = refusalReason(refusals[refused]!, topic);
    const kept = refusals.some((refusal) => refusal === null);
    const where =
      owner.entryIndex !== null
        ? `its lines stay in the details of '${topic}'`
        : owner.sectionIndex === 0
          ? 'its lines stay a note at the top of the file'
          : `its lines stay a note of the section '${this.sections[owner.sectionIndex]!.text}'`;
    const made = ways[1 - refused]!;
    this.warnings.push(
      kept
        ? // What was read, what was made of it, why not the other way, and how to write what was made.
          `line ${lines.start}: a card asked both ways ('${quoted(front)}', '${quoted(back)}') is made one way only, ` +
            `question '${quoted(made.front)}' and answer '${quoted(made.back)}': the other way is left out, as ${reason}. ` +
            `Write it one way, '${quoted(made.front)}' first (:: for :::, ? for ??), to make that one card without this warning`
        : `line ${lines.start}: '${quoted(front)}' is not made a card: ${reason}; ${where}`,
    );
    return kept;
  }

  /** Bullets standing in a section: consecutive ones make one note, not one note per item. */
  private addSectionBullets(sectionIndex: number, source: string, lines: LineRange): void {
    const section = this.sections[sectionIndex]!;
    const last = section.notes[section.notes.length - 1];
    if (last?.kind === 'bullets' && last.lines.end >= lines.start - 1) {
      last.source += `\n${source}`;
      last.lines.end = lines.end;
    } else section.notes.push({ kind: 'bullets', source, lines: { ...lines } });
  }

  /**
   * A paragraph standing on its own written as obsidian-spaced-repetition's cards (see paragraphCards): true when
   * it holds only cards, so that it is not also a note; a paragraph with other text stays one too, whole.
   */
  private readParagraphCards(block: Block, owner: Owner): boolean {
    if (block.type !== 'paragraph' || !block.inline || this.inRoleSection(owner)) return false;
    const text = block.inline.content;
    if (!text.includes('::') && !text.includes('?')) return false;
    const lines = text.split('\n');
    const cards = paragraphCards(lines, separatorsInPlainText);
    if (cards.length === 0) return false;
    const start = rangeOf(block).start;
    // A card the rules refuse leaves its lines to the paragraph, which then stays text whole (a note, or details).
    const before = this.cards.length;
    const made = cards.filter((card) => this.addCard(card, owner, { start: start + card.from, end: start + card.to }));
    this.skippedItems.paragraphCards += this.cards.length - before;
    const taken = new Set(made.flatMap((card) => Array.from({ length: card.to - card.from + 1 }, (_, i) => card.from + i)));
    return lines.every((line, i) => taken.has(i) || isPluginSchedule(line) || /^\s*(?:#flashcards\S*\s*)+$/.test(line));
  }

  /** Under a goals or books heading: cards are study material, so `Location :: Europe` there stays a goal. */
  private inRoleSection(owner: Owner): boolean {
    return this.roleSectionOf(owner) !== null;
  }

  /** A goals or books list with no task items keeps every item, even in a task list. */
  private inRoleSectionWithoutTasks(owner: Owner): boolean {
    const section = this.roleSectionOf(owner);
    return section !== null && !this.sectionsWithTasks.has(section.index);
  }

  /** The nearest goals or books heading the owner stands under, or null. */
  private roleSectionOf(owner: Owner): ParsedSection | null {
    const known = this.roleSections.get(owner.sectionIndex);
    if (known !== undefined) return known;
    let found: ParsedSection | null = null;
    for (let section: ParsedSection | undefined = this.sections[owner.sectionIndex]; section && section.index !== 0;) {
      const title = normalizeText(section.text);
      if (this.roleTitles.goals.has(title) || this.roleTitles.books.has(title)) {
        found = section;
        break;
      }
      section = this.sections[section.parentIndex ?? 0];
    }
    this.roleSections.set(owner.sectionIndex, found);
    return found;
  }

  /**
   * What a topic whose line a quote follows directly is recognised by: its line and the quote's read as one text
   * (`Channels > buffered or not`), as prepdeck read them before a `>` line could interrupt text, so that a re-import
   * keeps the topic (badges and the like read as they were then too); null for any other topic.
   */
  private formerIdentityText(paragraph: Block): string | null {
    const source = paragraph.inline ? this.former.sources.get(paragraph.inline) : undefined;
    if (source === undefined) return null;
    const [inline] = inlineParser().parseInline(source, { references: this.former.references });
    return inline ? readInline(inline).identityText : null;
  }

  private addEntry(
    item: Block,
    reading: InlineReading,
    owner: Owner,
    textStart: TextPosition | null,
    identityText: string = reading.identityText,
  ): number {
    const index = this.entries.length;
    if (reading.besideTitle.length > 0) this.besideTitle.set(index, reading.besideTitle);
    const lines = rangeOf(item);
    this.entries.push({
      index,
      parentIndex: owner.entryIndex,
      sectionIndex: owner.sectionIndex,
      kind: 'topic',
      title: reading.source,
      text: reading.text,
      ...(identityText !== reading.text && { identityText }),
      marker: reading.marker,
      details: '',
      position: this.nextPosition(`e${owner.sectionIndex}:${owner.entryIndex ?? ''}`),
      depth: owner.depth,
      lines,
      textStart,
      resources: toResources(reading.links, lines.start, false),
    });
    return index;
  }

  /** The headings reading: how deep a bullet stands under its topic (or section), as the indentation of its detail line. */
  private detailIndent(owner: Owner): string {
    const base = owner.entryIndex === null ? 0 : this.entries[owner.entryIndex]!.depth + 1;
    return '  '.repeat(Math.max(0, owner.depth - base));
  }

  /** In a task list (or read by headings), a prose bullet adds to what the topic or section above it says. */
  private addDetail(owner: Owner, item: Block, reading: InlineReading, bulletPrefix = '- '): void {
    const bullet = `${bulletPrefix}${reading.source}`;
    const lines = rangeOf(item.children[0]!);
    const resources = toResources(reading.links, lines.start, false);
    if (owner.entryIndex !== null) {
      this.appendDetails(owner.entryIndex, bullet, true);
      this.entries[owner.entryIndex]!.resources.push(...resources);
      return;
    }
    this.sections[owner.sectionIndex]!.resources.push(...resources);
    this.addSectionBullets(owner.sectionIndex, bullet, lines);
  }

  private appendDetails(entryIndex: number, text: string, bullet = false): void {
    const entry = this.entries[entryIndex]!;
    // A leaf heading's prose keeps its paragraphs apart; its bullets stay one list.
    const separator = entry.heading && !(bullet && this.endsWithBullet.has(entryIndex)) ? '\n\n' : '\n';
    entry.details = entry.details ? `${entry.details}${separator}${text}` : text;
    if (bullet) this.endsWithBullet.add(entryIndex);
    else this.endsWithBullet.delete(entryIndex);
  }

  private resourcesOf(owner: Owner): ParsedResource[] {
    return owner.entryIndex === null ? this.sections[owner.sectionIndex]!.resources : this.entries[owner.entryIndex]!.resources;
  }

  private addNote(block: Block, reached: Owner): void {
    const lines = rangeOf(block);
    const source = this.sourceOf(lines);
    // The plugin's schedule comments are its own bookkeeping, not notes.
    if (source.trim() === '' || (block.type === 'html_block' && isPluginSchedule(source))) return;
    const owner = this.followingOwner(reached);
    if (this.readParagraphCards(block, owner)) return;
    if (owner.entryIndex === null) {
      this.sections[owner.sectionIndex]!.notes.push({ kind: block.type, source, lines });
      return;
    }
    this.appendDetails(owner.entryIndex, dedent(source));
    const entry = this.entries[owner.entryIndex]!;
    // A leaf heading's prose is its topic's text, so the links it cites are the topic's resources.
    if (entry.heading && block.type === 'paragraph' && block.inline)
      entry.resources.push(...toResources(readingOf(block)!.links, lines.start, false));
  }

  private openSection(heading: Block, parentIndex: number): number {
    const reading = readingOf(heading);
    const index = this.sections.length;
    this.sections.push({
      index,
      parentIndex,
      title: heading.inline?.content ?? '',
      text: reading?.text ?? '',
      ...(reading && reading.identityText !== reading.text && { identityText: reading.identityText }),
      level: headingLevel(heading),
      role: 'study',
      position: this.nextPosition(`s${parentIndex}`),
      lines: rangeOf(heading),
      resources: reading ? toResources(reading.links, rangeOf(heading).start, false) : [],
      notes: [],
    });
    return index;
  }

  /**
   * A document-level section runs until the next heading of its level or higher; so does a leaf heading's topic (the
   * headings reading), without the blank lines it ends with.
   */
  private closeSectionRanges(): void {
    const open: ReaderHeading[] = [];
    const close = (heading: ReaderHeading, end: number) => {
      let last = Math.max(heading.lines.start, end);
      while (heading.trimmed && last > heading.lines.start && this.lines[last - 1]!.trim() === '') last--;
      heading.lines.end = last;
    };
    for (const heading of this.documentHeadings) {
      while (open.length > 0 && open[open.length - 1]!.level >= heading.level) close(open.pop()!, heading.lines.start - 1);
      open.push(heading);
    }
    const lastLine = this.lines.length - (this.lines[this.lines.length - 1] === '' ? 1 : 0);
    for (const heading of open) close(heading, lastLine);
  }

  private nextPosition(scope: string): number {
    const position = this.childCount.get(scope) ?? 0;
    this.childCount.set(scope, position + 1);
    return position;
  }

  /** The lines of a range, without the empty ones it ends with (dropped as lines: `/\n+$/` backtracks at every run). */
  private sourceOf(lines: LineRange): string {
    const source = this.lines.slice(lines.start - 1, lines.end);
    let end = source.length;
    while (end > 1 && source[end - 1] === '') end--;
    return source.slice(0, end).join('\n');
  }
}

/** Why a card written in the file is not made one, for its warning. */
function refusalReason(refusal: CardRefusal, topic: string | null): string {
  if (refusal === 'repeats-topic') return `its question only repeats its topic '${topic}', which the topic's own card asks`;
  // Only a card over a `?` line can be short of a side: `::` needs text on both.
  return refusal === 'no-answer' ? 'it has no answer (nothing under its ?)' : 'it has no question (nothing above its ?)';
}

/** A question as a warning names it: its first line, cut short. */
function quoted(front: string): string {
  const first = front.split('\n', 1)[0]!;
  return first.length > 60 || first !== front ? `${first.slice(0, 60).trimEnd()}…` : first;
}

const NO_LEAF_HEADINGS =
  '0 topics imported: read by headings, each leaf heading (one with no sub-heading, goals and books aside) is a topic, and the file has none; --topics all reads its list items';

/** What the reader made of what was not a topic: list items by why, and the cards paragraphs hold. */
interface SkippedItems {
  linkOnly: number;
  navigation: number;
  /** Read as a task list, the items without a task marker (details). */
  notTasks: number;
  /** List items read as question cards, and those the card rules refused (kept as text). */
  cards: number;
  refusedCards: number;
  /** The cards read from paragraphs (each way of a card asked both ways counted), as the import's count of cards counts them. */
  paragraphCards: number;
}

/** `1 is`, `2 are`: a count and the verb that agrees with it. */
function agreeing(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Why a file gave no topics, in one line: "no list items found" is wrong for a file of link lists (issue 14).
 * In an outline every list item with text is a topic, so the rest are links, a table of contents or cards; in a task
 * list, items without a task marker. Cards written as paragraphs are no list items, and said apart.
 */
function whyNoTopics(skipped: SkippedItems, mode: TopicsMode): string {
  const parts = [
    skipped.linkOnly > 0 ? `${agreeing(skipped.linkOnly, 'holds', 'hold')} only web links (read as resources)` : '',
    skipped.navigation > 0 ? `${agreeing(skipped.navigation, 'is a link', 'are links')} within the file (a table of contents)` : '',
    skipped.notTasks > 0 ? `${agreeing(skipped.notTasks, 'has', 'have')} no task marker (read as notes)` : '',
    skipped.cards > 0
      ? `${agreeing(skipped.cards, 'is a question card', 'are question cards')} (of ${skipped.cards === 1 ? 'its section' : 'their sections'})`
      : '',
    skipped.refusedCards > 0
      ? `${agreeing(skipped.refusedCards, 'is a card', 'are cards')} refused (see ${skipped.refusedCards === 1 ? 'its warning' : 'their warnings'})`
      : '',
  ].filter((part) => part !== '');
  const paragraphs =
    skipped.paragraphCards > 0
      ? skipped.paragraphCards === 1
        ? '1 question card written as a paragraph (of its section)'
        : `${skipped.paragraphCards} question cards written as paragraphs (of their sections)`
      : '';
  if (parts.length === 0 && paragraphs === '') return 'no list items found: 0 topics imported';
  const rule =
    mode === 'tasks'
      ? 'read as a task list, a task item (- [ ] ...) is a topic'
      : `${parts.length === 0 ? 'a list item' : 'an item'} with text of its own is a topic`;
  if (parts.length === 0) return `0 topics imported: no list items, ${paragraphs}; ${rule}`;
  const items = skipped.linkOnly + skipped.navigation + skipped.notTasks + skipped.cards + skipped.refusedCards;
  const besides = paragraphs === '' ? '' : `; besides, ${paragraphs}`;
  return `0 topics imported: of ${items} list item${items === 1 ? '' : 's'}, ${parts.join(', ')}${besides}; ${rule}`;
}

/** A URL's site as a person names it (`hasura.io` for `https://www.hasura.io/docs`); the URL itself when it has none. */
export function siteOf(url: string): string {
  return /^[a-z][a-z\d+.-]*:\/\/(?:www\.)?([^/?#:\s]+)/i.exec(url)?.[1] ?? url;
}

/** A link to a file beside the checklist (a note of one's own), not a web page: no scheme, not `//host`, not `#anchor`. */
function isOwnFile(url: string): boolean {
  const trimmed = url.trim();
  // Any colon before the path (`java%0ascript:...` too) makes it something other than a file's path.
  return trimmed !== '' && !isAnchor(trimmed) && !trimmed.startsWith('//') && !/^[^/?#]*:/.test(trimmed);
}

type CardShape = { lines: string[]; rest: Block[] } & (
  { form: 'line'; at: number; reversed: boolean } | { form: 'paragraph'; at: number; reversed: boolean } | { form: 'inline'; inline: WrittenCard }
);

/**
 * How a list item is written as a card, or null: a line holding only `?` between the question and the answer
 * (within its first paragraph, or as a paragraph of its own), else `question :: answer` on its first line.
 * What follows in the item (more paragraphs, code, sub-bullets) belongs to the answer. Choosing the reading and
 * reading the item both ask; a card's line is read once.
 */
function cardShape(item: Block): CardShape | null {
  if (item.cardShape === undefined) item.cardShape = readCardShape(item);
  return item.cardShape;
}

function readCardShape(item: Block): CardShape | null {
  const [first, ...rest] = item.children;
  if (first?.type !== 'paragraph' || !first.inline) return null;
  const lines = first.inline.content.split('\n');
  const separator = questionSeparator(lines);
  if (separator > 0) return { lines, rest, form: 'line', at: separator, reversed: isReversedSeparator(lines[separator]!) };
  if (separator === 0) return null;
  const own = rest.findIndex((block) => block.type === 'paragraph' && questionSeparator([block.inline?.content ?? '']) === 0);
  if (own >= 0) return { lines, rest, form: 'paragraph', at: own, reversed: isReversedSeparator(rest[own]!.inline!.content) };
  const inline = inlineCard(lines[0]!, separatorsInPlainText);
  return inline ? { lines, rest, form: 'inline', inline } : null;
}

/** What may stand before a list item's text on its line: indentation, `>` of quotes, list markers. */
const CONTAINER_PREFIX = /^(?:[ \t>]|(?:[-+*]|\d{1,9}[.)])(?=[ \t]))*$/;

/**
 * The column where a paragraph's text begins on its first line. markdown-it's paragraph content is that line
 * minus its container prefix and surrounding whitespace, so the text is a suffix of the source line.
 */
function textStartOf(lines: string[], paragraph: Block): TextPosition | null {
  const map = paragraph.token.map;
  const source = map ? lines[map[0]] : undefined;
  if (!map || source === undefined || !paragraph.inline) return null;
  const first = paragraph.inline.content.split('\n', 1)[0]!.trimEnd();
  const line = source.trimEnd();
  if (first === '' || !line.endsWith(first)) return null;
  const column = line.length - first.length;
  return CONTAINER_PREFIX.test(line.slice(0, column)) ? { line: map[0] + 1, column } : null;
}

/** Removes the indentation every line shares (a block inside a list item is indented with it). */
function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  // A loop, not Math.min(...indents): a block of 200,000 lines would overflow the stack as arguments.
  let common = indents.length > 0 ? Infinity : 0;
  for (const indent of indents) if (indent < common) common = indent;
  return lines.map((l) => l.slice(Math.min(common, /^[ \t]*/.exec(l)![0].length))).join('\n');
}

function headingLevel(heading: Block): number {
  return Number(heading.token.tag.slice(1)) || 1;
}

function rangeOf(block: Block): LineRange {
  const map = block.token.map ?? block.inline?.map ?? [0, 1];
  return { start: map[0] + 1, end: Math.max(map[0] + 1, map[1]) };
}

/** Top-level sections (under the root, or under a single title heading) take roles by their title. */
function assignRoles(sections: ParsedSection[], roleTitles: Settings['roleTitles']): void {
  const underRoot = sections.filter((s) => s.parentIndex === 0);
  const titleHeading = underRoot.length === 1 ? underRoot[0]! : null;
  for (const section of sections) {
    if (section.index === 0) continue;
    const parent = sections[section.parentIndex ?? 0]!;
    const topLevel = section.parentIndex === 0 || parent === titleHeading;
    const title = normalizeText(section.text);
    if (topLevel && roleTitles.goals.has(title)) section.role = 'goals';
    else if (topLevel && roleTitles.books.has(title)) section.role = 'books';
    else if (parent.role !== 'study') section.role = parent.role;
  }
}

function kindOf(role: SectionRole): EntryKind {
  return role === 'goals' ? 'goal' : role === 'books' ? 'book' : 'topic';
}

function chooseTitle(data: Record<string, unknown> | undefined, sections: ParsedSection[], fallback: string): string {
  const fromFrontMatter = data?.['title'];
  if (typeof fromFrontMatter === 'string' && fromFrontMatter.trim()) return fromFrontMatter.trim();
  const topHeadings = sections.filter((s) => s.level === 1);
  if (topHeadings.length === 1 && topHeadings[0]!.text) return topHeadings[0]!.text;
  return fallback;
}
