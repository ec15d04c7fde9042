// The import's ceiling (issue 12 item 4): the worst shapes an accepted file can take, each imported by the built
// app in a process of its own, with its peak memory (the child's maxRSS) and the database's size beside the
// file's. Aim: any accepted file (up to 10 MB, up to 100,000 list items) within 1 GB, and a database a small
// multiple of the file where the file's text is what it stores. `npx tsx bench/import-ceiling.ts` runs it alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_LIST_ITEMS } from '../src/core/import/decode.js';

const AIM_MB = 1024;

/** 190 items each nested in the one before, 40,000 characters each: 7.6 MB whose keys once repeated every ancestor. */
function deepOutline(): string {
  const lines = ['# Deep'];
  for (let i = 0; i < 190; i++) lines.push(`${'  '.repeat(Math.min(i, 95))}- ${String(i).padStart(4, '0')} ${'word '.repeat(8000)}`);
  return `${lines.join('\n')}\n`;
}

const SHAPES: Array<{ name: string; text: () => string }> = [
  { name: '190 nested items of 40 KB', text: deepOutline },
  { name: `${MAX_LIST_ITEMS.toLocaleString('en-US')} identical one-word items`, text: () => `# Same\n${'- a\n'.repeat(MAX_LIST_ITEMS)}` },
  { name: 'one 10 MB line', text: () => `# Line\n- ${'x'.repeat(10 * 1024 * 1024 - 20)}\n` },
];

// The child imports and prints its own peak memory: Node reports no child's rusage to its parent.
const CHILD = `
import { closeApp, openApp } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, '..', 'dist', 'app', 'context.js')).href)};
import { importChecklist, readChecklistFile } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, '..', 'dist', 'app', 'import', 'import-checklist.js')).href)};
const [file, db] = process.argv.slice(-2);
const ctx = await openApp(db);
const start = performance.now();
await importChecklist(ctx, { file: await readChecklistFile(file), name: 'ceiling' });
const ms = performance.now() - start;
await closeApp(ctx);
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`;

export function benchImportCeiling(): void {
  console.log(`\nimport ceiling: the worst shapes of an accepted file, each imported alone (aim: within ${AIM_MB} MB)`);
  const dir = mkdtempSync(join(tmpdir(), 'prepdeck-bench-ceiling-'));
  try {
    for (const shape of SHAPES) {
      const file = join(dir, 'file.md');
      const db = join(dir, `${SHAPES.indexOf(shape)}.db`);
      writeFileSync(file, shape.text());
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, file, db], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const { ms, maxRssMb } = JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; maxRssMb: number };
      const fileMb = statSync(file).size / 1024 / 1024;
      const dbMb = statSync(db).size / 1024 / 1024;
      console.log(
        `  ${shape.name.padEnd(34)} file ${fileMb.toFixed(1).padStart(5)} MB  import ${(ms / 1000).toFixed(1).padStart(5)} s  peak ${maxRssMb.toFixed(0).padStart(5)} MB${maxRssMb > AIM_MB ? ' (over the aim)' : ''}  database ${dbMb.toFixed(1).padStart(6)} MB (${(dbMb / fileMb).toFixed(1)}x the file)`,
      );
    }
    console.log(`  (a file of more than ${MAX_LIST_ITEMS.toLocaleString('en-US')} list items is refused before it is parsed)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) benchImportCeiling();
