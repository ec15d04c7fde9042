// The checklist as in the file: study sections with their topics, goals and books beside them,
// search and a state filter, one click or one key to change a topic's state.
import { useQuery } from '@tanstack/react-query';
import { Suspense, use, useCallback, useEffect, useMemo, useRef, useState, type ComponentProps, type RefObject } from 'react';
import { ChecklistToolbar } from '../checklist/ChecklistToolbar.js';
import { EntriesPanel } from '../checklist/EntriesPanel.js';
import { SectionJump } from '../checklist/SectionJump.js';
import { SectionNotes, SectionView } from '../checklist/SectionView.js';
import { TopicList } from '../checklist/TopicRow.js';
import { TreeContext, type TreeContextValue } from '../checklist/TreeContext.js';
import { useTopicKeys } from '../checklist/useTopicKeys.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { errorMessage } from '../lib/api.js';
import { STATE_LABEL, type TopicState } from '../lib/states.js';
import { isFiltering, NO_FILTER, queryWords, splitByRole, topicsById, visibility, type TopicFilter } from '../lib/tree.js';
import { treeQuery, useMarkTopic } from '../queries/checklists.js';
import { checklistKey } from '../queries/keys.js';
import { useLive } from '../queries/live.js';
import { preloadPagesWhenIdle, writeBackPanel } from './lazy.js';
import { ErrorLine } from '../components/ErrorLine.js';
import type { WriteBackPanel as WriteBackPanelType } from '../components/WriteBackPanel.js';
import type { ChecklistTreeJson } from '../../../src/contract/checklists.js';
import type { WriteBackResultJson } from '../../../src/contract/write-back.js';
import { plural } from '../lib/plural.js';
import { clearNotice, noticeFor } from '../lib/notice.js';

export function ChecklistPage({ checklist }: { checklist: string }) {
  // Live: `prepdeck sync --watch` or the CLI may change the checklist while it is shown; not while a mark or a write is on its way.
  const tree = useQuery({ ...treeQuery(checklist), ...useLive(checklistKey(checklist)) });
  const [filter, setFilter] = useState<TopicFilter>(NO_FILTER);
  // A line the page before left (a topic removed), shown until the user leaves.
  const [notice] = useState(() => noticeFor('/checklist'));
  useEffect(() => clearNotice(), []);
  const [collapsed, toggleSection, setCollapsed] = useCollapsedSections(checklist);
  const searchRef = useRef<HTMLInputElement>(null);
  const data = tree.data ?? null;
  const writeBackButton = useRef<HTMLButtonElement>(null);
  const writeBack = useWriteBack(writeBackButton);
  // Shown at once, bars included; the server's answer only matters when it refuses.
  const { mark, error: saveError } = useMarkTopic(checklist);
  const setTopicState = useCallback((id: number, state: TopicState) => mark({ id, state }), [mark]);
  useTopicKeys(searchRef, setTopicState);
  useScrollToHash(data !== null);
  // Every row links to a topic page: fetch its code while the user reads, so opening one is instant.
  const ready = data !== null;
  useEffect(() => (ready ? preloadPagesWhenIdle() : undefined), [ready]);

  const shownFilter = useMemo(() => (data && isFiltering(filter) ? visibility(data.root, filter) : null), [data, filter]);
  const counts = useMemo(() => {
    if (!data) return { shown: 0, total: 0 };
    // Goals and books are searchable too, so they count among the matches but not in the total.
    const all = [...topicsById(data.root).values()].filter((t) => t.kind === 'topic').length;
    return { shown: shownFilter ? shownFilter.matched.size : all, total: all };
  }, [data, shownFilter]);

  const words = useMemo(() => queryWords(filter.query), [filter.query]);
  const context = useMemo<TreeContextValue>(
    () => ({ checklist, visibility: shownFilter, words, isCollapsed: (id) => collapsed.has(id), toggleSection, setTopicState }),
    [checklist, shownFilter, words, collapsed, toggleSection, setTopicState],
  );
  const jumpTo = useCallback(
    (id: number, ancestors: number[]) => {
      setCollapsed((current) => new Set([...current].filter((folded) => folded !== id && !ancestors.includes(folded))));
      // Once the unfolded sections have rendered: the heading's button takes the focus, as a jump in a document does.
      requestAnimationFrame(() => {
        document.getElementById(`section-${id}`)?.scrollIntoView({ block: 'start' });
        document.querySelector<HTMLElement>(`#section-title-${id} button`)?.focus({ preventScroll: true });
      });
    },
    [setCollapsed],
  );

  if (tree.error && !data) return <ErrorLine>{errorMessage(tree.error)}</ErrorLine>;
  const roles = data ? splitByRole(data.root) : null;
  const overall = data?.root.progress;

  return (
    <div className="page checklist-page">
      <header className="page-header">
        <div className="page-title-row">
          <h1>{data ? data.title || data.name : <span className="skeleton skeleton-title" />}</h1>
          {data?.sourcePath && (
            <button
              ref={writeBackButton}
              type="button"
              className="button write-back-toggle"
              aria-expanded={writeBack.open}
              title={`Write each topic's state into ${data.sourcePath} as task markers`}
              onClick={writeBack.toggle}
            >
              Write to file
            </button>
          )}
        </div>
        {overall ? <ProgressBar progress={overall} label="Overall progress" size="large" /> : <div className="skeleton skeleton-bar" />}
      </header>
      {notice && (
        <p className="notice checklist-notice" role="status">
          {notice}
        </p>
      )}
      {data?.sourcePath && <WriteBackResult result={writeBack.result} />}
      {writeBack.open && data?.sourcePath && (
        <Suspense fallback={null}>
          <WriteBackPanel
            checklist={checklist}
            file={data.sourcePath}
            revision={stateKeyOf(data)}
            onClose={writeBack.close}
            onWritten={writeBack.written}
          />
        </Suspense>
      )}
      <ChecklistToolbar filter={filter} onChange={setFilter} searchRef={searchRef} shown={counts.shown} total={counts.total} />
      <p className="shortcuts muted">
        <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>1</kbd>–<kbd>4</kbd> or <kbd>n</kbd> <kbd>l</kbd> <kbd>x</kbd> <kbd>s</kbd> set new, learning, known,
        skipped · <kbd>Enter</kbd> opens · <kbd>/</kbd> searches
      </p>
      <ErrorLine>{saveError}</ErrorLine>
      {roles && (
        <SectionJump
          study={roles.study}
          goals={roles.goals.length > 0}
          books={roles.books.length > 0}
          onJump={jumpTo}
          onFoldAll={() => setCollapsed(() => new Set(roles.study.map((s) => s.id)))}
          onUnfoldAll={() => setCollapsed(() => new Set())}
          anyFolded={collapsed.size > 0}
        />
      )}
      {!data || !roles ? (
        <TreeSkeleton />
      ) : (
        <TreeContext.Provider value={context}>
          <div className="checklist-layout">
            <div className="study-tree">
              {shownFilter && shownFilter.matched.size === 0 && <NoMatches filter={filter} onClear={() => setFilter(NO_FILTER)} />}
              {!shownFilter && <SectionNotes notes={data.root.notes} />}
              <TopicList topics={data.root.topics} />
              {roles.study.map((s) => (
                <SectionView key={s.id} section={s} />
              ))}
            </div>
            <aside className="side-panels" aria-label="Goals and books">
              <EntriesPanel title="Goals" sections={roles.goals} />
              <EntriesPanel title="Books" sections={roles.books} />
            </aside>
          </div>
        </TreeContext.Provider>
      )}
    </div>
  );
}

function WriteBackPanel(props: ComponentProps<typeof WriteBackPanelType>) {
  const { WriteBackPanel: Panel } = writeBackPanel.current ?? use(writeBackPanel.load());
  return <Panel {...props} />;
}

/**
 * The Write to file panel: open or not, the last write's result, and the focus back on `buttonRef` once it closes.
 * The ref is the caller's: what this returns is read during render, and a ref may not be.
 */
function useWriteBack(buttonRef: RefObject<HTMLButtonElement | null>) {
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<WriteBackResultJson | null>(null);
  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, [buttonRef]);
  const toggle = useCallback(() => {
    setResult(null);
    setOpen((current) => !current);
  }, []);
  const written = useCallback(
    (answer: WriteBackResultJson) => {
      setResult(answer);
      close();
    },
    [close],
  );
  return { open, result, close, toggle, written };
}

/** What the panel's dry run depends on: the states shown, and the last import of the file. */
function stateKeyOf(tree: ChecklistTreeJson): string {
  const states = [...topicsById(tree.root).values()].map((t) => `${t.id}:${t.state}`).join(',');
  return `${tree.importedAt}|${states}`;
}

/** The last write's outcome; the live region stays in place, so that screen readers announce what appears in it. */
function WriteBackResult({ result }: { result: WriteBackResultJson | null }) {
  if (!result) return <div className="write-back-result" role="status" />;
  const { writeBack } = result;
  const count = [
    ...(writeBack.edits.length > 0 ? [plural(writeBack.edits.length, 'marker')] : []),
    ...(writeBack.cards.length > 0 ? [plural(writeBack.cards.length, 'card')] : []),
    ...(writeBack.topics.length > 0 ? [plural(writeBack.topics.length, 'topic')] : []),
  ].join(' and ');
  return (
    <div className="write-back-result" role="status">
      <p className="notice">
        {writeBack.written ? (
          <>
            Written {count} into <code>{result.file}</code>; the previous version is in <code>{writeBack.backup}</code>.
          </>
        ) : (
          'Your file is in step; nothing was written.'
        )}
      </p>
      {writeBack.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {writeBack.warnings.map((warning, i) => (
            <li key={i}>{warning}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Which sections are folded, remembered per checklist in this browser: the set, one section's toggle, and a change to the whole set. */
function useCollapsedSections(checklist: string): [Set<number>, (id: number) => void, (change: (current: Set<number>) => Set<number>) => void] {
  const key = `prepdeck:collapsed:${checklist}`;
  const [collapsed, setCollapsed] = useState<Set<number>>(() => {
    try {
      return new Set(JSON.parse(localStorage.getItem(key) ?? '[]') as number[]);
    } catch {
      return new Set();
    }
  });
  const change = useCallback(
    (update: (current: Set<number>) => Set<number>) =>
      setCollapsed((current) => {
        const next = update(current);
        try {
          localStorage.setItem(key, JSON.stringify([...next]));
        } catch {
          // Private windows may refuse storage; folding still works for this visit.
        }
        return next;
      }),
    [key],
  );
  const toggle = useCallback(
    (id: number) =>
      change((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [change],
  );
  return [collapsed, toggle, change];
}

/** The dashboard links to `#section-N`; the section exists only once the tree has loaded. */
function useScrollToHash(ready: boolean): void {
  useEffect(() => {
    if (!ready || !window.location.hash) return;
    document.getElementById(window.location.hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [ready]);
}

function TreeSkeleton() {
  return (
    <div className="checklist-layout" aria-busy="true" aria-label="Loading the checklist">
      <div className="study-tree">
        {Array.from({ length: 12 }, (_, i) => (
          <div key={i} className="skeleton skeleton-row" style={{ width: `${55 + ((i * 37) % 40)}%` }} />
        ))}
      </div>
      <div className="side-panels">
        <div className="card skeleton-card" style={{ height: 220 }} />
      </div>
    </div>
  );
}

/** What found nothing (the words, the state), and the way back to the whole tree. */
function NoMatches({ filter, onClear }: { filter: TopicFilter; onClear: () => void }) {
  const query = filter.query.trim();
  return (
    <p className="muted no-matches">
      No topic matches{query ? ` “${query}”` : ''}
      {filter.state !== 'all' ? ` among the ${STATE_LABEL[filter.state].toLowerCase()} ones` : ''}.{' '}
      <button type="button" className="button button-small" onClick={onClear}>
        Clear the search
      </button>
    </p>
  );
}
