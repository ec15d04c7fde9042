// A round's when, where and what, for adding one to an application or changing it: the local date-time in its
// zone (the hunt's by default), the duration, the kind (one of the usual or the user's own), the checklist
// sections it is about, the interviewers from the application's contacts, and the meeting link.
import { useId, useState, type FormEvent } from 'react';
import type { ContactJson } from '../../../src/contract/hunt.js';
import type { RoundCreateJson, RoundJson, SectionRefJson } from '../../../src/contract/interviews.js';
import { defaultLocalStart, KIND_LABEL, kindKey, kindLabel, ROUND_KINDS } from './format.js';
import type { SectionChoice } from './sections.js';
import { sectionRef } from './sections.js';
import { ZoneField } from './ZoneField.js';
import { CheckChips } from './CheckChips.js';

export type RoundFields = Omit<RoundCreateJson, 'applicationId'>;

interface Props {
  round?: RoundJson;
  /** The hunt's zone: a new round's default. */
  zone: string;
  contacts: ContactJson[];
  sections: SectionChoice[];
  onSave: (fields: RoundFields) => Promise<boolean>;
  onCancel: () => void;
}

const KIND_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function RoundForm({ round, zone, contacts, sections, onSave, onCancel }: Props) {
  const id = useId();
  const [localStart, setLocalStart] = useState(round?.localStart ?? defaultLocalStart(zone));
  const [timeZone, setTimeZone] = useState(round?.timeZone ?? zone);
  const [duration, setDuration] = useState(String(round?.durationMinutes ?? 60));
  const [kind, setKind] = useState(round ? kindLabel(round.kind) : KIND_LABEL.technical);
  const [chosen, setChosen] = useState<SectionRefJson[]>(round?.sections.map(sectionRef) ?? []);
  const [interviewers, setInterviewers] = useState<number[]>(round?.interviewers.map((i) => i.contactId) ?? []);
  const [link, setLink] = useState(round?.link ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const key = kindKey(kind);
    const minutes = Number(duration);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(localStart)) return setProblem('When: pick a date and a time.');
    if (!KIND_PATTERN.test(key)) return setProblem('Kind: a few letters or digits, e.g. “technical” or “pair programming”.');
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) return setProblem('Duration: whole minutes, 1 to 1440.');
    setProblem(null);
    const ok = await onSave({ localStart, timeZone, durationMinutes: minutes, kind: key, sections: chosen, interviewers, link: link.trim() });
    if (ok && !round) {
      setChosen([]);
      setInterviewers([]);
      setLink('');
    }
  };
  const available = sections.filter((s) => !chosen.some((c) => c.section === s.ref && (c.checklist ?? s.checklist) === s.checklist));

  return (
    <form className="round-form" onSubmit={(e) => void submit(e)} aria-label={round ? 'Change the round' : 'Add a round'}>
      <label className="field field-narrow round-when">
        <span className="field-label">When</span>
        <input type="datetime-local" value={localStart} onChange={(e) => setLocalStart(e.target.value.slice(0, 16))} required />
      </label>
      <ZoneField value={timeZone} onChange={setTimeZone} />
      <label className="field field-narrow round-duration">
        <span className="field-label">Minutes</span>
        <input type="number" min={1} max={1440} value={duration} onChange={(e) => setDuration(e.target.value)} required />
      </label>
      <label className="field field-narrow">
        <span className="field-label">Kind</span>
        <input list={`${id}-kinds`} value={kind} onChange={(e) => setKind(e.target.value)} required maxLength={40} autoComplete="off" />
        <datalist id={`${id}-kinds`}>
          {ROUND_KINDS.map((k) => (
            <option key={k} value={KIND_LABEL[k]} />
          ))}
        </datalist>
      </label>
      <label className="field field-wide">
        <span className="field-label">Link</span>
        <input type="url" value={link} onChange={(e) => setLink(e.target.value)} placeholder="https://meet… (optional)" maxLength={2000} />
      </label>
      <fieldset className="field field-wide round-sections">
        <legend className="field-label">Checklist sections it is about</legend>
        <div className="chips">
          {chosen.map((c) => (
            <span key={`${c.checklist ?? ''}\n${c.section}`} className="chip">
              {c.section.replace(/ > /g, ' / ')}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${c.section}`}
                onClick={() => setChosen(chosen.filter((other) => other !== c))}
              >
                ×
              </button>
            </span>
          ))}
          <select
            aria-label="Add a section"
            value=""
            onChange={(e) => {
              const choice = available.find((s) => `${s.checklist}\n${s.ref}` === e.target.value);
              if (choice) setChosen([...chosen, { checklist: choice.checklist, section: choice.ref }]);
            }}
          >
            <option value="">{sections.length === 0 ? 'No checklist imported' : 'Add a section…'}</option>
            {available.map((s) => (
              <option key={`${s.checklist}\n${s.ref}`} value={`${s.checklist}\n${s.ref}`}>
                {'\u00a0'.repeat((s.depth - 1) * 2)}
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      {contacts.length > 0 && (
        <CheckChips
          legend="Interviewers"
          className="round-interviewers"
          options={contacts.map((c) => ({ value: c.id, label: c.name }))}
          chosen={interviewers}
          onChange={setInterviewers}
        />
      )}
      {problem && (
        <p className="error-line" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary">
          {round ? 'Save the round' : 'Add the round'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
