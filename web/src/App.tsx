// The shell: header with navigation and the checklist picker, then the page the URL names.
import { lazy, Suspense, useEffect } from 'react';
import type { ChecklistSummaryJson } from '../../src/core/api.js';
import { ChecklistPicker } from './components/ChecklistPicker.js';
import { EmptyState } from './components/EmptyState.js';
import { api } from './lib/api.js';
import { hrefFor, Link, useLocation } from './lib/router.js';
import { useResource } from './lib/useResource.js';
import { ChecklistPage } from './pages/ChecklistPage.js';
import { DashboardPage } from './pages/DashboardPage.js';

// The topic and import pages need markdown-it or are rarely opened: load them when visited.
const TopicPage = lazy(() => import('./pages/TopicPage.js').then((m) => ({ default: m.TopicPage })));
const ImportPage = lazy(() => import('./pages/ImportPage.js').then((m) => ({ default: m.ImportPage })));

type Route = { page: 'dashboard' } | { page: 'checklist' } | { page: 'import' } | { page: 'topic'; id: number } | { page: 'missing' };

function route(pathname: string): Route {
  if (pathname === '/' || pathname === '/dashboard') return { page: 'dashboard' };
  if (pathname === '/checklist') return { page: 'checklist' };
  if (pathname === '/import') return { page: 'import' };
  const topic = /^\/topics\/(\d+)\/?$/.exec(pathname);
  if (topic) return { page: 'topic', id: Number(topic[1]) };
  return { page: 'missing' };
}

/** The checklist the URL asks for, else the first one; null when there is none yet. */
function chooseChecklist(checklists: ChecklistSummaryJson[] | undefined, asked: string | null): string | null {
  if (!checklists || checklists.length === 0) return null;
  return checklists.find((c) => c.name === asked)?.name ?? checklists[0]!.name;
}

export function App() {
  const location = useLocation();
  const current = route(location.pathname);
  const list = useResource('checklists', api.checklists);
  const checklists = list.data?.checklists;
  const checklist = chooseChecklist(checklists, location.searchParams.get('c'));

  useEffect(() => {
    const titles = { dashboard: 'Dashboard', checklist: 'Checklist', import: 'Import', topic: 'Topic', missing: 'Not found' };
    document.title = `${titles[current.page]} · prepdeck`;
  }, [current.page]);

  const nav = [
    { page: 'dashboard', label: 'Dashboard', href: hrefFor('/', checklist) },
    { page: 'checklist', label: 'Checklist', href: hrefFor('/checklist', checklist) },
    { page: 'import', label: 'Import', href: hrefFor('/import', checklist) },
  ] as const;

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to={hrefFor('/', checklist)} className="brand" aria-label="prepdeck home">
            <span className="brand-mark" aria-hidden="true" />
            prepdeck
          </Link>
          <nav aria-label="Main" className="main-nav">
            {nav.map((item) => (
              <Link key={item.page} to={item.href} aria-current={current.page === item.page ? 'page' : undefined}>
                {item.label}
              </Link>
            ))}
          </nav>
          {checklists && checklists.length > 1 && checklist && (
            <ChecklistPicker checklists={checklists} current={checklist} path={current.page === 'topic' ? '/checklist' : location.pathname} />
          )}
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {list.error && !checklists ? (
          <p className="error-line" role="alert">
            {list.error}
          </p>
        ) : (
          <Suspense fallback={<div className="page-skeleton" aria-busy="true" />}>
            <Page route={current} checklist={checklist} ready={checklists !== undefined} onImported={list.reload} />
          </Suspense>
        )}
      </main>
    </>
  );
}

interface PageProps {
  route: Route;
  checklist: string | null;
  ready: boolean;
  onImported: () => Promise<void>;
}

function Page({ route, checklist, ready, onImported }: PageProps) {
  if (route.page === 'import') return <ImportPage current={checklist} onImported={onImported} />;
  if (route.page === 'topic') return <TopicPage id={route.id} />;
  if (route.page === 'missing') {
    return <EmptyState title="Nothing here" text="This address is not a page of prepdeck." action={{ to: hrefFor('/', checklist), label: 'Go to the dashboard' }} />;
  }
  if (!ready) return <div className="page-skeleton" aria-busy="true" />;
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
  return <DashboardPage key={checklist} checklist={checklist} />;
}
