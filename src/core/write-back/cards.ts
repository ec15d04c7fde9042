// Writing cards added in prepdeck into the checklist, under their topic, in the file's own card syntax
// (core/review/cards.ts). Pure: text in, text out, plus where each card went. Lines are only inserted, never changed.
import { renderCard, type CardText } from '../review/cards.js';
import { parseChecklist } from '../import/parse-checklist.js';
import type { ParsedChecklist } from '../checklist/model.js';
import { checkWriteBack } from './markers.js';

export interface CardToWrite extends CardText {
  cardId: number;
  /** The entry of `parsed` the card goes under. */
  entryIndex: number;
}

export interface CardInsertion {
  cardId: number;
  entryIndex: number;
  /** The topic's plain-text title, for reports. */
  title: string;
  front: string;
  /** 1-based line of the card in the new text. */
  line: number;
  /** The line of the text before, after which it was inserted. */
  afterLine: number;
  /** How many lines it takes. */
  lineCount: number;
}

export interface CardsWritten {
  text: string;
  insertions: CardInsertion[];
  warnings: string[];
}

const LINE_BREAK = /(\r\n|\r|\n)/;
const BULLET = /^([ \t]*)([-+*]|\d{1,9}[.)])([ \t]+)/;

/** The file's line ending: the first one it uses, `\n` when it has none. */
function lineEndingOf(parts: string[]): string {
  return parts[1] ?? '\n';
}

/** Whether `rendered` reads back, on its own under a topic, as exactly this card. */
function readsBackAs(rendered: string, card: CardText): boolean {
  const parsed = parseChecklist(`- topic\n${rendered}`, { fallbackTitle: 'card', topics: 'all' });
  const [read] = parsed.cards;
  return (
    parsed.entries.length === 1 &&
    parsed.cards.length === 1 &&
    read!.entryIndex === 0 &&
    read!.front === card.front.trim() &&
    read!.back === card.back.trim()
  );
}

interface PlacedCard {
  card: CardToWrite;
  /** Inserted after this line of the text (1-based). */
  after: number;
  /** Its lines, with a line break after each. */
  rendered: string;
  lineCount: number;
  depth: number;
}

/**
 * Inserts each card as a sub-item at the end of its topic's item, indented to the topic's text and with the
 * bullet its other sub-items use. `parsed` must be `parseChecklist(text)`. The result is read back: a card that
 * can't be placed, wouldn't read back as itself, or would change how the rest of the file reads (an unindented
 * line after it taken into its answer, say) is left out with a warning.
 */
export function insertCards(text: string, parsed: ParsedChecklist, cards: readonly CardToWrite[]): CardsWritten {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const parts = text.slice(bom.length).split(LINE_BREAK);
  const lines = parts.filter((_, i) => i % 2 === 0);
  const eol = lineEndingOf(parts);
  const warnings: string[] = [];
  const label = (card: CardToWrite) => `card ${card.cardId} (${card.front.split('\n', 1)[0]})`;
  const placed: PlacedCard[] = [];

  for (const card of cards) {
    if (card.back.trim() === '') {
      warnings.push(
        `${label(card)}: it has no answer, and would be written as a bare \`?\`; left in prepdeck only (\`prepdeck card edit ${card.cardId} --answer ...\`)`,
      );
      continue;
    }
    const entry = parsed.entries[card.entryIndex];
    if (entry?.heading) {
      warnings.push(`${label(card)}: its topic '${entry.text}' is a heading, and cards are written only under list items; left in prepdeck only`);
      continue;
    }
    const start = entry?.textStart;
    if (!entry || !start) {
      warnings.push(`${label(card)}: could not find where its topic is written; left in prepdeck only`);
      continue;
    }
    const prefix = lines[start.line - 1]!.slice(0, start.column);
    const bullet = BULLET.exec(prefix);
    if (!bullet || prefix.includes('>')) {
      warnings.push(`${label(card)}: its topic '${entry.text}' is not a plain list item; left in prepdeck only`);
      continue;
    }
    // The topic's text column, tabs kept as tabs so that the sub-item nests exactly as the topic's text does.
    const indent = prefix.replace(/[^\t]/g, ' ');
    let last = entry.lines.end;
    while (last > entry.lines.start && lines[last - 1]!.trim() === '') last--;
    const sibling = lines
      .slice(entry.lines.start, last)
      .map((line) => BULLET.exec(line))
      .find((m) => m && m[1] === indent);
    const marker = sibling && /^[-+*]$/.test(sibling[2]!) ? sibling[2]! : /^[-+*]$/.test(bullet[2]!) ? bullet[2]! : '-';
    if (!readsBackAs(renderCard(card, '  ', marker, '\n'), card)) {
      warnings.push(`${label(card)}: it would not read back as the same card in Markdown; left in prepdeck only`);
      continue;
    }
    const rendered = renderCard(card, indent, marker, '\n');
    placed.push({ card, after: last, rendered: rendered.replaceAll('\n', eol), lineCount: rendered.split('\n').length - 1, depth: indent.length });
  }

  const texts = new Map(cards.map((card) => [card.cardId, { front: card.front, back: card.back }]));
  const attempt = (chosen: PlacedCard[]) => {
    const result = applyInsertions(bom, lines, parts, eol, parsed, chosen);
    const after = parseChecklist(result.text, { fallbackTitle: parsed.title, topics: parsed.topicsMode.mode });
    const problem =
      checkWriteBack(parsed, after, [], (line) => lineAfterInsertions(line, result.insertions)) ??
      checkCardInsertions(parsed, after, result.insertions, texts);
    return { ...result, problem };
  };
  let best = attempt(placed);
  if (best.problem !== null) {
    // One card at a time, keeping those that leave the file reading as before; a blank line after a card stops
    // the line that follows from continuing its answer, so that is tried before giving up on it.
    const kept: PlacedCard[] = [];
    for (const card of placed) {
      const spaced = { ...card, rendered: card.rendered + eol, lineCount: card.lineCount + 1 };
      const fits = [card, spaced].find((variant) => attempt([...kept, variant]).problem === null);
      if (fits) kept.push(fits);
      else warnings.push(`${label(card.card)}: written there, it would change how the lines after it read; left in prepdeck only`);
    }
    best = attempt(kept);
  }
  return { text: best.insertions.length === 0 ? text : best.text, insertions: best.insertions, warnings };
}

function applyInsertions(
  bom: string,
  lines: string[],
  parts: string[],
  eol: string,
  parsed: ParsedChecklist,
  chosen: PlacedCard[],
): { text: string; insertions: CardInsertion[] } {
  const blocks = new Map<number, PlacedCard[]>();
  for (const card of chosen) blocks.set(card.after, [...(blocks.get(card.after) ?? []), card]);
  const insertions: CardInsertion[] = [];
  let shift = 0;
  const out: string[] = [];
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    const ending = parts[index * 2 + 1] ?? '';
    // A topic and a sub-topic can end on the same line: the sub-topic's cards go first, or they would nest in the topic's.
    const block = [...(blocks.get(lineNo) ?? [])].sort((a, b) => b.depth - a.depth);
    if (block.length === 0) {
      out.push(line + ending);
      return;
    }
    // A last line without a line break gets one before the cards; the text then ends as it did, without one.
    out.push(line + (ending || eol));
    let written = '';
    for (const { card, rendered, lineCount } of block) {
      insertions.push({
        cardId: card.cardId,
        entryIndex: card.entryIndex,
        title: parsed.entries[card.entryIndex]!.text,
        front: card.front.trim(),
        line: lineNo + shift + 1,
        afterLine: lineNo,
        lineCount,
      });
      shift += lineCount;
      written += rendered;
    }
    out.push(ending ? written : written.slice(0, -eol.length));
  });
  return { text: bom + out.join(''), insertions };
}

/** Where a line of the text before the insertions is in the text after them. */
export function lineAfterInsertions(line: number, insertions: readonly CardInsertion[]): number {
  return insertions.reduce((moved, insertion) => (insertion.afterLine < line ? moved + insertion.lineCount : moved), line);
}

/**
 * Written in, the cards must change nothing else the file says: each inserted card reads back under its topic
 * with its question and answer, and every other card, every topic's details and every section's notes read as
 * before (a line after a card can be taken into its answer as a lazy continuation). What differs, or null.
 */
export function checkCardInsertions(
  before: ParsedChecklist,
  after: ParsedChecklist,
  insertions: readonly CardInsertion[],
  cards: ReadonlyMap<number, CardText>,
): string | null {
  const insertedLines = new Set<number>();
  for (const insertion of insertions) {
    const read = after.cards.find((card) => card.lines.start === insertion.line);
    const card = cards.get(insertion.cardId);
    if (!read || !card || read.entryIndex !== insertion.entryIndex || read.front !== card.front.trim() || read.back !== card.back.trim()) {
      return `card ${insertion.cardId} would not be read back as written under '${insertion.title}'`;
    }
    insertedLines.add(read.lines.start);
  }
  const others = after.cards.filter((card) => !insertedLines.has(card.lines.start));
  const sameCards =
    others.length === before.cards.length &&
    others.every((card, i) => {
      const old = before.cards[i]!;
      return card.entryIndex === old.entryIndex && card.sectionIndex === old.sectionIndex && card.front === old.front && card.back === old.back;
    });
  if (!sameCards) return 'the cards already in the file would read differently';
  const changedEntry = before.entries.find((entry, i) => after.entries[i]?.details !== entry.details);
  if (changedEntry) return `the details of '${changedEntry.text}' would read differently`;
  const changedSection = before.sections.find((section, i) => {
    const notes = after.sections[i]?.notes ?? [];
    return notes.length !== section.notes.length || notes.some((note, k) => note.source !== section.notes[k]!.source);
  });
  if (changedSection) return `the notes of '${changedSection.text || 'the top of the file'}' would read differently`;
  return null;
}
