// Throughput of the checklist-tree endpoint (what the Checklist page loads after every change) beside
// a bare Fastify route answering the same JSON from memory: the floor the API is measured against.
// Both run in this process, one after the other and twice each, so the ratio is what counts.
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeApp, openApp, type AppContext } from '../src/app/context.js';
import { importChecklist, readChecklistFile } from '../src/app/import/import-checklist.js';
import { buildServer } from '../src/server/app.js';

const SECONDS = Number(process.env['BENCH_HTTP_SECONDS'] ?? 4);
const CONNECTIONS = 10;
const RATIO_AIM = 0.7;

async function requestsPerSecond(url: string): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
}

async function benchOn(label: string, app: AppContext, file: string): Promise<void> {
  const { checklist } = await importChecklist(app, { file: await readChecklistFile(file), name: 'bench' });
  const server = await buildServer({ app });
  const treeUrl = `${await server.listen({ host: '127.0.0.1', port: 0 })}/api/checklists/${checklist.name}/tree`;
  const tree = (await (await fetch(treeUrl)).json()) as unknown;

  const bare = Fastify();
  bare.get('/tree', async () => tree);
  const bareUrl = `${await bare.listen({ host: '127.0.0.1', port: 0 })}/tree`;
  try {
    let api = 0;
    let floor = 0;
    for (let round = 0; round < 2; round++) {
      floor = Math.max(floor, await requestsPerSecond(bareUrl));
      api = Math.max(api, await requestsPerSecond(treeUrl));
    }
    const bytes = Buffer.byteLength(JSON.stringify(tree));
    console.log(
      `\nGET /api/checklists/:name/tree, ${label} (${(bytes / 1024).toFixed(0)} KB of JSON, ${CONNECTIONS} connections, best of 2 x ${SECONDS} s)`,
    );
    console.log(`  bare Fastify route, same JSON from memory  ${floor.toFixed(0).padStart(7)} req/s`);
    console.log(
      `  prepdeck tree endpoint                     ${api.toFixed(0).padStart(7)} req/s   ${(api / floor).toFixed(2)}x the bare route (aim >= ${RATIO_AIM})`,
    );
  } finally {
    await bare.close();
    await server.close();
  }
}

export async function benchHttp(checklistFile: string, postgresUrl: string | null): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'prepdeck-bench-http-'));
  try {
    const sqlite = await openApp(join(dir, 'bench.db'));
    try {
      await benchOn('SQLite', sqlite, checklistFile);
    } finally {
      await closeApp(sqlite);
    }
    if (postgresUrl) {
      const postgres = await openApp(postgresUrl);
      try {
        await benchOn('PostgreSQL', postgres, checklistFile);
      } finally {
        await closeApp(postgres);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
