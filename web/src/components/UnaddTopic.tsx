// A topic added in prepdeck and not in the file yet can be removed here (a typo, a topic not wanted after all): at once
// when nothing of the user's goes with it, else after a confirmation naming what goes. Then back to the checklist.
import { useRef, useState } from 'react';
import type { TopicJson, TopicRemovalJson } from '../../../src/contract/topics.js';
import { api, errorMessage } from '../lib/api.js';
import { leaveNotice } from '../lib/notice.js';
import { plural } from '../lib/plural.js';
import { hrefFor, navigate } from '../lib/router.js';
import { useUnaddTopic } from '../queries/topics.js';
import { ErrorLine } from './ErrorLine.js';

/** What of the user's own goes with the topic, as `prepdeck unadd` says it (core/checklist/removed-topic.ts#usersWork). */
function usersWork(held: TopicRemovalJson): string[] {
  return [
    ...(held.reviews > 0 ? [plural(held.reviews, 'review')] : []),
    ...(held.qaCards > 0 ? [plural(held.qaCards, 'question/answer card')] : []),
    ...(held.notes ? ['your notes'] : []),
    ...(held.questions > 0
      ? [`its link to ${plural(held.questions, 'interview question')} (${held.questions === 1 ? 'it stays' : 'they stay'})`]
      : []),
  ];
}

/** `A, b and c`: it starts a sentence. */
function listed(phrases: string[]): string {
  const text = phrases.length <= 1 ? (phrases[0] ?? '') : `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)!}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function UnaddTopic({ topic }: { topic: TopicJson }) {
  const [asking, setAsking] = useState<string[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const keep = () => {
    setAsking(null);
    // The confirmation had the focus: it goes back to the button that asked.
    requestAnimationFrame(() => removeButton.current?.focus());
  };
  const unadd = useUnaddTopic(topic.id, topic.checklist, () => {
    leaveNotice(
      '/checklist',
      `Removed “${topic.text}” from ${topic.section.join(' › ')}: it was not in your file, and it is gone from prepdeck too.`,
    );
    navigate(hrefFor('/checklist', topic.checklist));
  });
  const remove = () => {
    setError(null);
    unadd.mutate(undefined, { onError: (e) => setError(`Not removed: ${errorMessage(e)}`) });
  };
  // Asks the server what would go (reviews given elsewhere, questions mapped in a round): this page shows only part of it.
  const start = async () => {
    setError(null);
    setChecking(true);
    try {
      const work = usersWork(await api.unaddTopic(topic.id, true));
      if (work.length === 0) remove();
      else setAsking(work);
    } catch (e) {
      setError(`Not removed: ${errorMessage(e)}`);
    } finally {
      setChecking(false);
    }
  };
  const busy = checking || unadd.isPending;

  return (
    <section className="card topic-unadd" aria-labelledby="unadd-heading">
      <div className="topic-unadd-row">
        <p id="unadd-heading" className="muted">
          Added by mistake? It is not in your file yet, so it can go.
        </p>
        {asking === null && (
          <button ref={removeButton} type="button" className="button button-small" onClick={() => void start()} disabled={busy}>
            {busy ? 'Removing…' : 'Remove topic'}
          </button>
        )}
      </div>
      {asking !== null && (
        <div
          className="unadd-confirm"
          role="alertdialog"
          aria-labelledby="unadd-question"
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !unadd.isPending) keep();
          }}
        >
          <p id="unadd-question">
            Remove “{topic.text}”? <strong>{listed(asking)}</strong> would go with it, for good.
          </p>
          <div className="actions">
            <button type="button" className="button button-small button-danger" onClick={remove} disabled={busy} autoFocus>
              {unadd.isPending ? 'Removing…' : 'Remove it all'}
            </button>
            <button type="button" className="button button-small" onClick={keep} disabled={unadd.isPending}>
              Keep it
            </button>
          </div>
        </div>
      )}
      <ErrorLine>{error}</ErrorLine>
    </section>
  );
}
