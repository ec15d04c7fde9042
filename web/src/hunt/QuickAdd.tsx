// A new application from the board: company, role and stage; the rest on its own page.
import { useState, type FormEvent } from 'react';
import type { HuntJson } from '../../../src/contract/hunt.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { huntApi } from '../lib/huntApi.js';
import { useHuntWrite } from '../queries/hunt.js';

export function QuickAdd({ hunt }: { hunt: HuntJson }) {
  const add = useHuntWrite(huntApi.addApplication);
  const [company, setCompany] = useState('');
  const [role, setRole] = useState('');
  const [stage, setStage] = useState(hunt.stages[0]?.key ?? '');
  const [added, setAdded] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!company.trim()) return;
    const answer = await add.run({ company: company.trim(), role: role.trim(), stage });
    if (answer) {
      setAdded(`${answer.application.company} added.`);
      setCompany('');
      setRole('');
    }
  };
  return (
    <form className="quick-add" onSubmit={(e) => void submit(e)} aria-label="Add an application">
      <label className="field">
        <span className="visually-hidden">Company</span>
        <input placeholder="Company" value={company} onChange={(e) => setCompany(e.target.value)} maxLength={200} required />
      </label>
      <label className="field">
        <span className="visually-hidden">Role</span>
        <input placeholder="Role" value={role} onChange={(e) => setRole(e.target.value)} maxLength={200} />
      </label>
      <label className="field field-narrow">
        <span className="visually-hidden">Stage</span>
        <select value={stage} onChange={(e) => setStage(e.target.value)}>
          {hunt.stages.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button-primary" disabled={!company.trim() || add.pending}>
        Add
      </button>
      <span className="visually-hidden" aria-live="polite">
        {added}
      </span>
      <ErrorLine>{add.error}</ErrorLine>
    </form>
  );
}
