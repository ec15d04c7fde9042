// The dry run of an import in words: the reading chosen, the counts, and each change by kind.
import type { ImportResultJson } from '../../../src/core/api.js';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function ImportPreview({ result }: { result: ImportResultJson }) {
  const { counts, changes, duplicates, warnings, topicsMode } = result;
  const lists: Array<{ title: string; items: string[] }> = [
    { title: 'New', items: changes.added.map((t) => withSection(t.title, t.section)) },
    { title: 'Renamed', items: changes.renamed.map((t) => `${t.from} → ${t.to}`) },
    { title: 'Moved', items: changes.moved.map((t) => `${t.title}: ${t.from} → ${t.to}`) },
    { title: 'Archived (gone from the file; progress kept)', items: changes.archived.map((t) => withSection(t.title, t.section)) },
    { title: 'Restored', items: changes.restored.map((t) => t.title) },
    { title: 'State follows a changed tick', items: changes.retick.map((t) => `${t.title} → ${t.state}`) },
  ];
  return (
    <div className="import-preview">
      <p className="import-headline">
        <strong>{result.checklist.title || result.checklist.name}</strong> ({result.created ? 'new checklist' : 're-import'}
        {result.unchanged ? ', nothing changes' : ''})
      </p>
      <p className="muted">
        Read as {topicsMode.mode === 'tasks' ? 'a task list' : 'an outline'}: {topicsMode.reason}
      </p>
      <ul className="import-counts" aria-label="Counts">
        <li><strong data-count="topics">{counts.topics}</strong> topics</li>
        <li><strong>{counts.sections}</strong> sections</li>
        <li><strong>{counts.goals}</strong> goals</li>
        <li><strong>{counts.books}</strong> books</li>
        <li><strong>{counts.resources}</strong> links</li>
        <li><strong>{counts.notes}</strong> notes</li>
      </ul>
      {!result.created && <p className="muted">{plural(changes.unchanged, 'topic')} unchanged.</p>}
      {lists
        .filter((l) => l.items.length > 0)
        .map((l) => (
          <details key={l.title} className="change-list" open={l.items.length <= 8}>
            <summary>
              {l.title}: {l.items.length}
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

function withSection(title: string, section: string): string {
  return section ? `${title} (${section})` : title;
}
