// `prepdeck sync FILE --watch`: the file's edits brought in each time it is saved.
import { watch } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { AppContext } from '../context.js';
import { syncChecklist, type SyncInput, type SyncResult } from './sync.js';

export interface WatchHandlers {
  /** Once the file is being watched: a change made from here on is seen. */
  onReady?: () => void;
  /** After each change of the file that was brought in. */
  onChange: (result: SyncResult) => void;
  /** A read-in that failed (the file half-saved, or gone for a moment); watching goes on. */
  onError: (error: unknown) => void;
}

/** Debounce for editors that save in several steps (truncate, write, rename). */
export const WATCH_DEBOUNCE_MS = 200;

/**
 * `prepdeck sync FILE --watch`: brings the file's edits in each time it changes, until `signal` aborts. Watches the
 * file's directory, so that editors which save by replacing the file are followed too.
 */
export async function watchChecklist(
  ctx: AppContext,
  input: SyncInput,
  handlers: WatchHandlers,
  signal: AbortSignal,
  debounceMs = WATCH_DEBOUNCE_MS,
): Promise<void> {
  const target = await realpath(input.path);
  const name = basename(target);
  let timer: NodeJS.Timeout | undefined;
  // Typed by assertion, not annotation: an annotated `= null` would narrow it to null for the `finally` below,
  // which cannot see the assignments in run().
  let running = null as Promise<void> | null;
  let again = false;

  const runOnce = async (): Promise<void> => {
    try {
      const result = await syncChecklist(ctx, { ...input, file: undefined });
      if (!result.readIn.unchanged) handlers.onChange(result);
    } catch (error) {
      handlers.onError(error);
    }
  };
  const run = (): void => {
    if (signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = runOnce().finally(() => {
      running = null;
      if (again) {
        again = false;
        schedule();
      }
    });
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };

  const watcher = watch(dirname(target), (_event, changed) => {
    if (changed === null || changed === name) schedule();
  });
  handlers.onReady?.();
  // A save between the first read-in and this watcher would otherwise go unseen: look once more.
  schedule();
  // The directory itself gone, say: reported, and watching stops.
  const failed = new Promise<void>((done) =>
    watcher.on('error', (error) => {
      handlers.onError(error);
      done();
    }),
  );
  try {
    const aborted = new Promise<void>((done) => {
      if (signal.aborted) done();
      else signal.addEventListener('abort', () => done(), { once: true });
    });
    await Promise.race([aborted, failed]);
  } finally {
    watcher.close();
    clearTimeout(timer);
    await running;
  }
}
