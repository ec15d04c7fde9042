import { loadTrees } from '../../app/checklists/checklists.js';
import { exportJson } from '../../core/checklist/export.js';
import type { TopicState } from '../../core/checklist/model.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { progressBar, renderTree } from '../render.js';
import { withApp } from '../session.js';
import { checklistToUse } from '../checklist.js';

interface ListOptions {
  state?: TopicState;
  section?: string;
}

export async function list(ctx: CommandContext, options: ListOptions): Promise<void> {
  // The header names the checklist, so nothing more is said of which one it is.
  const loaded = await withApp(ctx, async (app) => loadTrees(app, await checklistToUse(app, ctx, { announce: false })));
  if (ctx.json) {
    printJson({ checklists: loaded.map(({ checklist, tree }) => exportJson(checklist, tree)) });
    return;
  }
  const c = ctx.color;
  const filter = { state: options.state, section: options.section?.toLowerCase() };
  const lines: string[] = [];
  for (const { checklist, tree } of loaded) {
    const treeLines = renderTree(tree, filter, c);
    const filtered = filter.state !== undefined || filter.section !== undefined;
    if (filtered && treeLines.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(`${c.bold(checklist.title)} ${c.dim(`(${checklist.name})`)}  ${progressBar(tree.overall, c)}`, '', ...treeLines);
  }
  if (lines.length === 0) lines.push(c.dim('nothing matches'));
  printLines(lines);
}
