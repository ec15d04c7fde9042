import { loadTrees, type LoadedChecklist } from '../../app/checklists/checklists.js';
import { didYouMean } from '../../app/nearest.js';
import { NotFoundError } from '../../core/errors.js';
import type { SectionNode } from '../../core/checklist/tree.js';
import { exportJson } from '../../core/checklist/export.js';
import type { TopicState } from '../../core/checklist/model.js';
import { printJson, printLines, UsageError } from '../output.js';
import type { CommandContext } from '../program.js';
import { listedTree, progressBar, renderTree, sectionMatches, sectionPathOf } from '../render.js';
import { withApp } from '../session.js';
import { checklistToUse } from '../checklist.js';

interface ListOptions {
  state?: TopicState;
  section?: string;
}

/** Every section's path, as the list matches `--section` against it (`Python / Core`), and its title. */
function sectionsOf(node: SectionNode, path: string, out: Array<{ path: string; title: string }>): typeof out {
  for (const child of node.children) {
    const childPath = sectionPathOf(path, child.section.text);
    out.push({ path: childPath, title: child.section.text });
    sectionsOf(child, childPath, out);
  }
  return out;
}

/** A --section that names no section is a mistake to say, with the nearest title, not an empty list. */
function checkSection({ checklist, tree }: LoadedChecklist, fragment: string): void {
  const sections = sectionsOf(tree.root, '', []);
  if (sections.some(({ path }) => sectionMatches(path, fragment))) return;
  throw new NotFoundError(
    `--section: no section of '${checklist.name}' matches '${fragment}'${didYouMean(fragment, [...new Set(sections.map((s) => s.title))]) || '; `prepdeck progress` lists them'}`,
  );
}

export async function list(ctx: CommandContext, options: ListOptions): Promise<void> {
  if (options.section?.trim() === '') throw new UsageError('--section is empty; give part of a section title or path');
  // The header names the checklist, so nothing more is said of which one it is.
  const loaded = await withApp(ctx, async (app) => loadTrees(app, await checklistToUse(app, ctx, { announce: false })));
  if (options.section !== undefined) for (const one of loaded) checkSection(one, options.section);
  // The JSON holds what the lines show: the same part of each tree.
  const filter = { state: options.state, section: options.section };
  const listed = loaded.map(({ checklist, tree }) => ({ checklist, shown: listedTree(tree, filter) }));
  if (ctx.json) {
    printJson({ checklists: listed.map(({ checklist, shown }) => exportJson(checklist, shown.tree)) });
    return;
  }
  const c = ctx.color;
  const lines: string[] = [];
  for (const { checklist, shown } of listed) {
    const treeLines = renderTree(shown, c);
    const filtered = filter.state !== undefined || filter.section !== undefined;
    if (filtered && treeLines.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(`${c.bold(checklist.title)} ${c.dim(`(${checklist.name})`)}  ${progressBar(shown.tree.overall, c)}`, '', ...treeLines);
  }
  if (lines.length === 0) lines.push(c.dim('nothing matches'));
  printLines(lines);
}
