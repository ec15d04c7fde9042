import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, pageModuleOf, route } from './App.js';
import { queryClient } from './queries/client.js';
import './styles.css';

/** Long enough for a chunk from our own server, short enough that a slow one still gets the shell and a skeleton. */
const FIRST_PAGE_WAIT_MS = 1000;

// A page loaded on demand is loaded before the first render when the app opens on it (the Hunt page's loader asks for
// the board's data at the same moment). Rendered first, it would show its skeleton, and React holds a Suspense
// boundary's content back for 300 ms after its fallback showed: that was most of a cold Hunt board's first paint.
// (Should the load fail, the page's own load tries again and says so.)
// (Not a top-level await: the page's chunk imports from this one, which would still be evaluating.)
function renderApp(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}

const firstPage = pageModuleOf(route(window.location.pathname));
if (firstPage) {
  const waited = new Promise((resolve) => setTimeout(resolve, FIRST_PAGE_WAIT_MS));
  void Promise.race([firstPage.load().catch(() => undefined), waited]).then(renderApp);
} else {
  renderApp();
}
