// Question/answer cards written in a checklist, as obsidian-spaced-repetition users write them:
//   - What does SELECT FOR UPDATE lock? :: the selected rows, until the transaction ends
// or over several lines, a line holding only `?` between the question and the answer:
//   - What does a generator's send() do?
//     ?
//     Resumes it with a value that the paused `yield` expression returns.
// In a list item only `::` with white space on both sides separates, so that `std::vector` or `a::b` stay plain
// text. As the obsidian-spaced-repetition plugin defines them, `:::` and a line holding only `??` make a card both
// ways; in a paragraph of its own (not in a list) a line `Question::Answer` is a card without the spaces.
import { normalizeText } from '../import/identity.js';

/** The question of a card, as re-import recognises it under its topic. */
export function cardIdentity(front: string): string {
  return normalizeText(front);
}

/** How a topic card asks its topic (`Explain: descriptors`), as the review shows it. */
const TOPIC_PROMPT = /^explain\s*:?\s*/u;

/**
 * Whether a question only repeats its topic (`descriptors`, `Explain: descriptors`, any case or spacing): the topic's
 * own card asks that already, so a second card would be reviewed twice for one thing.
 */
export function repeatsTopic(front: string, topicText: string): boolean {
  const question = cardIdentity(front);
  const topic = normalizeText(topicText);
  return question === topic || question.replace(TOPIC_PROMPT, '') === topic;
}

/** Why a question and answer make no card: `card add`, the API and the import refuse it alike (cardRefusal). */
export type CardRefusal = 'no-question' | 'no-answer' | 'repeats-topic';

/**
 * Whether a question and answer may be a card, under a topic of `topicText` (null: no topic, a section's card):
 * one needs a question and an answer (else it has nothing to ask or to reveal, and would be written back as a bare
 * `?`), and its question must ask something the topic's own card does not (repeatsTopic). Null when it may.
 */
export function cardRefusal(card: CardText, topicText: string | null): CardRefusal | null {
  if (card.front.trim() === '') return 'no-question';
  if (card.back.trim() === '') return 'no-answer';
  return topicText !== null && repeatsTopic(card.front, topicText) ? 'repeats-topic' : null;
}

const INLINE_SEPARATOR = /[ \t]:{2,3}[ \t]/;
const QUESTION_LINE = /^[ \t]*\?\??[ \t]*$/;
/** `::` or `:::` in a paragraph line, no spaces needed; a longer run of colons is not one. */
const PARAGRAPH_SEPARATOR = /(?<!:):{2,3}(?!:)/g;
/** What the plugin writes into the file: its schedule (`<!--SR:2021-08-11,4,270-->`) and its deck tags. */
const PLUGIN_MARKUP = /<!--SR:[^]*?-->|(?<!\S)#flashcards\S*/g;

export interface CardText {
  front: string;
  back: string;
}

/** A card as written, and whether it is asked both ways (`:::`, `??`). */
export interface WrittenCard extends CardText {
  reversed?: boolean;
}

/** Which of a line's `::` (by offset) stand in the text it shows, outside code spans, links and emphasis. */
type PlainSeparators = (line: string, offsets: readonly number[]) => readonly boolean[];

/**
 * `question :: answer` on one line (the first line of a list item's text); null when it isn't one. With
 * `plainSeparators` (which of the line's `::`, given by offset, stand in the text it shows rather than inside a
 * code span, a link or emphasis), only those count: splitting elsewhere would change what either side shows
 * (`` `foldr :: a -> b` `` stays one code span). It is asked once for every separator, so a line of many costs one reading.
 */
export function inlineCard(line: string, plainSeparators?: PlainSeparators): WrittenCard | null {
  const separators = new RegExp(INLINE_SEPARATOR.source, 'g');
  const firstText = line.length - line.trimStart().length;
  const lastText = line.trimEnd().length - 1;
  const candidates: Array<{ start: number; end: number }> = [];
  for (let match = separators.exec(line); match; match = separators.exec(line)) {
    const end = match.index + match[0].length;
    // Text on both sides: something other than white space before the separator and after it.
    if (firstText < match.index && lastText >= end) candidates.push({ start: match.index, end });
  }
  if (candidates.length === 0) return null;
  const plain = plainSeparators?.(
    line,
    candidates.map((candidate) => candidate.start + 1),
  );
  const chosen = plain ? candidates.find((_, i) => plain[i]) : candidates[0];
  if (!chosen) return null;
  const card = { front: line.slice(0, chosen.start).trim(), back: line.slice(chosen.end).trim() };
  return chosen.end - chosen.start === 5 ? { ...card, reversed: true } : card;
}

/** Index of the line that is only `?` (or `??`) in lines of a card's text, -1 when there is none. */
export function questionSeparator(lines: readonly string[]): number {
  return lines.findIndex((line) => QUESTION_LINE.test(line));
}

/** Whether a separator line (see questionSeparator) asks the card both ways. */
export function isReversedSeparator(line: string): boolean {
  return line.trim() === '??';
}

/** A card of a paragraph, with the lines of the paragraph it takes (0-based, inclusive). */
export interface ParagraphCard extends WrittenCard {
  from: number;
  to: number;
}

/**
 * The cards of a paragraph standing on its own, as obsidian-spaced-repetition reads a note: the whole paragraph
 * around a line holding only `?` or `??`, else each line holding `::` or `:::` in its plain text, no spaces needed
 * (`Question::Answer`). Its schedule comments and `#flashcards` tags are left out. Empty when it holds none.
 * A question over a `?` with nothing under it comes back with an empty answer, for the reader to refuse and say so
 * (cardRefusal); a `::` line needs text on both sides to be a card at all.
 */
export function paragraphCards(lines: readonly string[], plainSeparators: PlainSeparators): ParagraphCard[] {
  const at = questionSeparator(lines);
  if (at >= 0) {
    const front = withoutPluginMarkup(lines.slice(0, at).join('\n'));
    const back = withoutPluginMarkup(lines.slice(at + 1).join('\n'));
    return front ? [{ front, back, reversed: isReversedSeparator(lines[at]!), from: 0, to: lines.length - 1 }] : [];
  }
  const cards: ParagraphCard[] = [];
  lines.forEach((line, index) => {
    if (!line.includes('::')) return;
    const matches = [...line.matchAll(PARAGRAPH_SEPARATOR)];
    const plain = plainSeparators(
      line,
      matches.map((match) => match.index),
    );
    const chosen = matches.find((_, i) => plain[i]);
    if (!chosen) return;
    const front = withoutPluginMarkup(line.slice(0, chosen.index));
    const back = withoutPluginMarkup(line.slice(chosen.index + chosen[0].length));
    if (front && back) cards.push({ front, back, reversed: chosen[0].length === 3, from: index, to: index });
  });
  return cards;
}

/** A side of a card without the plugin's schedule comments and deck tags, and the lines they leave empty. */
function withoutPluginMarkup(text: string): string {
  return text
    .replace(PLUGIN_MARKUP, '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n')
    .trim();
}

/** Whether a block of the file holds nothing but the plugin's schedule comments. */
export function isPluginSchedule(source: string): boolean {
  return /<!--SR:/.test(source) && source.replace(PLUGIN_MARKUP, '').trim() === '';
}

/**
 * A card as a list item under a topic written at `indent` (the spaces before the topic's own list marker,
 * plus that marker's width): a one-line card when both sides fit on a line, else the `?` form.
 */
export function renderCard(card: CardText, indent: string, bullet: string, eol: string): string {
  const front = card.front.trim();
  const back = card.back.trim();
  const oneLine = !front.includes('\n') && !back.includes('\n') && back !== '' && !INLINE_SEPARATOR.test(front);
  if (oneLine) return `${indent}${bullet} ${front} :: ${back}${eol}`;
  const inner = indent + ' '.repeat(bullet.length + 1);
  const lines = [...front.split('\n'), '?', ...(back === '' ? [] : back.split('\n'))];
  return lines.map((line, i) => (i === 0 ? `${indent}${bullet} ${line}` : line === '' ? '' : `${inner}${line}`)).join(eol) + eol;
}

/** A stored question/answer card, as re-import sees it. */
export interface StoredCardRef {
  id: number;
  /** The topic id, or `s:<section path key>` for a card standing in a section. */
  owner: string;
  identityKey: string;
  back: string;
  origin: 'file' | 'app';
  archived: boolean;
}

/** A card's owner for pairing: its topic's id, or its section's path key when it stands in a section. */
export function cardOwner(topicId: number | null, sectionKey: string): string {
  return topicId !== null ? String(topicId) : `s:${sectionKey}`;
}

/**
 * The owner of a card read from the file, given the stored topic of each entry (null for one not stored yet)
 * and each section's path key: a card under a new topic owns its place until that topic is saved.
 */
export function fileCardOwner(
  card: { entryIndex: number | null; sectionIndex: number },
  topicIds: ReadonlyArray<number | null>,
  sectionKeys: readonly string[],
): string {
  const topicId = card.entryIndex === null ? null : topicIds[card.entryIndex]!;
  return card.entryIndex !== null && topicId === null ? `new:${card.entryIndex}` : cardOwner(topicId, sectionKeys[card.sectionIndex]!);
}

/** A card read from the file, placed under its owner. */
export interface IncomingCard {
  owner: string;
  front: string;
  back: string;
}

export interface CardPlan {
  /** Per incoming card (same order): its identity key, and the stored card it continues (null: a new card). */
  cards: Array<{ identityKey: string; existingId: number | null }>;
  /** File cards gone from the file: archived, their reviews kept. */
  archivedIds: number[];
}

/** Each card's identity key: its question, with `#2`, `#3` ... for the later copies of a question under one owner. */
export function cardKeys(cards: ReadonlyArray<Pick<IncomingCard, 'owner' | 'front'>>): string[] {
  const seen = new Map<string, number>();
  return cards.map((card) => {
    const base = cardIdentity(card.front);
    const count = (seen.get(`${card.owner}\u0000${base}`) ?? 0) + 1;
    seen.set(`${card.owner}\u0000${base}`, count);
    return count === 1 ? base : `${base}#${count}`;
  });
}

/**
 * Pairs the file's cards with stored ones, so that a card keeps its schedule and reviews across re-imports:
 * first the same question and answer under the same topic, then the same question under the same topic (an
 * app card written into the file is found so too), then a changed question with the same answer under the
 * same topic, then the same question moved under another topic when only one stored card asks it. File cards
 * left unpaired are gone from the file.
 */
export function planCards(incoming: readonly IncomingCard[], stored: readonly StoredCardRef[]): CardPlan {
  const keys = cardKeys(incoming);
  const free = new Set(stored.map((card) => card.id));
  const existing: Array<number | null> = incoming.map(() => null);
  // Live file cards before app cards before archived ones, so that the card the user last saw is the one kept.
  const rank = (card: StoredCardRef) => (card.archived ? 2 : card.origin === 'file' ? 0 : 1);
  const ordered = [...stored].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
  /** One pass: stored cards indexed by `key`, each incoming card taking the first free one under its key. */
  const pass = (storedKey: (card: StoredCardRef) => string | null, incomingKey: (index: number) => string, unique = false) => {
    const index = new Map<string, StoredCardRef[]>();
    for (const card of ordered) {
      const key = free.has(card.id) ? storedKey(card) : null;
      if (key === null) continue;
      const list = index.get(key);
      if (list) list.push(card);
      else index.set(key, [card]);
    }
    incoming.forEach((_, i) => {
      if (existing[i] !== null) return;
      const candidates = (index.get(incomingKey(i)) ?? []).filter((card) => free.has(card.id));
      if (candidates.length === 0 || (unique && candidates.length > 1)) return;
      existing[i] = candidates[0]!.id;
      free.delete(candidates[0]!.id);
    });
  };
  const sep = '\u0000';
  // Question and answer together first: with the same question twice under a topic, deleting the first one
  // must not hand its reviews to the second (their `#2` keys alone would).
  const withoutOccurrence = (key: string) => key.replace(/#\d+$/, '');
  pass(
    (card) => `${card.owner}${sep}${withoutOccurrence(card.identityKey)}${sep}${normalizeText(card.back)}`,
    (i) => `${incoming[i]!.owner}${sep}${withoutOccurrence(keys[i]!)}${sep}${normalizeText(incoming[i]!.back)}`,
  );
  pass(
    (card) => `${card.owner}${sep}${card.identityKey}`,
    (i) => `${incoming[i]!.owner}${sep}${keys[i]}`,
  );
  pass(
    (card) => (card.origin === 'file' ? `${card.owner}${sep}${normalizeText(card.back)}` : null),
    (i) => `${incoming[i]!.owner}${sep}${normalizeText(incoming[i]!.back)}`,
  );
  pass(
    (card) => card.identityKey,
    (i) => keys[i]!,
    true,
  );
  return {
    cards: keys.map((identityKey, i) => ({ identityKey, existingId: existing[i]! })),
    archivedIds: stored.filter((card) => free.has(card.id) && card.origin === 'file' && !card.archived).map((card) => card.id),
  };
}

export interface CardChanges {
  added: number;
  /** Kept cards whose question or answer changed in the file. */
  edited: number;
  archived: number;
}

/** What an import would do to the file's cards, counted: the same pairing as it applies (planCards). */
export function countCardChanges(incoming: readonly IncomingCard[], stored: ReadonlyArray<StoredCardRef & { front: string }>): CardChanges {
  const plan = planCards(incoming, stored);
  const byId = new Map(stored.map((card) => [card.id, card]));
  let added = 0;
  let edited = 0;
  plan.cards.forEach(({ existingId }, i) => {
    const before = existingId === null ? undefined : byId.get(existingId);
    if (!before || before.archived) added++;
    else if (before.origin === 'file' && (before.front !== incoming[i]!.front || before.back !== incoming[i]!.back)) edited++;
  });
  return { added, edited, archived: plan.archivedIds.length };
}
