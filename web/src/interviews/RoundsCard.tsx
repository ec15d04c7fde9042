// An application's rounds, latest first: when (in the round's zone and the browser's), kind, outcome and how many
// questions were logged, each opening its Round page; and the form that adds one.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ContactJson } from '../../../src/contract/hunt.js';
import type { RoundDetailJson, RoundJson } from '../../../src/contract/interviews.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { interviewsApi } from '../lib/interviewsApi.js';
import { plural } from '../lib/plural.js';
import { Link } from '../lib/router.js';
import { roundsQuery, useRoundWrite } from '../queries/interviews.js';
import { countdown } from '../lib/dates.js';
import { kindLabel, OUTCOME_LABEL, roundHref, roundWhen, useNow } from './format.js';
import { RoundForm } from './RoundForm.js';
import { RoundNotices } from './RoundNotices.js';
import { useChecklistName, useSectionChoices } from './useSections.js';
import '../hunt/hunt.css';
import './interviews.css';

interface Props {
  applicationId: number;
  contacts: ContactJson[];
  /** The hunt's zone, a new round's default. */
  zone: string;
}

export function RoundsCard({ applicationId, contacts, zone }: Props) {
  const rounds = useQuery(roundsQuery({ application: applicationId }));
  const checklist = useChecklistName();
  const sections = useSectionChoices(checklist);
  const [adding, setAdding] = useState(false);
  const [notices, setNotices] = useState<readonly string[]>([]);
  const write = useRoundWrite(null);
  const list = rounds.data?.rounds ?? [];
  return (
    <section className="card rounds-card" aria-labelledby="rounds-heading">
      <div className="card-title-row">
        <h2 id="rounds-heading">Rounds</h2>
        {!adding && (
          <button type="button" className="button button-small" onClick={() => setAdding(true)}>
            Add round
          </button>
        )}
      </div>
      <ErrorLine>{rounds.error && !rounds.data ? `Rounds not loaded: ${rounds.error.message}` : null}</ErrorLine>
      {rounds.data && list.length === 0 && !adding && <p className="muted">No rounds yet: add one when an interview is set.</p>}
      {list.length > 0 && (
        <ul className="round-list">
          {list.map((round) => (
            <RoundItem key={round.id} round={round} checklist={checklist} />
          ))}
        </ul>
      )}
      <RoundNotices notices={notices} />
      <ErrorLine>{write.error}</ErrorLine>
      {adding && (
        <RoundForm
          zone={zone}
          contacts={contacts}
          sections={sections}
          onCancel={() => setAdding(false)}
          onSave={async (fields) => {
            const detail = await write.run<RoundDetailJson>(() => interviewsApi.addRound({ applicationId, ...fields }));
            if (!detail) return false;
            setNotices(detail.notices);
            setAdding(false);
            return true;
          }}
        />
      )}
    </section>
  );
}

function RoundItem({ round, checklist }: { round: RoundJson; checklist: string | null }) {
  const now = useNow();
  const { there, here } = roundWhen(round);
  const left = countdown(round.startsAt, now);
  return (
    <li className="round-item">
      <Link to={roundHref(round.id, checklist)} className="round-item-kind">
        {kindLabel(round.kind)}
      </Link>
      <span className="round-when">
        {there}
        {here && <span className="muted"> · {here}</span>}
      </span>
      <span className="round-item-meta muted">
        {left ? (
          <span className="countdown">{left}</span>
        ) : (
          <span className={`outcome outcome-${round.outcome}`}>{OUTCOME_LABEL[round.outcome]}</span>
        )}
        {' · '}
        {plural(round.questions, 'question')}
      </span>
    </li>
  );
}
