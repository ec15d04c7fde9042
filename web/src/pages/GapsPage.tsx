// What interviewers asked about, worst gap first: per topic (or per section), how many rounds it came up in,
// how it went (the mean self-score), how much of it is likely still there (recall now), and at which companies.
// Filters (round kind, period) and the tab stay in the URL; "Study these now" starts a review of them.
import { useQuery } from '@tanstack/react-query';
import type { GapSectionJson, GapsJson, GapTopicJson } from '../../../src/contract/interviews.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { PageSkeleton } from '../components/Skeletons.js';
import { errorMessage } from '../lib/api.js';
import { formatDateTime, isBrowserZone, recentInstant } from '../lib/dates.js';
import { plural } from '../lib/plural.js';
import { hrefFor, Link } from '../lib/router.js';
import { useHuntParams } from '../hunt/url.js';
import { kindLabel, percent, plainTitle, ROUND_KINDS } from '../interviews/format.js';
import { gapsQuery } from '../queries/interviews.js';
import '../hunt/hunt.css';
import '../interviews/interviews.css';

const TABS = [
  { key: 'topics', label: 'Topics' },
  { key: 'sections', label: 'Sections' },
] as const;
/** How many of the worst gaps "Study these now" takes. */
const STUDY_TOP = 10;

export function GapsPage({ checklist }: { checklist: string }) {
  const [params, setParams] = useHuntParams();
  const view = params.get('view') === 'sections' ? 'sections' : 'topics';
  const kind = params.get('kind') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const gaps = useQuery(gapsQuery({ checklist, ...(kind ? { kind } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }));
  const data = gaps.data;
  const tabHref = (key: string) => {
    const next = new URLSearchParams(params);
    if (key === 'topics') next.delete('view');
    else next.set('view', key);
    return `/gaps?${next.toString()}`;
  };

  return (
    <div className="page gaps-page">
      <header className="page-header">
        <h1>Gaps</h1>
        <p className="page-subtitle">
          What came up in interviews, worst gap first
          {data && ` · ${plural(data.rounds, 'round')}, ${plural(data.questions, 'question')} asked`}
        </p>
      </header>
      <div className="gaps-filters" role="group" aria-label="Filters">
        <label className="field field-narrow">
          <span className="field-label">Round kind</span>
          <select value={kind} onChange={(e) => setParams({ kind: e.target.value })}>
            <option value="">All kinds</option>
            {kind && !(ROUND_KINDS as string[]).includes(kind) && <option value={kind}>{kindLabel(kind)}</option>}
            {ROUND_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-narrow">
          <span className="field-label">From</span>
          <input type="date" value={from} onChange={(e) => setParams({ from: e.target.value })} max={to || undefined} />
        </label>
        <label className="field field-narrow">
          <span className="field-label">To</span>
          <input type="date" value={to} onChange={(e) => setParams({ to: e.target.value })} min={from || undefined} />
        </label>
        {(kind || from || to) && (
          <button type="button" className="button" onClick={() => setParams({ kind: null, from: null, to: null })}>
            Clear filters
          </button>
        )}
        {data && !isBrowserZone(data.timeZone) && <p className="muted gaps-zone">Days and times in {data.timeZone}, the hunt’s time zone.</p>}
      </div>
      <nav className="hunt-tabs gaps-tabs" aria-label="Gaps by">
        {TABS.map((t) => (
          <Link key={t.key} to={tabHref(t.key)} aria-current={t.key === view ? 'page' : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>
      {gaps.error && !data ? (
        <ErrorLine>{errorMessage(gaps.error)}</ErrorLine>
      ) : !data ? (
        <PageSkeleton className="gaps-skeleton" label="Loading the gaps" cards={[320]} />
      ) : data.rounds === 0 ? (
        <section className="card gaps-empty">
          {kind || from || to ? (
            <p>No round matches these filters.</p>
          ) : (
            <p>
              No rounds yet. Log the questions of an interview round (from its application in the{' '}
              <Link to={hrefFor('/hunt', checklist)}>job hunt</Link>) and the topics they touch add up here.
            </p>
          )}
        </section>
      ) : view === 'topics' ? (
        <TopicGaps data={data} checklist={checklist} kind={kind} />
      ) : (
        <SectionGaps data={data} checklist={checklist} kind={kind} />
      )}
    </div>
  );
}

/** "asked in 6 of 8 onsites, mean self-score 2.3, recall now 41%" */
function figures(g: GapTopicJson | GapSectionJson, data: GapsJson, kind: string): string {
  const of = kind ? `${kindLabel(kind).toLowerCase()} rounds` : data.rounds === 1 ? 'round' : 'rounds';
  const parts = [`asked in ${g.rounds} of ${data.rounds} ${of}`];
  if (g.questions > g.rounds) parts[0] += ` (${g.questions} questions)`;
  parts.push(g.meanScore === null ? 'not scored' : `mean self-score ${g.meanScore.toFixed(1)}`);
  parts.push(`recall now ${percent(g.recall)}`);
  return parts.join(', ');
}

/** "Acme, Globex · last asked 3 days ago": where it came up, and how lately, its days the hunt's as the filters' are. */
function companiesLine(g: GapTopicJson | GapSectionJson, zone: string) {
  return (
    <>
      {g.companies.join(', ')}
      {g.companies.length > 0 && ' · '}
      <time dateTime={g.lastAskedAt} title={formatDateTime(g.lastAskedAt, { zone })}>
        last asked {recentInstant(g.lastAskedAt, { zone })}
      </time>
    </>
  );
}

/** A review of exactly these topics' cards. */
const reviewHref = (checklist: string, topics: readonly GapTopicJson[]) =>
  `${hrefFor('/review', checklist)}&topics=${topics.map((t) => t.topicId).join(',')}`;
/** A review of one section and its subsections. */
const sectionReviewHref = (checklist: string, path: readonly string[]) =>
  `${hrefFor('/review', checklist)}&section=${encodeURIComponent(path.join(' / '))}`;

function scoreLevel(mean: number | null): string {
  if (mean === null) return 'none';
  return mean < 2 ? 'low' : mean < 3 ? 'mid' : 'high';
}

function TopicGaps({ data, checklist, kind }: { data: GapsJson; checklist: string; kind: string }) {
  if (data.topics.length === 0) return <p className="muted">The questions logged are linked to no topic yet.</p>;
  // A review is of one checklist: the worst gaps of the one on screen.
  const top = data.topics.filter((g) => g.checklist === checklist).slice(0, STUDY_TOP);
  return (
    <section className="card gaps-card" aria-label="Topics asked about, worst gap first">
      {top.length > 0 && (
        <div className="study-these">
          <Link className="button button-primary" to={reviewHref(checklist, top)}>
            Study these now
          </Link>
          <span className="muted">reviews the cards of the {top.length === 1 ? 'worst gap' : `${top.length} worst gaps`}, and nothing else</span>
        </div>
      )}
      <ol className="gap-list">
        {data.topics.map((g, i) => (
          <li key={g.topicId} className="gap-item" data-topic-id={g.topicId}>
            <div className="gap-head">
              <span className="gap-rank">{i + 1}</span>
              <Link to={hrefFor(`/topics/${g.topicId}`, g.checklist)} className="gap-title">
                {plainTitle(g.title)}
              </Link>
              <span className={`gap-score score-level-${scoreLevel(g.meanScore)}`} title="Mean self-score, 1-4">
                {g.meanScore === null ? '–' : g.meanScore.toFixed(1)}
              </span>
            </div>
            <p className="gap-section muted">{g.section.join(' / ')}</p>
            <p className="gap-figures">{figures(g, data, kind)}</p>
            <p className="gap-companies muted">{companiesLine(g, data.timeZone)}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function SectionGaps({ data, checklist, kind }: { data: GapsJson; checklist: string; kind: string }) {
  if (data.sections.length === 0) return <p className="muted">The questions logged are linked to no topic yet.</p>;
  return (
    <section className="card gaps-card" aria-label="Sections asked about, worst gap first">
      <ol className="gap-list">
        {data.sections.map((g, i) => (
          <li key={`${g.checklist}\n${g.key}`} className="gap-item">
            <div className="gap-head">
              <span className="gap-rank">{i + 1}</span>
              <span className="gap-title">{g.path.join(' / ')}</span>
              <span className={`gap-score score-level-${scoreLevel(g.meanScore)}`} title="Mean self-score, 1-4">
                {g.meanScore === null ? '–' : g.meanScore.toFixed(1)}
              </span>
            </div>
            <p className="gap-figures">{figures(g, data, kind)}</p>
            <p className="gap-companies muted">{companiesLine(g, data.timeZone)}</p>
            <Link className="button button-small" to={sectionReviewHref(g.checklist || checklist, g.path)}>
              Study this section
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
