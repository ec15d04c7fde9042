// How the server answers while a 10 MB checklist is previewed: /healthz's latency during the preview, with the
// parse in a worker thread (as served) beside the same preview parsed in the server's own thread, in one run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeApp, openApp, type AppContext } from '../src/app/context.js';
import { buildServer } from '../src/server/app.js';
import { generateChecklist } from './generate-checklist.js';
import { median } from './stats.js';

/** About 100 bytes a topic: 10 MB, the largest checklist an import accepts. */
const TOPICS = 95_000;

/** Asks /healthz every 20 ms until its standard input closes, then prints each answer's latency in ms. */
const POLLER = `
const url = process.argv[1];
const latencies = [];
let stop = false;
process.stdin.on('end', () => (stop = true)).resume();
while (!stop) {
  const sent = performance.now();
  await fetch(url);
  latencies.push(performance.now() - sent);
  await new Promise((resolve) => setTimeout(resolve, 20));
}
process.stdout.write(JSON.stringify(latencies));
`;

interface Latencies {
  previewMs: number;
  healthz: number[];
}

async function healthzDuring(app: AppContext, text: string): Promise<Latencies> {
  const server = await buildServer({ app });
  const base = await server.listen({ host: '127.0.0.1', port: 0 });
  try {
    const started = performance.now();
    const preview = fetch(`${base}/api/imports/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-prepdeck-client': 'bench' },
      body: JSON.stringify({ text, fileName: 'big.md' }),
    }).then(async (response) => {
      if (!response.ok) throw new Error(`preview answered ${response.status}: ${await response.text()}`);
      return performance.now() - started;
    });
    // The poller is another process: in this one it would stop whenever the server's thread does.
    const poller = spawn(process.execPath, ['--input-type=module', '-e', POLLER, `${base}/healthz`], { stdio: ['pipe', 'pipe', 'inherit'] });
    const output: Buffer[] = [];
    poller.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    const exited = new Promise((resolve) => poller.once('exit', resolve));
    const previewMs = await preview;
    poller.stdin.end();
    await exited;
    const healthz = JSON.parse(Buffer.concat(output).toString('utf8')) as number[];
    return { previewMs, healthz };
  } finally {
    await server.close();
  }
}

const worst = (values: number[]) => Math.max(...values);

export async function benchPreview(): Promise<void> {
  const text = generateChecklist({ topics: TOPICS, seed: 3 });
  const dir = mkdtempSync(join(tmpdir(), 'prepdeck-bench-preview-'));
  const app = await openApp(join(dir, 'prepdeck.db'));
  try {
    const offThread = await healthzDuring(app, text);
    // The same preview with no location to hand a worker: parsed in the server's thread, as before.
    const inThread = await healthzDuring({ ...app, location: undefined }, text);
    const mb = (Buffer.byteLength(text) / 1e6).toFixed(1);
    console.log(`\n/healthz while a ${mb} MB checklist is previewed (${TOPICS.toLocaleString('en')} topics, SQLite)`);
    for (const [label, run] of [
      ['parsed in a worker thread', offThread],
      ["parsed in the server's thread", inThread],
    ] as const)
      console.log(
        `  ${label.padEnd(30)} preview ${run.previewMs.toFixed(0).padStart(6)} ms   /healthz median ${median(run.healthz).toFixed(1).padStart(7)} ms, worst ${worst(run.healthz).toFixed(0).padStart(6)} ms (${run.healthz.length} answers)`,
      );
    console.log(`  worst /healthz, worker vs own thread: ${(worst(offThread.healthz) / worst(inThread.healthz)).toFixed(2)}x`);
  } finally {
    await closeApp(app);
    rmSync(dir, { recursive: true, force: true });
  }
}
