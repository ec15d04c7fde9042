// Code loaded on demand that can also be fetched ahead of time, and then renders without suspending.
// React.lazy suspends on first render even when its promise has already resolved; this does not.

export interface LazyModule<T> {
  /** The module once loaded, else null. */
  readonly current: T | null;
  /** Starts loading (once) and resolves with the module. */
  load(): Promise<T>;
}

export function lazyModule<T>(load: () => Promise<T>): LazyModule<T> {
  let current: T | null = null;
  let promise: Promise<T> | null = null;
  return {
    get current() {
      return current;
    },
    load() {
      promise ??= load().then(
        (module) => (current = module),
        (error: unknown) => {
          promise = null;
          throw error;
        },
      );
      return promise;
    },
  };
}

/** Runs `task` when the browser is idle (or soon, where requestIdleCallback is missing); returns a cancel. */
export function whenIdle(task: () => void, timeout = 2000): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, 200);
  return () => window.clearTimeout(handle);
}
