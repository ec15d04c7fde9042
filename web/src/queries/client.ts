// The one QueryClient of the page, with the defaults every query shares. A module of its own, so that a page's loader can
// ask for the page's data while its code is still on the way (pages/lazy.ts).
import { QueryClient } from '@tanstack/react-query';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A failed load says so at once; the next poll, or the user, tries again.
        retry: false,
        // Only the live pages ask again when the tab comes back (live.ts); a review queue never reshuffles by itself.
        refetchOnWindowFocus: false,
        // Kept for the tab's life: coming back to a page shows it at once (and the browser restores the scroll) while a fresh copy loads.
        gcTime: Infinity,
      },
    },
  });
}

export const queryClient = createQueryClient();
