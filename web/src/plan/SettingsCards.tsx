// When one studies and how long things take: minutes a day, the weekdays, days off; then the time costs the plan
// prices its items with, each with where it comes from (yours, the median of your review log, or the default) and
// a way back from your own figure, and the minutes to learn a topic of a section that takes longer.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { CostJson, PlanSettingsJson, PlanSettingsPatchJson, SectionCostJson, Weekday } from '../../../src/contract/plan.js';
import { ErrorLine } from '../components/ErrorLine.js';
import type { SectionChoice } from '../interviews/sections.js';
import { errorMessage } from '../lib/api.js';
import { planApi } from '../lib/planApi.js';
import { planSettingsQuery, usePlanWrite } from '../queries/plan.js';
import { formatDate } from '../lib/dates.js';
import { SOURCE_LABEL, WEEKDAY_LABEL, WEEKDAYS } from './format.js';

export function SettingsCards({ checklist, sections }: { checklist: string; sections: SectionChoice[] }) {
  const settings = useQuery(planSettingsQuery(checklist));
  if (settings.error && !settings.data) return <ErrorLine>{errorMessage(settings.error)}</ErrorLine>;
  if (!settings.data) return <div className="card skeleton-card" style={{ height: 260 }} aria-busy="true" aria-label="Loading the availability" />;
  // Keyed by what the server holds: a save (or another tab's) starts the forms afresh from it.
  const key = JSON.stringify(settings.data);
  return (
    <>
      <AvailabilityCard key={`a${key}`} settings={settings.data} checklist={checklist} />
      <CostsCard key={`c${key}`} settings={settings.data} checklist={checklist} sections={sections} />
    </>
  );
}

function AvailabilityCard({ settings, checklist }: { settings: PlanSettingsJson; checklist: string }) {
  const write = usePlanWrite(checklist);
  const [minutes, setMinutes] = useState(String(settings.minutesPerDay));
  const [weekdays, setWeekdays] = useState<Weekday[]>(settings.weekdays);
  const [daysOff, setDaysOff] = useState<string[]>(settings.daysOff);
  const [newDayOff, setNewDayOff] = useState('');
  const changed =
    minutes !== String(settings.minutesPerDay) ||
    weekdays.join() !== WEEKDAYS.filter((w) => settings.weekdays.includes(w)).join() ||
    daysOff.join() !== settings.daysOff.join();
  const toggle = (day: Weekday) => setWeekdays(WEEKDAYS.filter((w) => (w === day ? !weekdays.includes(w) : weekdays.includes(w))));
  const addDayOff = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newDayOff) || daysOff.includes(newDayOff)) return;
    setDaysOff([...daysOff, newDayOff].sort());
    setNewDayOff('');
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch: PlanSettingsPatchJson = { minutesPerDay: Number(minutes), weekdays, daysOff };
    await write.run(() => planApi.patchSettings(checklist, patch));
  };
  return (
    <section className="card plan-settings" aria-labelledby="availability-heading">
      <h2 id="availability-heading">Availability</h2>
      <form className="plan-settings-form" aria-label="Availability" onSubmit={(e) => void submit(e)}>
        <label className="field field-narrow">
          <span className="field-label">Minutes a day</span>
          <input type="number" min={1} max={1440} value={minutes} onChange={(e) => setMinutes(e.target.value)} required />
        </label>
        <fieldset className="field plan-weekdays">
          <legend className="field-label">Days you study</legend>
          <div className="segmented">
            {WEEKDAYS.map((w) => (
              <button key={w} type="button" className="segment" aria-pressed={weekdays.includes(w)} onClick={() => toggle(w)}>
                {WEEKDAY_LABEL[w]}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset className="field field-wide plan-days-off">
          <legend className="field-label">Days off</legend>
          <div className="chips">
            {daysOff.map((d) => (
              <span key={d} className="chip">
                <time dateTime={d}>{formatDate(d, { weekday: true })}</time>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove the day off ${formatDate(d, { weekday: true })}`}
                  onClick={() => setDaysOff(daysOff.filter((o) => o !== d))}
                >
                  ×
                </button>
              </span>
            ))}
            <input
              type="date"
              aria-label="A day off"
              value={newDayOff}
              onChange={(e) => setNewDayOff(e.target.value)}
              className="plan-day-off-input"
            />
            <button type="button" className="button button-small" onClick={addDayOff} disabled={!newDayOff}>
              Add day off
            </button>
          </div>
        </fieldset>
        <ErrorLine>{write.error}</ErrorLine>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={!changed || write.pending}>
            Save availability
          </button>
        </div>
      </form>
    </section>
  );
}

type CostName = 'learnTopicMinutes' | 'reviewTopicSeconds' | 'reviewQaSeconds';
const COSTS: ReadonlyArray<{ name: CostName; label: string; unit: string; max: number }> = [
  { name: 'learnTopicMinutes', label: 'Learn a new topic', unit: 'min', max: 600 },
  { name: 'reviewTopicSeconds', label: 'Review a topic card', unit: 's', max: 3600 },
  { name: 'reviewQaSeconds', label: 'Review a Q&A card', unit: 's', max: 3600 },
];

function CostsCard({ settings, checklist, sections }: { settings: PlanSettingsJson; checklist: string; sections: SectionChoice[] }) {
  const write = usePlanWrite(checklist);
  const [values, setValues] = useState<Record<CostName, string>>({
    learnTopicMinutes: String(settings.costs.learnTopicMinutes.value),
    reviewTopicSeconds: String(settings.costs.reviewTopicSeconds.value),
    reviewQaSeconds: String(settings.costs.reviewQaSeconds.value),
  });
  const [sectionRef, setSectionRef] = useState('');
  const [sectionMinutes, setSectionMinutes] = useState('');
  const changedCosts = COSTS.filter((c) => values[c.name] !== String(settings.costs[c.name].value));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch: PlanSettingsPatchJson = Object.fromEntries(changedCosts.map((c) => [c.name, Number(values[c.name])]));
    if (changedCosts.length > 0) await write.run(() => planApi.patchSettings(checklist, patch));
  };
  const reset = (name: CostName) => void write.run(() => planApi.patchSettings(checklist, { [name]: null }));
  const setSection = (section: string, learnTopicMinutes: number | null) =>
    write.run(() => planApi.patchSettings(checklist, { sectionCosts: [{ section, learnTopicMinutes }] }));
  const priced = new Set(settings.costs.sections.map((s) => s.path.join(' > ')));
  return (
    <section className="card plan-settings" aria-labelledby="costs-heading">
      <div className="card-title-row">
        <h2 id="costs-heading">Time costs</h2>
        <span className="muted plan-costs-log">
          {settings.loggedAnswers.topic + settings.loggedAnswers.qa > 0
            ? `${settings.loggedAnswers.topic} timed topic reviews and ${settings.loggedAnswers.qa} Q&A reviews in your log (20 of a kind make a median)`
            : 'Your log has no timed review yet: 20 of a kind make a median'}
        </span>
      </div>
      <form className="plan-costs" aria-label="Time costs" onSubmit={(e) => void submit(e)}>
        {COSTS.map((c) => (
          <CostRow
            key={c.name}
            label={c.label}
            unit={c.unit}
            max={c.max}
            cost={settings.costs[c.name]}
            value={values[c.name]}
            onChange={(value) => setValues({ ...values, [c.name]: value })}
            onReset={() => reset(c.name)}
          />
        ))}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={changedCosts.length === 0 || write.pending}>
            Save costs
          </button>
        </div>
      </form>
      <div className="plan-section-costs">
        <h3 className="field-label">Sections that take longer (or less) to learn</h3>
        {settings.costs.sections.length > 0 && (
          <ul className="plan-section-cost-list">
            {settings.costs.sections.map((s) => (
              <SectionCost key={s.key} cost={s} onReset={() => void setSection(s.path.join(' > '), null)} />
            ))}
          </ul>
        )}
        <form
          className="plan-section-cost-form"
          aria-label="A section’s learning time"
          onSubmit={(e) => {
            e.preventDefault();
            if (!sectionRef || !sectionMinutes) return;
            void setSection(sectionRef, Number(sectionMinutes)).then((done) => {
              if (done === null) return;
              setSectionRef('');
              setSectionMinutes('');
            });
          }}
        >
          <label className="field">
            <span className="field-label">Section</span>
            <select value={sectionRef} onChange={(e) => setSectionRef(e.target.value)}>
              <option value="">Choose a section…</option>
              {sections
                .filter((s) => !priced.has(s.ref))
                .map((s) => (
                  <option key={s.ref} value={s.ref}>
                    {'\u00a0'.repeat((s.depth - 1) * 2)}
                    {s.label}
                  </option>
                ))}
            </select>
          </label>
          <label className="field field-narrow">
            <span className="field-label">Minutes a topic</span>
            <input type="number" min={1} max={600} value={sectionMinutes} onChange={(e) => setSectionMinutes(e.target.value)} />
          </label>
          <button type="submit" className="button" disabled={!sectionRef || !sectionMinutes || write.pending}>
            Set
          </button>
        </form>
      </div>
      <ErrorLine>{write.error}</ErrorLine>
    </section>
  );
}

/** A section's own minutes to learn a topic, and the way back to the checklist's figure. */
function SectionCost({ cost, onReset }: { cost: SectionCostJson; onReset: () => void }) {
  const place = cost.path.join(' / ');
  return (
    <li>
      <span>{place}</span>
      <span className="plan-cost-value">{cost.learnTopicMinutes} min a topic</span>
      <button type="button" className="button button-small" aria-label={`Back to the checklist’s figure for ${place}`} onClick={onReset}>
        Reset
      </button>
    </li>
  );
}

interface CostRowProps {
  label: string;
  unit: string;
  max: number;
  cost: CostJson;
  value: string;
  onChange: (value: string) => void;
  onReset: () => void;
}

function CostRow({ label, unit, max, cost, value, onChange, onReset }: CostRowProps) {
  return (
    <div className="plan-cost-row">
      <label className="field field-narrow">
        <span className="field-label">{label}</span>
        <span className="input-with-unit">
          <input type="number" min={1} max={max} step="any" value={value} onChange={(e) => onChange(e.target.value)} required />
          <span className="muted">{unit}</span>
        </span>
      </label>
      <span className={`cost-source cost-source-${cost.source}`}>{SOURCE_LABEL[cost.source]}</span>
      {cost.source === 'yours' && (
        <button type="button" className="button button-small" onClick={onReset} aria-label={`${label}: back to your log’s median or the default`}>
          Reset to default
        </button>
      )}
    </div>
  );
}
