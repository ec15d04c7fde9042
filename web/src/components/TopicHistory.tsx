// A topic's history, oldest first as the server keeps it, shown newest first in plain words.
import type { TopicEventJson } from '../../../src/contract/topics.js';

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
};

function sourceOf(event: TopicEventJson): string | null {
  const source = event.data['source'];
  if (typeof source !== 'string' || source === '' || source === 'user') return null;
  return SOURCE_TEXT[source] ?? `by ${source}`;
}

function describeEvent(event: TopicEventJson): string {
  const { from, to } = event.data as { from?: unknown; to?: unknown };
  const source = sourceOf(event);
  const by = source ? ` (${source})` : '';
  switch (event.type) {
    case 'created':
      return 'imported';
    case 'state':
      return `state ${text(from)} → ${text(to)}${by}`;
    case 'confidence':
      return (from === null || from === undefined ? `confidence set to ${text(to)}` : `confidence ${text(from)} → ${text(to)}`) + by;
    case 'notes':
      return `notes edited${by}`;
    case 'renamed':
      return `renamed from “${text(from)}”`;
    case 'moved':
      return `moved from ${text(from)} to ${text(to)}`;
    case 'archived':
      return 'archived: gone from the file';
    case 'restored':
      return 'restored: back in the file';
    case 'card':
      return `card added: “${text(event.data['front'])}”`;
    default:
      return event.type;
  }
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function TopicHistory({ history }: { history: TopicEventJson[] }) {
  return (
    <section className="card history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {history.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ol className="history-list">
          {[...history].reverse().map((e) => (
            <li key={e.id} className={`history-${e.type}`}>
              <span className="history-what">{describeEvent(e)}</span>
              <time dateTime={e.at}>{dateFormat.format(new Date(e.at))}</time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
