// What every use case needs: the store and a clock (passed in, so tests can fix time).
import { openStore, type Store } from '../store/database.js';

export interface AppContext {
  store: Store;
  now: () => string;
  /** Where the store was opened, so that a worker thread can open it too (see import/off-thread.ts). */
  location?: string;
}

export async function openApp(location: string, now: () => string = () => new Date().toISOString()): Promise<AppContext> {
  return { store: await openStore(location), now, location };
}

export async function closeApp(ctx: AppContext): Promise<void> {
  await ctx.store.close();
}
