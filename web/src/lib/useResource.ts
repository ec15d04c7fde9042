// Loads one thing from the API and keeps the last good value while reloading, so nothing jumps.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './api.js';

export interface Resource<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
  /** Replaces the data locally (an optimistic change) until the next reload. */
  set: (update: (current: T | null) => T | null) => void;
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

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (mine !== generation.current) return;
      setData(value);
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError(errorMessage(e));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return;
    }
    setDataState((lastAnswers.get(key) as T | undefined) ?? null);
    void reload();
  }, [key, reload]);

  return { data, error, loading, reload, set: setData };
}
