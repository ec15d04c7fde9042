// The remote-policy select of an application's details and of its offer, with "none said" first.
import { REMOTE_LABEL, REMOTE_POLICIES } from './format.js';

interface RemoteFieldProps {
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  /** What the empty choice says: "Not known" for a posting, "Not said" for an offer. */
  emptyLabel: string;
}

export function RemoteField({ value, onChange, emptyLabel }: RemoteFieldProps) {
  return (
    <label className="field">
      <span className="field-label">Remote</span>
      <select value={value} onChange={onChange}>
        <option value="">{emptyLabel}</option>
        {REMOTE_POLICIES.map((r) => (
          <option key={r} value={r}>
            {REMOTE_LABEL[r]}
          </option>
        ))}
      </select>
    </label>
  );
}
