// What the user made in prepdeck, written into the Markdown export where an import reads it back: a topic's notes as
// a quote under it, its question/answer cards (and a section's) as sub-items in the card syntax the write-back writes.
// The import has no place for notes: it keeps a quote under an item whole, as that topic's details, so that a list,
// a heading or a `question :: answer` line in the notes stays text, and nothing in them becomes a topic, a section,
// a card or a link of the topic.
import { renderCard, type CardText } from '../review/cards.js';
import { parseChecklist } from '../import/parse-checklist.js';

/** The paragraph that opens a topic's notes in the export, so that a reader (and the details, once imported) tell them apart. */
const NOTES_LABEL = '**Notes**';

/**
 * A topic's notes as the quote the export writes under it, or null when there are none, or when its details hold that
 * quote already (the export was imported into the same checklist, where the notes stayed notes): written once.
 */
export function notesQuote(notes: string, details: string): string | null {
  const text = notes
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
  if (text === '') return null;
  const quote = [`> ${NOTES_LABEL}`, '>', ...text.split('\n').map((line) => (line.trim() === '' ? '>' : `> ${line}`))].join('\n');
  return `\n${details.replace(/\r\n?/g, '\n')}\n`.includes(`\n${quote}\n`) ? null : quote;
}

/** A stored question/answer card to export: its owner as core/review/cards.ts#cardOwner writes it (a topic's id, or its section's). */
export interface ExportedCard extends CardText {
  id: number;
  owner: string;
}

/**
 * The card as the lines of a list item under a topic (`under: true`, its bullet at `pad`) or at its section's top
 * level, in the syntax the write-back writes (`- question :: answer`, or the `?` form); null when those lines would not
 * read back as this very card there (a question that reads as a heading, say).
 */
export function cardLines(card: CardText, pad: string, under: boolean): string[] | null {
  const rendered = renderCard(card, under ? '  ' : '', '-', '\n');
  const parsed = parseChecklist(under ? `- topic\n${rendered}` : rendered, { fallbackTitle: 'card', topics: 'all' });
  const [read] = parsed.cards;
  const same =
    parsed.entries.length === (under ? 1 : 0) &&
    parsed.cards.length === 1 &&
    read!.entryIndex === (under ? 0 : null) &&
    read!.front === card.front.trim() &&
    read!.back === card.back.trim();
  if (!same) return null;
  return renderCard(card, pad, '-', '\n').slice(0, -1).split('\n');
}
