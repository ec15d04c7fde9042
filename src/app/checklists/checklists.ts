// Whole checklists: which there are, their trees with progress, and exports.
import type { RemovedChecklistJson } from '../../contract/checklists.js';
import { NotFoundError } from '../../core/errors.js';
import type { Checklist } from '../../core/checklist/model.js';
import { buildTree, type ChecklistTree } from '../../core/checklist/tree.js';
import { exportMarkdown, type MarkdownExport } from '../../core/checklist/export-markdown.js';
import { NO_CHECKLIST_YET } from '../../core/checklist/current.js';
import { namedChecklist } from './current.js';
import { didYouMean } from '../nearest.js';
import { deleteChecklist, listChecklists as listStoredChecklists, type ChecklistSummary } from '../../store/checklists/checklists.js';
import { archiveGoalCriteria } from '../../store/hunt/criteria.js';
import { loadChecklistTree } from '../../store/topics/topics.js';
import { loadCardBaseline } from '../../store/import/import.js';
import { checklistRevision as readRevision } from '../../store/checklists/activity.js';
import type { AppContext } from '../context.js';

export async function listChecklists(ctx: AppContext): Promise<ChecklistSummary[]> {
  return listStoredChecklists(ctx.store.db);
}

/** The named checklist, or every checklist when no name is given. */
export async function selectChecklists(ctx: AppContext, name?: string): Promise<Checklist[]> {
  if (name !== undefined) return [await namedChecklist(ctx, name)];
  const all = await listStoredChecklists(ctx.store.db);
  if (all.length === 0) throw new NotFoundError(NO_CHECKLIST_YET);
  return all.map((summary) => summary.checklist);
}

export interface LoadedChecklist {
  checklist: Checklist;
  tree: ChecklistTree;
}

export async function loadTrees(ctx: AppContext, name?: string): Promise<LoadedChecklist[]> {
  const checklists = await selectChecklists(ctx, name);
  const loaded: LoadedChecklist[] = [];
  for (const checklist of checklists) {
    const rows = await loadChecklistTree(ctx.store.db, checklist.id);
    if (rows) loaded.push({ checklist, tree: buildTree(rows) });
  }
  return loaded;
}

/** One checklist's tree, by name. */
export async function loadTree(ctx: AppContext, name: string): Promise<LoadedChecklist> {
  const [loaded] = await loadTrees(ctx, name);
  // Deleted between finding it and reading its rows.
  if (!loaded) throw new NotFoundError(`no checklist named '${name}'`);
  return loaded;
}

/** The checklist as Markdown (`export --format md`): its tree, its topics' notes, and its question/answer cards not archived. */
export async function checklistMarkdown(ctx: AppContext, name: string): Promise<MarkdownExport> {
  const { checklist, tree } = await loadTree(ctx, name);
  const cards = await loadCardBaseline(ctx.store.db, checklist.id);
  return exportMarkdown(
    checklist,
    tree,
    cards.filter((card) => !card.archived).map(({ id, owner, front, back }) => ({ id, owner, front, back })),
  );
}

/** Changes whenever anything shown of the checklist may have changed; null for an unknown name. */
export async function checklistRevision(ctx: AppContext, name: string): Promise<string | null> {
  return readRevision(ctx.store.db, name);
}

/** Removes a checklist and all its progress and history: what the user asked for by name, nothing else. */
export async function removeChecklist(ctx: AppContext, name: string): Promise<RemovedChecklistJson> {
  return ctx.store.transaction(async (trx) => {
    const summary = (await listStoredChecklists(trx)).find((s) => s.checklist.name === name);
    if (!summary) {
      const names = (await listStoredChecklists(trx)).map((s) => s.checklist.name);
      throw new NotFoundError(`no checklist named '${name}'${didYouMean(name, names)} (\`prepdeck checklists\` lists them)`);
    }
    // Its goals' criteria stay, archived, with their marks: the user's judgements outlive the file.
    await archiveGoalCriteria(trx, summary.checklist.id, ctx.now());
    await deleteChecklist(trx, summary.checklist.id);
    // Entries: its active topics, goals and books.
    return { removed: { name, title: summary.checklist.title, entries: summary.progress.total + summary.goals + summary.books } };
  });
}
