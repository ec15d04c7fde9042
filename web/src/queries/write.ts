// A write run by `run(call)`: `onSuccess` updates or asks again what it changed, and `error` keeps the last refusal
// (the server's 400, naming the field), so that each form shows it beside itself.
import { useMutation, type MutationKey } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../lib/api.js';

export function useWrite(mutationKey: MutationKey, onSuccess: (answer: unknown) => Promise<unknown>) {
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationKey,
    mutationFn: (call: () => Promise<unknown>) => call(),
    onMutate: () => setError(null),
    onSuccess,
    onError: (e) => setError(errorMessage(e)),
  });
  /** Resolves with the answer, or null when the write failed (`error` says why). */
  const run = async <T>(call: () => Promise<T>): Promise<T | null> => {
    try {
      return (await mutation.mutateAsync(call)) as T;
    } catch {
      return null;
    }
  };
  return { run, error, pending: mutation.isPending, clearError: () => setError(null) };
}
