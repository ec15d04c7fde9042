// Live pages: the file may change under `prepdeck sync --watch`, or a topic be marked from the CLI,
// while the page is open. Polling every few seconds is enough, and cheap: the tree answers 304.
import { useEffect, useRef } from 'react';
import { useResource, type Resource } from './useResource.js';

export const POLL_MS = 2000;

/**
 * Calls `poll` every `intervalMs` while the tab is visible, and at once when the tab comes back
 * (visibilitychange to visible, window focus). Never two polls at a time.
 */
export function usePolling(poll: () => Promise<unknown> | void, intervalMs = POLL_MS, enabled = true): void {
  const pollRef = useRef(poll);
  pollRef.current = poll;
  useEffect(() => {
    if (!enabled) return;
    let running = false;
    const run = async () => {
      if (running || document.visibilityState !== 'visible') return;
      running = true;
      try {
        await pollRef.current();
      } catch {
        // A failed poll is retried by the next one.
      } finally {
        running = false;
      }
    };
    const timer = window.setInterval(() => void run(), intervalMs);
    const onBack = () => void run();
    document.addEventListener('visibilitychange', onBack);
    window.addEventListener('focus', onBack);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onBack);
      window.removeEventListener('focus', onBack);
    };
  }, [intervalMs, enabled]);
}

/** A resource kept up to date with the server while the page is shown. */
export function useLiveResource<T>(key: string | null, load: () => Promise<T>, intervalMs = POLL_MS): Resource<T> {
  const resource = useResource(key, load);
  usePolling(resource.refresh, intervalMs, key !== null);
  return resource;
}
