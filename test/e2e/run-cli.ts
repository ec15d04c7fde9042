// Runs the built bin as a user would: a child process, pipes for stdio, a throwaway HOME, and a database
// chosen by the test, so the developer's real data directory is never read or written.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/fixtures.js';

export const BIN = join(PROJECT_ROOT, 'dist', 'bin', 'prepdeck.js');
if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` before the end-to-end tests`);

/** Variables of the developer's shell that would change what the CLI does; the tests set their own. */
const INHERITED_BUT_CLEARED = ['PREPDECK_DB', 'DATABASE_URL', 'NO_COLOR', 'FORCE_COLOR', 'CLICOLOR_FORCE', 'VISUAL', 'EDITOR'];

/** A spawn that hangs is a bug of its own; fail it long before vitest's timeout. */
const SPAWN_TIMEOUT_MS = 30_000;

export interface CliResult {
  /** The exit code; null only when the process was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to standard input, which is then closed (it is closed empty otherwise). */
  input?: string | Uint8Array;
  /** Leave NO_COLOR unset, so that only stdout being a pipe keeps colour away. */
  color?: boolean;
}

export interface Cli {
  /** The database every run uses: an SQLite file or a postgres:// URL. */
  readonly location: string;
  readonly home: string;
  run(args: string[], options?: RunOptions): Promise<CliResult>;
  /** Runs with `--json`, expects exit 0 and returns the parsed standard output. */
  json<T>(args: string[]): Promise<T>;
  /** Removes the temporary HOME (the database is dropped by whoever created it). */
  dispose(): void;
}

function describeRun(args: string[], result: CliResult): string {
  return `prepdeck ${args.join(' ')} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/** The environment of one run: the caller's, minus what would leak the developer's setup in. */
export function cliEnv(location: string, home: string, color = false): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_BUT_CLEARED) delete env[name];
  env['HOME'] = home;
  env['XDG_DATA_HOME'] = join(home, '.local', 'share');
  // Both ways of naming a database get exercised: PREPDECK_DB for SQLite, DATABASE_URL for PostgreSQL.
  if (location.startsWith('postgres')) env['DATABASE_URL'] = location;
  else env['PREPDECK_DB'] = location;
  if (!color) env['NO_COLOR'] = '1';
  return env;
}

export function runBin(args: string[], env: NodeJS.ProcessEnv, options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: env['HOME'], stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), SPAWN_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
    // The CLI may exit before reading its input; that is its business, not a test failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** A CLI bound to one database (by default an SQLite file in its HOME), with its own temporary HOME. */
export function cliFor(location?: string): Cli {
  const home = mkdtempSync(join(tmpdir(), 'prepdeck-e2e-home-'));
  location ??= join(home, 'prepdeck.db');
  const run = (args: string[], options: RunOptions = {}) => runBin(args, cliEnv(location, home, options.color), options);
  return {
    location,
    home,
    run,
    async json<T>(args: string[]): Promise<T> {
      const all = [...args, '--json'];
      const result = await run(all);
      if (result.code !== 0) throw new Error(describeRun(all, result));
      try {
        return JSON.parse(result.stdout) as T;
      } catch (error) {
        throw new Error(`not JSON (${(error as Error).message}): ${describeRun(all, result)}`, { cause: error });
      }
    },
    dispose: () => rmSync(home, { recursive: true, force: true }),
  };
}

/** The lines of an error report, without the trailing newline. */
export function lines(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}
