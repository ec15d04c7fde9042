// The pages (and the one panel) loaded on demand, and their warm-up: once the checklist or the dashboard is on
// screen, the topic page and the Markdown renderer load while the browser is idle, so opening a topic is instant.
import type { ComponentType } from 'react';
import { lazyModule, whenIdle, type LazyModule } from '../lib/lazyModule.js';
import { loadMarkdown } from '../lib/markdownLoader.js';
import { queryClient } from '../queries/client.js';
import { prefetchBoard } from '../queries/huntBoard.js';

// The topic page renders Markdown in its first paint: it is ready only when the renderer is too, so
// its title never shows as source first and HTML a moment later.
export const topicPage = lazyModule(() => Promise.all([import('./TopicPage.js'), loadMarkdown()]).then(([page]) => page));

export const importPage = lazyModule(() => import('./ImportPage.js'));

// The review page shows Markdown (a card's front) in its first paint too.
export const reviewPage = lazyModule(() => Promise.all([import('./ReviewPage.js'), loadMarkdown()]).then(([page]) => page));

// The job hunt's pages and its Dashboard section: none of it weighs on the Checklist page.
export const huntPage = lazyModule(() => {
  // The board's data is asked for with the page's code, not once the page (or a chunk of queries) has loaded: the
  // server works on it while the code is on the way.
  prefetchBoard(queryClient);
  return import('./HuntPage.js');
});
export const applicationPage = lazyModule(() => import('./ApplicationPage.js'));
export const huntAgenda = lazyModule(() => import('../hunt/HuntAgenda.js'));

// Interviews: the Round, Gaps and Stories pages and the Dashboard's upcoming rounds, none of it in the entry chunk.
// Each page takes what the shell knows (the round's id, the checklist on screen) and uses what it needs.
export type ShellPage = LazyModule<{ Page: ComponentType<{ id: number; checklist: string }> }>;
export const roundPage: ShellPage = lazyModule(() => import('./RoundPage.js').then((m) => ({ Page: m.RoundPage })));
export const gapsPage: ShellPage = lazyModule(() => import('./GapsPage.js').then((m) => ({ Page: m.GapsPage })));
export const storiesPage: ShellPage = lazyModule(() => import('./StoriesPage.js').then((m) => ({ Page: m.StoriesPage })));
export const upcomingRounds = lazyModule(() => import('../interviews/UpcomingRounds.js'));

// The plan to an interview date: its page and the Dashboard's lead line, with their queries and uPlot (with the chart).
export const planPage: ShellPage = lazyModule(() => import('./PlanPage.js').then((m) => ({ Page: m.PlanPage })));
export const planLead = lazyModule(() => import('../plan/PlanLead.js'));

// The Write to file panel shows only on a click: the Checklist page's first paint does without its code.
export const writeBackPanel = lazyModule(() => import('../components/WriteBackPanel.js'));

/** Loads the topic, review and import pages, and the Write to file panel, when the browser has nothing better to do. */
export function preloadPagesWhenIdle(): () => void {
  return whenIdle(() => {
    void topicPage.load().catch(() => undefined);
    void reviewPage.load().catch(() => undefined);
    void importPage.load().catch(() => undefined);
    void writeBackPanel.load().catch(() => undefined);
  });
}
