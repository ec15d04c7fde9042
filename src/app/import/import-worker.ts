// One import in a worker thread, on its own connection to the same database: see off-thread.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { AmbiguousError } from '../../core/errors.js';
import { StoreError } from '../../store/errors.js';
import { closeApp, openApp } from '../context.js';
import { importChecklist, type ImportInput } from './import-checklist.js';

export interface ImportJob {
  location: string;
  /** The caller's clock, read when the import began: the worker has no other. */
  now: string;
  input: Omit<ImportInput, 'onPhase'>;
}

/** An error as it crosses the thread: enough to throw the same typed error on the other side. */
export interface ThreadError {
  name: string;
  message: string;
  candidates?: Array<{ id: number; label: string }>;
  code?: string;
}

const job = workerData as ImportJob;
try {
  const ctx = await openApp(job.location, () => job.now);
  try {
    parentPort!.postMessage({ result: await importChecklist(ctx, job.input) });
  } finally {
    await closeApp(ctx);
  }
} catch (error) {
  const thrown = error instanceof Error ? error : new Error(String(error));
  const failure: ThreadError = {
    name: thrown.name,
    message: thrown.message,
    ...(error instanceof AmbiguousError ? { candidates: error.candidates } : {}),
    ...(error instanceof StoreError ? { code: error.code } : {}),
  };
  parentPort!.postMessage({ error: failure });
}
