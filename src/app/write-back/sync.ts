// `prepdeck sync FILE`: the file's edits come in (a re-import into the checklist imported from it).
import { realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { AppContext } from '../context.js';
import { readChecklistFile, type ChecklistFile } from '../import/import-checklist.js';
import { bringEditsIn, checklistForFile, type FileReadInput } from './checklist-for-file.js';
import { removeStaleTemps } from './file-writer.js';
import type { SyncResultJson as SyncResult } from '../../contract/write-back.js';

// What sync answers is the API's payload: `sync --json` prints what the server sends.
export type { SyncResult };

export interface SyncInput extends FileReadInput {
  /** The file already read and checked (readChecklistFile), used for the first read; later reads re-read it. */
  file?: ChecklistFile | undefined;
}

/** `prepdeck sync FILE`: the file's edits brought in, with the same identity rules as import. */
export async function syncChecklist(ctx: AppContext, input: SyncInput): Promise<SyncResult> {
  // The file first: a missing or refused file says so, whatever the database holds.
  const file = input.file ?? (await readChecklistFile(input.path));
  const checklist = await checklistForFile(ctx, input.path, input.name);
  const { result } = await bringEditsIn(ctx, checklist, input, file);
  // A write-back killed midway left its temp file beside this one: gone with its process, so removed.
  if (!input.dryRun) await removeStaleTemps(dirname(await realpath(input.path).catch(() => resolve(input.path))));
  return { file: input.path, readIn: result, writeBack: null };
}
