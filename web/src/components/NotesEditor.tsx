// The user's notes on a topic (or any Markdown of theirs: a round's preparation, its debrief): a textarea, a live
// preview beside it, Save or Ctrl/Cmd+Enter.
import { useDeferredValue, useId, useState } from 'react';
import { MarkdownView } from './MarkdownView.js';

interface Props {
  saved: string;
  onSave: (notes: string) => Promise<boolean>;
  /** The card's heading; the text box is named after it. */
  title?: string;
  placeholder?: string;
  className?: string;
}

export function NotesEditor({
  saved,
  onSave,
  title = 'Your notes',
  placeholder = 'What you learned, what to review, links… Markdown works.',
  className = '',
}: Props) {
  const headingId = useId();
  const [draft, setDraft] = useState(saved);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  // Typing stays instant on long notes; the preview catches up a frame later.
  const preview = useDeferredValue(draft);
  const dirty = draft !== saved;

  const save = async () => {
    if (status === 'saving') return;
    setStatus('saving');
    const ok = await onSave(draft);
    setStatus(ok ? 'saved' : 'idle');
  };

  return (
    <section className={`card notes-editor ${className}`.trim()} aria-labelledby={headingId}>
      <div className="notes-header">
        <h2 id={headingId}>{title}</h2>
        <span className="muted notes-status" aria-live="polite">
          {status === 'saving' ? 'Saving…' : dirty ? 'Unsaved changes' : status === 'saved' ? 'Saved' : ''}
        </span>
      </div>
      <div className="notes-panes">
        <label className="notes-input">
          <span className="visually-hidden">{title} (Markdown)</span>
          <textarea
            aria-label={title === 'Your notes' ? 'Notes (Markdown)' : `${title} (Markdown)`}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              setStatus('idle');
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void save();
              }
            }}
            placeholder={placeholder}
            rows={10}
          />
        </label>
        <div className="notes-preview" aria-label="Preview">
          {preview.trim() ? <MarkdownView source={preview} className="markdown" /> : <p className="muted">The preview shows here.</p>}
        </div>
      </div>
      <div className="notes-actions">
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={!dirty || status === 'saving'}>
          {title === 'Your notes' ? 'Save notes' : `Save the ${title.toLowerCase()}`}
        </button>
        <span className="muted key-hint">
          <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd>
        </span>
      </div>
    </section>
  );
}
