// Which checklist a file feeds, and in which reading: what sync, write-back and watch share before they import.
import { realpath } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { checklistOfFile } from '../../core/checklist/current.js';
import type { Checklist, TopicsMode } from '../../core/checklist/model.js';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { parseChecklist } from '../../core/import/parse-checklist.js';
import { requestedTopics } from '../../core/write-back/markers.js';
import { findChecklistByName } from '../../store/checklists/checklists.js';
import { readCurrentChecklist } from '../../store/checklists/current.js';
import { findChecklistsBySourcePath } from '../../store/write-back/sync.js';
import type { AppContext } from '../context.js';
import { checklistNameFromPath, importChecklist, type ChecklistFile, type ImportResult } from '../import/import-checklist.js';
import { settleInterruptedWrite } from './pending-write.js';

export interface FileReadInput {
  /** The checklist file, as the user named it. */
  path: string;
  /** The checklist to sync into; by default the one imported from this file (the current one when several were). */
  name?: string | undefined;
  /** By default the reading the last import chose with --topics, else the automatic one. */
  topics?: TopicsMode | 'auto' | undefined;
  /** Plan only: report what would change and write nothing anywhere. */
  dryRun?: boolean | undefined;
}

/** The checklist a file feeds: the one named, else the one imported from that path (the current one when several were). */
export async function checklistForFile(ctx: AppContext, path: string, name?: string): Promise<Checklist> {
  if (name !== undefined) {
    const named = await findChecklistByName(ctx.store.db, name);
    if (!named) throw new NotFoundError(`no checklist named '${name}'; import the file first: prepdeck import ${path} --name ${name}`);
    if (named.sourcePath !== null && !(await sameFile(named.sourcePath, path))) {
      // Syncing another file into it would archive every topic that file lacks: only an import says so deliberately.
      throw new InvalidInputError(
        `'${name}' keeps ${named.sourcePath} in step, not ${path}; to take its topics from ${path} instead, run \`prepdeck import ${path} --name ${name}\``,
      );
    }
    return named;
  }
  const found = await findChecklistsBySourcePath(ctx.store.db, resolve(path));
  if (found.length > 0) {
    const chosen = checklistOfFile(found, await readCurrentChecklist(ctx.store.db));
    if (chosen) return chosen;
    throw new InvalidInputError(
      `${path} was imported as ${found.map((c) => `'${c.name}'`).join(', ')}; pick one with --name, or make it the current checklist (\`prepdeck use NAME\`)`,
    );
  }
  const byName = await findChecklistByName(ctx.store.db, checklistNameFromPath(path));
  if (byName && byName.sourcePath === null) return byName;
  if (byName) {
    // --name syncs this file into it only once its own file is gone; while that is there, only an import may switch.
    const where = `no checklist was imported from ${path} ('${byName.name}'`;
    if (await sameFile(byName.sourcePath!, path)) {
      throw new NotFoundError(`${where} was imported from ${byName.sourcePath}, gone since); give --name ${byName.name} to sync this file into it`);
    }
    throw new NotFoundError(
      `${where} keeps ${byName.sourcePath} in step); to take its topics from ${path} instead, run \`prepdeck import ${path} --name ${byName.name}\``,
    );
  }
  throw new NotFoundError(`${path} was never imported; run \`prepdeck import ${path}\` first, or give --name`);
}

/** Whether two paths are one file (through symlinks); a checklist's file gone from disk is no longer in the way. */
async function sameFile(sourcePath: string, path: string): Promise<boolean> {
  const source = await realpath(sourcePath).catch(() => null);
  if (source === null) return true;
  return source === (await realpath(path).catch(() => resolve(path)));
}

export const readingOf = (mode: TopicsMode) => READINGS[mode];

const READINGS: Record<TopicsMode, string> = { all: 'an outline', tasks: 'a task list', headings: 'a guide by its headings' };

export const fallbackTitleOf = (path: string) => basename(path, extname(path));

/**
 * How a sync reads the file: as --topics says, else as the last import chose. An edit that would flip the
 * automatic reading (a few ticks added to a short outline) does not: the checklist keeps its reading, and says so.
 */
function readingFor(checklist: Checklist, file: ChecklistFile, input: FileReadInput): { topics: TopicsMode | 'auto'; warning: string | null } {
  if (input.topics !== undefined) return { topics: input.topics, warning: null };
  const requested = requestedTopics(checklist);
  if (requested !== 'auto') return { topics: requested, warning: null };
  const auto = parseChecklist(file.text, { fallbackTitle: fallbackTitleOf(input.path), topics: 'auto' }).topicsMode;
  if (auto.mode === checklist.topicsMode) return { topics: 'auto', warning: null };
  return {
    topics: checklist.topicsMode,
    warning: `on its own ${input.path} would now be ${auto.reason}; sync keeps reading it as ${readingOf(checklist.topicsMode)}, as before (give --topics ${auto.mode} to switch)`,
  };
}

/**
 * Brings the file's edits in, as `import` would, in the checklist's own reading; a write-back a crash interrupted
 * is settled first, so that its markers are not taken for ticks made by hand.
 */
export async function bringEditsIn(
  ctx: AppContext,
  checklist: Checklist,
  input: FileReadInput,
  file: ChecklistFile,
): Promise<{ file: ChecklistFile; topics: TopicsMode | 'auto'; result: ImportResult }> {
  const reading = readingFor(checklist, file, input);
  if (!input.dryRun) await settleInterruptedWrite(ctx, checklist.id, file, { topics: reading.topics, fallbackTitle: fallbackTitleOf(input.path) });
  const result = await importChecklist(ctx, { file, name: checklist.name, topics: reading.topics, dryRun: input.dryRun });
  if (reading.warning) result.warnings.push(reading.warning);
  return { file, topics: reading.topics, result };
}
