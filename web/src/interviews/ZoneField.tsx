// A time zone picked from every IANA zone the browser knows: a text box that searches them as you type (a
// datalist), and says so when what is typed is not one.
import { useId, useMemo } from 'react';
import { timeZones } from './format.js';

interface Props {
  value: string;
  onChange: (zone: string) => void;
  label?: string;
}

export function ZoneField({ value, onChange, label = 'Time zone' }: Props) {
  const id = useId();
  const zones = useMemo(() => timeZones(), []);
  const known = zones.length === 0 || zones.includes(value);
  return (
    <label className="field zone-field">
      <span className="field-label">{label}</span>
      <input
        list={`${id}-zones`}
        value={value}
        onChange={(e) => onChange(e.target.value.trim())}
        spellCheck={false}
        autoComplete="off"
        placeholder="Europe/Berlin"
        aria-invalid={!known}
        maxLength={64}
        required
      />
      <datalist id={`${id}-zones`}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {!known && value !== '' && <span className="field-hint error-text">Not a time zone: pick one from the list (e.g. Europe/Berlin).</span>}
    </label>
  );
}
