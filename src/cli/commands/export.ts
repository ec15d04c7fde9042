import { checklistMarkdown, loadTrees } from '../../app/checklists/checklists.js';
import { writeExportFile } from '../../app/checklists/export-file.js';
import { applicationsCsv } from '../../app/hunt/export-csv.js';
import { exportJson, type ExportRefusal } from '../../core/checklist/export.js';
import { InvalidInputError } from '../../core/errors.js';
import { printLines, UsageError } from '../output.js';
import type { CommandContext } from '../program.js';
import { withApp } from '../session.js';
import { checklistToUse } from '../checklist.js';

interface ExportOptions {
  format: 'json' | 'md' | 'csv';
  output?: string;
  force?: boolean;
}

/** Why `-o FILE` was not written, in the command's words. */
function refusalLine(path: string, refusal: ExportRefusal, force: boolean): string {
  if (refusal.reason === 'exists') return `${path} exists already; give --force to write over it (nothing was written)`;
  const names = refusal.checklists.map((name) => `'${name}'`).join(', ');
  return `${path} is the Markdown file ${names} ${refusal.checklists.length === 1 ? 'was' : 'were'} imported from, which export never writes${force ? ', even with --force' : ''}: \`prepdeck sync ${path} --write\` puts the states into it, changing nothing else (nothing was written)`;
}

export async function exportCommand(ctx: CommandContext, options: ExportOptions): Promise<void> {
  if (options.force && options.output === undefined) throw new UsageError('--force only applies with -o/--output (standard output is never refused)');
  // The applications are the hunt's, not a checklist's: no checklist to pick.
  const text = options.format === 'csv' ? await withApp(ctx, (app) => applicationsCsv(app, {})) : await checklistText(ctx, options.format);
  const output = options.output;
  if (output === undefined) {
    process.stdout.write(text);
    return;
  }
  const force = options.force ?? false;
  const result = await withApp(ctx, (app) => writeExportFile(app, output, text, { force }));
  if ('refused' in result) throw new InvalidInputError(refusalLine(output, result.refused, force));
  if (ctx.json) printLines([JSON.stringify(result)]);
  else printLines([`wrote ${output}`]);
}

async function checklistText(ctx: CommandContext, format: 'json' | 'md'): Promise<string> {
  if (format === 'json') {
    // Loaded for this format only: the backup module brings typebox's validation (some 700 modules, a third of a second).
    const { checklistBackup } = await import('../../app/backup/backup.js');
    // The readable tree, and beside it every stored row of the checklist: what `import --backup` restores.
    const exported = await withApp(ctx, async (app) => {
      const loaded = await loadTrees(app, await checklistToUse(app, ctx, { announce: true }));
      return Promise.all(
        loaded.map(async ({ checklist, tree }) => ({ ...exportJson(checklist, tree), backup: await checklistBackup(app, checklist.id) })),
      );
    });
    return `${JSON.stringify({ checklists: exported }, null, 2)}\n`;
  }
  const { text, warnings } = await withApp(ctx, async (app) => checklistMarkdown(app, await checklistToUse(app, ctx, { announce: true })));
  // What the Markdown can't carry is said, never dropped unseen; the export is written all the same.
  for (const warning of warnings) process.stderr.write(`${ctx.color.yellow('prepdeck: warning:')} ${warning}\n`);
  return text;
}
