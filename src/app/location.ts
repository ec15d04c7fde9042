// Where the data lives: --db, then PREPDECK_DB, then DATABASE_URL, then the XDG data directory.
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { isPostgresLocation } from '../store/dialect.js';

export interface LocationSources {
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
}

function defaultDatabasePath(env: NodeJS.ProcessEnv): string {
  const dataHome = env['XDG_DATA_HOME'] || join(env['HOME'] || homedir(), '.local', 'share');
  return join(dataHome, 'prepdeck', 'prepdeck.db');
}

export function resolveDatabaseLocation({ flag, env }: LocationSources): string {
  return flag || env['PREPDECK_DB'] || env['DATABASE_URL'] || defaultDatabasePath(env);
}

/**
 * The folder prepdeck keeps its other files in (backups of the files sync writes, the server's log): the SQLite
 * file's own folder, so that `--db` or PREPDECK_DB moves them with it and two databases never share them; the
 * XDG data folder for PostgreSQL (or an in-memory database).
 */
export function dataFolder(location: string, env: NodeJS.ProcessEnv): string {
  if (isPostgresLocation(location) || location === ':memory:') return dirname(defaultDatabasePath(env));
  return dirname(resolve(location));
}

/** Backups of the files sync wrote: `backups` in the data folder. */
export function backupFolder(location: string, env: NodeJS.ProcessEnv): string {
  return join(dataFolder(location, env), 'backups');
}

/** Where `prepdeck serve` writes its structured log when a person watches its terminal. */
export function serveLogPath(location: string, env: NodeJS.ProcessEnv): string {
  return join(dataFolder(location, env), 'serve.log');
}
