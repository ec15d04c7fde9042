// Writing the checklist's states into its file from the page, as `prepdeck sync FILE --write [--cards]` does:
// a dry run first (the markers, the cards, the diff), then the write of exactly that.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ImportResultJson } from '../../../src/contract/imports.js';
import type { WriteBackResultJson } from '../../../src/contract/write-back.js';
import { errorMessage } from '../lib/api.js';
import { plural } from '../lib/plural.js';
import { useWriteBack, useWriteBackDryRun } from '../queries/writeBack.js';
import { ErrorLine } from './ErrorLine.js';

interface Props {
  checklist: string;
  /** The file the checklist was imported from. */
  file: string;
  /** Changes whenever the states shown change, so that the dry run (and so the write) follows them. */
  revision: string;
  onClose: () => void;
  onWritten: (result: WriteBackResultJson) => void;
}

export function WriteBackPanel({ checklist, file, revision, onClose, onWritten }: Props) {
  const [withCards, setWithCards] = useState(false);
  const writing = useWriteBack(checklist);
  // Only the dry run of the states shown may show (its key follows them); none starts while writing.
  const dryRun = useWriteBackDryRun(checklist, revision, withCards, !writing.isPending);
  // Cards added here that a write with cards would put under their topics; null until the first dry run.
  const cardsAvailable = dryRun.data?.available ?? null;
  const preview = dryRun.data ?? null;
  const busy = writing.isPending ? 'write' : dryRun.isFetching ? 'preview' : null;
  const error = writing.error ? `Nothing was written: ${errorMessage(writing.error)}` : dryRun.error ? errorMessage(dryRun.error) : null;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();

  useEffect(() => headingRef.current?.focus(), []);

  const write = (shown: { cards: boolean }) => writing.mutate(shown.cards, { onSuccess: onWritten });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && busy !== 'write') {
      event.stopPropagation();
      onClose();
    }
  };

  const report = preview?.result.writeBack ?? null;
  const changes = report ? report.edits.length + report.cards.length + report.topics.length : 0;
  const readIn = preview ? editsComingIn(preview.result.readIn) : null;

  return (
    <section className="card write-back" aria-labelledby={titleId} aria-busy={busy !== null} onKeyDown={onKeyDown}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        Write to your file
      </h2>
      <p className="muted write-back-intro">
        Each topic's state goes into the file as a task marker; nothing else in it changes, and the version it replaces is kept.
      </p>
      <p className="write-back-file">
        <span className="muted">File</span> <code>{file}</code>
      </p>
      {!preview && busy === 'preview' && (
        <p className="muted" role="status">
          Reading your file…
        </p>
      )}
      {report && (
        <p className={changes === 0 ? 'notice write-back-summary' : 'write-back-summary'} role="status">
          {changes === 0 ? (
            'Your file is in step: every marker already matches.'
          ) : (
            <>
              <strong>{plural(report.edits.length, 'marker')}</strong>
              {report.cards.length > 0 && (
                <>
                  {' and '}
                  <strong>{plural(report.cards.length, 'card')}</strong>
                </>
              )}
              {report.topics.length > 0 && (
                <>
                  {' and '}
                  <strong>{plural(report.topics.length, 'topic')}</strong> added here
                </>
              )}{' '}
              to write
            </>
          )}
        </p>
      )}
      {readIn && <p className="muted write-back-read-in">First, the edits made in the file come in: {readIn}.</p>}
      {cardsAvailable !== null && cardsAvailable > 0 && (
        <label className="write-back-cards">
          <input type="checkbox" checked={withCards} disabled={busy === 'write'} onChange={(e) => setWithCards(e.target.checked)} />
          Also write the {plural(cardsAvailable, 'card')} added here, under {cardsAvailable === 1 ? 'its topic' : 'their topics'}
        </label>
      )}
      {report && report.diff !== '' && <DiffView diff={report.diff} />}
      {report && report.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {report.warnings.map((warning, i) => (
            <li key={i}>{warning}</li>
          ))}
        </ul>
      )}
      <ErrorLine>{error}</ErrorLine>
      <div className="actions">
        {preview && changes > 0 && (
          <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => write(preview)}>
            {busy === 'write' ? 'Writing…' : `Write ${plural(changes, 'change')}`}
          </button>
        )}
        <button type="button" className="button" disabled={busy === 'write'} onClick={onClose}>
          {preview && changes > 0 ? 'Cancel' : 'Close'}
        </button>
      </div>
    </section>
  );
}

/** The file's own edits that the write brings in first, in words; null when there are none. */
function editsComingIn(readIn: ImportResultJson): string | null {
  if (readIn.unchanged) return null;
  const { added, renamed, moved, archived, restored, retick } = readIn.changes;
  const parts = [
    [added.length, 'added'],
    [renamed.length, 'renamed'],
    [moved.length, 'moved'],
    [archived.length, 'archived'],
    [restored.length, 'restored'],
    [retick.length, 'ticked by hand'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return said.length > 0 ? said.join(', ') : 'no topic changes';
}

/** A unified diff as text, each line coloured by its kind; the `+` and `-` stay, so colour is not the only sign. */
function DiffView({ diff }: { diff: string }) {
  const lines = diff.replace(/\n$/, '').split('\n');
  return (
    <pre className="diff" tabIndex={0} aria-label="The changes to your file, as a unified diff">
      <code>
        {lines.map((line, i) => (
          <span key={i} className={`diff-line ${lineKind(line, i)}`}>
            {line}
            {'\n'}
          </span>
        ))}
      </code>
    </pre>
  );
}

function lineKind(line: string, index: number): string {
  if (index < 2 && (line.startsWith('--- ') || line.startsWith('+++ '))) return 'diff-file';
  if (line.startsWith('@@')) return 'diff-hunk';
  if (line.startsWith('+')) return 'diff-add';
  if (line.startsWith('-')) return 'diff-del';
  return 'diff-context';
}
