// The hunt's own settings: its stages (renamed, reordered, added: the board's columns follow) and the time zone its
// dates are read in (follow-ups due "today", a move "on" a date, the funnel's weeks).
import { useMemo, useState, type FormEvent } from 'react';
import type { HuntJson, StageJson } from '../../../src/contract/hunt.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { browserZone } from '../lib/dates.js';
import { huntApi } from '../lib/huntApi.js';
import { useHuntWrite } from '../queries/hunt.js';

export function SettingsPanel({ hunt }: { hunt: HuntJson }) {
  return (
    <div className="criteria-view">
      <StagesCard hunt={hunt} />
      <TimeZoneCard hunt={hunt} />
    </div>
  );
}

function StagesCard({ hunt }: { hunt: HuntJson }) {
  const patch = useHuntWrite(({ key, change }: { key: string; change: { label?: string; position?: number } }) => huntApi.patchStage(key, change));
  const { stages } = hunt;
  return (
    <section className="card" aria-labelledby="stages-heading">
      <div className="card-title-row">
        <h2 id="stages-heading">Stages</h2>
        <span className="muted">
          The board’s columns, in order. An end of the road (accepted, rejected …) is folded on the board and not a step of the funnel.
        </span>
      </div>
      <ErrorLine>{patch.error}</ErrorLine>
      <ol className="criteria-list stage-list">
        {stages.map((stage, index) => (
          <StageRow
            key={`${stage.key}:${stage.label}`}
            stage={stage}
            first={index === 0}
            last={index === stages.length - 1}
            onRename={(label) => void patch.run({ key: stage.key, change: { label } })}
            onMove={(by) => void patch.run({ key: stage.key, change: { position: index + by } })}
          />
        ))}
      </ol>
      <AddStage stages={stages} />
    </section>
  );
}

interface StageRowProps {
  stage: StageJson;
  first: boolean;
  last: boolean;
  onRename: (label: string) => void;
  onMove: (by: -1 | 1) => void;
}

function StageRow({ stage, first, last, onRename, onMove }: StageRowProps) {
  const [label, setLabel] = useState(stage.label);
  const save = () => {
    const trimmed = label.trim();
    if (trimmed && trimmed !== stage.label) onRename(trimmed);
    else setLabel(stage.label);
  };
  return (
    <li className="criterion" data-stage-key={stage.key}>
      <input
        className="criterion-text-input"
        aria-label={`Name of the stage ${stage.label}`}
        value={label}
        maxLength={40}
        onChange={(e) => setLabel(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
      <span className="criterion-source muted">{stage.outcome ? 'end of the road' : 'step'}</span>
      <div className="criterion-controls">
        <button type="button" className="button button-small" disabled={first} onClick={() => onMove(-1)} aria-label={`Move ${stage.label} up`}>
          ↑
        </button>
        <button type="button" className="button button-small" disabled={last} onClick={() => onMove(1)} aria-label={`Move ${stage.label} down`}>
          ↓
        </button>
      </div>
    </li>
  );
}

function AddStage({ stages }: { stages: StageJson[] }) {
  const add = useHuntWrite(huntApi.addStage);
  const [label, setLabel] = useState('');
  const [outcome, setOutcome] = useState(false);
  // A new step goes before the first end of the road by default, where steps belong.
  const firstOutcome = stages.find((s) => s.outcome)?.key ?? '';
  const [before, setBefore] = useState<string>(firstOutcome);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) return;
    if (await add.run({ label: label.trim(), outcome, ...(before ? { before } : {}) })) setLabel('');
  };
  return (
    <form className="add-criterion" onSubmit={(e) => void submit(e)} aria-label="Add a stage">
      <ErrorLine>{add.error}</ErrorLine>
      <label className="field">
        <span className="field-label">New stage</span>
        <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. Take-home" maxLength={40} />
      </label>
      <label className="field field-narrow">
        <span className="field-label">Kind</span>
        <select value={outcome ? 'outcome' : 'step'} onChange={(e) => setOutcome(e.target.value === 'outcome')}>
          <option value="step">Step</option>
          <option value="outcome">End of the road</option>
        </select>
      </label>
      <label className="field field-narrow">
        <span className="field-label">Before</span>
        <select value={before} onChange={(e) => setBefore(e.target.value)}>
          {stages.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
          <option value="">(last)</option>
        </select>
      </label>
      <button type="submit" className="button" disabled={add.pending || !label.trim()}>
        Add stage
      </button>
    </form>
  );
}

function TimeZoneCard({ hunt }: { hunt: HuntJson }) {
  const patch = useHuntWrite(huntApi.patchHunt);
  const zones = useMemo(() => {
    const known = Intl.supportedValuesOf('timeZone');
    return known.includes(hunt.timeZone) ? known : [hunt.timeZone, ...known];
  }, [hunt.timeZone]);
  const here = browserZone();
  return (
    <section className="card" aria-labelledby="zone-heading">
      <div className="card-title-row">
        <h2 id="zone-heading">Time zone</h2>
        <span className="muted">Today is {hunt.today} there. Follow-ups fall due, and moves are dated, in this zone.</span>
      </div>
      <ErrorLine>{patch.error}</ErrorLine>
      <div className="add-criterion">
        <label className="field">
          <span className="field-label">The hunt’s time zone</span>
          <select value={hunt.timeZone} onChange={(e) => void patch.run({ timeZone: e.target.value })}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </label>
        {here !== hunt.timeZone && zones.includes(here) && (
          <button type="button" className="button" onClick={() => void patch.run({ timeZone: here })}>
            Use this browser’s ({here})
          </button>
        )}
      </div>
    </section>
  );
}
