// Where the preparation stands: overall and per-section progress, states, activity, duplicates.
import { useEffect } from 'react';
import type { DashboardJson, Progress } from '../../../src/core/api.js';
import { ActivityHeatmap } from '../components/ActivityHeatmap.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { DashboardSkeleton } from '../components/Skeletons.js';
import { api } from '../lib/api.js';
import { plural } from '../lib/plural.js';
import { hrefFor, Link } from '../lib/router.js';
import { STATE_LABEL, STATES } from '../lib/states.js';
import { useLiveResource } from '../lib/usePolling.js';
import { preloadPagesWhenIdle } from './lazy.js';
import { ErrorLine } from '../components/ErrorLine.js';

export function DashboardPage({ checklist }: { checklist: string }) {
  const dashboard = useLiveResource(`dashboard:${checklist}`, () => api.dashboard(checklist));
  const data = dashboard.data;
  const ready = data !== null;
  useEffect(() => (ready ? preloadPagesWhenIdle() : undefined), [ready]);
  if (dashboard.error && !data) return <ErrorLine>{dashboard.error}</ErrorLine>;
  if (!data) return <DashboardSkeleton />;
  return (
    <div className="page dashboard">
      <header className="page-header">
        <h1>{data.title || data.name}</h1>
        <p className="page-subtitle">
          {/* Study sections only: goals and books have sections too, which the import preview counts. */}
          {plural(data.progress.total, 'topic')} · {plural(data.sections.filter((s) => s.role === 'study').length, 'study section')} ·{' '}
          <Link to={hrefFor('/checklist', checklist)}>open the checklist</Link>
        </p>
      </header>
      <section className="card" aria-labelledby="overall-heading">
        <h2 id="overall-heading">Overall</h2>
        <p className="big-number">
          {Math.round(data.progress.ratio * 100)}%<span className="muted"> known</span>
        </p>
        <ProgressBar progress={data.progress} label="Overall progress" size="large" />
        <StateCounts progress={data.progress} />
      </section>
      <section className="card" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Activity</h2>
        <ActivityHeatmap activity={data.activity} />
      </section>
      <SectionsCard data={data} checklist={checklist} />
      <DuplicatesCard data={data} checklist={checklist} />
    </div>
  );
}

function StateCounts({ progress }: { progress: Progress }) {
  return (
    <ul className="state-counts" aria-label="Topics by state">
      {STATES.map((s) => (
        <li key={s} className={`state-count state-${s}`}>
          <span className="state-dot" data-state={s} aria-hidden="true" />
          <span className="state-count-number">{progress[s]}</span> {STATE_LABEL[s].toLowerCase()}
        </li>
      ))}
    </ul>
  );
}

function SectionsCard({ data, checklist }: { data: DashboardJson; checklist: string }) {
  const study = data.sections.filter((s) => s.role === 'study' && s.progress.total > 0);
  return (
    <section className="card" aria-labelledby="sections-heading">
      <h2 id="sections-heading">Sections</h2>
      {study.length === 0 ? (
        <p className="muted">No study topics in this checklist.</p>
      ) : (
        <ul className="section-progress-list">
          {study.map((s) => (
            <li key={s.id} className={`depth-${Math.min(s.depth, 4)}`}>
              <Link to={`${hrefFor('/checklist', checklist)}#section-${s.id}`} className="section-progress-title">
                {s.text || s.title}
              </Link>
              <ProgressBar progress={s.progress} label={`${s.text} progress`} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DuplicatesCard({ data, checklist }: { data: DashboardJson; checklist: string }) {
  if (data.duplicates.length === 0) return null;
  return (
    <section className="card" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">Likely duplicates</h2>
      <p className="muted">The same topic in several places; merge them in the file if they are one.</p>
      <ul className="duplicates">
        {data.duplicates.map((d) => (
          <li key={d.text}>
            <strong>{d.text}</strong>
            <ul>
              {d.topics.map((t) => (
                <li key={t.id}>
                  {/* The whole path: two places often share their last heading ("Other"). */}
                  <span className="muted">{t.section || 'top level'} / </span>
                  <Link to={hrefFor(`/topics/${t.id}`, checklist)}>{t.title}</Link> <span className="muted">#{t.id}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
