// How soon a tick made by hand in the file shows in the web app while `prepdeck sync FILE --watch` runs:
// from the editor's save to the tree endpoint answering the topics as known. The floor is the watch's own
// debounce (an editor saves in steps; one save must count once), measured in the same run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WATCH_DEBOUNCE_MS } from '../src/app/write-back/watch.js';
import { closeApp, openApp } from '../src/app/context.js';
import { importChecklist, readChecklistFile } from '../src/app/import/import-checklist.js';
import type { ChecklistTreeJson, ExportedSection, ExportedTopic } from '../src/contract/checklists.js';
import { buildServer } from '../src/server/app.js';

const ROUNDS = Number(process.env['BENCH_RUNS'] ?? 5);
const AIM_MS = 1000;
const BIN = join(import.meta.dirname, '..', 'dist', 'bin', 'prepdeck.js');

function* topicsOf(section: ExportedSection): Generator<ExportedTopic> {
  const visit = function* (topic: ExportedTopic): Generator<ExportedTopic> {
    yield topic;
    for (const child of topic.children) yield* visit(child);
  };
  for (const topic of section.topics) yield* visit(topic);
  for (const child of section.sections) yield* topicsOf(child);
}

export async function benchSync(checklistFile: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'prepdeck-bench-sync-'));
  const file = join(dir, 'checklist.md');
  const db = join(dir, 'prepdeck.db');
  writeFileSync(file, readFileSync(checklistFile));
  const app = await openApp(db);
  const { checklist } = await importChecklist(app, { file: await readChecklistFile(file) });
  const server = await buildServer({ app });
  const treeUrl = `${await server.listen({ host: '127.0.0.1', port: 0 })}/api/checklists/${checklist.name}/tree`;
  const env = { ...process.env, PREPDECK_DB: db, NO_COLOR: '1' };
  const watcher = spawn(process.execPath, [BIN, 'sync', file, '--watch'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    await new Promise<void>((ready, failed) => {
      watcher.stderr.on('data', (chunk: Buffer) => chunk.toString().includes('watching') && ready());
      watcher.on('exit', (code) => failed(new Error(`sync --watch exited ${code}`)));
    });
    const tree = async () => (await (await fetch(treeUrl)).json()) as ChecklistTreeJson;
    const untouched = [...topicsOf((await tree()).root)].filter((t) => t.kind === 'topic' && t.state === 'new');
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Two more ticks by hand, as in an editor: each topic's own line gets `[x] ` after its bullet.
      const ticked = untouched.splice(0, 2);
      const lines = readFileSync(file, 'utf8').split('\n');
      for (const topic of ticked) lines[topic.line - 1] = lines[topic.line - 1]!.replace(/^(\s*(?:[-*+]|\d+[.)])\s+)/, '$1[x] ');
      const saved = performance.now();
      writeFileSync(file, lines.join('\n'));
      for (;;) {
        const states = new Map([...topicsOf((await tree()).root)].map((t) => [t.id, t.state]));
        if (ticked.every((t) => states.get(t.id) === 'known')) break;
        if (performance.now() - saved > 10_000) throw new Error('the ticks did not show within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      times.push(performance.now() - saved);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(`\nsync --watch: two ticks saved in the file until the tree endpoint shows them known (${ROUNDS} rounds)`);
    console.log(`  the watch's debounce (floor)        ${WATCH_DEBOUNCE_MS.toFixed(1).padStart(8)} ms`);
    console.log(
      `  save -> known in the API   min ${times[0]!.toFixed(1).padStart(8)} ms  median ${median.toFixed(1).padStart(8)} ms   ${(median / WATCH_DEBOUNCE_MS).toFixed(2)}x the debounce (aim: under ${AIM_MS} ms)`,
    );
  } finally {
    watcher.kill('SIGINT');
    await server.close();
    await closeApp(app);
    rmSync(dir, { recursive: true, force: true });
  }
}
