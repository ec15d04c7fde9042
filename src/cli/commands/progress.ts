import { loadTrees } from '../../app/checklists/checklists.js';
import { reviewStatsOf } from '../../app/review/stats.js';
import type { ReviewStatsJson } from '../../contract/review.js';
import { walkSections } from '../../core/checklist/tree.js';
import { printJson, printLines, type Colors } from '../output.js';
import type { CommandContext } from '../program.js';
import { progressBar } from '../render.js';
import { withApp } from '../session.js';
import { checklistToUse } from '../checklist.js';

/** Days of the forecast shown one by one; the rest of its 30 go into the total. */
const FORECAST_SHOWN = 7;

export async function progress(ctx: CommandContext, options: { depth?: number }): Promise<void> {
  const loaded = await withApp(ctx, async (app) => {
    const trees = await loadTrees(app, await checklistToUse(app, ctx, { announce: false }));
    const stats: ReviewStatsJson[] = [];
    for (const { checklist, tree } of trees) {
      stats.push(
        await reviewStatsOf(
          app,
          checklist,
          [...walkSections(tree.root)].map(({ node }) => node.section),
        ),
      );
    }
    return trees.map((loaded, i) => ({ ...loaded, memory: stats[i]! }));
  });
  const maxDepth = options.depth ?? Infinity;
  const report = loaded.map(({ checklist, tree, memory }) => ({
    name: checklist.name,
    title: checklist.title,
    progress: tree.overall,
    sections: [...walkSections(tree.root)]
      .filter(({ node, depth }) => depth > 0 && depth <= maxDepth && node.section.role === 'study')
      .map(({ node, depth }) => ({ id: node.section.id, title: node.section.text, depth, progress: node.progress })),
    memory,
  }));
  if (ctx.json) {
    printJson({ checklists: report });
    return;
  }
  const c = ctx.color;
  // One label column for the checklist's title and its sections, so that every bar and count starts at one column.
  const labelLengths = report.flatMap((r) => [r.title.length, ...r.sections.map((s) => s.title.length + 2 * s.depth)]);
  const width = Math.min(48, Math.max(20, ...labelLengths));
  const fitted = (label: string) => (label.length > width ? `${label.slice(0, width - 1)}…` : label.padEnd(width));
  const lines: string[] = [];
  for (const r of report) {
    if (lines.length > 0) lines.push('');
    const recallBySection = new Map(r.memory.sections.map((s) => [s.id, s.retrievability]));
    const rows = [
      { label: c.bold(fitted(r.title)), bar: progressBar(r.progress, c), recall: r.memory.overall.retrievability },
      ...r.sections.map((s) => ({
        label: fitted(`${'  '.repeat(s.depth)}${s.title}`),
        bar: progressBar(s.progress, c),
        recall: recallBySection.get(s.id) ?? null,
      })),
    ];
    // The recall column lines up after the widest bar; a row without recall ends at its bar, as before.
    const barWidth = Math.max(...rows.map((row) => visibleLength(row.bar)));
    const line = (row: (typeof rows)[number]) =>
      row.recall === null
        ? `${row.label}  ${row.bar}`
        : `${row.label}  ${row.bar}${' '.repeat(barWidth - visibleLength(row.bar))}  ${recallText(row.recall, c)}`;
    lines.push(line(rows[0]!));
    const counts = r.progress;
    lines.push(c.dim(`${' '.repeat(width)}  ${counts.known} known, ${counts.learning} learning, ${counts.new} new, ${counts.skipped} skipped`));
    if (hasStudied(r.memory)) lines.push(`${' '.repeat(width)}  ${memoryLine(r.memory, c)}`);
    lines.push(...rows.slice(1).map(line));
  }
  printLines(lines);
}

/** Anything to say about memory: a card reviewed, or a review in the log's windows. */
function hasStudied(memory: ReviewStatsJson): boolean {
  return memory.overall.reviewed > 0 || memory.reviewsByDay.length > 0;
}

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** `recall 87%`: predicted recall now, green when it holds, yellow then red as it fades. */
function recallText(ratio: number, c: Colors): string {
  const colour = ratio >= 0.9 ? c.green : ratio >= 0.75 ? c.yellow : c.red;
  return `${c.dim('recall')} ${colour(percent(ratio))}`;
}

/** True retention over the last 30 days and the cards coming due: `retention 92% (44/48, 30 days) · due today 5 · next 7 days 12 · next 30 days 61 (reviews; new cards not counted)`. */
function memoryLine(memory: ReviewStatsJson, c: Colors): string {
  const { rate, passed, reviews, days } = memory.trueRetention;
  const retention =
    rate === null
      ? `${c.dim('retention')} – ${c.dim(`(no card came back for review in ${days} days yet)`)}`
      : `${c.dim('retention')} ${percent(rate)} ${c.dim(`(${passed}/${reviews}, ${days} days)`)}`;
  const dueWithin = (n: number) => memory.forecast.slice(0, n).reduce((sum, d) => sum + d.count, 0);
  const due = [
    `${c.dim('due today')} ${dueWithin(1)}`,
    `${c.dim(`next ${FORECAST_SHOWN} days`)} ${dueWithin(FORECAST_SHOWN)}`,
    `${c.dim(`next ${memory.forecast.length} days`)} ${dueWithin(memory.forecast.length)}`,
  ].join(` ${c.dim('·')} `);
  // New cards come at the new-per-day pace, not on a date: the forecast leaves them out, and says so.
  return `${retention} ${c.dim('·')} ${due} ${c.dim('(reviews; new cards not counted)')}`;
}

const ANSI = /\u001b\[[0-9;]*m/g;

function visibleLength(text: string): number {
  return text.replace(ANSI, '').length;
}
