// Search as you type and the state filter, above the tree; stays in view while scrolling.
import type { RefObject } from 'react';
import { isFiltering, type TopicFilter } from '../lib/tree.js';
import { plural } from '../lib/plural.js';
import { STATE_LABEL, STATES } from '../lib/states.js';

interface Props {
  filter: TopicFilter;
  onChange: (filter: TopicFilter) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  shown: number;
  total: number;
}

export function ChecklistToolbar({ filter, onChange, searchRef, shown, total }: Props) {
  const filtering = isFiltering(filter);
  return (
    <div className="toolbar" role="search">
      <label className="search-field">
        <span className="visually-hidden">Search topics</span>
        <input
          ref={searchRef}
          aria-label="Search topics and notes"
          type="search"
          // The `/` key is in the shortcuts line (hidden on a touch screen, where it means nothing), not in the placeholder.
          placeholder="Search topics and notes"
          aria-keyshortcuts="/"
          value={filter.query}
          onChange={(e) => onChange({ ...filter, query: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              onChange({ ...filter, query: '' });
              e.currentTarget.blur();
            }
          }}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <div className="segmented filter" role="group" aria-label="Show topics by state">
        {(['all', ...STATES] as const).map((s) => (
          <button key={s} type="button" className="segment" aria-pressed={filter.state === s} onClick={() => onChange({ ...filter, state: s })}>
            {s === 'all' ? 'All' : STATE_LABEL[s]}
          </button>
        ))}
      </div>
      <p className="toolbar-status" aria-live="polite">
        {filtering ? plural(shown, 'match', 'matches') : plural(total, 'topic')}
      </p>
    </div>
  );
}
