import { fileURLToPath } from 'node:url';
import { listChecklists } from '../../app/checklists.js';
import { importChecklist, readChecklistFile } from '../../app/import-checklist.js';
import { printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { withApp } from '../session.js';
import { renderImport } from './import.js';
import { progress } from './progress.js';

export const EXAMPLE_CHECKLIST = fileURLToPath(new URL('../../../examples/interview-prep.md', import.meta.url));

/** First run: import the bundled example. Every run: the progress overview. */
export async function start(ctx: CommandContext): Promise<void> {
  const imported = await withApp(ctx, async (app) => {
    if ((await listChecklists(app)).length > 0) return null;
    return importChecklist(app, { file: await readChecklistFile(EXAMPLE_CHECKLIST) });
  });
  if (imported && !ctx.json) printLines([...renderImport(imported, ctx.color), '']);
  await progress(ctx, {});
  if (!ctx.json) {
    printLines(['', ctx.color.dim('next: `prepdeck list`, `prepdeck mark TOPIC known`, `prepdeck import YOUR-CHECKLIST.md` (prepdeck --help for all)')]);
  }
}
