// A topic's cards: the topic's own schedule, and its question/answer cards, listed with their Markdown
// rendered, added and edited here with a live preview, removed (archived) with a second click. Cards written
// in the file are changed in the file.
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CardDraftJson, CardJson } from '../../../src/contract/review.js';
import { errorMessage } from '../lib/api.js';
import { dueIn } from '../lib/dates.js';
import { percent } from '../lib/review.js';
import { topicCardsQuery, useCardWrites } from '../queries/topics.js';
import { ErrorLine } from './ErrorLine.js';
import { MarkdownView } from './MarkdownView.js';

/** `checklist`: the topic's, whose review a change of its cards changes. */
export function CardsPanel({ topicId, checklist }: { topicId: number; checklist: string }) {
  const list = useQuery(topicCardsQuery(topicId));
  const writes = useCardWrites(topicId, checklist);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [added, setAdded] = useState(0);
  const cards = list.data?.cards ?? [];
  const topicCard = cards.find((c) => c.kind === 'topic');
  const qa = cards.filter((c) => c.kind === 'qa' && c.archivedAt === null);

  const attempt = async (work: () => Promise<void>): Promise<boolean> => {
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };

  const add = (draft: CardDraftJson) =>
    attempt(async () => {
      await writes.add(draft);
      // A fresh, empty editor for the next card.
      setAdded((n) => n + 1);
    });
  const edit = (id: number, draft: CardDraftJson) =>
    attempt(async () => {
      await writes.edit({ id, draft });
      setEditing(null);
    });
  const remove = (id: number) =>
    attempt(async () => {
      await writes.remove(id);
    });

  return (
    <section className="card cards-panel" aria-labelledby="cards-heading">
      <div className="notes-header">
        <h2 id="cards-heading">Cards</h2>
        {topicCard && <TopicCardLine card={topicCard} />}
      </div>
      {list.error && !list.data ? (
        <ErrorLine>{errorMessage(list.error)}</ErrorLine>
      ) : (
        <>
          <p className="muted cards-intro">Reviewing asks you to explain the topic. Add questions of your own; Markdown works on both sides.</p>
          {qa.length > 0 && (
            <ol className="qa-list" aria-label="Question and answer cards">
              {qa.map((card) =>
                editing === card.id ? (
                  <li key={card.id} className="qa-item qa-editing" data-card-id={card.id}>
                    <CardEditor initial={card} submitLabel="Save card" onSave={(draft) => edit(card.id, draft)} onCancel={() => setEditing(null)} />
                  </li>
                ) : (
                  <QaItem key={card.id} card={card} onEdit={() => setEditing(card.id)} onRemove={() => remove(card.id)} />
                ),
              )}
            </ol>
          )}
          <ErrorLine>{error}</ErrorLine>
          <CardEditor key={added} submitLabel="Add card" onSave={add} />
        </>
      )}
    </section>
  );
}

function TopicCardLine({ card }: { card: CardJson }) {
  if (card.state === 'new') return <span className="muted cards-schedule">not reviewed yet</span>;
  return (
    <span className="muted cards-schedule">
      {dueIn(card.due)} · recall now {percent(card.retrievability)}
    </span>
  );
}

function QaItem({ card, onEdit, onRemove }: { card: CardJson; onEdit: () => void; onRemove: () => Promise<boolean> }) {
  const [confirming, setConfirming] = useState(false);
  const fromFile = card.origin === 'file';
  return (
    <li className="qa-item" data-card-id={card.id}>
      <div className="qa-sides">
        <MarkdownView source={card.front} className="markdown qa-front" />
        <MarkdownView source={card.back} className="markdown qa-back" />
      </div>
      <div className="qa-meta">
        <span className="muted">
          <span className={`card-state card-state-${card.state}`}>{card.state}</span> {card.state === 'new' ? 'not reviewed yet' : dueIn(card.due)}
          {fromFile ? ` · in the file, line ${card.line ?? '?'}` : ''}
        </span>
        {!fromFile && (
          <span className="qa-actions">
            {confirming ? (
              <>
                <button type="button" className="button button-small button-danger" onClick={() => void onRemove()}>
                  Remove it
                </button>
                <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
                  Keep
                </button>
              </>
            ) : (
              <>
                <button type="button" className="button button-small" onClick={onEdit}>
                  Edit
                </button>
                <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
                  Remove
                </button>
              </>
            )}
          </span>
        )}
      </div>
    </li>
  );
}

interface EditorProps {
  initial?: CardDraftJson;
  submitLabel: string;
  onSave: (draft: CardDraftJson) => Promise<boolean>;
  onCancel?: () => void;
}

function CardEditor({ initial, submitLabel, onSave, onCancel }: EditorProps) {
  const [front, setFront] = useState(initial?.front ?? '');
  const [back, setBack] = useState(initial?.back ?? '');
  const [saving, setSaving] = useState(false);
  const previewFront = useDeferredValue(front);
  const previewBack = useDeferredValue(back);
  const changed = front !== (initial?.front ?? '') || back !== (initial?.back ?? '');
  const ready = front.trim() !== '' && back.trim() !== '' && changed && !saving;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!ready) return;
    setSaving(true);
    await onSave({ front, back });
    setSaving(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && onCancel) onCancel();
  };
  const prefix = initial ? 'edit' : 'new';

  return (
    <form className="card-editor" onSubmit={(e) => void submit(e)} aria-label={initial ? 'Edit the card' : 'Add a card'}>
      <div className="card-editor-panes">
        <div className="card-editor-inputs">
          <label className="field">
            <span className="field-label">Front: the question</span>
            <textarea
              name={`${prefix}-front`}
              rows={3}
              value={front}
              onChange={(e) => setFront(e.target.value)}
              onKeyDown={onKeyDown}
              placeholder="What does @property build on?"
            />
          </label>
          <label className="field">
            <span className="field-label">Back: the answer</span>
            <textarea
              name={`${prefix}-back`}
              rows={4}
              value={back}
              onChange={(e) => setBack(e.target.value)}
              onKeyDown={onKeyDown}
              placeholder="**Descriptors**: `__get__`, `__set__`…"
            />
          </label>
        </div>
        <div className="card-editor-preview" aria-label="Card preview">
          {previewFront.trim() ? (
            <MarkdownView source={previewFront} className="markdown qa-front" />
          ) : (
            <p className="muted">The question shows here.</p>
          )}
          <hr />
          {previewBack.trim() ? <MarkdownView source={previewBack} className="markdown qa-back" /> : <p className="muted">The answer shows here.</p>}
        </div>
      </div>
      <div className="notes-actions">
        <button type="submit" className="button button-primary" disabled={!ready}>
          {saving ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <span className="muted key-hint">
          <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd>
        </span>
      </div>
    </form>
  );
}
