import { listChecklists } from '../../app/checklists.js';
import { toProgress } from '../../core/progress.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { progressBar } from '../render.js';
import { withApp } from '../session.js';

export async function checklists(ctx: CommandContext): Promise<void> {
  const summaries = await withApp(ctx, (app) => listChecklists(app));
  if (ctx.json) {
    printJson({ checklists: summaries });
    return;
  }
  if (summaries.length === 0) {
    printLines(['no checklists yet; import one with `prepdeck import FILE`']);
    return;
  }
  const c = ctx.color;
  printLines(
    summaries.map((s) => {
      const bar = progressBar(toProgress(s.progress), c, 10);
      return `${c.bold(s.checklist.name)}  ${s.checklist.title}  ${bar}  ${c.dim(`${s.goals} goals, ${s.books} books, imported ${s.checklist.importedAt.slice(0, 16).replace('T', ' ')}`)}`;
    }),
  );
}
