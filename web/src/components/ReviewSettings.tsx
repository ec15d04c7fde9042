// A checklist's review settings (retention aimed for, cards a day, when a day starts, the longest interval)
// and the optimizer, which fits FSRS parameters to the checklist's own reviews and shows how much better
// they predict them than the defaults before they are applied. The server checks every value.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { OptimizeJson, ReviewSettingsJson } from '../../../src/contract/review.js';
import { errorMessage } from '../lib/api.js';
import { reviewSettingsQuery, useOptimize, useSaveReviewSettings } from '../queries/review.js';
import { ErrorLine } from './ErrorLine.js';

type NumberField = 'desiredRetention' | 'newPerDay' | 'reviewsPerDay' | 'dayStartsAt' | 'maximumInterval';

const FIELDS: Array<{ key: NumberField; label: string; hint: string; min: number; max: number; step: number }> = [
  { key: 'desiredRetention', label: 'Desired retention', hint: 'chance of recall when a card comes due, 0.70–0.99', min: 0.7, max: 0.99, step: 0.01 },
  { key: 'newPerDay', label: 'New cards per day', hint: 'topics and cards seen for the first time', min: 0, max: 9999, step: 1 },
  { key: 'reviewsPerDay', label: 'Reviews per day', hint: 'cards already seen', min: 0, max: 99999, step: 1 },
  { key: 'maximumInterval', label: 'Maximum interval', hint: 'days, at most', min: 1, max: 36500, step: 1 },
];

type Draft = Record<NumberField, string>;

/** What the form and the optimizer call each setting the server names in its errors. */
const FIELD_LABEL: Record<string, string> = {
  ...Object.fromEntries(FIELDS.map((f) => [f.key, f.label])),
  dayStartsAt: 'A study day starts at',
  learningSteps: 'Learning steps',
  relearningSteps: 'Relearning steps',
  timeZone: 'Time zone',
  fuzz: 'Fuzz',
  parameters: 'FSRS parameters',
};

/**
 * The server's message with the setting it names (`newPerDay must be …`, or `body field 'newPerDay' must be …`
 * from the request's schema) put as the form labels it: `New cards per day must be …`.
 */
function settingsError(message: string): string {
  const match = /^(?:body field '([A-Za-z]+)'|([A-Za-z]+))(?= )/.exec(message);
  const field = match?.[1] ?? match?.[2];
  const label = field !== undefined && Object.hasOwn(FIELD_LABEL, field) ? FIELD_LABEL[field] : undefined;
  if (!label) return message;
  // The schema's own words for a value of the wrong type ("must be integer"), as the checks word them.
  const rest = message
    .slice(match![0].length)
    .replace(/ must be integer$/, ' must be a whole number')
    .replace(/ must be number$/, ' must be a number');
  return label + rest;
}

function draftOf(settings: ReviewSettingsJson): Draft {
  return {
    desiredRetention: String(settings.desiredRetention),
    newPerDay: String(settings.newPerDay),
    reviewsPerDay: String(settings.reviewsPerDay),
    dayStartsAt: String(settings.dayStartsAt),
    maximumInterval: String(settings.maximumInterval),
  };
}

/** The fields changed, as numbers where they read as numbers; anything else is sent as typed, for the server to name. */
function patchOf(draft: Draft, saved: ReviewSettingsJson): Partial<Record<NumberField, unknown>> {
  const patch: Partial<Record<NumberField, unknown>> = {};
  for (const key of Object.keys(draft) as NumberField[]) {
    const text = draft[key].trim();
    const value = text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    if (value !== saved[key]) patch[key] = value;
  }
  return patch;
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Once a change is saved (the settings, or the parameters), today's queue and counts are asked again. */
export function ReviewSettingsPanel({ checklist }: { checklist: string }) {
  const settings = useQuery(reviewSettingsQuery(checklist));
  if (settings.error && !settings.data) return <ErrorLine>{errorMessage(settings.error)}</ErrorLine>;
  if (!settings.data) return <div className="skeleton-card review-settings-skeleton" aria-busy="true" aria-label="Loading the settings" />;
  return (
    <div className="review-settings">
      <SettingsForm checklist={checklist} saved={settings.data} />
      <Optimizer checklist={checklist} settings={settings.data} />
    </div>
  );
}

interface FormProps {
  checklist: string;
  saved: ReviewSettingsJson;
}

function SettingsForm({ checklist, saved }: FormProps) {
  const { mutateAsync: saveSettings } = useSaveReviewSettings(checklist);
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  const patch = patchOf(draft, saved);
  const dirty = Object.keys(patch).length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!dirty || status === 'saving') return;
    setStatus('saving');
    setError(null);
    try {
      const next = await saveSettings(patch as Partial<ReviewSettingsJson>);
      // As the server keeps them (0.850 reads 0.85).
      setDraft(draftOf(next));
      setStatus('saved');
    } catch (e) {
      setError(settingsError(errorMessage(e)));
      setStatus('idle');
    }
  };
  const set = (key: NumberField, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setStatus('idle');
    // The error was about the values saved; once they change, it is out of date.
    setError(null);
  };

  return (
    <form className="settings-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Review settings">
      <div className="settings-grid">
        {FIELDS.map((f) => (
          <label key={f.key} className="field">
            <span className="field-label">{f.label}</span>
            <input
              type="number"
              inputMode="decimal"
              name={f.key}
              min={f.min}
              max={f.max}
              step={f.step}
              value={draft[f.key]}
              onChange={(e) => set(f.key, e.target.value)}
            />
            <span className="field-hint muted">{f.hint}</span>
          </label>
        ))}
        <label className="field">
          <span className="field-label">A study day starts at</span>
          <select name="dayStartsAt" value={draft.dayStartsAt} onChange={(e) => set('dayStartsAt', e.target.value)}>
            {HOURS.map((h) => (
              <option key={h} value={String(h)}>
                {String(h).padStart(2, '0')}:00
              </option>
            ))}
          </select>
          <span className="field-hint muted">{saved.timeZone ? `in ${saved.timeZone}` : "in this computer's time zone"}</span>
        </label>
      </div>
      <ErrorLine>{error}</ErrorLine>
      <div className="notes-actions">
        <button type="submit" className="button button-primary" disabled={!dirty || status === 'saving'}>
          Save settings
        </button>
        <span className="muted" aria-live="polite">
          {status === 'saving' ? 'Saving…' : dirty ? 'Unsaved changes' : status === 'saved' ? 'Saved' : ''}
        </span>
      </div>
    </form>
  );
}

interface OptimizerProps {
  checklist: string;
  settings: ReviewSettingsJson;
}

function Optimizer({ checklist, settings }: OptimizerProps) {
  const { mutateAsync: saveSettings } = useSaveReviewSettings(checklist);
  const { mutateAsync: optimize } = useOptimize(checklist);
  const [result, setResult] = useState<OptimizeJson | null>(null);
  const [running, setRunning] = useState<'fit' | 'apply' | 'reset' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (what: 'fit' | 'apply' | 'reset') => {
    setRunning(what);
    setError(null);
    try {
      if (what === 'reset') {
        await saveSettings({ parameters: null });
        setResult(null);
      } else {
        setResult(await optimize(what === 'apply'));
      }
    } catch (e) {
      setError(settingsError(errorMessage(e)));
    } finally {
      setRunning(null);
    }
  };

  return (
    <section className="optimizer" aria-labelledby="optimizer-heading">
      <h3 id="optimizer-heading">FSRS parameters</h3>
      <p className="muted">
        {settings.parameters
          ? `Fitted to your reviews (${settings.parameters.length} values).`
          : 'The defaults, fitted to millions of reviews by others.'}{' '}
        The optimizer fits them to this checklist's own review log.
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={() => void run('fit')} disabled={running !== null}>
          {running === 'fit' ? 'Optimizing…' : 'Optimize'}
        </button>
        {settings.parameters && (
          <button type="button" className="button" onClick={() => void run('reset')} disabled={running !== null}>
            Back to the defaults
          </button>
        )}
      </div>
      <ErrorLine>{error}</ErrorLine>
      {result && <OptimizeResult result={result} applying={running === 'apply'} onApply={() => void run('apply')} />}
    </section>
  );
}

function OptimizeResult({ result, applying, onApply }: { result: OptimizeJson; applying: boolean; onApply: () => void }) {
  const { defaultMetrics: before, fittedMetrics: after } = result;
  return (
    <div className="optimize-result" aria-live="polite">
      <p>{result.message}</p>
      <p className="muted">
        {result.reviews} reviews in the log, {result.trainingItems} usable for training.
      </p>
      {before && after && (
        <table className="metrics">
          <thead>
            <tr>
              <th scope="col">Parameters</th>
              <th scope="col">Log loss</th>
              <th scope="col">RMSE</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Default</th>
              <td className={before.logLoss <= after.logLoss ? 'better' : undefined}>{before.logLoss.toFixed(4)}</td>
              <td className={before.rmse <= after.rmse ? 'better' : undefined}>{(before.rmse * 100).toFixed(2)}%</td>
            </tr>
            <tr>
              <th scope="row">Fitted</th>
              <td className={after.logLoss < before.logLoss ? 'better' : undefined}>{after.logLoss.toFixed(4)}</td>
              <td className={after.rmse < before.rmse ? 'better' : undefined}>{(after.rmse * 100).toFixed(2)}%</td>
            </tr>
          </tbody>
        </table>
      )}
      {result.parameters && !result.applied && (
        <div className="actions">
          <button type="button" className="button button-primary" onClick={onApply} disabled={applying}>
            {applying ? 'Applying…' : 'Apply the fitted parameters'}
          </button>
          <span className="muted">Lower is better for both.</span>
        </div>
      )}
      {result.applied && <p className="saved-line">Applied: new intervals use the fitted parameters.</p>}
    </div>
  );
}
