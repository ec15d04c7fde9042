import { listFollowUps, updateFollowUp } from '../../app/hunt/follow-ups.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { followUpLine } from '../hunt/render.js';
import { plural } from '../render.js';
import { withApp } from '../session.js';

export async function followUpsList(ctx: CommandContext, options: { all?: boolean; closed?: boolean }): Promise<void> {
  const list = await withApp(ctx, (app) =>
    listFollowUps(app, { ...(options.all ? { done: true } : {}), ...(options.closed ? { closed: true } : {}) }),
  );
  if (ctx.json) return printJson(list);
  // Those of closed applications are left out, never silently: a line counts them.
  const leftOut =
    list.closedLeftOut > 0
      ? [ctx.color.dim(`${plural(list.closedLeftOut, 'follow-up')} of closed applications not listed: --closed lists them`)]
      : [];
  if (list.followUps.length === 0 && leftOut.length === 0)
    printLines([ctx.color.dim('no follow-ups: prepdeck apps follow-up APP TEXT --due YYYY-MM-DD')]);
  else printLines([...list.followUps.map((item) => followUpLine(item, ctx.color)), ...leftOut]);
}

export async function followUpDone(ctx: CommandContext, id: number, options: { undo?: boolean }): Promise<void> {
  const detail = await withApp(ctx, (app) => updateFollowUp(app, id, { done: !options.undo }));
  if (ctx.json) printJson(detail);
  else {
    const followUp = detail.followUps.find((f) => f.id === id);
    printLines([`${options.undo ? 'opened again' : 'done'}: ${followUp?.title ?? `#${id}`} (${detail.application.company})`]);
  }
}
