// Where the data lives: --db, then PREPDECK_DB, then DATABASE_URL, then the XDG data directory.
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface LocationSources {
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv): string {
  const dataHome = env['XDG_DATA_HOME'] || join(env['HOME'] || homedir(), '.local', 'share');
  return join(dataHome, 'prepdeck', 'prepdeck.db');
}

/** Where `prepdeck serve` writes its structured log when a person watches its terminal. */
export function defaultServeLogPath(env: NodeJS.ProcessEnv): string {
  return join(dirname(defaultDatabasePath(env)), 'serve.log');
}

export function resolveDatabaseLocation({ flag, env }: LocationSources): string {
  return flag || env['PREPDECK_DB'] || env['DATABASE_URL'] || defaultDatabasePath(env);
}
