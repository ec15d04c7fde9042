// The user's notes on a topic: Markdown in a textarea, a live preview beside it, Save or Ctrl/Cmd+Enter.
import { useDeferredValue, useState } from 'react';
import { MarkdownView } from './MarkdownView.js';

interface Props {
  saved: string;
  onSave: (notes: string) => Promise<boolean>;
}

export function NotesEditor({ saved, onSave }: Props) {
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
    <section className="card notes-editor" aria-labelledby="notes-heading">
      <div className="notes-header">
        <h2 id="notes-heading">Your notes</h2>
        <span className="muted notes-status" aria-live="polite">
          {status === 'saving' ? 'Saving…' : dirty ? 'Unsaved changes' : status === 'saved' ? 'Saved' : ''}
        </span>
      </div>
      <div className="notes-panes">
        <label className="notes-input">
          <span className="visually-hidden">Notes (Markdown)</span>
          <textarea
            aria-label="Notes (Markdown)"
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
            placeholder="What you learned, what to review, links… Markdown works."
            rows={10}
          />
        </label>
        <div className="notes-preview" aria-label="Preview">
          {preview.trim() ? <MarkdownView source={preview} className="markdown" /> : <p className="muted">The preview shows here.</p>}
        </div>
      </div>
      <div className="notes-actions">
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={!dirty || status === 'saving'}>
          Save notes
        </button>
        <span className="muted">
          <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd>
        </span>
      </div>
    </section>
  );
}
