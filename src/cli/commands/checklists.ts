import { listChecklists } from '../../app/checklists/checklists.js';
import { checklistTimeZone } from '../../app/review/settings.js';
import { toProgress } from '../../core/checklist/progress.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { localTime, plural, progressBar } from '../render.js';
import { withApp } from '../session.js';
import { chosenChecklist } from '../../app/checklists/current.js';
import { NO_CHECKLIST_YET } from '../../core/checklist/current.js';
import { choiceLine } from '../checklist.js';

export async function checklists(ctx: CommandContext): Promise<void> {
  const { summaries, choice, zones } = await withApp(ctx, async (app) => {
    const summaries = await listChecklists(app);
    // Each import time on the wall clock of its checklist's review zone (the machine's when it sets none), as `show` writes times.
    const zones = ctx.json ? [] : await Promise.all(summaries.map((s) => checklistTimeZone(app, s.checklist.name)));
    return { summaries, zones, choice: summaries.length > 1 ? await chosenChecklist(app, ctx.checklist) : null };
  });
  if (ctx.json) {
    printJson({ checklists: summaries });
    return;
  }
  if (summaries.length === 0) {
    printLines([NO_CHECKLIST_YET]);
    return;
  }
  const c = ctx.color;
  // Columns padded before colouring, so escape codes don't count towards the width.
  const width = (values: string[]) => Math.max(...values.map((v) => [...v].length));
  const nameWidth = width(summaries.map((s) => s.checklist.name));
  const titleWidth = width(summaries.map((s) => s.checklist.title));
  const pad = (value: string, to: number) => value + ' '.repeat(to - [...value].length);
  printLines(
    summaries.map((s, i) => {
      const bar = progressBar(toProgress(s.progress), c, 10);
      const imported = `${localTime(s.checklist.importedAt, zones[i]!)} ${zones[i]!}`;
      const extra = `${plural(s.goals, 'goal')}, ${plural(s.books, 'book')}, imported ${imported}`;
      return `${c.bold(pad(s.checklist.name, nameWidth))}  ${pad(s.checklist.title, titleWidth)}  ${bar}  ${c.dim(extra)}`;
    }),
  );
  if (choice) printLines([c.dim(choiceLine(choice, 'commands work on'))]);
}
