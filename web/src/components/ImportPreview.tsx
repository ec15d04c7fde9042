// The dry run of an import in words: the reading chosen, the counts, and each change by kind.
import type { ImportResultJson } from '../../../src/contract/imports.js';
import { noun, plural } from '../lib/plural.js';

const READINGS: Record<ImportResultJson['topicsMode']['mode'], string> = {
  all: 'an outline',
  tasks: 'a task list',
  headings: 'a guide by its headings',
};

/** Why the file was read as it was. The server's reason mostly says "read as …" (or "read by headings …") itself: shown as is. */
function readingLine(topicsMode: ImportResultJson['topicsMode']): string {
  const reason = topicsMode.reason.trim();
  if (/^read (?:as|by)\b/i.test(reason)) return capitalise(reason);
  return `Read as ${READINGS[topicsMode.mode]}: ${reason}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Entries are topics, goals and books alike; say which when the numbers allow it. */
function entriesBreakdown(result: ImportResultJson): string | null {
  const { counts, changes } = result;
  const parts = [plural(counts.topics, 'topic'), plural(counts.goals, 'goal'), plural(counts.books, 'book')];
  // A first import adds everything, so the file's counts are the breakdown of what is new.
  return result.created && changes.added.length === counts.topics + counts.goals + counts.books ? parts.join(', ') : null;
}

export function ImportPreview({ result }: { result: ImportResultJson }) {
  const { counts, changes, duplicates, warnings, topicsMode } = result;
  const breakdown = entriesBreakdown(result);
  const lists: Array<{ title: string; detail?: string | null; items: string[] }> = [
    { title: 'New', detail: breakdown, items: changes.added.map((t) => withSection(t.title, t.section)) },
    { title: 'Renamed', items: changes.renamed.map((t) => `${t.from} → ${t.to}`) },
    {
      title: 'Moved',
      items: changes.moved.map(
        (t) => `${t.title}: ${t.from === t.to ? `to another place in ${t.to || 'the top of the file'}` : `${t.from} → ${t.to}`}`,
      ),
    },
    { title: 'Archived (gone from the file; progress kept)', items: changes.archived.map((t) => withSection(t.title, t.section)) },
    { title: 'Restored', items: changes.restored.map((t) => t.title) },
    { title: 'State follows a changed marker', items: changes.retick.map((t) => `${t.title} → ${t.state}`) },
    { title: 'Details edited', items: changes.details.map((t) => t.title) },
    { title: 'Section notes edited', items: changes.sectionNotes.map((s) => s.section) },
  ];
  const countItems = [
    { key: 'topics', n: counts.topics, one: 'topic' },
    { key: 'sections', n: counts.sections, one: 'section' },
    { key: 'goals', n: counts.goals, one: 'goal' },
    { key: 'books', n: counts.books, one: 'book' },
    { key: 'links', n: counts.resources, one: 'link' },
    { key: 'notes', n: counts.notes, one: 'note' },
    ...(counts.cards > 0 ? [{ key: 'cards', n: counts.cards, one: 'question card' }] : []),
  ];
  const cards = changes.cards;
  const rewritten = rewritePhrases(changes.rewrites);
  return (
    <div className="import-preview">
      <p className="import-headline">
        <strong>{result.checklist.title || result.checklist.name}</strong> ({result.created ? 'new checklist' : 're-import'}
        {result.unchanged ? ', nothing changes' : ''})
      </p>
      <p className="muted import-reading">{readingLine(topicsMode)}</p>
      <ul className="import-counts" aria-label="Counts">
        {countItems.map((c) => (
          <li key={c.key} title={c.key === 'sections' ? 'Every heading, those of goals and books included' : undefined}>
            <strong data-count={c.key}>{c.n}</strong> {noun(c.n, c.one)}
          </li>
        ))}
      </ul>
      {!result.created && <p className="muted">{plural(changes.unchanged, 'entry', 'entries')} unchanged (topics, goals and books).</p>}
      {!result.created && rewritten.length > 0 && <p className="muted import-rewrites">Also rewritten from the file: {rewritten.join(', ')}.</p>}
      {cards.added + cards.edited + cards.archived > 0 && (
        <p className="import-cards">
          Question cards: {cards.added} added, {cards.edited} edited, {cards.archived} archived
          {cards.archived > 0 && ' (their reviews kept)'}.
        </p>
      )}
      {lists
        .filter((l) => l.items.length > 0)
        .map((l) => (
          <details key={l.title} className="change-list" open={l.items.length <= 8}>
            <summary>
              {l.title}: {plural(l.items.length, 'entry', 'entries')}
              {l.detail && <span className="muted"> ({l.detail})</span>}
            </summary>
            <ul>
              {l.items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          </details>
        ))}
      {duplicates.length > 0 && (
        <details className="change-list">
          <summary>Likely duplicates: {duplicates.length}</summary>
          <ul>
            {duplicates.map((d) => (
              <li key={d.text}>
                {d.text}: {d.occurrences.map((o) => `${o.section || 'top level'} (line ${o.line})`).join(', ')}
              </li>
            ))}
          </ul>
        </details>
      )}
      {warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What else the import rewrites from the file, in words: "3 line positions", "the front matter". */
function rewritePhrases(rewrites: ImportResultJson['changes']['rewrites']): string[] {
  return [
    ...(rewrites.lines > 0 ? [plural(rewrites.lines, 'line position')] : []),
    ...(rewrites.headings > 0 ? [plural(rewrites.headings, 'heading')] : []),
    ...(rewrites.titles > 0 ? [`${plural(rewrites.titles, 'title')} (links or emphasis)`] : []),
    ...(rewrites.nesting > 0 ? [`${rewrites.nesting} re-nested`] : []),
    ...(rewrites.markers > 0 ? [plural(rewrites.markers, 'task box', 'task boxes')] : []),
    ...(rewrites.links > 0 ? [plural(rewrites.links, 'link')] : []),
    ...(rewrites.frontMatter ? ['the front matter'] : []),
    ...(rewrites.title ? ['the title'] : []),
  ];
}

function withSection(title: string, section: string): string {
  return section ? `${title} (${section})` : title;
}
