// The stage: a select that moves the application (with an optional note and the date it happened), and the
// stage history as a timeline, oldest first: every move is kept, a jump or a move back included.
import { useState, type FormEvent } from 'react';
import type { ApplicationDetailJson, HuntJson, MoveJson } from '../../../src/contract/hunt.js';
import { formatDateTime } from '../lib/dates.js';
import { stageLabel } from './format.js';

interface Props {
  detail: ApplicationDetailJson;
  hunt: HuntJson;
  onMove: (move: MoveJson) => Promise<boolean>;
}

export function StageCard({ detail, hunt, onMove }: Props) {
  const current = detail.application.stage;
  const [to, setTo] = useState(current);
  const [note, setNote] = useState('');
  const [on, setOn] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (to === current) return;
    const move: MoveJson = { to, from: current };
    if (note.trim()) move.note = note.trim();
    if (on) move.on = on;
    if (await onMove(move)) {
      setNote('');
      setOn('');
    }
  };
  return (
    <section className="card stage-card" aria-labelledby="stage-heading">
      <h2 id="stage-heading">Stage</h2>
      <form className="move-form" onSubmit={(e) => void submit(e)}>
        <label className="field field-narrow">
          <span className="field-label">Stage</span>
          <select value={to} onChange={(e) => setTo(e.target.value)}>
            {hunt.stages.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
                {s.key === current ? ' (now)' : ''}
              </option>
            ))}
          </select>
        </label>
        {to !== current && (
          <>
            <label className="field">
              <span className="field-label">Note</span>
              <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} placeholder="optional" />
            </label>
            <label className="field field-narrow">
              <span className="field-label">On</span>
              <input type="date" value={on} max={hunt.today} onChange={(e) => setOn(e.target.value)} aria-describedby="move-on-hint" />
              <span id="move-on-hint" className="visually-hidden">
                Empty for today
              </span>
            </label>
            <button type="submit" className="button button-primary">
              Move to {stageLabel(hunt, to)}
            </button>
          </>
        )}
      </form>
      <ol className="timeline" aria-label="Stage history">
        {detail.history.map((e, i) => (
          <li key={e.id} className={`timeline-event${i === detail.history.length - 1 ? ' timeline-current' : ''}`}>
            <span className="timeline-dot" aria-hidden="true" />
            <div className="timeline-body">
              <span className="timeline-what">
                {e.from === null ? (
                  <>Added in {stageLabel(hunt, e.to)}</>
                ) : (
                  <>
                    {stageLabel(hunt, e.from)} → <strong>{stageLabel(hunt, e.to)}</strong>
                  </>
                )}
              </span>
              <time dateTime={e.at} className="muted">
                {formatDateTime(e.at, { zone: hunt.timeZone, today: hunt.today })}
              </time>
              {e.note && <p className="timeline-note">{e.note}</p>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
