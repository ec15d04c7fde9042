// Where the preparation stands: overall and per-section progress (with predicted recall), states, activity, memory, duplicates.
import { useQuery } from '@tanstack/react-query';
import { Suspense, use, useEffect } from 'react';
import type { DashboardJson } from '../../../src/contract/checklists.js';
import type { Progress } from '../../../src/contract/common.js';
import type { ReviewStatsJson, SectionMemoryJson } from '../../../src/contract/review.js';
import { ActivityHeatmap } from '../components/ActivityHeatmap.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { DashboardSkeleton } from '../components/Skeletons.js';
import { errorMessage } from '../lib/api.js';
import { plural } from '../lib/plural.js';
import { hrefFor, Link } from '../lib/router.js';
import { STATE_LABEL, STATES } from '../lib/states.js';
import { dashboardQuery } from '../queries/checklists.js';
import { useLive } from '../queries/live.js';
import { reviewStatsQuery, useDueCount } from '../queries/review.js';
import { huntAgenda, planLead, preloadPagesWhenIdle, upcomingRounds } from './lazy.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { MemoryCard, ReviewsCard } from '../components/MemoryPanel.js';
import { percent } from '../lib/review.js';

/** Review stats change only when a card is answered; no need to ask as often as for the progress. */
const STATS_POLL_MS = 10_000;

export function DashboardPage({ checklist }: { checklist: string }) {
  const dashboard = useQuery({ ...dashboardQuery(checklist), ...useLive() });
  const data = dashboard.data;
  // A server without the review API still shows the rest of the dashboard.
  const stats = useQuery({ ...reviewStatsQuery(checklist), ...useLive(null, STATS_POLL_MS) }).data ?? null;
  const due = useDueCount(checklist);
  const ready = data !== undefined;
  useEffect(() => (ready ? preloadPagesWhenIdle() : undefined), [ready]);
  if (dashboard.error && !data) return <ErrorLine>{errorMessage(dashboard.error)}</ErrorLine>;
  if (!data) return <DashboardSkeleton />;
  return (
    <div className="page dashboard">
      <header className="page-header">
        <h1>{data.title || data.name}</h1>
        <p className="page-subtitle">
          {/* The import counts every heading; here the study ones, with the goals and books said apart, so the two add up. */}
          {plural(data.progress.total, 'topic')} · {sectionsInWords(data)} · <Link to={hrefFor('/checklist', checklist)}>open the checklist</Link>
        </p>
      </header>
      <Suspense fallback={null}>
        <PlanLead checklist={checklist} />
      </Suspense>
      <Suspense fallback={null}>
        <UpcomingRounds />
      </Suspense>
      <Suspense fallback={null}>
        <HuntAgenda />
      </Suspense>
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
        <ActivityHeatmap
          activity={data.activity}
          today={data.today}
          whenEmpty={
            <>
              Nothing yet: <Link to={hrefFor('/checklist', checklist)}>mark a topic on the checklist</Link>, and each day you work shows here.
            </>
          }
        />
      </section>
      {stats && <MemoryCard stats={stats} checklist={checklist} due={due} />}
      {stats && <ReviewsCard stats={stats} />}
      <SectionsCard data={data} checklist={checklist} stats={stats} />
      <DuplicatesCard data={data} checklist={checklist} />
    </div>
  );
}

/** Loaded apart (it is the hunt's code), and shown only when the hunt has something to say. */
function HuntAgenda() {
  const { HuntAgenda: Agenda } = huntAgenda.current ?? use(huntAgenda.load());
  return <Agenda />;
}

/** Loaded apart too, and shown only when the plan has a target: today's work in a line. */
function PlanLead({ checklist }: { checklist: string }) {
  const { PlanLead: Lead } = planLead.current ?? use(planLead.load());
  return <Lead checklist={checklist} />;
}

/** Loaded apart too: the rounds not started yet, with their countdown. */
function UpcomingRounds() {
  const { UpcomingRounds: Upcoming } = upcomingRounds.current ?? use(upcomingRounds.load());
  return <Upcoming />;
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

function SectionsCard({ data, checklist, stats }: { data: DashboardJson; checklist: string; stats: ReviewStatsJson | null }) {
  const study = data.sections.filter((s) => s.role === 'study' && s.progress.total > 0);
  const memory = new Map(stats?.sections.map((m) => [m.id, m]));
  return (
    <section className="card card-wide" aria-labelledby="sections-heading">
      <div className="card-title-row">
        <h2 id="sections-heading">Sections</h2>
        {stats && <span className="muted section-legend">known · predicted recall now</span>}
      </div>
      {study.length === 0 ? (
        <p className="muted">No study topics in this checklist.</p>
      ) : (
        <ul className={`section-progress-list${stats ? ' with-recall' : ''}`}>
          {study.map((s) => (
            <li key={s.id} className={`depth-${Math.min(s.depth, 4)}`}>
              <Link to={`${hrefFor('/checklist', checklist)}#section-${s.id}`} className="section-progress-title">
                {s.text || s.title}
              </Link>
              <ProgressBar progress={s.progress} label={`${s.text} progress`} />
              {stats && <Recall memory={memory.get(s.id)} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A section's mean predicted recall, coloured by how much of it is likely still there. */
function Recall({ memory }: { memory: SectionMemoryJson | undefined }) {
  const r = memory?.retrievability ?? null;
  const level = r === null ? 'none' : r >= 0.9 ? 'high' : r >= 0.75 ? 'mid' : 'low';
  const title = memory
    ? r === null
      ? `No card reviewed yet (${plural(memory.cards, 'card')})`
      : `Predicted recall now: ${percent(r)}, over ${memory.reviewed} reviewed of ${plural(memory.cards, 'card')}`
    : 'No cards';
  return (
    <span className={`recall recall-${level}`} title={title}>
      {percent(r)}
    </span>
  );
}

function DuplicatesCard({ data, checklist }: { data: DashboardJson; checklist: string }) {
  if (data.duplicates.length === 0) return null;
  return (
    <section className="card card-wide" aria-labelledby="duplicates-heading">
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

/** `18 study sections (20 with goals and books)`: the import's count of every heading, said the same way. */
function sectionsInWords(data: DashboardJson): string {
  const study = data.sections.filter((s) => s.role === 'study').length;
  const all = data.sections.length;
  return all === study ? plural(study, 'study section') : `${plural(study, 'study section')} (${all} with goals and books)`;
}
