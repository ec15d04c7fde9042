// What the user wants from a job: the Goals of their checklists and their own criteria, each a must-have
// (gate) or weighted 1-5. Goals' words are the file's; one's own can be reworded. Archived ones keep their marks.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { CriterionJson, CriterionKind, CriterionPatchJson, HuntJson } from '../../../src/contract/hunt.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { huntApi } from '../lib/huntApi.js';
import { checklistsQuery } from '../queries/checklists.js';
import { useHuntWrite } from '../queries/hunt.js';

const WEIGHTS = [1, 2, 3, 4, 5];

export function CriteriaPanel({ hunt }: { hunt: HuntJson }) {
  const patch = useHuntWrite(({ id, change }: { id: number; change: CriterionPatchJson }) => huntApi.patchCriterion(id, change));
  const active = hunt.criteria.filter((c) => !c.archivedAt);
  const archived = hunt.criteria.filter((c) => c.archivedAt);
  const change = (id: number, value: CriterionPatchJson) => void patch.run({ id, change: value });
  return (
    <div className="criteria-view">
      <section className="card" aria-labelledby="criteria-heading">
        <div className="card-title-row">
          <h2 id="criteria-heading">Criteria</h2>
          <span className="muted">
            A <strong>must-have</strong> not met flags the application in red; weighted ones make up the fit.
          </span>
        </div>
        <ErrorLine>{patch.error}</ErrorLine>
        {active.length === 0 ? (
          <p className="muted">No criteria yet: import a checklist with a Goals section, or add your own below.</p>
        ) : (
          <ul className="criteria-list">
            {active.map((c) => (
              <CriterionRow key={c.id} criterion={c} onChange={change} />
            ))}
          </ul>
        )}
        <AddCriterion />
      </section>
      {archived.length > 0 && (
        <details className="card archived-criteria">
          <summary>
            <h2>Archived ({archived.length})</h2>
          </summary>
          <ul className="criteria-list">
            {archived.map((c) => (
              <li key={c.id} className="criterion criterion-archived">
                <span className="criterion-text">{c.text}</span>
                <Source criterion={c} />
                <button type="button" className="button button-small" onClick={() => change(c.id, { archived: false })}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Where a criterion comes from: a checklist's goal, named by the checklist's title as everywhere else, or the user's own. */
function Source({ criterion }: { criterion: CriterionJson }) {
  const checklists = useQuery(checklistsQuery()).data?.checklists;
  const name = criterion.checklist;
  const title = name === null ? null : checklists?.find((c) => c.name === name)?.title || name;
  return <span className="criterion-source muted">{criterion.source === 'goal' ? `goal in ${title ?? 'a checklist'}` : 'your own'}</span>;
}

function CriterionRow({ criterion: c, onChange }: { criterion: CriterionJson; onChange: (id: number, change: CriterionPatchJson) => void }) {
  const [text, setText] = useState(c.text);
  const own = c.source === 'own';
  return (
    <li className={`criterion criterion-${c.kind}`} data-criterion-id={c.id}>
      {own ? (
        <input
          className="criterion-text-input"
          aria-label="Criterion"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => text.trim() && text !== c.text && onChange(c.id, { text: text.trim() })}
        />
      ) : (
        <span className="criterion-text">{c.text}</span>
      )}
      <Source criterion={c} />
      <div className="criterion-controls">
        <div className="segmented" role="group" aria-label={`Kind of “${c.text}”`}>
          {(['gate', 'weighted'] as CriterionKind[]).map((kind) => (
            <button
              key={kind}
              type="button"
              className="segment"
              aria-pressed={c.kind === kind}
              onClick={() => c.kind !== kind && onChange(c.id, { kind })}
            >
              {kind === 'gate' ? 'Must-have' : 'Weighted'}
            </button>
          ))}
        </div>
        <label className="weight-field">
          <span className="visually-hidden">Weight of “{c.text}”</span>
          <select value={c.weight} disabled={c.kind === 'gate'} onChange={(e) => onChange(c.id, { weight: Number(e.target.value) })}>
            {WEIGHTS.map((w) => (
              <option key={w} value={w}>
                ×{w}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button-small" onClick={() => onChange(c.id, { archived: true })} aria-label={`Archive “${c.text}”`}>
          Archive
        </button>
      </div>
    </li>
  );
}

function AddCriterion() {
  const add = useHuntWrite(huntApi.addCriterion);
  const [text, setText] = useState('');
  const [kind, setKind] = useState<CriterionKind>('weighted');
  const [weight, setWeight] = useState(3);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    if (await add.run({ text: text.trim(), kind, weight })) setText('');
  };
  return (
    <form className="add-criterion" onSubmit={(e) => void submit(e)} aria-label="Add a criterion">
      <label className="field">
        <span className="field-label">Your own criterion</span>
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. Team of at least 5 engineers" maxLength={300} />
      </label>
      <label className="field field-narrow">
        <span className="field-label">Kind</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as CriterionKind)}>
          <option value="weighted">Weighted</option>
          <option value="gate">Must-have</option>
        </select>
      </label>
      <label className="field field-narrow">
        <span className="field-label">Weight</span>
        <select value={weight} disabled={kind === 'gate'} onChange={(e) => setWeight(Number(e.target.value))}>
          {WEIGHTS.map((w) => (
            <option key={w} value={w}>
              ×{w}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button-primary" disabled={!text.trim() || add.pending}>
        Add
      </button>
      <ErrorLine>{add.error}</ErrorLine>
    </form>
  );
}
