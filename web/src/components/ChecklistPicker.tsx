// Switches between imported checklists by changing `?c=` on the current page.
import type { ChecklistSummaryJson } from '../../../src/contract/checklists.js';
import { hrefFor, navigate } from '../lib/router.js';

interface Props {
  checklists: ChecklistSummaryJson[];
  /** null when the URL names no existing checklist: the picker then asks for one. */
  current: string | null;
  path: string;
}

export function ChecklistPicker({ checklists, current, path }: Props) {
  return (
    <label className="checklist-picker">
      <select aria-label="Checklist" value={current ?? ''} onChange={(e) => navigate(hrefFor(path, e.target.value))}>
        {current === null && (
          <option value="" disabled>
            Choose a checklist…
          </option>
        )}
        {checklists.map((c) => (
          <option key={c.name} value={c.name}>
            {c.title || c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
