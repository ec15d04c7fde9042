// Live pages: the file may change under `prepdeck sync --watch`, or a topic be marked from the CLI, while the
// page is open. Polling every few seconds is enough, and cheap: the tree answers 304.
import { useIsMutating, type MutationKey } from '@tanstack/react-query';

const POLL_MS = 2000;

/**
 * Query options that ask again every `intervalMs` while the tab is visible (`refetchIntervalInBackground` stays
 * off, so a hidden tab asks nothing) and at once when it comes back. While a write under `writes` is on its
 * way, no poll starts: its answer could be older than the change already shown.
 */
export function useLive(writes: MutationKey | null = null, intervalMs = POLL_MS) {
  const writing = useIsMutating({ mutationKey: writes ?? [], predicate: () => writes !== null }) > 0;
  return { refetchInterval: writing ? false : intervalMs, refetchOnWindowFocus: !writing } as const;
}
