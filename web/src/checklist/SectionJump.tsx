// Finding one's way in a long checklist: a jump to any section (the goals and books too, which a phone shows after
// every topic), and folding or unfolding every section at once.
import { useMemo } from 'react';
import type { ExportedSection } from '../../../src/contract/checklists.js';
import { sectionOutline } from '../lib/tree.js';

interface Props {
  study: ExportedSection[];
  goals: boolean;
  books: boolean;
  /** Unfolds the section and the sections it sits in, then scrolls to it. */
  onJump: (sectionId: number, ancestors: number[]) => void;
  onFoldAll: () => void;
  onUnfoldAll: () => void;
  anyFolded: boolean;
}

/** The panels beside the tree, by the ids of their headings. */
const PANELS = { goals: 'panel-goals', books: 'panel-books' };

export function SectionJump({ study, goals, books, onJump, onFoldAll, onUnfoldAll, anyFolded }: Props) {
  const outline = useMemo(() => sectionOutline(study), [study]);
  const ancestors = useMemo(() => {
    const chain = new Map<number, number[]>();
    const walk = (sections: readonly ExportedSection[], above: number[]) => {
      for (const section of sections) {
        chain.set(section.id, above);
        walk(section.sections, [...above, section.id]);
      }
    };
    walk(study, []);
    return chain;
  }, [study]);
  const jump = (value: string) => {
    if (value === PANELS.goals || value === PANELS.books) {
      document.getElementById(value)?.scrollIntoView({ block: 'start' });
      return;
    }
    const id = Number(value);
    if (Number.isInteger(id)) onJump(id, ancestors.get(id) ?? []);
  };
  if (outline.length < 2 && !goals && !books) return null;
  return (
    <div className="section-jump">
      <label className="section-jump-field">
        <span className="visually-hidden">Jump to a section</span>
        {/* Reset to its prompt after each jump, so the same section can be chosen again. */}
        <select value="" onChange={(e) => jump(e.target.value)}>
          <option value="" disabled>
            Jump to a section…
          </option>
          {outline.map(({ section, depth }) => (
            <option key={section.id} value={section.id}>
              {'\u2003'.repeat(depth - 1)}
              {section.text || section.title}
            </option>
          ))}
          {goals && <option value={PANELS.goals}>Goals</option>}
          {books && <option value={PANELS.books}>Books</option>}
        </select>
      </label>
      {/* On a phone the goals and books come after every topic: one tap away here. */}
      {goals && (
        <button type="button" className="button button-small section-jump-panel" onClick={() => jump(PANELS.goals)}>
          Goals ↓
        </button>
      )}
      {books && (
        <button type="button" className="button button-small section-jump-panel" onClick={() => jump(PANELS.books)}>
          Books ↓
        </button>
      )}
      <button type="button" className="button button-small" onClick={anyFolded ? onUnfoldAll : onFoldAll}>
        {anyFolded ? 'Unfold all' : 'Fold all'}
      </button>
    </div>
  );
}
