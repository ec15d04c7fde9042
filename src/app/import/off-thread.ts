// A large import parsed and planned in a worker thread, so that the server keeps answering meanwhile (a 10 MB
// checklist takes seconds to parse): the worker opens its own connection to the same database and runs the very
// same importChecklist, transaction and all; only the result crosses back.
import { Worker } from 'node:worker_threads';
import { AmbiguousError, ConflictError, InvalidInputError, NotFoundError, PayloadTooLargeError, PrepdeckError } from '../../core/errors.js';
import { StoreError, type StoreErrorCode } from '../../store/errors.js';
import type { AppContext } from '../context.js';
import { packageFile } from '../package-files.js';
import { importChecklist, type ImportInput, type ImportResult } from './import-checklist.js';
import type { ImportJob, ThreadError } from './import-worker.js';

/** Below this a file parses in a few milliseconds: starting a thread would cost more than it saves. */
export const OFF_THREAD_BYTES = 256 * 1024;

/** Imports (or previews) like importChecklist, off the event loop when the file is large and the database shareable. */
export async function importChecklistOffThread(ctx: AppContext, input: Omit<ImportInput, 'onPhase'>): Promise<ImportResult> {
  const { location } = ctx;
  // An in-memory database lives in this thread only.
  if (input.file.bytes.byteLength < OFF_THREAD_BYTES || location === undefined || location === ':memory:') return importChecklist(ctx, input);
  const job: ImportJob = { location, now: ctx.now(), input };
  return new Promise((resolve, reject) => {
    const worker = startWorker(job);
    let settled = false;
    worker.once('message', (message: { result: ImportResult } | { error: ThreadError }) => {
      settled = true;
      if ('result' in message) resolve(message.result);
      else reject(rebuild(message.error));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the import's worker thread stopped (exit code ${code}) before it answered`));
    });
  });
}

function startWorker(job: ImportJob): Worker {
  // The compiled tree's worker, also when this code runs from the CLI's bundle (which has no worker file of its own).
  if (!import.meta.url.endsWith('.ts')) return new Worker(packageFile('dist', 'app', 'import', 'import-worker.js'), { workerData: job });
  // Under the test runner the sources are TypeScript, which a worker can't load by itself (Node 20 ignores
  // `--import` in a worker's execArgv): it registers tsx first, then loads the worker's source.
  const source = JSON.stringify(new URL('./import-worker.ts', import.meta.url).href);
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); })`;
  return new Worker(bootstrap, { eval: true, workerData: job });
}

/** The typed error the worker threw, so that each adapter maps it as it would map it here. */
function rebuild(error: ThreadError): Error {
  switch (error.name) {
    case 'PayloadTooLargeError':
      return new PayloadTooLargeError(error.message);
    case 'InvalidInputError':
      return new InvalidInputError(error.message);
    case 'NotFoundError':
      return new NotFoundError(error.message);
    case 'ConflictError':
      return new ConflictError(error.message);
    case 'AmbiguousError':
      return new AmbiguousError(error.message, error.candidates ?? []);
    case 'StoreError':
      return new StoreError(error.code as StoreErrorCode, error.message);
    case 'PrepdeckError':
      return new PrepdeckError(error.message);
    default:
      return Object.assign(new Error(error.message), { name: error.name });
  }
}
