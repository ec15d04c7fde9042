// An application's own fields, edited in one form and saved together: only what changed is sent.
import { useState, type FormEvent } from 'react';
import type { ApplicationPatchJson, ApplicationSummaryJson, PayPeriod, RemotePolicy, SalaryJson } from '../../../src/contract/hunt.js';
import { PAY_PERIODS, PERIOD_LABEL } from './format.js';
import { RemoteField } from './RemoteField.js';

interface Draft {
  company: string;
  role: string;
  link: string;
  location: string;
  remote: string;
  salaryMin: string;
  salaryMax: string;
  currency: string;
  period: PayPeriod;
  source: string;
  foundOn: string;
  tags: string;
}

function draftOf(a: ApplicationSummaryJson): Draft {
  return {
    company: a.company,
    role: a.role,
    link: a.link,
    location: a.location,
    remote: a.remote ?? '',
    salaryMin: a.salary?.min?.toString() ?? '',
    salaryMax: a.salary?.max?.toString() ?? '',
    currency: a.salary?.currency ?? 'EUR',
    period: a.salary?.period ?? 'year',
    source: a.source,
    foundOn: a.foundOn ?? '',
    tags: a.tags.join(', '),
  };
}

/** The patch the draft asks for, or a message naming the field that cannot be sent. */
function patchOf(draft: Draft, a: ApplicationSummaryJson): ApplicationPatchJson | string {
  const patch: ApplicationPatchJson = {};
  for (const key of ['company', 'role', 'link', 'location', 'source'] as const) {
    if (draft[key].trim() !== a[key]) patch[key] = draft[key].trim();
  }
  if (!draft.company.trim()) return 'The company cannot be empty.';
  if ((draft.remote || null) !== a.remote) patch.remote = (draft.remote || null) as RemotePolicy | null;
  if ((draft.foundOn || null) !== a.foundOn) patch.foundOn = draft.foundOn || null;
  const tags = [
    ...new Set(
      draft.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  if (tags.join('\n') !== a.tags.join('\n')) patch.tags = tags;
  const amount = (text: string, name: string): number | null | string => {
    if (!text.trim()) return null;
    const n = Number(text.replace(/[\s,_]/g, ''));
    return Number.isFinite(n) && n >= 0 ? n : `The ${name} salary is not an amount: ${text}`;
  };
  const min = amount(draft.salaryMin, 'minimum');
  const max = amount(draft.salaryMax, 'maximum');
  if (typeof min === 'string') return min;
  if (typeof max === 'string') return max;
  const currency = draft.currency.trim().toUpperCase();
  const salary: SalaryJson | null = min === null && max === null ? null : { min, max, currency, period: draft.period };
  if (salary && !/^[A-Z]{3}$/.test(currency)) return 'The currency is a three-letter code, like EUR or USD.';
  if (JSON.stringify(salary) !== JSON.stringify(a.salary)) patch.salary = salary;
  return patch;
}

export function DetailsForm({
  application,
  onSave,
}: {
  application: ApplicationSummaryJson;
  onSave: (patch: ApplicationPatchJson) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState(() => draftOf(application));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const patch = patchOf(draft, application);
  const dirty = typeof patch === 'string' || Object.keys(patch).length > 0;
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => {
    setDraft({ ...draft, [key]: e.target.value });
    setSaved(false);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (typeof patch === 'string') return setProblem(patch);
    setProblem(null);
    if (Object.keys(patch).length === 0) return;
    if (await onSave(patch)) setSaved(true);
  };
  return (
    <form className="card details-form" onSubmit={(e) => void submit(e)} aria-labelledby="details-heading">
      <div className="card-title-row">
        <h2 id="details-heading">Details</h2>
        <span className="muted" aria-live="polite">
          {dirty ? 'Unsaved changes' : saved ? 'Saved' : ''}
        </span>
      </div>
      <div className="details-grid">
        <Field label="Company" value={draft.company} onChange={set('company')} required half />
        <Field label="Role" value={draft.role} onChange={set('role')} half />
        <Field label="Link" value={draft.link} onChange={set('link')} type="url" wide />
        <Field label="Location" value={draft.location} onChange={set('location')} />
        <RemoteField value={draft.remote} onChange={set('remote')} emptyLabel="Not known" />
        <fieldset className="salary-fields">
          <legend className="field-label">Salary</legend>
          <input aria-label="Salary from" inputMode="numeric" placeholder="from" value={draft.salaryMin} onChange={set('salaryMin')} />
          <input aria-label="Salary to" inputMode="numeric" placeholder="to" value={draft.salaryMax} onChange={set('salaryMax')} />
          <input aria-label="Currency" className="currency-input" maxLength={3} value={draft.currency} onChange={set('currency')} />
          <select aria-label="Per" value={draft.period} onChange={set('period')}>
            {PAY_PERIODS.map((p) => (
              <option key={p} value={p}>
                {PERIOD_LABEL[p]}
              </option>
            ))}
          </select>
        </fieldset>
        <Field label="Source" value={draft.source} onChange={set('source')} placeholder="referral, job board, recruiter…" />
        <Field label="Found on" value={draft.foundOn} onChange={set('foundOn')} type="date" />
        <Field label="Tags" value={draft.tags} onChange={set('tags')} placeholder="comma, separated" wide />
      </div>
      {problem && (
        <p className="error-line" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={!dirty}>
          Save details
        </button>
        {dirty && (
          <button type="button" className="button" onClick={() => setDraft(draftOf(application))}>
            Undo changes
          </button>
        )}
      </div>
    </form>
  );
}

interface FieldProps {
  label: string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  type?: string;
  placeholder?: string;
  required?: boolean;
  wide?: boolean;
  /** Two columns: a company's or a role's name is longer than a date. */
  half?: boolean;
}

function Field({ label, wide = false, half = false, ...input }: FieldProps) {
  return (
    <label className={`field${wide ? ' field-wide' : half ? ' field-half' : ''}`}>
      <span className="field-label">{label}</span>
      <input {...input} />
    </label>
  );
}
