// A topic added in prepdeck (from an interview question that touches nothing in the checklist): its title checked
// and read as the import will read it once a write-back puts it into the file, and whether its section has it already.
import { InvalidInputError } from '../errors.js';
import { itemKey, normalizeText } from '../import/identity.js';
import { codeSpanEnd } from '../import/inline.js';
import { parseChecklist } from '../import/parse-checklist.js';
import { checkNoNul } from '../validate.js';
import type { SectionRole, TaskMarker, TopicsMode } from './model.js';
import { markerText } from './task-markers.js';

/** The longest title a topic added in prepdeck may have, in characters (contract/interviews.ts#NewTopicJson says the same). */
const MAX_ADDED_TITLE = 500;

/** The section a topic is added to, as the store knows it. */
export interface TargetSection {
  pathKey: string;
  /** Titles from the top level down, for messages. */
  path: readonly string[];
  role: SectionRole;
}

export interface AddedTopicReading {
  /** Inline Markdown, as it will be written after the bullet (trimmed). */
  title: string;
  /** Plain text, as the import reads the written item. */
  text: string;
  identityKey: string;
  /**
   * With `asTyped`, when Markdown would have read the typed title as other text (`__slots__` as a bold "slots"): the
   * identity of that reading, which a topic of the section may have already (the same line typed into the file).
   */
  markdownIdentityKey?: string;
}

/** Refused because the section has a topic of this identity already (`topic`), so that a caller can say what to do instead. */
export class TopicTakenError extends InvalidInputError {
  constructor(
    message: string,
    readonly topic: { id: number; text: string },
  ) {
    super(message);
  }
}

/** The list item a topic added in prepdeck is written as, without its bullet: a task item in a task list. */
export function itemText(title: string, marker: TaskMarker): string {
  return marker === 'none' ? title : `${markerText(marker)} ${title}`;
}

/** A bare link, or an autolink or HTML tag in angle brackets: copied as written, since an escape would change its URL. */
const KEPT_AS_WRITTEN = /(?:<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>|<\/?[A-Za-z][^<>]*>|(?:https?:\/\/|www\.)[^\s<]*)/uy;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * The title with each `*` and `_` that Markdown could take for emphasis escaped (`\_\_slots\_\_`), so that it reads
 * as the characters typed. Left alone: what is escaped already, code spans, links in angle brackets, bare links, and
 * an `_` inside a word (`snake_case`), which CommonMark never reads as emphasis.
 */
export function escapeEmphasis(title: string): string {
  let out = '';
  let i = 0;
  while (i < title.length) {
    const char = title[i]!;
    if (char === '\\') {
      out += title.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (char === '`') {
      // A code span ends at the next run of as many backticks; a run without one is literal backticks.
      const to = codeSpanEnd(title, i);
      out += title.slice(i, to);
      i = to;
      continue;
    }
    KEPT_AS_WRITTEN.lastIndex = i;
    const kept = KEPT_AS_WRITTEN.exec(title);
    // A bare link starts a word (`xhttp://` is no link).
    if (kept !== null && (char === '<' || i === 0 || !WORD_CHARACTER.test(title[i - 1]!))) {
      out += kept[0];
      i += kept[0].length;
      continue;
    }
    const inWord = char === '_' && i > 0 && WORD_CHARACTER.test(title[i - 1]!) && WORD_CHARACTER.test(title[i + 1] ?? '');
    out += (char === '*' || char === '_') && !inWord ? `\\${char}` : char;
    i++;
  }
  return out;
}

/**
 * Checks a new topic's title (one line, not empty, no NUL, at most MAX_ADDED_TITLE characters) and its section (a
 * study section: goals and books hold no topics), and reads the title as the import will once it is written as a
 * list item of that section. A title that would be read as something else than one topic (`# heading`, `a :: b`, a
 * bare link in an outline, `[x] done`) is refused, saying so.
 *
 * `asTyped` (a title typed on a command line, where `__slots__` means the underscores): when Markdown would read
 * emphasis into it, dropping characters typed, its `*` and `_` are escaped (`escapeEmphasis`) so that the topic reads
 * as typed; its links and code spans stay Markdown, and a title Markdown reads as typed is kept as it is.
 */
export function readAddedTopic(rawTitle: string, section: TargetSection, mode: TopicsMode, { asTyped = false } = {}): AddedTopicReading {
  checkNoNul(rawTitle, 'the title');
  const title = rawTitle.trim();
  const where = section.path.join(' > ');
  if (title === '') throw new InvalidInputError('title: a topic needs a title; it is empty');
  if (/[\r\n\u2028\u2029]/u.test(title)) throw new InvalidInputError('title: a topic is one line of the file; write its title on one line');
  if ([...title].length > MAX_ADDED_TITLE) {
    throw new InvalidInputError(`title: a topic's title is at most ${MAX_ADDED_TITLE} characters; this one has ${[...title].length}`);
  }
  if (section.role !== 'study') {
    throw new InvalidInputError(`section: '${where}' holds your ${section.role}, not study topics; add the topic to a study section`);
  }
  const escaped = asTyped ? escapeEmphasis(title) : title;
  if (escaped === title) return readTitle(title, section, mode);
  const literal = readTitle(escaped, section, mode);
  let markdown: AddedTopicReading | null;
  try {
    markdown = readTitle(title, section, mode);
  } catch {
    markdown = null;
  }
  if (markdown !== null && markdown.text === literal.text) return markdown;
  return markdown === null || markdown.identityKey === literal.identityKey ? literal : { ...literal, markdownIdentityKey: markdown.identityKey };
}

/** `readAddedTopic` of a title checked already, written as it is. */
function readTitle(title: string, section: TargetSection, mode: TopicsMode): AddedTopicReading {
  const marker = mode === 'tasks' ? 'open' : 'none';
  // Read by headings, a topic is a heading: the user writes it so (write-back writes no headings), and it must read as one.
  const written = mode === 'headings' ? `## ${title}` : `- ${itemText(title, marker)}`;
  const parsed = parseChecklist(`${written}\n`, { fallbackTitle: 'topic', topics: mode });
  const [entry] = parsed.entries;
  const one =
    parsed.entries.length === 1 &&
    parsed.cards.length === 0 &&
    parsed.sections.length === 1 &&
    entry!.kind === 'topic' &&
    entry!.marker === marker &&
    entry!.details === '' &&
    entry!.lines.end === 1;
  if (!one) {
    throw new InvalidInputError(
      `title: written into the file as \`${written}\`, '${title}' would not be read back as one topic (Markdown such as a leading #, [x], a bare link or ' :: ' makes a list item something else); reword it`,
    );
  }
  if (normalizeText(entry!.identityText ?? entry!.text) === '') {
    throw new InvalidInputError(`title: '${title}' has no words to tell the topic by; give it some`);
  }
  return { title, text: entry!.text, identityKey: itemKey(section.pathKey, entry!) };
}

/** A topic of the checklist, as far as telling whether the section has the new one already. */
export interface ExistingTopic {
  id: number;
  identityKey: string;
  text: string;
  archived: boolean;
}

/**
 * What adding a topic of this identity does: `new`, or `restore` the archived topic that has it (its state, notes,
 * card and history come back). An active topic of the same identity in the section (or a numbered repeat of it,
 * `#2`) refuses it, naming that topic.
 */
export function addedTopicFate(reading: AddedTopicReading, section: TargetSection, existing: readonly ExistingTopic[]): { restore: number | null } {
  const keys = [reading.identityKey, ...(reading.markdownIdentityKey === undefined ? [] : [reading.markdownIdentityKey])];
  const repeats = keys.map((key) => new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#\\d+$`, 'u'));
  const active = existing.find(
    (topic) => !topic.archived && (keys.includes(topic.identityKey) || repeats.some((repeat) => repeat.test(topic.identityKey))),
  );
  if (active) {
    throw new TopicTakenError(`title: '${section.path.join(' > ')}' has the topic '${active.text}' (#${active.id}) already`, active);
  }
  const archived = existing.find((topic) => topic.archived && topic.identityKey === reading.identityKey);
  return { restore: archived?.id ?? null };
}
