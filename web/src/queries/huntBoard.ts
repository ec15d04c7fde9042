// What the Hunt board shows first, the hunt and its applications: their reads and queries sit in the entry chunk (a
// few hundred bytes), so that the Hunt page's loader asks for them at once, not after a chunk of the hunt's own.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { ApplicationListJson, HuntJson } from '../../../src/contract/hunt.js';
import { request } from '../lib/api.js';
import { applicationsKey, huntSettingsKey } from './keys.js';

/**
 * Fresh for a moment: the page mounting right after its data came (prefetched here, or preloaded by the HTML: see
 * src/server/page-preloads.ts, which names these URLs) does not ask again at once; the page's poll keeps it live.
 */
const BOARD_FRESH_MS = 2000;

export const huntQuery = () =>
  queryOptions({
    queryKey: huntSettingsKey(),
    queryFn: ({ signal }) => request<HuntJson>('GET', '/api/hunt', undefined, signal),
    staleTime: BOARD_FRESH_MS,
  });

/** Every application not archived (`archived`: those too); the board and the table filter them on screen. */
export const applicationsQuery = (archived = false) =>
  queryOptions({
    queryKey: applicationsKey(archived),
    queryFn: ({ signal }) => request<ApplicationListJson>('GET', `/api/hunt/applications${archived ? '?archived=true' : ''}`, undefined, signal),
    staleTime: BOARD_FRESH_MS,
  });

/** What the board shows first (the hunt and its active applications), asked for before the Hunt page mounts. */
export function prefetchBoard(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(huntQuery());
  void queryClient.prefetchQuery(applicationsQuery(false));
}
