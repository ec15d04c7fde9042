// The bank of behavioural (STAR) stories: the competency matrix (which competencies have no story yet, or only a
// stale one), the stories with their editor, and rehearsing one like a card (1-4, undo). The story open is in
// the URL (`?story=12`, `?story=new`).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { StoryBankJson, StoryJson } from '../../../src/contract/interviews.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { MarkdownView } from '../components/MarkdownView.js';
import { PageSkeleton } from '../components/Skeletons.js';
import { errorMessage } from '../lib/api.js';
import { interviewsApi } from '../lib/interviewsApi.js';
import { plural } from '../lib/plural.js';
import { dueIn } from '../lib/dates.js';
import { useHuntParams } from '../hunt/url.js';
import { CompetencyMatrix } from '../interviews/CompetencyMatrix.js';
import { percent, SCORE_LABEL, SCORES, type Score } from '../interviews/format.js';
import { STAR, StoryEditor } from '../interviews/StoryEditor.js';
import { storiesQuery, useStoryWrite } from '../queries/interviews.js';
import { interviewWritesKey } from '../queries/keys.js';
import { useLive } from '../queries/live.js';
import '../hunt/hunt.css';
import '../interviews/interviews.css';

export function StoriesPage() {
  const bank = useQuery({ ...storiesQuery(), ...useLive(interviewWritesKey(), 10_000) });
  const [params, setParams] = useHuntParams();
  const write = useStoryWrite();
  const open = params.get('story');
  const [editing, setEditing] = useState(false);
  const data = bank.data;
  if (bank.error && !data) return <ErrorLine>{errorMessage(bank.error)}</ErrorLine>;
  if (!data) return <PageSkeleton className="stories-page" label="Loading the stories" cards={[300, 200]} />;
  const active = data.stories.filter((s) => s.archivedAt === null);
  const archived = data.stories.filter((s) => s.archivedAt !== null);
  const story = open && open !== 'new' ? (data.stories.find((s) => String(s.id) === open) ?? null) : null;
  const openStory = (id: number | 'new' | null, competency?: string) => {
    setEditing(id === 'new');
    setParams({ story: id === null ? null : String(id), competency: competency ?? null });
  };

  return (
    <div className="page stories-page">
      <header className="hunt-header">
        <div className="hunt-heading">
          <h1>Stories</h1>
          <p className="page-subtitle">
            {plural(active.length, 'story', 'stories')} for behavioural rounds, each rehearsed like a card; stale after {data.staleAfterDays} days
            without a rehearsal or an edit
          </p>
        </div>
        <button type="button" className="button button-primary" onClick={() => openStory('new')}>
          New story
        </button>
      </header>
      <ErrorLine>{write.error}</ErrorLine>
      <CompetencyMatrix
        bank={data}
        onOpen={(id) => openStory(id)}
        onNew={(competency) => openStory('new', competency)}
        onAdd={async (label) => (await write.run(() => interviewsApi.addCompetency({ label }))) !== null}
        onRename={async (c, label) => (await write.run(() => interviewsApi.patchCompetency(c.key, { label }))) !== null}
      />
      {open === 'new' && (
        <section className="card" aria-labelledby="new-story-heading">
          <h2 id="new-story-heading">New story</h2>
          <StoryEditor
            key={params.get('competency') ?? ''}
            story={null}
            competencies={data.competencies}
            competency={params.get('competency') ?? undefined}
            onCancel={() => openStory(null)}
            onSave={async (fields) => {
              const created = await write.run(() => interviewsApi.addStory(fields));
              if (created === null) return false;
              const id = storyId(created);
              openStory(id ?? null);
              return true;
            }}
          />
        </section>
      )}
      {story && (
        <StoryPanel
          key={story.id}
          story={story}
          bank={data}
          editing={editing}
          setEditing={setEditing}
          write={write}
          onClose={() => openStory(null)}
        />
      )}
      <section className="card" aria-labelledby="stories-heading">
        <h2 id="stories-heading">Your stories</h2>
        {active.length === 0 ? (
          <p className="muted">No story yet. A story for each competency above answers most behavioural questions.</p>
        ) : (
          <StoryList stories={active} bank={data} open={story?.id ?? null} onOpen={(id) => openStory(id)} />
        )}
        {archived.length > 0 && (
          <details className="archived-stories">
            <summary>{plural(archived.length, 'archived story', 'archived stories')}</summary>
            <StoryList stories={archived} bank={data} open={story?.id ?? null} onOpen={(id) => openStory(id)} />
          </details>
        )}
      </section>
    </div>
  );
}

function storyId(answer: unknown): number | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const value = (answer as { id?: unknown; story?: { id?: unknown } }).id ?? (answer as { story?: { id?: unknown } }).story?.id;
  return typeof value === 'number' ? value : null;
}

function StoryList({
  stories,
  bank,
  open,
  onOpen,
}: {
  stories: StoryJson[];
  bank: StoryBankJson;
  open: number | null;
  onOpen: (id: number) => void;
}) {
  const labels = new Map(bank.competencies.map((c) => [c.key, c.label]));
  return (
    <ul className="story-list">
      {stories.map((s) => (
        <li key={s.id} className={`story-item${s.id === open ? ' story-item-open' : ''}`}>
          <button type="button" className="story-item-title" onClick={() => onOpen(s.id)} aria-current={s.id === open ? 'true' : undefined}>
            {s.title}
          </button>
          <span className="story-item-meta muted">
            {s.competencies.map((k) => labels.get(k) ?? k).join(', ') || 'no competency yet'}
            {' · '}
            {s.schedule.lastReview === null ? 'never rehearsed' : `${dueIn(s.schedule.due)} · recall now ${percent(s.schedule.recall)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

interface PanelProps {
  story: StoryJson;
  bank: StoryBankJson;
  editing: boolean;
  setEditing: (on: boolean) => void;
  write: ReturnType<typeof useStoryWrite>;
  onClose: () => void;
}

function StoryPanel({ story, bank, editing, setEditing, write, onClose }: PanelProps) {
  const [confirming, setConfirming] = useState(false);
  const labels = new Map(bank.competencies.map((c) => [c.key, c.label]));
  return (
    <section className="card story-panel" aria-labelledby="story-heading">
      <div className="card-title-row">
        <h2 id="story-heading">{story.title}</h2>
        <button type="button" className="button button-small" onClick={onClose} aria-label="Close the story">
          Close
        </button>
      </div>
      {editing ? (
        <StoryEditor
          story={story}
          competencies={bank.competencies}
          onCancel={() => setEditing(false)}
          onSave={async (fields) => {
            const ok = (await write.run(() => interviewsApi.patchStory(story.id, fields))) !== null;
            if (ok) setEditing(false);
            return ok;
          }}
        />
      ) : (
        <>
          <p className="muted story-meta">
            {story.competencies.map((k) => labels.get(k) ?? k).join(', ') || 'No competency yet'}
            {story.tags.length > 0 && ` · ${story.tags.map((t) => `#${t}`).join(' ')}`}
            {story.questions > 0 && ` · answered ${plural(story.questions, 'question')} in rounds`}
            {story.archivedAt && ' · archived'}
          </p>
          <Rehearse story={story} write={write} />
          <div className="actions">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button
              type="button"
              className="button"
              onClick={() => void write.run(() => interviewsApi.patchStory(story.id, { archived: story.archivedAt === null }))}
            >
              {story.archivedAt === null ? 'Archive' : 'Restore'}
            </button>
            {!confirming ? (
              <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
                Delete…
              </button>
            ) : (
              <span className="inline-confirm">
                Delete “{story.title}” for good, with its rehearsals?{' '}
                <button
                  type="button"
                  className="button button-small button-danger"
                  autoFocus
                  onClick={() => void write.run(() => interviewsApi.deleteStory(story.id)).then((done) => done !== null && onClose())}
                >
                  Delete for good
                </button>
                <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
                  Keep it
                </button>
              </span>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** The story shown as a card: tell it aloud, reveal it (Space), rate how it went (1-4); u takes the last rating back. */
function Rehearse({ story, write }: { story: StoryJson; write: ReturnType<typeof useStoryWrite> }) {
  const [revealed, setRevealed] = useState(false);
  const [rated, setRated] = useState<Score | null>(null);
  const rate = async (rating: Score) => {
    if ((await write.run(() => interviewsApi.reviewStory(story.id, rating))) !== null) {
      setRated(rating);
      setRevealed(false);
    }
  };
  const undo = async () => {
    if ((await write.run(() => interviewsApi.undoStoryReview(story.id))) !== null) setRated(null);
  };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey || event.altKey || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(target.tagName)) return;
      if (event.key === ' ' && !revealed) {
        event.preventDefault();
        setRevealed(true);
      } else if (revealed && /^[1-4]$/.test(event.key)) void rate(Number(event.key) as Score);
      else if (event.key === 'u' && rated !== null) void undo();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  });
  const due = story.schedule.lastReview === null ? 'never rehearsed' : `${dueIn(story.schedule.due)} · recall now ${percent(story.schedule.recall)}`;
  return (
    <div className="rehearse">
      <p className="rehearse-status muted" role="status">
        {rated !== null ? `Rated ${SCORE_LABEL[rated]}: next rehearsal ${dueIn(story.schedule.due).replace(/^due /, '')}.` : due}
      </p>
      {revealed ? (
        <div className="star-view">
          {STAR.map(({ key, label }) => (
            <div key={key} className="star-part">
              <h3>{label}</h3>
              {story[key].trim() ? <MarkdownView source={story[key]} className="markdown" /> : <p className="muted">—</p>}
            </div>
          ))}
          <div className="rating-buttons story-ratings" role="group" aria-label="How did telling it go?">
            {SCORES.map((s) => (
              <button key={s} type="button" className={`rating rating-${s}`} onClick={() => void rate(s)} disabled={write.pending}>
                <span className="rating-label">{SCORE_LABEL[s]}</span> <kbd>{s}</kbd>
              </button>
            ))}
          </div>
        </div>
      ) : (
        <div className="rehearse-prompt">
          <p>Tell the story aloud, situation to result, then check it.</p>
          <div className="actions">
            <button type="button" className="button button-primary" onClick={() => setRevealed(true)}>
              Show the story <kbd>Space</kbd>
            </button>
            {rated !== null && (
              <button type="button" className="button" onClick={() => void undo()} disabled={write.pending}>
                ↶ Undo the rating <kbd>u</kbd>
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
