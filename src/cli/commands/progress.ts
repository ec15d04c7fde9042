import { loadTrees } from '../../app/checklists.js';
import { walkSections } from '../../core/tree.js';
import { printJson, printLines } from '../output.js';
import type { CommandContext } from '../program.js';
import { progressBar } from '../render.js';
import { withApp } from '../session.js';

export async function progress(ctx: CommandContext, options: { depth?: number }): Promise<void> {
  const loaded = await withApp(ctx, (app) => loadTrees(app, ctx.checklist));
  const maxDepth = options.depth ?? Infinity;
  const report = loaded.map(({ checklist, tree }) => ({
    name: checklist.name,
    title: checklist.title,
    progress: tree.overall,
    sections: [...walkSections(tree.root)]
      .filter(({ node, depth }) => depth > 0 && depth <= maxDepth && node.section.role === 'study')
      .map(({ node, depth }) => ({ id: node.section.id, title: node.section.text, depth, progress: node.progress })),
  }));
  if (ctx.json) {
    printJson({ checklists: report });
    return;
  }
  const c = ctx.color;
  const width = Math.min(48, Math.max(20, ...report.flatMap((r) => r.sections.map((s) => s.title.length + 2 * s.depth))));
  const lines: string[] = [];
  for (const r of report) {
    if (lines.length > 0) lines.push('');
    lines.push(`${c.bold(r.title.padEnd(width))}  ${progressBar(r.progress, c)}`);
    const counts = r.progress;
    lines.push(c.dim(`${' '.repeat(width)}  ${counts.known} known, ${counts.learning} learning, ${counts.new} new, ${counts.skipped} skipped`));
    for (const s of r.sections) {
      const label = `${'  '.repeat(s.depth)}${s.title}`;
      lines.push(`${label.length > width ? `${label.slice(0, width - 1)}…` : label.padEnd(width)}  ${progressBar(s.progress, c)}`);
    }
  }
  printLines(lines);
}
