// The targets the plan works toward, soonest first: when, how many days are left, how much it counts, what it is
// about, and the readiness on the day under the three strategies as big numbers. A date target is changed or
// removed here; an interview round's is taken out of the plan or put back (its date and sections follow the round).
import { useState, type FormEvent } from 'react';
import type { PlanJson, PlanTargetJson, ReadinessJson, TargetReadinessJson } from '../../../src/contract/plan.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { CheckChips } from '../interviews/CheckChips.js';
import type { SectionChoice } from '../interviews/sections.js';
import { plural } from '../lib/plural.js';
import { planApi } from '../lib/planApi.js';
import { hrefFor, Link } from '../lib/router.js';
import { usePlanWrite } from '../queries/plan.js';
import { formatDate, formatTime, inputTime } from '../lib/dates.js';
import { percent } from './format.js';
import { modelCaption } from './ReadinessCard.js';

interface Props {
  plan: PlanJson;
  checklist: string;
  sections: SectionChoice[];
}

export function TargetsCard({ plan, checklist, sections }: Props) {
  const [adding, setAdding] = useState(false);
  const empty = plan.targets.length === 0 && plan.excluded.length === 0;
  return (
    <section className="card plan-targets" aria-labelledby="targets-heading">
      <div className="card-title-row">
        <h2 id="targets-heading">Targets</h2>
        {!empty && !adding && (
          <button type="button" className="button button-small" onClick={() => setAdding(true)}>
            Add a target
          </button>
        )}
      </div>
      {empty && (
        <div className="plan-empty">
          <p className="plan-empty-title">No target yet</p>
          <p className="muted">
            Pick the day of an interview and what it is about: the plan then chooses what to study each day so that you remember the most on that day.
            Interview rounds about this checklist’s sections show up here by themselves.
          </p>
        </div>
      )}
      {plan.targets.length > 0 && (
        <ul className="target-list">
          {plan.targets.map((t) => (
            <TargetItem key={t.target.id} entry={t} plan={plan} checklist={checklist} />
          ))}
        </ul>
      )}
      {plan.excluded.length > 0 && (
        <div className="targets-excluded">
          <h3 className="field-label">Not in the plan</h3>
          <ul className="target-list target-list-excluded">
            {plan.excluded.map((target) => (
              <ExcludedItem key={target.id} target={target} checklist={checklist} />
            ))}
          </ul>
        </div>
      )}
      {(empty || adding) && (
        <TargetForm checklist={checklist} sections={sections} today={plan.days[0]?.date} onDone={empty ? undefined : () => setAdding(false)} />
      )}
    </section>
  );
}

function scopeText(target: PlanTargetJson): string {
  const parts = target.sections.map((s) => s.path.join(' / '));
  if (target.topicIds.length > 0) parts.push(plural(target.topicIds.length, 'topic'));
  return parts.length > 0 ? parts.join(', ') : 'the whole checklist';
}

function TargetItem({ entry, plan, checklist }: { entry: TargetReadinessJson; plan: PlanJson; checklist: string }) {
  const { target, readiness } = entry;
  const [editing, setEditing] = useState(false);
  const write = usePlanWrite(checklist);
  return (
    <li className="target-item" data-target-id={target.id}>
      <div className="target-head">
        <div className="target-when">
          <p className="target-label">
            {target.roundId !== null ? <Link to={hrefFor(`/rounds/${target.roundId}`, checklist)}>{target.label}</Link> : target.label}
          </p>
          <p className="muted target-facts">
            <time dateTime={target.at}>
              {formatDate(target.date, { weekday: true })} at {formatTime(target.at, { zone: plan.timeZone })}
            </time>{' '}
            · <strong className="target-days-left">{entry.when}</strong> · weight{'\u00a0'}
            {target.weight}
            {target.roundId !== null && ' · interview round'}
          </p>
          <p className="muted target-scope">
            {scopeText(target)} · {plural(target.topics, 'topic')}
          </p>
        </div>
        <div className="target-actions">
          {!editing && (
            <button type="button" className="button button-small" onClick={() => setEditing(true)}>
              Change
            </button>
          )}
          <button
            type="button"
            className="button button-small"
            disabled={write.pending}
            onClick={() =>
              void write.run(() =>
                target.roundId !== null ? planApi.patchTarget(checklist, target.id, { excluded: true }) : planApi.removeTarget(checklist, target.id),
              )
            }
          >
            {target.roundId !== null ? 'Take out' : 'Remove'}
          </button>
        </div>
      </div>
      <ReadinessFigures readiness={readiness} caption={modelCaption(plan.parameters)} />
      {entry.note && <p className="target-note">{entry.note}</p>}
      <TradeOffNote entry={entry} plan={plan} />
      {editing && <TargetEdit target={target} checklist={checklist} zone={plan.timeZone} write={write} onDone={() => setEditing(false)} />}
      <ErrorLine>{write.error}</ErrorLine>
    </li>
  );
}

/** The readiness on the day under the three strategies, the plan's first and largest. */
function ReadinessFigures({ readiness, caption }: { readiness: ReadinessJson; caption: string }) {
  return (
    <dl className="readiness-figures" aria-label={`Readiness on the day: ${caption}`}>
      <div className="readiness-figure-plan">
        <dt>With the plan</dt>
        <dd className="big-number">{percent(readiness.plan)}</dd>
      </div>
      <div className="readiness-figure-usual">
        <dt>Usual reviews</dt>
        <dd className="big-number">{percent(readiness.usual)}</dd>
      </div>
      <div className="readiness-figure-stop">
        <dt>If you stop today</dt>
        <dd className="big-number">{percent(readiness.stop)}</dd>
      </div>
    </dl>
  );
}

/**
 * Why "With the plan" can read below "Usual reviews": both spend the same minutes a day, but the plan shares them among
 * all the targets by their weights and dates (it makes the weighted mean of their readiness the highest), so it may
 * give one target less than the usual reviews would, to bring another further. Said with the targets it favours and
 * the weighted means, which the plan never leaves below the usual reviews'.
 */
function TradeOffNote({ entry, plan }: { entry: TargetReadinessJson; plan: PlanJson }) {
  const whole = (ratio: number) => Math.round(ratio * 100);
  if (whole(entry.readiness.plan) >= whole(entry.readiness.usual)) return null;
  const favoured = plan.targets.filter((t) => whole(t.readiness.plan) > whole(t.readiness.usual)).map((t) => t.target.label);
  const weight = plan.targets.reduce((sum, t) => sum + t.target.weight, 0);
  const mean = (of: 'plan' | 'usual') => plan.targets.reduce((sum, t) => sum + t.readiness[of] * t.target.weight, 0) / weight;
  return (
    <p className="target-note target-trade-off">
      Below usual reviews here: both take the same minutes a day, but the plan shares them among your targets by their weights and dates
      {favoured.length > 0 ? `, and gives this one less so that ${favoured.join(' and ')} gets more` : ''}. Over all targets, weighted:{' '}
      {percent(mean('plan'))} with the plan, {percent(mean('usual'))} with usual reviews.
    </p>
  );
}

function ExcludedItem({ target, checklist }: { target: PlanTargetJson; checklist: string }) {
  const write = usePlanWrite(checklist);
  return (
    <li className="target-item target-item-excluded">
      <div className="target-head">
        <div className="target-when">
          <p className="target-label">{target.label}</p>
          <p className="muted target-facts">
            {formatDate(target.date, { weekday: true })} · {scopeText(target)}
          </p>
          {/* A round called off with its application comes back when the application reopens, not by a click here. */}
          {target.closed !== undefined && <p className="muted target-facts">called off: {target.closed}; reopening the application puts it back</p>}
        </div>
        {target.closed === undefined && target.excluded && (
          <button
            type="button"
            className="button button-small"
            disabled={write.pending}
            onClick={() => void write.run(() => planApi.patchTarget(checklist, target.id, { excluded: false }))}
          >
            Put back
          </button>
        )}
      </div>
      <ErrorLine>{write.error}</ErrorLine>
    </li>
  );
}

interface EditProps {
  target: PlanTargetJson;
  checklist: string;
  zone: string;
  write: ReturnType<typeof usePlanWrite>;
  onDone: () => void;
}

/** A date target's date, time and weight; a round's weight only (its time follows the round). */
function TargetEdit({ target, checklist, zone, write, onDone }: EditProps) {
  const round = target.roundId !== null;
  const [date, setDate] = useState(target.date);
  const [time, setTime] = useState(inputTime(target.at, zone));
  const [weight, setWeight] = useState(String(target.weight));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch = round ? { weight: Number(weight) } : { date, time, weight: Number(weight) };
    if ((await write.run(() => planApi.patchTarget(checklist, target.id, patch))) !== null) onDone();
  };
  return (
    <form className="target-form target-edit" aria-label={`Change ${target.label}`} onSubmit={(e) => void submit(e)}>
      {!round && (
        <>
          <label className="field field-narrow">
            <span className="field-label">Date</span>
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
          </label>
          <label className="field field-narrow">
            <span className="field-label">Time</span>
            <input type="time" value={time} onChange={(e) => setTime(e.target.value)} />
          </label>
        </>
      )}
      <WeightField value={weight} onChange={setWeight} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={write.pending}>
          Save
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function WeightField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <label className="field field-narrow">
      <span className="field-label">Weight</span>
      <input type="number" min={0.1} max={10} step={0.1} value={value} onChange={(e) => onChange(e.target.value)} required />
    </label>
  );
}

interface FormProps {
  checklist: string;
  sections: SectionChoice[];
  /** The plan's today, the earliest date a target can take. */
  today: string | undefined;
  /** Closes the form; none while it is the only way to begin. */
  onDone: (() => void) | undefined;
}

function TargetForm({ checklist, sections, today, onDone }: FormProps) {
  const write = usePlanWrite(checklist);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [label, setLabel] = useState('');
  const [weight, setWeight] = useState('1');
  const [chosen, setChosen] = useState<string[]>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      date,
      ...(time ? { time } : {}),
      ...(label.trim() ? { label: label.trim() } : {}),
      ...(chosen.length > 0 ? { sections: chosen } : {}),
      weight: Number(weight),
    };
    if ((await write.run(() => planApi.addTarget(checklist, body))) === null) return;
    setDate('');
    setTime('');
    setLabel('');
    setChosen([]);
    onDone?.();
  };
  return (
    <form className="target-form" aria-label="Add a target" onSubmit={(e) => void submit(e)}>
      <label className="field field-narrow">
        <span className="field-label">Date</span>
        <input type="date" value={date} min={today} onChange={(e) => setDate(e.target.value)} required />
      </label>
      <label className="field field-narrow">
        <span className="field-label">Time (optional)</span>
        <input type="time" value={time} onChange={(e) => setTime(e.target.value)} />
      </label>
      <WeightField value={weight} onChange={setWeight} />
      <label className="field">
        <span className="field-label">Label (optional)</span>
        <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} placeholder="Acme onsite" />
      </label>
      <CheckChips
        legend="Sections it is about (none: the whole checklist)"
        className="target-sections"
        options={sections.map((s) => ({ value: s.ref, label: s.label }))}
        chosen={chosen}
        onChange={setChosen}
      />
      <ErrorLine>{write.error}</ErrorLine>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={write.pending}>
          Add the target
        </button>
        {onDone && (
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
