// The Dashboard's "Upcoming interviews": the rounds not started yet, soonest first, each with a live countdown and
// a link to its Round page. Shown only when there is one.
import { useQuery } from '@tanstack/react-query';
import { ROUNDS_ICS } from '../lib/interviewsApi.js';
import { Link } from '../lib/router.js';
import { roundsQuery } from '../queries/interviews.js';
import { useLive } from '../queries/live.js';
import { countdown } from '../lib/dates.js';
import { kindLabel, roundHref, roundWhen, useNow } from './format.js';
import { useChecklistName } from './useSections.js';
import '../hunt/hunt.css';
import './interviews.css';

const SHOWN = 5;

export function UpcomingRounds() {
  const upcoming = useQuery({ ...roundsQuery({ upcoming: true }), ...useLive(null, 60_000) });
  const now = useNow();
  const checklist = useChecklistName();
  // A server without interviews, or one that failed: the rest of the Dashboard stands without this section.
  const rounds = (upcoming.data?.rounds ?? []).filter((r) => Date.parse(r.startsAt) > now);
  if (rounds.length === 0) return null;
  return (
    <section className="card card-wide upcoming-rounds" aria-labelledby="upcoming-heading">
      <div className="card-title-row">
        <h2 id="upcoming-heading">Upcoming interviews</h2>
        <span className="muted">
          {rounds.length > SHOWN && `${rounds.length - SHOWN} more later · `}
          <a href={ROUNDS_ICS} download title="Every round as calendar events; importing it again updates them">
            Calendar (.ics)
          </a>
        </span>
      </div>
      <ul className="agenda-list upcoming-list">
        {rounds.slice(0, SHOWN).map((round) => {
          const { there, here } = roundWhen(round);
          return (
            <li key={round.id} className="upcoming-round">
              <span className="countdown">{countdown(round.startsAt, now)}</span>
              <Link to={roundHref(round.id, checklist)} className="agenda-app">
                {round.company}
                {round.role && <span className="muted"> · {round.role}</span>}
              </Link>
              <span className="pill">{kindLabel(round.kind)}</span>
              <span className="upcoming-when muted">
                {there}
                {here && ` · ${here}`}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
