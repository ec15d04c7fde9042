// Goals and books: kept beside the study tree, with their own states, outside the study totals.
import type { ExportedSection } from '../../../src/contract/checklists.js';
import { ResourceList } from '../components/ResourceList.js';
import { Link } from '../lib/router.js';
import { SectionNotes, SectionView } from './SectionView.js';
import { TopicList } from './TopicRow.js';
import { useTree } from './TreeContext.js';

export function EntriesPanel({ title, sections }: { title: string; sections: ExportedSection[] }) {
  const { visibility, checklist } = useTree();
  const shown = visibility ? sections.filter((s) => visibility.sections.has(s.id)) : sections;
  if (shown.length === 0) return null;
  const headingId = `panel-${title.toLowerCase()}`;
  return (
    <section className="card entries-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{shown.length === 1 ? shown[0]!.text || title : title}</h2>
      {/* Goals are the job hunt's criteria: a must-have or a weight each, marked on every application. */}
      {sections[0]?.role === 'goals' && (
        <Link className="entries-action" to={`/hunt?view=criteria&c=${encodeURIComponent(checklist)}`}>
          Job hunt criteria →
        </Link>
      )}
      {shown.map((s) => (
        <div key={s.id} className="entries-group">
          {shown.length > 1 && <h3>{s.text}</h3>}
          {visibility === null && <SectionNotes notes={s.notes} />}
          {visibility === null && <ResourceList resources={s.resources} />}
          <TopicList topics={s.topics} />
          {s.sections.map((child) => (
            <SectionView key={child.id} section={child} />
          ))}
        </div>
      ))}
    </section>
  );
}
