// The shell: header with navigation and the checklist picker, then the page the URL names.
import { useQuery } from '@tanstack/react-query';
import { Suspense, use, useEffect } from 'react';
import type { ChecklistSummaryJson } from '../../src/contract/checklists.js';
import { ChecklistPicker } from './components/ChecklistPicker.js';
import { EmptyState } from './components/EmptyState.js';
import { PageErrorBoundary } from './components/PageErrorBoundary.js';
import { ImportSkeleton, PageSkeleton, ReviewSkeleton, TopicSkeleton } from './components/Skeletons.js';
import { errorMessage } from './lib/api.js';
import { chooseChecklist, rememberChecklist, rememberedChecklist } from './lib/lastChecklist.js';
import { plural } from './lib/plural.js';
import { hrefFor, Link, useLocation } from './lib/router.js';
import { ChecklistPage } from './pages/ChecklistPage.js';
import { DashboardPage } from './pages/DashboardPage.js';
import {
  applicationPage,
  gapsPage,
  huntPage,
  importPage,
  planPage,
  reviewPage,
  roundPage,
  storiesPage,
  topicPage,
  type ShellPage,
} from './pages/lazy.js';
import { formatInstantDate } from './lib/dates.js';
import type { LazyModule } from './lib/lazyModule.js';
import { checklistsQuery } from './queries/checklists.js';
import { useDueCount } from './queries/review.js';
import { ErrorLine } from './components/ErrorLine.js';

type Route =
  | { page: 'dashboard' }
  | { page: 'checklist' }
  | { page: 'review' }
  | { page: 'plan' }
  | { page: 'import' }
  | { page: 'topic'; id: number }
  | { page: 'hunt' }
  | { page: 'application'; id: number }
  | { page: 'round'; id: number }
  | { page: 'gaps' }
  | { page: 'stories' }
  | { page: 'missing' };

export function route(pathname: string): Route {
  if (pathname === '/' || pathname === '/dashboard') return { page: 'dashboard' };
  if (pathname === '/checklist') return { page: 'checklist' };
  if (pathname === '/review') return { page: 'review' };
  if (pathname === '/plan') return { page: 'plan' };
  if (pathname === '/import') return { page: 'import' };
  if (pathname === '/hunt' || pathname === '/hunt/') return { page: 'hunt' };
  const application = /^\/hunt\/applications\/(\d+)\/?$/.exec(pathname);
  if (application) return { page: 'application', id: Number(application[1]) };
  const round = /^\/rounds\/(\d+)\/?$/.exec(pathname);
  if (round) return { page: 'round', id: Number(round[1]) };
  if (pathname === '/gaps') return { page: 'gaps' };
  if (pathname === '/stories') return { page: 'stories' };
  const topic = /^\/topics\/(\d+)\/?$/.exec(pathname);
  if (topic) return { page: 'topic', id: Number(topic[1]) };
  return { page: 'missing' };
}

/** The module a route's page is loaded from on demand; null for the pages in the entry chunk. */
export function pageModuleOf(current: Route): LazyModule<unknown> | null {
  const modules: Partial<Record<Route['page'], LazyModule<unknown>>> = {
    topic: topicPage,
    review: reviewPage,
    import: importPage,
    hunt: huntPage,
    application: applicationPage,
    round: roundPage,
    gaps: gapsPage,
    stories: storiesPage,
    plan: planPage,
  };
  return modules[current.page] ?? null;
}

export function App() {
  const location = useLocation();
  const current = route(location.pathname);
  const list = useQuery(checklistsQuery());
  const checklists = list.data?.checklists;
  const asked = location.searchParams.get('c');
  // A topic page names its own checklist (and puts it in the URL), so `?c=` is not checked there.
  const choice = chooseChecklist(checklists, current.page === 'topic' ? null : asked, rememberedChecklist());
  const checklist = current.page === 'topic' && asked && checklists?.some((c) => c.name === asked) ? asked : choice.name;
  const missing =
    current.page === 'dashboard' || current.page === 'checklist' || current.page === 'review' || current.page === 'plan' || current.page === 'gaps'
      ? choice.missing
      : null;
  // Asked again on each page (the Review page also keeps it up to date as it goes).
  const due = useDueCount(checklist, location.pathname);

  useEffect(() => {
    const titles = {
      dashboard: 'Dashboard',
      checklist: 'Checklist',
      review: 'Review',
      plan: 'Plan',
      import: 'Import',
      topic: 'Topic',
      hunt: 'Job hunt',
      application: 'Application',
      round: 'Round',
      gaps: 'Gaps',
      stories: 'Stories',
      missing: 'Not found',
    };
    document.title = `${missing ? 'Not found' : titles[current.page]} · prepdeck`;
  }, [current.page, missing]);

  // The checklist on screen is the one `/` opens next time in this browser.
  useEffect(() => {
    if (checklist) rememberChecklist(checklist);
  }, [checklist]);

  const nav = [
    { page: 'dashboard', label: 'Dashboard', href: hrefFor('/', checklist) },
    { page: 'checklist', label: 'Checklist', href: hrefFor('/checklist', checklist) },
    { page: 'review', label: 'Review', href: hrefFor('/review', checklist) },
    { page: 'plan', label: 'Plan', href: hrefFor('/plan', checklist) },
    { page: 'hunt', label: 'Hunt', href: hrefFor('/hunt', checklist) },
    { page: 'gaps', label: 'Gaps', href: hrefFor('/gaps', checklist) },
    { page: 'stories', label: 'Stories', href: hrefFor('/stories', checklist) },
    { page: 'import', label: 'Import', href: hrefFor('/import', checklist) },
  ] as const;
  const pickerPath =
    current.page === 'topic' || current.page === 'missing' || current.page === 'application' || current.page === 'round' || current.page === 'stories'
      ? '/checklist'
      : location.pathname;

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to={hrefFor('/', checklist)} className="brand" aria-label="prepdeck home">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">prepdeck</span>
          </Link>
          <nav aria-label="Main" className="main-nav">
            {nav.map((item) => (
              <Link
                key={item.page}
                to={item.href}
                aria-current={
                  current.page === item.page || (item.page === 'hunt' && (current.page === 'application' || current.page === 'round'))
                    ? 'page'
                    : undefined
                }
                aria-label={item.page === 'review' && due ? `Review, ${due} due` : undefined}
              >
                {item.label}
                {item.page === 'review' && due !== null && due > 0 && <span className="nav-badge">{due}</span>}
              </Link>
            ))}
          </nav>
          {checklists && (checklists.length > 1 || (missing && checklists.length > 0)) && (
            <ChecklistPicker checklists={checklists} current={checklist} path={pickerPath} />
          )}
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {list.error && !checklists ? (
          <ErrorLine>{errorMessage(list.error)}</ErrorLine>
        ) : (
          // Keyed by the page: leaving a page that failed to load tries afresh.
          <PageErrorBoundary key={current.page}>
            <Suspense fallback={<RouteSkeleton route={current} />}>
              <Page route={current} checklist={checklist} missing={missing} checklists={checklists} />
            </Suspense>
          </PageErrorBoundary>
        )}
      </main>
    </>
  );
}

interface PageProps {
  route: Route;
  checklist: string | null;
  /** The name `?c=` asked for when there is no such checklist. */
  missing: string | null;
  /** undefined until the list has loaded. */
  checklists: ChecklistSummaryJson[] | undefined;
}

function Page({ route, checklist, missing, checklists }: PageProps) {
  if (route.page === 'import') return <ImportRoute current={checklist} />;
  if (route.page === 'topic') return <TopicRoute id={route.id} checklist={checklist} />;
  // The hunt is the user's, not a checklist's: it shows with no checklist imported too.
  if (route.page === 'hunt') return <HuntRoute />;
  if (route.page === 'application') return <ApplicationRoute id={route.id} />;
  if (route.page === 'round') return <LazyPage module={roundPage} id={route.id} />;
  if (route.page === 'stories') return <LazyPage module={storiesPage} />;
  if (route.page === 'missing') {
    return (
      <EmptyState
        title="Nothing here"
        text="This address is not a page of prepdeck."
        action={{ to: hrefFor('/', checklist), label: 'Go to the dashboard' }}
      />
    );
  }
  if (!checklists) return <PageSkeleton />;
  if (missing !== null && checklists.length > 0) {
    return <MissingChecklist name={missing} checklists={checklists} path={route.page === 'dashboard' ? '/' : `/${route.page}`} />;
  }
  if (!checklist) {
    return (
      <EmptyState
        title="No checklist yet"
        text="Import the Markdown checklist you keep (topics, links, notes, goals, books) and track every topic here."
        action={{ to: '/import', label: 'Import a checklist' }}
      />
    );
  }
  if (route.page === 'checklist') return <ChecklistPage key={checklist} checklist={checklist} />;
  if (route.page === 'review') return <ReviewRoute key={checklist} checklist={checklist} />;
  if (route.page === 'gaps') return <LazyPage key={checklist} module={gapsPage} checklist={checklist} />;
  if (route.page === 'plan') return <LazyPage key={checklist} module={planPage} checklist={checklist} />;
  return <DashboardPage key={checklist} checklist={checklist} />;
}

function TopicRoute({ id, checklist }: { id: number; checklist: string | null }) {
  const { TopicPage } = topicPage.current ?? use(topicPage.load());
  return <TopicPage id={id} checklist={checklist} />;
}

function ReviewRoute({ checklist }: { checklist: string }) {
  const { ReviewPage } = reviewPage.current ?? use(reviewPage.load());
  return <ReviewPage checklist={checklist} />;
}

function HuntRoute() {
  const { HuntPage } = huntPage.current ?? use(huntPage.load());
  return <HuntPage />;
}

function ApplicationRoute({ id }: { id: number }) {
  const { ApplicationPage } = applicationPage.current ?? use(applicationPage.load());
  return <ApplicationPage key={id} id={id} />;
}

/** A page loaded on first visit (interviews, the plan); `id` keys it, so another round starts afresh. */
function LazyPage({ module, id = 0, checklist = '' }: { module: ShellPage; id?: number; checklist?: string }) {
  const { Page } = module.current ?? use(module.load());
  return <Page key={id} id={id} checklist={checklist} />;
}

function ImportRoute(props: { current: string | null }) {
  const { ImportPage } = importPage.current ?? use(importPage.load());
  return <ImportPage {...props} />;
}

function RouteSkeleton({ route }: { route: Route }) {
  if (route.page === 'topic' || route.page === 'application' || route.page === 'round') return <TopicSkeleton />;
  if (route.page === 'import') return <ImportSkeleton />;
  if (route.page === 'review') return <ReviewSkeleton />;
  return <PageSkeleton />;
}

/** `?c=` names no checklist: say so in one line, and offer the ones there are instead of showing another. */
function MissingChecklist({ name, checklists, path }: { name: string; checklists: ChecklistSummaryJson[]; path: string }) {
  const last = rememberedChecklist();
  return (
    <div className="page missing-checklist">
      <ErrorLine>No checklist named '{name}'.</ErrorLine>
      <section className="card" aria-labelledby="choose-heading">
        <h2 id="choose-heading">Open one of yours</h2>
        <ul className="checklist-choices">
          {checklists.map((c) => (
            <li key={c.name}>
              <Link to={hrefFor(path, c.name)}>{c.title || c.name}</Link>
              <span className="muted">
                {' '}
                {c.name} · {plural(c.progress.total, 'topic')} · imported {formatInstantDate(c.importedAt)}
                {c.name === last && ' · last opened here'}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
