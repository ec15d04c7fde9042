import { writeFile } from 'node:fs/promises';
import { loadTrees } from '../../app/checklists/checklists.js';
import { applicationsCsv } from '../../app/hunt/export-csv.js';
import { checklistBackup } from '../../app/backup/backup.js';
import { exportJson } from '../../core/checklist/export.js';
import { exportMarkdown } from '../../core/checklist/export-markdown.js';
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
  if (format === 'json') {
    // The readable tree, and beside it every stored row of the checklist: what `import --backup` restores.
    const exported = await withApp(ctx, async (app) => {
      const loaded = await loadTrees(app, await checklistToUse(app, ctx, { announce: true }));
      return Promise.all(
        loaded.map(async ({ checklist, tree }) => ({ ...exportJson(checklist, tree), backup: await checklistBackup(app, checklist.id) })),
      );
    });
    return `${JSON.stringify({ checklists: exported }, null, 2)}\n`;
  }
  const loaded = await withApp(ctx, async (app) => loadTrees(app, await checklistToUse(app, ctx, { announce: true })));
  const [only] = loaded;
  return only ? exportMarkdown(only.checklist, only.tree) : '';
}
