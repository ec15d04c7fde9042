// A topic's history, oldest first as the server keeps it, shown newest first in plain words.
import type { TopicEventJson } from '../../../src/core/api.js';

const text = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : String(v));

export function describeEvent(event: TopicEventJson): string {
  const { from, to } = event.data as { from?: unknown; to?: unknown };
  switch (event.type) {
    case 'created':
      return 'imported';
    case 'state':
      return `state ${text(from)} → ${text(to)}`;
    case 'confidence':
      return from === null || from === undefined ? `confidence set to ${text(to)}` : `confidence ${text(from)} → ${text(to)}`;
    case 'notes':
      return 'notes edited';
    case 'renamed':
      return `renamed from “${text(from)}”`;
    case 'moved':
      return `moved from ${text(from)} to ${text(to)}`;
    case 'archived':
      return 'archived: gone from the file';
    case 'restored':
      return 'restored: back in the file';
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
