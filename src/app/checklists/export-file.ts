// Writing an export to a file (`export -o FILE`): never over a checklist's own Markdown, over another file only when
// asked, and a path that can't be written said in one line.
import { realpath, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { exportRefusal, type ExportRefusal, type ExportTarget } from '../../core/checklist/export.js';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { listChecklists } from '../../store/checklists/checklists.js';
import type { AppContext } from '../context.js';

export type ExportFileResult = { written: string; bytes: number } | { refused: ExportRefusal };

/** What stands at `path`: whether a file is there, and which checklists were imported from it. */
async function targetAt(ctx: AppContext, path: string): Promise<ExportTarget> {
  const info = await stat(path).catch(() => null);
  if (info === null) return { exists: false, sourceOf: [] };
  if (info.isDirectory()) throw notWritable(path, 'EISDIR');
  const target = await realpath(path).catch(() => resolve(path));
  const sourceOf: string[] = [];
  for (const { checklist } of await listChecklists(ctx.store.db)) {
    if (checklist.sourcePath === null) continue;
    const source = await realpath(checklist.sourcePath).catch(() => checklist.sourcePath);
    if (source === target || checklist.sourcePath === resolve(path)) sourceOf.push(checklist.name);
  }
  return { exists: true, sourceOf };
}

/** What the system's refusals to write a file mean, in a user's words (by error code). */
const REASONS: Readonly<Record<string, string>> = {
  EISDIR: 'it is a folder; name a file in it',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/** Why the file can't be written, in the words of a user who named it. */
function notWritable(path: string, code: string | undefined): Error {
  const lead = `can't write ${path}`;
  if (code === 'ENOENT') return new NotFoundError(`${lead}: no such folder (${dirname(path)})`);
  if (code === 'ENOTDIR') return new NotFoundError(`${lead}: a part of ${dirname(path)} is a file, not a folder`);
  const reason = code !== undefined && Object.hasOwn(REASONS, code) ? REASONS[code] : undefined;
  return new InvalidInputError(`${lead}: ${reason ?? code ?? 'the system refused it'}`);
}

/**
 * Writes `text` to `path`, or answers why not (the core's refusal: a checklist's own file, or a file already there
 * without `force`). A file created meanwhile is not written over either: without `force` the file is created, never
 * opened for writing when it exists.
 */
export async function writeExportFile(ctx: AppContext, path: string, text: string, { force }: { force: boolean }): Promise<ExportFileResult> {
  const refused = exportRefusal(await targetAt(ctx, path), force);
  if (refused) return { refused };
  try {
    await writeFile(path, text, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EEXIST') return { refused: { reason: 'exists' } };
    throw notWritable(path, code);
  }
  return { written: path, bytes: Buffer.byteLength(text) };
}
