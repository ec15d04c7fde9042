import { writeFile } from 'node:fs/promises';
import { loadTrees } from '../../app/checklists/checklists.js';
import { exportJson, exportMarkdown } from '../../core/checklist/export.js';
import { printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { withApp } from '../session.js';
import { checklistToUse } from '../checklist.js';

export async function exportCommand(ctx: CommandContext, options: { format: 'json' | 'md'; output?: string }): Promise<void> {
  const loaded = await withApp(ctx, async (app) => loadTrees(app, await checklistToUse(app, ctx, { announce: true })));
  let text: string;
  if (options.format === 'json') {
    text = `${JSON.stringify({ checklists: loaded.map(({ checklist, tree }) => exportJson(checklist, tree)) }, null, 2)}\n`;
  } else {
    const [only] = loaded;
    text = only ? exportMarkdown(only.checklist, only.tree) : '';
  }
  if (options.output) {
    await writeFile(options.output, text);
    if (ctx.json) printLines([JSON.stringify({ written: options.output, bytes: Buffer.byteLength(text) })]);
    else printLines([`wrote ${options.output}`]);
  } else process.stdout.write(text);
}
