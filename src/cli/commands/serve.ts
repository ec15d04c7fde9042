import closeWithGrace from 'close-with-grace';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { dirname } from 'node:path';
import { closeApp, openApp } from '../../app/context.js';
import { backupFolder, resolveDatabaseLocation, serveLogPath } from '../../app/location.js';
import { packageFile } from '../../app/package-files.js';
import { buildServer, LOOPBACK_HOSTS, servedHosts, type PrepdeckServer } from '../../server/app.js';
import { PrepdeckError } from '../../core/errors.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { readVersion } from '../version.js';
import { renderImport } from './import.js';
import { importExampleOnFirstRun } from './start.js';

/** Where `npm run build` puts the UI. */
const WEB_ROOT = packageFile('dist', 'web');

interface ServeOptions {
  host: string;
  port: number;
  log: string;
  /** More host names to answer to (`--allowed-host`, repeatable): a DNS name of this machine, say. */
  allowedHost: string[];
}

/** The web UI and the API until interrupted; in-flight requests finish first. */
export async function serve(ctx: CommandContext, options: ServeOptions): Promise<void> {
  const location = resolveDatabaseLocation({ flag: ctx.dbFlag, env: process.env });
  const app = await openApp(location);
  const logFile = process.stderr.isTTY && options.log !== 'silent' ? serveLogPath(location, process.env) : null;
  const logStream = logFile === null ? null : openLog(logFile);
  let listening = false;
  try {
    const imported = await importExampleOnFirstRun(app);
    const loopback = LOOPBACK_HOSTS.includes(options.host.toLowerCase());
    const server = await buildServer({
      app,
      webRoot: WEB_ROOT,
      version: readVersion(),
      // Structured logs on stderr for scripts and services, so stdout carries only the URL; a person at a terminal
      // gets one human line, and the JSON goes to a log file.
      logger: options.log === 'silent' ? false : { level: options.log, stream: logStream ?? process.stderr },
      logRequests: options.log === 'debug',
      // Only the names it was told to serve, on every address: a rebinding page's own domain is never one of them.
      allowedHosts: servedHosts(options.host, machineNames(), options.allowedHost),
      // Writing checklist files from the page only for the user's own server: one open to a network serves
      // others, and must not write into its own disk on their behalf.
      fileWrites: loopback ? { backupDir: backupFolder(location, process.env) } : null,
    });
    const address = await listen(server, options);
    listening = true;
    // Only once listening: before that, a failure must exit through the CLI's error report, not through here.
    closeWithGrace({ delay: 10_000, logger: false }, async ({ signal, err }) => {
      if (err) server.log.error({ err }, 'closing after an error');
      else server.log.info({ signal }, 'closing: finishing requests in flight');
      await server.close();
      await closeApp(app);
    });
    const url = `${address}/`;
    if (ctx.json) printJson({ url, imported: imported?.checklist ?? null });
    else if (logFile !== null) {
      // A person watching: one line, the rest in the log.
      const example = imported ? `; imported the example as '${imported.checklist.name}'` : '';
      printLines([`prepdeck is serving ${url} ${ctx.color.dim(`(Ctrl+C stops it${example}; log: ${logFile})`)}`]);
    } else {
      printLines([`prepdeck is serving ${url}`]);
      if (imported) process.stderr.write(`${renderImport(imported, ctx.color).join('\n')}\n`);
    }
  } finally {
    if (!listening) await closeApp(app);
  }
}

/** The log file, appended to; its folder made when missing. */
function openLog(file: string): WriteStream {
  mkdirSync(dirname(file), { recursive: true });
  return createWriteStream(file, { flags: 'a' });
}

/** What a client on the network may call this machine: its addresses and its host name. */
function machineNames(): string[] {
  const addresses = Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address));
  return [...addresses, hostname()];
}

async function listen(server: PrepdeckServer, { host, port }: ServeOptions): Promise<string> {
  try {
    await server.listen({ host, port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new PrepdeckError(`port ${port} is in use; pick another with --port (0 picks a free one; \`npm start -- --port 0\`)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new PrepdeckError(`cannot listen on host ${host}; try --host 127.0.0.1`);
    throw error;
  }
  const bound = server.server.address();
  if (bound === null || typeof bound === 'string') return `http://${host}:${port}`;
  const shownHost = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${bound.port}`;
}
