// A topic's history, oldest first as the server keeps it, shown newest first in plain words: its events, and the
// reviews of its card, each saying where it came from (a review session, or a question asked in an interview round,
// which links to the round).
import type { ReactNode } from 'react';
import type { TopicEventJson, TopicReviewJson } from '../../../src/contract/topics.js';
import { formatDateTime, isBrowserZone } from '../lib/dates.js';
import { Link } from '../lib/router.js';
import './history.css';

const RATING_TEXT: Record<number, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

const text = (v: unknown): string =>
  v === null || v === undefined || v === ''
    ? '—'
    : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : JSON.stringify(v);

/**
 * Where a change came from, when not from the user's own hand (`source` on the event; `user` or none is
 * the user's): a review, an undo of one, the file read in again.
 */
const SOURCE_TEXT: Record<string, string> = {
  review: 'by a review',
  undo: 'a review undone',
  file: 'from the file',
  import: 'from the file',
  sync: 'from the file',
  app: 'in prepdeck',
};

function sourceOf(event: TopicEventJson): string | null {
  const source = event.data['source'];
  if (typeof source !== 'string' || source === '' || source === 'user') return null;
  return SOURCE_TEXT[source] ?? `by ${source}`;
}

/** A section the history names, by its titles ("Python / Tools"); its key when the section is gone since. */
const sectionText = (key: unknown, sections: Readonly<Record<string, string>>): string =>
  typeof key === 'string' ? (sections[key] ?? text(key)) : text(key);

const roundHref = (id: number, checklist: string | null) => (checklist ? `/rounds/${id}?c=${encodeURIComponent(checklist)}` : `/rounds/${id}`);

/**
 * How a topic came to be: read from the checklist file, or added in prepdeck (`source: app` on the event: an
 * interview question's new topic, or one added by hand), with the round it came from when the event names it.
 */
function describeCreated(event: TopicEventJson, checklist: string | null): ReactNode {
  if (event.data['source'] !== 'app') return 'imported from the file';
  const roundId = event.data['roundId'];
  if (typeof roundId !== 'number') return 'added in prepdeck';
  return (
    <>
      added in prepdeck (
      <Link to={roundHref(roundId, checklist)} title="Asked in an interview round: open the round">
        round #{roundId}
      </Link>
      )
    </>
  );
}

function describeEvent(event: TopicEventJson, sections: Readonly<Record<string, string>>, checklist: string | null): ReactNode {
  const { from, to } = event.data as { from?: unknown; to?: unknown };
  const source = sourceOf(event);
  const by = source ? ` (${source})` : '';
  switch (event.type) {
    case 'created':
      return describeCreated(event, checklist);
    case 'state':
      return `state ${text(from)} → ${text(to)}${by}`;
    case 'confidence':
      return (from === null || from === undefined ? `confidence set to ${text(to)}` : `confidence ${text(from)} → ${text(to)}`) + by;
    case 'notes':
      return `notes edited${by}`;
    case 'renamed':
      return `renamed from “${text(from)}”`;
    case 'moved':
      return `moved from ${sectionText(from, sections)} to ${sectionText(to, sections)}`;
    case 'archived':
      return 'archived: gone from the file';
    case 'restored':
      return event.data['source'] === 'app' ? 'restored: added in prepdeck again' : 'restored: back in the file';
    case 'card':
      return `card added: “${text(event.data['front'])}”`;
    default:
      return event.type;
  }
}

type Line = { kind: 'event'; at: string; event: TopicEventJson } | { kind: 'review'; at: string; review: TopicReviewJson; index: number };

/** Events and reviews in one list, newest first (an event before a review at the same instant stays before it). */
function lines(history: TopicEventJson[], reviews: TopicReviewJson[]): Line[] {
  const all: Line[] = [
    ...history.map((event): Line => ({ kind: 'event', at: event.at, event })),
    ...reviews.map((review, index): Line => ({ kind: 'review', at: review.at, review, index })),
  ];
  return all
    .map((line, order) => ({ line, order }))
    .sort((a, b) => Date.parse(b.line.at) - Date.parse(a.line.at) || b.order - a.order)
    .map(({ line }) => line);
}

export function TopicHistory({
  history,
  reviews = [],
  sections = {},
  checklist = null,
  zone,
}: {
  history: TopicEventJson[];
  reviews?: TopicReviewJson[];
  /** Titles of the sections the history names, by path key (TopicDetailJson.sections). */
  sections?: Readonly<Record<string, string>>;
  checklist?: string | null;
  /** The checklist's time zone (TopicDetailJson.timeZone), as every page shows the checklist's times. */
  zone: string;
}) {
  const shown = lines(history, reviews);
  return (
    <section className="card history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {shown.length > 0 && !isBrowserZone(zone) && <p className="muted history-zone">Times in {zone}, the checklist’s time zone.</p>}
      {shown.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ol className="history-list">
          {shown.map((line) =>
            line.kind === 'event' ? (
              <li key={`e${line.event.id}`} className={`history-${line.event.type}`}>
                <span className="history-what">{describeEvent(line.event, sections, checklist)}</span>
                <time dateTime={line.at}>{formatDateTime(line.at, { zone })}</time>
              </li>
            ) : (
              <li key={`r${line.index}`} className={`history-review history-review-${line.review.source}`}>
                <span className="history-what">
                  reviewed: {RATING_TEXT[line.review.rating] ?? line.review.rating}{' '}
                  {line.review.source === 'interview' ? (
                    line.review.roundId !== null ? (
                      <Link
                        className="source-badge source-interview"
                        to={roundHref(line.review.roundId, checklist)}
                        title="Asked in an interview round: open the round"
                      >
                        interview
                      </Link>
                    ) : (
                      <span className="source-badge source-interview">interview</span>
                    )
                  ) : (
                    <span className="source-badge">review</span>
                  )}
                </span>
                <time dateTime={line.at}>{formatDateTime(line.at, { zone })}</time>
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}
