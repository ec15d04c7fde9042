// How the application meets each active criterion: yes / no / unknown with an optional note, and the fit that
// follows. A must-have marked no is red here as everywhere.
import { useState } from 'react';
import type { ApplicationDetailJson, CriterionJson, MarkJson, MarkPutJson, MarkValue } from '../../../src/contract/hunt.js';
import { FitBadge } from './Fit.js';
import { fitText, MARK_LABEL } from './format.js';
import { huntHref } from './url.js';
import { Link } from '../lib/router.js';

const VALUES: MarkValue[] = ['yes', 'no', 'unknown'];

interface Props {
  detail: ApplicationDetailJson;
  criteria: CriterionJson[];
  onMark: (criterionId: number, mark: MarkPutJson) => Promise<boolean>;
}

export function MarksCard({ detail, criteria, onMark }: Props) {
  const active = criteria.filter((c) => !c.archivedAt);
  const marks = new Map(detail.marks.map((m) => [m.criterionId, m]));
  const { fit } = detail.application;
  return (
    <section className="card marks-card" aria-labelledby="marks-heading">
      <div className="card-title-row">
        <h2 id="marks-heading">Criteria</h2>
        <FitBadge fit={fit} />
      </div>
      <p className="muted marks-summary">
        {fitText(fit)} · <Link to={huntHref('/hunt', { view: 'criteria' })}>edit the criteria</Link>
      </p>
      {active.length === 0 ? (
        <p className="muted">No criteria yet.</p>
      ) : (
        <ul className="marks">
          {active.map((c, i) => (
            <MarkRow key={c.id} criterion={c} mark={marks.get(c.id)} onMark={onMark} first={i === 0} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The example note shows on the first row only: repeated on every row, it read as noise. */
function MarkRow({
  criterion: c,
  mark,
  onMark,
  first,
}: {
  criterion: CriterionJson;
  mark: MarkJson | undefined;
  onMark: Props['onMark'];
  first: boolean;
}) {
  const value = mark?.value ?? 'unknown';
  const [note, setNote] = useState(mark?.note ?? '');
  const failed = c.kind === 'gate' && value === 'no';
  return (
    <li className={`mark-row${failed ? ' mark-row-failed' : ''}`} data-criterion-id={c.id}>
      <div className="mark-row-top">
        <span className="mark-criterion">
          {c.text}
          <span className="muted criterion-kind">{c.kind === 'gate' ? ' · must-have' : ` · ×${c.weight}`}</span>
        </span>
        <div className="segmented mark-values" role="group" aria-label={`“${c.text}” met?`}>
          {VALUES.map((v) => (
            <button
              key={v}
              type="button"
              className={`segment mark-value-${v}`}
              aria-pressed={value === v}
              onClick={() => value !== v && void onMark(c.id, { value: v, note })}
            >
              {MARK_LABEL[v]}
            </button>
          ))}
        </div>
      </div>
      <input
        className="mark-note-input"
        aria-label={`Note on “${c.text}”`}
        placeholder={first ? 'Note, e.g. 2 days a week in the office' : 'Add a note'}
        value={note}
        maxLength={500}
        onChange={(e) => setNote(e.target.value)}
        onBlur={() => note !== (mark?.note ?? '') && void onMark(c.id, { value, note })}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
    </li>
  );
}
