// What the browser tests, the screenshot script and the web benchmark share: the real `prepdeck serve`
// on a free port with a throwaway database, and headless Chromium from the system (never downloaded).
// No side effects on import: each user decides what a missing browser means.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';

/** Computed here rather than taken from test/support, so that the benchmark can use this file without its CI checks. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env['PREPDECK_CHROMIUM'] ?? '/usr/bin/chromium';
export const BIN = join(PROJECT_ROOT, 'dist', 'bin', 'prepdeck.js');
const WEB_INDEX = join(PROJECT_ROOT, 'dist', 'web', 'index.html');

/** Why the browser tests cannot run here, or null when they can. Under CI a reason is a failure. */
export function browserUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium, or set PREPDECK_CHROMIUM)`;
  if (!existsSync(BIN) || !existsSync(WEB_INDEX)) return `${BIN} or ${WEB_INDEX} is missing: run \`npm run build\` first`;
  return null;
}

export interface Server {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/**
 * The server prints its URL as the first line on stdout; anything else first means it failed. `database`: where its
 * data lives (a PostgreSQL URL, say), else a fresh SQLite file; `timeZone`: its machine's zone (TZ), else this one's.
 */
export async function startServer(options: { database?: string; timeZone?: string } = {}): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'prepdeck-web-'));
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, XDG_DATA_HOME: dir, NO_COLOR: '1' };
  if (options.timeZone !== undefined) env['TZ'] = options.timeZone;
  delete env['PREPDECK_DB'];
  delete env['DATABASE_URL'];
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', options.database ?? join(dir, 'prepdeck.db')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test run that dies before its afterAll must not leave a server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`prepdeck serve printed no URL in 20 s; stderr: ${stderr}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0]!;
      if (!stdout.includes('\n')) return;
      clearTimeout(timer);
      const match = /https?:\/\/\S+/.exec(line);
      if (match) resolve(match[0].replace(/\/$/, ''));
      else reject(new Error(`unexpected first line from prepdeck serve: ${line}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`prepdeck serve exited with ${code}: ${stderr}`));
    });
  });
  return { url, dir, stop: () => stopServer(child, dir) };
}

async function stopServer(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dir, { recursive: true, force: true });
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface BrowserHandle {
  context: BrowserContext;
  /** A new tab at the given viewport and colour scheme. */
  newPage(options?: { width?: number; height?: number; colorScheme?: 'light' | 'dark' }): Promise<Page>;
  close(): Promise<void>;
}

/** One Chromium with a fresh user data dir of its own, removed on close. */
export async function launchBrowser(): Promise<BrowserHandle> {
  const profile = mkdtempSync(join(tmpdir(), 'prepdeck-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  return {
    context,
    newPage: async ({ width = 1280, height = 800, colorScheme = 'light' } = {}) => {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme });
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
