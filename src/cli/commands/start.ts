import { listChecklists } from '../../app/checklists/checklists.js';
import type { AppContext } from '../../app/context.js';
import { packageFile } from '../../app/package-files.js';
import { importChecklist, readChecklistFile, type ImportResult } from '../../app/import/import-checklist.js';
import { printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { withApp } from '../session.js';
import { renderImport } from './import.js';
import { progress } from './progress.js';

export const EXAMPLE_CHECKLIST = packageFile('examples', 'interview-prep.md');

/** The bundled example, when the database has no checklist yet; null otherwise. */
export async function importExampleOnFirstRun(app: AppContext): Promise<ImportResult | null> {
  if ((await listChecklists(app)).length > 0) return null;
  // As a copy, with no file behind it: `sync --write` and Write to file must never write into prepdeck's own files.
  const example = await readChecklistFile(EXAMPLE_CHECKLIST);
  return importChecklist(app, { file: { ...example, sourcePath: null } });
}

/** First run: import the bundled example. Every run: the progress overview. */
export async function start(ctx: CommandContext): Promise<void> {
  const imported = await withApp(ctx, importExampleOnFirstRun);
  if (imported && !ctx.json) printLines([...renderImport(imported, ctx.color), '']);
  await progress(ctx, {});
  if (!ctx.json) {
    printLines([
      '',
      ctx.color.dim('next: `prepdeck list`, `prepdeck mark TOPIC known`, `prepdeck import YOUR-CHECKLIST.md` (prepdeck --help for all)'),
    ]);
  }
}
