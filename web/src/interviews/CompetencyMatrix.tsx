// Competencies × stories: which story covers which competency, and which competencies have no story yet (none)
// or only stale ones (not rehearsed or edited for a while). A competency is added at the bottom.
import { useState, type FormEvent } from 'react';
import type { CompetencyJson, CoverageState, StoryBankJson } from '../../../src/contract/interviews.js';

const COVERAGE_TEXT: Record<CoverageState, string> = { none: 'no story', stale: 'stale', fresh: 'covered' };

interface Props {
  bank: StoryBankJson;
  onOpen: (storyId: number) => void;
  /** A new story, for this competency. */
  onNew: (competency: string) => void;
  onAdd: (label: string) => Promise<boolean>;
  onRename: (competency: CompetencyJson, label: string) => Promise<boolean>;
}

export function CompetencyMatrix({ bank, onOpen, onNew, onAdd, onRename }: Props) {
  const stories = bank.stories.filter((s) => s.archivedAt === null);
  const [label, setLabel] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (label.trim() && (await onAdd(label.trim()))) setLabel('');
  };
  const uncovered = bank.competencies.filter((c) => c.coverage === 'none').length;
  const stale = bank.competencies.filter((c) => c.coverage === 'stale').length;
  return (
    <section className="card matrix-card" aria-labelledby="matrix-heading">
      <div className="card-title-row">
        <h2 id="matrix-heading">Competencies</h2>
        <span className="muted matrix-summary">
          {uncovered === 0 && stale === 0
            ? 'each has a fresh story'
            : [uncovered > 0 && `${uncovered} without a story`, stale > 0 && `${stale} only stale`].filter(Boolean).join(' · ')}
        </span>
      </div>
      <div className="table-scroll">
        <table className="matrix">
          <thead>
            <tr>
              <th scope="col">Competency</th>
              {stories.map((s) => (
                <th key={s.id} scope="col" className="matrix-story">
                  <button type="button" className="matrix-story-button" onClick={() => onOpen(s.id)} title={s.title}>
                    {s.title}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {bank.competencies.map((c) => (
              <tr key={c.key} className={`coverage-${c.coverage}`} data-competency={c.key}>
                <th scope="row">
                  {renaming === c.key ? (
                    <RenameField
                      competency={c}
                      onDone={() => setRenaming(null)}
                      onRename={async (text) => (await onRename(c, text)) && (setRenaming(null), true)}
                    />
                  ) : (
                    <button type="button" className="matrix-competency" onClick={() => setRenaming(c.key)} title="Rename">
                      {c.label}
                    </button>
                  )}
                  <span className={`coverage coverage-pill-${c.coverage}`}>{COVERAGE_TEXT[c.coverage]}</span>
                  {c.coverage !== 'fresh' && (
                    <button type="button" className="matrix-new" onClick={() => onNew(c.key)} aria-label={`Write a story for ${c.label}`}>
                      + story
                    </button>
                  )}
                </th>
                {stories.map((s) => (
                  <td key={s.id} className="matrix-cell">
                    {c.stories.includes(s.id) ? (
                      <span className="matrix-dot" role="img" aria-label={`${s.title} covers ${c.label}`}>
                        ●
                      </span>
                    ) : (
                      ''
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="add-competency" onSubmit={(e) => void add(e)} aria-label="Add a competency">
        <label className="field">
          <span className="field-label">New competency</span>
          <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={100} placeholder="e.g. Influencing without authority" />
        </label>
        <button type="submit" className="button" disabled={!label.trim()}>
          Add
        </button>
      </form>
    </section>
  );
}

function RenameField({
  competency,
  onRename,
  onDone,
}: {
  competency: CompetencyJson;
  onRename: (label: string) => Promise<boolean>;
  onDone: () => void;
}) {
  const [text, setText] = useState(competency.label);
  return (
    <form
      className="rename-competency"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() && text.trim() !== competency.label) void onRename(text.trim());
        else onDone();
      }}
    >
      <input
        aria-label={`Rename ${competency.label}`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onDone()}
        onBlur={onDone}
        maxLength={100}
        autoFocus
      />
    </form>
  );
}
