// The Dashboard's "Job hunt" section: follow-ups due today or late (ticked done from here) and offer decision
// deadlines, each linking to its application. Shown only when there is something; an empty hunt gets one line.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FollowUpPatchJson } from '../../../src/contract/hunt.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { huntApi } from '../lib/huntApi.js';
import { Link } from '../lib/router.js';
import { agendaQuery, useHuntWrite } from '../queries/hunt.js';
import { applicationsQuery } from '../queries/huntBoard.js';
import { useLive } from '../queries/live.js';
import { dueText, formatDate, relativeDays } from '../lib/dates.js';
import { applicationHref, huntHref } from './url.js';
import './hunt.css';

export function HuntAgenda() {
  const agenda = useQuery({ ...agendaQuery(), ...useLive(null, 30_000) });
  const tick = useHuntWrite(({ id, patch }: { id: number; patch: FollowUpPatchJson }) => huntApi.patchFollowUp(id, patch));
  // Ticked here: shown done at once, until the agenda comes back without it.
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const setDone = async (id: number, done: boolean) => {
    setTicked((current) => toggled(current, id, done));
    if (!(await tick.run({ id, patch: { done } }))) setTicked((current) => toggled(current, id, !done));
  };
  const data = agenda.data;
  const empty = data !== undefined && data.followUps.length === 0 && data.deadlines.length === 0;
  // Only asked when there is nothing to do: is there a hunt at all?
  const applications = useQuery({ ...applicationsQuery(), enabled: empty });
  // A server without the hunt, or one that failed: the rest of the Dashboard stands without this section.
  if (!data) return null;
  if (empty) {
    if (applications.data?.applications.length !== 0) return null;
    return (
      <p className="hunt-invite card-wide muted">
        Looking for a job too? <Link to={huntHref('/hunt')}>Track your applications</Link> against the goals of your checklist.
      </p>
    );
  }
  return (
    <section className="card card-wide hunt-agenda" aria-labelledby="hunt-agenda-heading">
      <div className="card-title-row">
        <h2 id="hunt-agenda-heading">Job hunt</h2>
        <Link to={huntHref('/hunt')}>Open the board</Link>
      </div>
      <ErrorLine>{tick.error}</ErrorLine>
      {data.followUps.length > 0 && (
        <ul className="agenda-list" aria-label="Follow-ups due">
          {data.followUps.map(({ followUp, company, role, overdueDays }) => (
            <li key={followUp.id} className={`follow-up follow-up-${ticked.has(followUp.id) ? 'done' : overdueDays > 0 ? 'late' : 'today'}`}>
              <label className="follow-up-check">
                <input
                  type="checkbox"
                  checked={ticked.has(followUp.id) || followUp.doneAt !== null}
                  onChange={(e) => void setDone(followUp.id, e.target.checked)}
                  aria-label={`Done: ${followUp.title} (${company})`}
                />
                <span className="follow-up-title">{followUp.title}</span>
              </label>
              <Link to={applicationHref(followUp.applicationId)} className="agenda-app">
                {company}
                {role && <span className="muted"> · {role}</span>}
              </Link>
              <span className={`follow-up-due due-${overdueDays > 0 ? 'late' : 'today'}`}>{dueText(followUp.dueOn, data.today)}</span>
            </li>
          ))}
        </ul>
      )}
      {data.deadlines.length > 0 && (
        <ul className="agenda-list" aria-label="Offer deadlines">
          {data.deadlines.map((d) => (
            <li key={d.applicationId} className="agenda-deadline">
              <span className="pill pill-offer">offer</span>
              <Link to={applicationHref(d.applicationId)} className="agenda-app">
                {d.company}
                {d.role && <span className="muted"> · {d.role}</span>}
              </Link>
              <span className={d.daysLeft <= 2 ? 'due-late' : 'muted'}>
                decide by {formatDate(d.deadlineOn, { today: data.today })} ({relativeDays(d.daysLeft)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function toggled(set: ReadonlySet<number>, id: number, on: boolean): ReadonlySet<number> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
