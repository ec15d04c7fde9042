// A server per test on a fresh database of each backend, called with inject (no network).
import { afterEach, beforeEach } from 'vitest';
import { closeApp, openApp, type AppContext } from '../../src/app/context.js';
import { buildServer, type PrepdeckServer } from '../../src/server/app.js';
import type { FileWrites } from '../../src/server/routes/file.js';
import type { Backend, TestDatabase } from '../store/backends.js';

export interface ServerUnderTest {
  server: PrepdeckServer;
  app: AppContext;
  database: TestDatabase;
}

export function useServer(backend: Backend, options: { webRoot?: string; allowedHosts?: string[]; fileWrites?: FileWrites } = {}): () => ServerUnderTest {
  let current: ServerUnderTest | undefined;
  beforeEach(async () => {
    const database = await backend.createDatabase();
    const app = await openApp(database.location);
    const server = await buildServer({ app, webRoot: options.webRoot ?? null, allowedHosts: options.allowedHosts ?? null, fileWrites: options.fileWrites ?? null });
    current = { server, app, database };
  });
  afterEach(async () => {
    if (!current) return;
    await current.server.close();
    await closeApp(current.app);
    await current.database.drop();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('useServer: no server outside a test');
    return current;
  };
}
