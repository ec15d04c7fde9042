import { writeFile } from 'node:fs/promises';
import { loadTrees } from '../../app/checklists/checklists.js';
import { applicationsCsv } from '../../app/hunt/export-csv.js';
import { exportJson, exportMarkdown } from '../../core/checklist/export.js';
import { printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { withApp } from '../session.js';
import { checklistToUse } from '../checklist.js';

export async function exportCommand(ctx: CommandContext, options: { format: 'json' | 'md' | 'csv'; output?: string }): Promise<void> {
  // The applications are the hunt's, not a checklist's: no checklist to pick.
  const text = options.format === 'csv' ? await withApp(ctx, (app) => applicationsCsv(app, {})) : await checklistText(ctx, options.format);
  if (options.output) {
    await writeFile(options.output, text);
    if (ctx.json) printLines([JSON.stringify({ written: options.output, bytes: Buffer.byteLength(text) })]);
    else printLines([`wrote ${options.output}`]);
  } else process.stdout.write(text);
}

async function checklistText(ctx: CommandContext, format: 'json' | 'md'): Promise<string> {
  const loaded = await withApp(ctx, async (app) => loadTrees(app, await checklistToUse(app, ctx, { announce: true })));
  if (format === 'json') return `${JSON.stringify({ checklists: loaded.map(({ checklist, tree }) => exportJson(checklist, tree)) }, null, 2)}\n`;
  const [only] = loaded;
  return only ? exportMarkdown(only.checklist, only.tree) : '';
}
