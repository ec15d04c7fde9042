// What to do next and by when: follow-ups with a due date, ticked done (and back), removed.
import { useState, type FormEvent } from 'react';
import type { FollowUpCreateJson, FollowUpJson } from '../../../src/contract/hunt.js';
import { dueText, formatDate } from '../lib/dates.js';

interface Props {
  followUps: FollowUpJson[];
  today: string;
  /** Why its open follow-ups are on no list of due ones (it is closed, or archived); null when they are. */
  offDueLists: string | null;
  onAdd: (followUp: FollowUpCreateJson) => Promise<boolean>;
  onDone: (id: number, done: boolean) => Promise<boolean>;
  onDelete: (id: number) => Promise<boolean>;
}

export function FollowUpsCard({ followUps, today, offDueLists, onAdd, onDone, onDelete }: Props) {
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(today);
  // A tick shows at once; the server's answer confirms it (or the box goes back, and the page says why).
  const [pending, setPending] = useState<Map<number, boolean>>(new Map());
  const setDone = async (id: number, done: boolean) => {
    setPending((current) => new Map(current).set(id, done));
    await onDone(id, done);
    setPending((current) => {
      const next = new Map(current);
      next.delete(id);
      return next;
    });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() && dueOn && (await onAdd({ title: title.trim(), dueOn }))) setTitle('');
  };
  return (
    <section className="card follow-ups-card" aria-labelledby="follow-ups-heading">
      <h2 id="follow-ups-heading">Follow-ups</h2>
      {offDueLists !== null && followUps.some((f) => f.doneAt === null) && (
        <p className="muted follow-ups-off-lists">
          Not listed as due on the Dashboard or in <code>prepdeck followups</code>: {offDueLists}. They stay here, open, and are due again if it
          reopens.
        </p>
      )}
      {followUps.length > 0 && (
        <ul className="follow-ups">
          {followUps.map((f) => {
            const open = !(pending.get(f.id) ?? f.doneAt !== null);
            // An open one of a closed application is not late: nothing is due on it.
            const state = !open ? 'done' : offDueLists !== null ? 'off-lists' : f.dueOn < today ? 'late' : f.dueOn === today ? 'today' : 'ahead';
            return (
              <li key={f.id} className={`follow-up follow-up-${state}`}>
                <label className="follow-up-check">
                  <input type="checkbox" checked={!open} onChange={(e) => void setDone(f.id, e.target.checked)} />
                  <span className="follow-up-title">{f.title}</span>
                </label>
                <span className={`follow-up-due due-${state}`} title={formatDate(f.dueOn, { today, weekday: true })}>
                  {!open
                    ? `done · was due ${formatDate(f.dueOn, { today })}`
                    : offDueLists !== null
                      ? `due ${formatDate(f.dueOn, { today })} · not listed`
                      : dueText(f.dueOn, today)}
                </span>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => void onDelete(f.id)}
                  aria-label={`Remove the follow-up “${f.title}”`}
                >
                  ✕
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form className="follow-up-form" onSubmit={(e) => void submit(e)} aria-label="Add a follow-up">
        <label className="field">
          <span className="field-label">Follow-up</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Ask the recruiter for feedback" maxLength={300} />
        </label>
        <label className="field field-narrow">
          <span className="field-label">Due</span>
          <input type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} required />
        </label>
        <button type="submit" className="button" disabled={!title.trim() || !dueOn}>
          Add
        </button>
      </form>
    </section>
  );
}
