// The job hunt: the board (or the table) of applications, the criteria they are marked against, the funnel,
// the offers side by side, and the hunt's stages and time zone. The view is in the URL (`?view=`).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Suspense, use } from 'react';
import type { ApplicationSummaryJson } from '../../../src/contract/hunt.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { PageSkeleton } from '../components/Skeletons.js';
import { errorMessage } from '../lib/api.js';
import { APPLICATIONS_CSV } from '../lib/huntApi.js';
import { plural } from '../lib/plural.js';
import { Link } from '../lib/router.js';
import { ApplicationTable } from '../hunt/ApplicationTable.js';
import { Board } from '../hunt/Board.js';
import { CriteriaPanel } from '../hunt/CriteriaPanel.js';
import { FunnelPanel } from '../hunt/FunnelPanel.js';
import { OffersTable } from '../hunt/OffersTable.js';
import { QuickAdd } from '../hunt/QuickAdd.js';
import { SettingsPanel } from '../hunt/SettingsPanel.js';
import { huntHref, useHuntParams } from '../hunt/url.js';
import { useMoveApplication } from '../queries/hunt.js';
import { applicationsQuery, huntQuery } from '../queries/huntBoard.js';
import { huntWritesKey } from '../queries/keys.js';
import { useLive } from '../queries/live.js';
import { upcomingRounds } from './lazy.js';
import '../hunt/hunt.css';

const VIEWS = [
  { key: 'board', label: 'Board' },
  { key: 'table', label: 'Table' },
  { key: 'criteria', label: 'Criteria' },
  { key: 'funnel', label: 'Funnel' },
  { key: 'offers', label: 'Offers' },
  { key: 'settings', label: 'Settings' },
] as const;
type View = (typeof VIEWS)[number]['key'];

export function HuntPage() {
  const [params] = useHuntParams();
  const view: View = VIEWS.find((v) => v.key === params.get('view'))?.key ?? 'board';
  // Live: the CLI (or another window) may move an application while the board is open.
  const live = useLive(huntWritesKey(), 5000);
  const hunt = useQuery({ ...huntQuery(), ...live });
  // The table can show archived applications too (to find one and restore it); the board never does.
  const archived = view === 'table' && params.get('archived') === 'true';
  const applications = useQuery({ ...applicationsQuery(archived), ...live, placeholderData: keepPreviousData });
  const { move, error: moveError } = useMoveApplication();
  const error = hunt.error ?? applications.error;
  if (error && !(hunt.data && applications.data)) return <ErrorLine>{errorMessage(error)}</ErrorLine>;
  if (!hunt.data || !applications.data) return <PageSkeleton className="hunt-page" label="Loading the job hunt" cards={[90, 420]} />;
  const list = applications.data.applications;
  const flagged = list.filter((a) => a.fit.failedGates.length > 0).length;

  const onMove = (application: ApplicationSummaryJson, to: string) => void move({ id: application.id, move: { to, from: application.stage } });

  return (
    <div className="page hunt-page">
      <header className="hunt-header">
        <div className="hunt-heading">
          <h1>Job hunt</h1>
          <p className="page-subtitle">
            {plural(list.length, 'application')}
            {flagged > 0 && ` · ${flagged} with a must-have not met`} ·{' '}
            {plural(hunt.data.criteria.filter((c) => !c.archivedAt).length, 'criterion', 'criteria')}
          </p>
        </div>
        {list.length === 0 && !archived ? (
          // Nothing to export yet: a file of headers only would be a download for nothing.
          <button type="button" className="button" disabled title="No application to export yet">
            Export CSV
          </button>
        ) : (
          <a className="button" href={APPLICATIONS_CSV} download>
            Export CSV
          </a>
        )}
      </header>
      <nav className="hunt-tabs" aria-label="Job hunt views">
        {VIEWS.map((v) => (
          <Link key={v.key} to={huntHref('/hunt', v.key === 'board' ? {} : { view: v.key })} aria-current={v.key === view ? 'page' : undefined}>
            {v.label}
          </Link>
        ))}
      </nav>
      {view === 'board' && (
        <>
          <Suspense fallback={null}>
            <UpcomingRounds />
          </Suspense>
          <QuickAdd hunt={hunt.data} />
          <ErrorLine>{moveError}</ErrorLine>
          {list.length === 0 ? (
            <p className="notice hunt-first" role="status">
              No application yet. Add the first above: a company is enough; its link, salary, contacts and follow-ups go on its own page.
            </p>
          ) : (
            <p className="shortcuts muted">
              Drag a card to another stage, or focus it and press <kbd>←</kbd> <kbd>→</kbd> or <kbd>1</kbd>–<kbd>9</kbd>; <kbd>Enter</kbd> opens it.
            </p>
          )}
          <Board hunt={hunt.data} applications={list} onMove={onMove} />
        </>
      )}
      {view === 'table' && <ApplicationTable hunt={hunt.data} applications={list} />}
      {view === 'criteria' && <CriteriaPanel hunt={hunt.data} />}
      {view === 'funnel' && <FunnelPanel hunt={hunt.data} />}
      {view === 'offers' && <OffersTable today={hunt.data.today} />}
      {view === 'settings' && <SettingsPanel hunt={hunt.data} />}
    </div>
  );
}

/** Loaded apart, as on the Dashboard: the board's first cards do not wait for the interviews' code (five more files). */
function UpcomingRounds() {
  const { UpcomingRounds: Upcoming } = upcomingRounds.current ?? use(upcomingRounds.load());
  return <Upcoming />;
}
