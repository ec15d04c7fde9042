// A use-case context on a fresh database of one backend, with a clock the test moves; dropped afterwards.
import { closeApp, openApp, type AppContext } from '../../src/app/context.js';
import type { Backend } from '../store/backends.js';

export async function withApp(backend: Backend, start: string, fn: (ctx: AppContext, setNow: (iso: string) => void) => Promise<void>): Promise<void> {
  const database = await backend.createDatabase();
  let now = start;
  const ctx = await openApp(database.location, () => now);
  try {
    await fn(ctx, (iso) => (now = iso));
  } finally {
    await closeApp(ctx);
    await database.drop();
  }
}
