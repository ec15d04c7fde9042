// A topic added in prepdeck (from an interview question that touches nothing in the checklist): its title checked
// and read as the import will read it once a write-back puts it into the file, and whether its section has it already.
import { InvalidInputError } from '../errors.js';
import { itemKey, normalizeText } from '../import/identity.js';
import { parseChecklist } from '../import/parse-checklist.js';
import { checkNoNul } from '../validate.js';
import type { SectionRole, TopicsMode } from './model.js';

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
}

/** The list item a topic added in prepdeck is written as, without its bullet: a task item in a task list. */
export function itemText(title: string, marker: 'none' | 'open' | 'done'): string {
  return marker === 'none' ? title : `${marker === 'done' ? '[x]' : '[ ]'} ${title}`;
}

/**
 * Checks a new topic's title (one line, not empty, no NUL, at most MAX_ADDED_TITLE characters) and its section (a
 * study section: goals and books hold no topics), and reads the title as the import will once it is written as a
 * list item of that section. A title that would be read as something else than one topic (`# heading`, `a :: b`, a
 * bare link in an outline, `[x] done`) is refused, saying so.
 */
export function readAddedTopic(rawTitle: string, section: TargetSection, mode: TopicsMode): AddedTopicReading {
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
  const repeat = new RegExp(`^${reading.identityKey.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#\\d+$`, 'u');
  const active = existing.find((topic) => !topic.archived && (topic.identityKey === reading.identityKey || repeat.test(topic.identityKey)));
  if (active) {
    throw new InvalidInputError(
      `title: '${section.path.join(' > ')}' has the topic '${active.text}' (#${active.id}) already; link the question to it instead`,
    );
  }
  const archived = existing.find((topic) => topic.archived && topic.identityKey === reading.identityKey);
  return { restore: archived?.id ?? null };
}
