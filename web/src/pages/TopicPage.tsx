// One topic: its title, state and confidence, details and links from the file, the user's notes
// with a live preview, and its history.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { TopicDetailJson, TopicPatchJson } from '../../../src/contract/topics.js';
import { MarkdownView } from '../components/MarkdownView.js';
import { ResourceList } from '../components/ResourceList.js';
import { StateSegmented } from '../components/StateControl.js';
import { TopicHistory } from '../components/TopicHistory.js';
import { NotesEditor } from '../components/NotesEditor.js';
import { CardsPanel } from '../components/CardsPanel.js';
import { UnaddTopic } from '../components/UnaddTopic.js';
import { TopicSkeleton } from '../components/Skeletons.js';
import { EmptyState } from '../components/EmptyState.js';
import { ApiError, errorMessage } from '../lib/api.js';
import { hrefFor, Link, navigate } from '../lib/router.js';
import { CONFIDENCE_LABEL, STATE_KEYS } from '../lib/states.js';
import { saveTopicKey } from '../queries/keys.js';
import { useLive } from '../queries/live.js';
import { topicQuery, useSaveTopic } from '../queries/topics.js';
import { treeQuery } from '../queries/checklists.js';
import { topicsById } from '../lib/tree.js';
import { ErrorLine } from '../components/ErrorLine.js';

const KIND_LABEL: Record<string, string> = { topic: 'Topic', goal: 'Goal', book: 'Book' };

/** `checklist`: the one the app has chosen (from the URL, else the last shown), for the way back from a missing topic. */
export function TopicPage({ id, checklist = null }: { id: number; checklist?: string | null }) {
  // Live, but not while a save is on its way: a poll begun before it would bring the old topic back.
  const detail = useQuery({ ...topicQuery(id), ...useLive(saveTopicKey(id)) });
  // The id of a topic the server has not got (an old link, another database, a typo): no error, an empty page.
  const missing = detail.error instanceof ApiError && detail.error.status === 404;
  const [error, setError] = useState<string | null>(null);
  const data = detail.data ?? null;
  const { mutateAsync } = useSaveTopic(id);

  const save = async (patch: TopicPatchJson): Promise<boolean> => {
    setError(null);
    try {
      await mutateAsync(patch);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };
  useStateKeys(data, save);
  useChecklistInUrl(data?.topic.checklist ?? null);
  const neighbours = useNeighbours(data);

  if (missing && !data) {
    return (
      <EmptyState
        title="No such topic"
        text={`There is no topic #${id} here: the link may come from another database, or the number was mistyped.`}
        action={{ to: hrefFor('/checklist', checklist), label: checklist ? 'Back to the checklist' : 'Go to the checklist' }}
      />
    );
  }
  if (detail.error && !data) return <ErrorLine>{errorMessage(detail.error)}</ErrorLine>;
  if (!data) return <TopicSkeleton />;
  const { topic, resources, history } = data;
  return (
    <article className="page topic-page" aria-labelledby="topic-title">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to={hrefFor('/checklist', topic.checklist)}>{neighbours.title ?? topic.checklist}</Link>
        {topic.section.map((part, i) => (
          <span key={i}> / {part}</span>
        ))}
      </nav>
      <header className="page-header">
        <p className="eyebrow">
          {KIND_LABEL[topic.kind] ?? topic.kind} #{topic.id} ·{' '}
          {topic.origin === 'app' ? 'added in prepdeck, not in your file yet (Write to file adds it)' : `line ${topic.line}`}
          {topic.archivedAt && ' · archived (no longer in the file)'}
        </p>
        <MarkdownView as="h1" inline source={topic.title} fallback={topic.text} className="topic-heading" />
      </header>
      <TopicPager checklist={topic.checklist} previous={neighbours.previous} next={neighbours.next} />
      <ErrorLine>{error}</ErrorLine>
      <div className="topic-layout">
        <div className="topic-main">
          {topic.origin === 'app' && <UnaddTopic topic={topic} />}
          <section className="card" aria-label="State and confidence">
            <div className="control-row">
              <span className="control-label">State</span>
              <StateSegmented state={topic.state} onChange={(state) => void save({ state })} />
            </div>
            <div className="control-row">
              <span className="control-label">Confidence</span>
              <div className="segmented" role="group" aria-label="Confidence">
                {[1, 2, 3, 4].map((c) => (
                  <button
                    key={c}
                    type="button"
                    className="segment"
                    aria-pressed={topic.confidence === c}
                    title={CONFIDENCE_LABEL[c]}
                    onClick={() => void save({ confidence: c })}
                  >
                    {c} <span className="segment-hint">{CONFIDENCE_LABEL[c]}</span>
                  </button>
                ))}
              </div>
            </div>
          </section>
          {topic.details.trim() !== '' && (
            <section className="card" aria-labelledby="details-heading">
              <h2 id="details-heading">From the checklist</h2>
              <MarkdownView source={topic.details} className="markdown" />
            </section>
          )}
          {resources.length > 0 && (
            <section className="card" aria-labelledby="resources-heading">
              <h2 id="resources-heading">Links</h2>
              <ResourceList resources={resources} />
            </section>
          )}
          <NotesEditor key={topic.id} saved={topic.notes} onSave={(notes) => save({ notes })} />
          {topic.kind === 'topic' && !topic.archivedAt && <CardsPanel key={`cards-${topic.id}`} topicId={topic.id} checklist={topic.checklist} />}
        </div>
        <aside className="topic-side">
          <TopicHistory history={history} reviews={data.reviews} sections={data.sections} checklist={topic.checklist} zone={data.timeZone} />
        </aside>
      </div>
    </article>
  );
}

interface Neighbour {
  id: number;
  text: string;
}

/**
 * The topics before and after this one in the file (of the same kind: study topics, goals or books), and the
 * checklist's title, from the checklist's tree: cached when the user came from the checklist, asked for otherwise.
 */
function useNeighbours(data: TopicDetailJson | null): { previous: Neighbour | null; next: Neighbour | null; title: string | null } {
  const tree = useQuery({ ...treeQuery(data?.topic.checklist ?? ''), enabled: data !== null });
  return useMemo(() => {
    if (!data || !tree.data) return { previous: null, next: null, title: null };
    const { topic } = data;
    const sameKind = [...topicsById(tree.data.root).values()].filter((t) => t.kind === topic.kind);
    const at = sameKind.findIndex((t) => t.id === topic.id);
    const neighbour = (index: number) => {
      const found = at === -1 ? undefined : sameKind[index];
      return found ? { id: found.id, text: found.text } : null;
    };
    return { previous: neighbour(at - 1), next: neighbour(at + 1), title: tree.data.title || null };
  }, [data, tree.data]);
}

/** Previous and next topic, as a reader of the file would go on; the titles say where each leads. */
function TopicPager({ checklist, previous, next }: { checklist: string; previous: Neighbour | null; next: Neighbour | null }) {
  if (!previous && !next) return null;
  return (
    <nav className="topic-pager" aria-label="Previous and next topic">
      {previous ? (
        <Link className="topic-pager-link" to={hrefFor(`/topics/${previous.id}`, checklist)} rel="prev">
          <span className="muted">← Previous</span> <span className="topic-pager-title">{previous.text}</span>
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link className="topic-pager-link topic-pager-next" to={hrefFor(`/topics/${next.id}`, checklist)} rel="next">
          <span className="muted">Next →</span> <span className="topic-pager-title">{next.text}</span>
        </Link>
      )}
    </nav>
  );
}

/** A topic opened from a bare /topics/N link still names its checklist, so the picker and the nav agree. */
function useChecklistInUrl(checklist: string | null): void {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (checklist === null || url.searchParams.get('c') === checklist) return;
    navigate(hrefFor(url.pathname, checklist), { replace: true });
  }, [checklist]);
}

/** The same 1-4 (n l x s) keys as on the checklist, for the topic on screen. */
function useStateKeys(data: TopicDetailJson | null, save: (patch: TopicPatchJson) => Promise<boolean>): void {
  useEffect(() => {
    if (!data) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey || event.altKey || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      const state = STATE_KEYS[event.key];
      if (state && state !== data.topic.state) void save({ state });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  });
}
