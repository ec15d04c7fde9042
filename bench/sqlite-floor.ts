// The import's SQLite floor: the very statements an import writes (its inserts and updates, with their values),
// captured from one import and replayed straight on better-sqlite3 into a freshly migrated file, in one
// transaction. What is left of the import beyond this floor and the parse is prepdeck's own work.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { closeApp, openApp } from '../src/app/context.js';

export interface WrittenStatement {
  source: string;
  parameters: unknown[];
}

const WRITES = /^\s*(?:insert|update)\b/i;

/** Runs `write` while recording every insert and update better-sqlite3 executes in this process. */
export async function captureWrites(write: () => Promise<unknown>): Promise<WrittenStatement[]> {
  const statement = Object.getPrototypeOf(new Database(':memory:').prepare('select 1')) as Record<string, (...args: unknown[]) => unknown>;
  const originals = { run: statement['run']!, all: statement['all']!, get: statement['get']! };
  const captured: WrittenStatement[] = [];
  for (const [name, original] of Object.entries(originals)) {
    statement[name] = function (this: { source: string }, ...args: unknown[]) {
      if (WRITES.test(this.source)) captured.push({ source: this.source, parameters: Array.isArray(args[0]) ? (args[0] as unknown[]) : args });
      return original.apply(this, args);
    };
  }
  try {
    await write();
  } finally {
    Object.assign(statement, originals);
  }
  return captured;
}

/** Replays `statements` into a new, migrated database at `dir/name` in one transaction; returns the milliseconds it took. */
export async function replayWrites(dir: string, name: string, statements: WrittenStatement[]): Promise<number> {
  const path = join(dir, name);
  await closeApp(await openApp(path));
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Each distinct statement prepared once, as the store's statement cache does.
    const cache = new Map<string, Database.Statement>();
    const start = performance.now();
    db.transaction(() => {
      for (const { source, parameters } of statements) {
        let prepared = cache.get(source);
        if (!prepared) cache.set(source, (prepared = db.prepare(source)));
        if (prepared.reader) prepared.all(parameters);
        else prepared.run(parameters);
      }
    })();
    return performance.now() - start;
  } finally {
    db.close();
  }
}
