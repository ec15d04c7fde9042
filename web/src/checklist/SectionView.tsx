// A section of the study tree: a collapsible heading with its progress, its notes, links, topics
// and subsections, nested as in the file.
import { useLayoutEffect, useRef, useState } from 'react';
import type { ExportedSection } from '../../../src/contract/checklists.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { ResourceList } from '../components/ResourceList.js';
import { TopicList } from './TopicRow.js';
import { useTree } from './TreeContext.js';

export function SectionView({ section }: { section: ExportedSection }) {
  const { visibility, isCollapsed, toggleSection } = useTree();
  if (visibility && !visibility.sections.has(section.id)) return null;
  // A filter shows every match, so it opens collapsed sections while it is on.
  const collapsed = visibility === null && isCollapsed(section.id);
  const Heading = `h${Math.min(section.level + 1, 6)}` as 'h2';
  const bodyId = `section-body-${section.id}`;
  const hasStudy = section.progress.total > 0;
  return (
    <section className={`section level-${Math.min(section.level, 4)}`} id={`section-${section.id}`} aria-labelledby={`section-title-${section.id}`}>
      <div className="section-header">
        <Heading className="section-title" id={`section-title-${section.id}`}>
          <button
            type="button"
            className="section-toggle"
            aria-expanded={!collapsed}
            aria-controls={bodyId}
            onClick={() => toggleSection(section.id)}
          >
            <span className="chevron" aria-hidden="true" />
            {section.text || section.title}
          </button>
        </Heading>
        {hasStudy && <ProgressBar progress={section.progress} label={`${section.text} progress`} />}
      </div>
      {!collapsed && (
        <div className="section-body" id={bodyId}>
          {visibility === null && <SectionNotes notes={section.notes} />}
          {visibility === null && <ResourceList resources={section.resources} label={`${section.text} links`} />}
          <TopicList topics={section.topics} />
          {section.sections.map((child) => (
            <SectionView key={child.id} section={child} />
          ))}
        </div>
      )}
    </section>
  );
}

const PRE_BLOCK = /^\s*<pre>([\s\S]*?)<\/pre>\s*$/i;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * A note as text to show in a <pre>: a lone `<pre>` block loses its tags (its text is what the author
 * meant to show), anything else stays its Markdown source. React renders it as text, so no markup runs.
 */
function noteText(source: string): string {
  const pre = PRE_BLOCK.exec(source);
  if (!pre) return source;
  return pre[1]!.replace(/^\r?\n/, '').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Notes are the file's own blocks (a <pre>, a table, a quote): shown as text, never as live HTML. */
export function SectionNotes({ notes }: { notes: string[] }) {
  // An HTML comment (a blog's `<!--more-->`) is invisible in the file's own rendering; so it is here.
  const shown = notes.filter((note) => !/^\s*(<!--[\s\S]*?-->\s*)+$/.test(note));
  if (shown.length === 0) return null;
  return (
    <div className="section-notes">
      {shown.map((note, i) => (
        <NoteBlock key={i} text={noteText(note)} />
      ))}
    </div>
  );
}

/**
 * A long note shows its first lines, faded, with a button for the rest: a box of its own that scrolls
 * inside the scrolling page is easy to miss and awkward to scroll past on a phone.
 */
function NoteBlock({ text }: { text: string }) {
  const ref = useRef<HTMLPreElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const pre = ref.current;
    if (!pre || expanded) return;
    const measure = () => setOverflows(pre.scrollHeight > pre.clientHeight + 1);
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(pre);
    return () => observer?.disconnect();
  }, [text, expanded]);
  const clamped = !expanded;
  return (
    <div className="note">
      <pre ref={ref} className={`note-source${clamped ? ' note-clamped' : ''}${clamped && overflows ? ' note-faded' : ''}`}>
        {text}
      </pre>
      {(overflows || expanded) && (
        <button type="button" className="note-toggle" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : 'Show the whole note'}
        </button>
      )}
    </div>
  );
}
