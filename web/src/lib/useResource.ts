// Loads one thing from the API and keeps the last good value while reloading, so nothing jumps.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './api.js';

export interface Resource<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
  /**
   * Fetches again quietly, for polling: no loading flag, and the same answer as shown changes
   * nothing (no render). Skipped while another load or a tracked save is under way.
   */
  refresh: () => Promise<void>;
  /** Replaces the data locally (an optimistic change); answers to loads begun before it are dropped. */
  set: (update: (current: T | null) => T | null) => void;
  /** A save behind an optimistic change: until it settles, no refresh may overwrite the change. */
  track: <R>(saving: Promise<R>) => Promise<R>;
}

/**
 * The last answer per key, for this tab's life: coming back to a page shows it at once (and the
 * browser can restore the scroll position) while a fresh copy loads.
 */
const lastAnswers = new Map<string, unknown>();

/** `key` null means nothing to load yet; a new key loads again. */
export function useResource<T>(key: string | null, load: () => Promise<T>): Resource<T> {
  const [data, setDataState] = useState<T | null>(() => (key === null ? null : ((lastAnswers.get(key) as T | undefined) ?? null)));
  const keyRef = useRef(key);
  keyRef.current = key;
  const dataRef = useRef(data);
  dataRef.current = data;
  const setData = useCallback((update: T | null | ((current: T | null) => T | null)) => {
    setDataState((current) => {
      const next = typeof update === 'function' ? (update as (c: T | null) => T | null)(current) : update;
      if (keyRef.current !== null) lastAnswers.set(keyRef.current, next);
      return next;
    });
  }, []);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(key !== null);
  const loadRef = useRef(load);
  loadRef.current = load;
  // Answers to an older key arrive late sometimes; only the latest request may write.
  const generation = useRef(0);
  // Local changes so far: an answer to a load begun before the latest one is older than what is shown.
  const edits = useRef(0);
  // Saves under way; a refresh now would bring back the state from before them.
  const saving = useRef(0);
  const inFlight = useRef(0);

  const fetchInto = useCallback(async (quiet: boolean) => {
    const mine = ++generation.current;
    const editsAtStart = edits.current;
    inFlight.current++;
    if (!quiet) setLoading(true);
    try {
      const value = await loadRef.current();
      if (mine !== generation.current || edits.current !== editsAtStart || saving.current > 0) return;
      // Polling mostly brings back what is shown already: keep the same objects, render nothing.
      if (quiet && dataRef.current !== null && JSON.stringify(dataRef.current) === JSON.stringify(value)) return;
      setData(value);
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError(errorMessage(e));
    } finally {
      inFlight.current--;
      if (!quiet && mine === generation.current) setLoading(false);
    }
  }, []);

  const reload = useCallback(() => fetchInto(false), [fetchInto]);
  const refresh = useCallback(async () => {
    if (keyRef.current === null || inFlight.current > 0 || saving.current > 0) return;
    await fetchInto(true);
  }, [fetchInto]);

  const set = useCallback(
    (update: (current: T | null) => T | null) => {
      edits.current++;
      setData(update);
    },
    [setData],
  );

  const track = useCallback(<R,>(promise: Promise<R>): Promise<R> => {
    saving.current++;
    const done = () => {
      saving.current--;
    };
    promise.then(done, done);
    return promise;
  }, []);

  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return;
    }
    setDataState((lastAnswers.get(key) as T | undefined) ?? null);
    void reload();
  }, [key, reload]);

  return { data, error, loading, reload, refresh, set, track };
}
