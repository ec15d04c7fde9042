import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, route } from './App.js';
import { huntPage } from './pages/lazy.js';
import { queryClient } from './queries/client.js';
import './styles.css';

// The Hunt page's code and the board's data start loading now rather than once the first render has found the route:
// that render takes tens of milliseconds. (Should this fail, the page's own load tries again and says so.)
if (route(window.location.pathname).page === 'hunt') void huntPage.load().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
