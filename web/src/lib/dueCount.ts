// How many cards are left to review today, for the badge in the navigation: fetched (one card's worth)
// when the page changes and each minute, and set by the Review page as it goes, so the two never disagree.
import { useEffect, useSyncExternalStore } from 'react';
import { api } from './api.js';
import { totalRemaining } from './review.js';

const counts = new Map<string, number>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setDueCount(checklist: string, count: number): void {
  if (counts.get(checklist) === count) return;
  counts.set(checklist, count);
  for (const listener of listeners) listener();
}

/** Ask the server again (one card's worth): after an answer the page cannot count itself, a section's say. */
export function refreshDueCount(checklist: string): Promise<void> {
  return api.reviewQueue(checklist, { limit: 1 }).then(
    (queue) => setDueCount(checklist, totalRemaining(queue.remaining)),
    () => undefined,
  );
}

const REFRESH_MS = 60_000;

/**
 * Today's count for the checklist, or null until known (or when the server has no review API). With a
 * `refreshKey` it is fetched whenever the key changes (the page's path) and each minute; without, only read.
 */
export function useDueCount(checklist: string | null, refreshKey: string | null = null): number | null {
  const count = useSyncExternalStore(subscribe, () => (checklist === null ? null : (counts.get(checklist) ?? null)));
  useEffect(() => {
    if (refreshKey === null || checklist === null) return;
    let active = true;
    const load = () => {
      if (document.visibilityState !== 'visible') return;
      api.reviewQueue(checklist, { limit: 1 }).then(
        (queue) => active && setDueCount(checklist, totalRemaining(queue.remaining)),
        () => undefined,
      );
    };
    load();
    const timer = window.setInterval(load, REFRESH_MS);
    return () => {
      active = false;
      window.clearInterval(timer);
    };
  }, [checklist, refreshKey]);
  return count;
}
