// Replacing a file so that it is always whole, old or new, and never over a change prepdeck has not read: the new
// bytes go to a hidden temp file beside it (same mode and owner), flushed, then renamed over it only if the file is
// still exactly what was read (size, mtime, SHA-256).
// Not write-file-atomic: it has no hook between the flushed temp file and the rename, which is where the
// compare-and-swap must run (checked earlier, a save in between would be overwritten), and its temp name
// (`plan.md.<hash>`) is visible beside the user's file and names no process, so one left by a kill can't be cleaned.
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ConflictError } from '../../core/errors.js';

/** The file (or the folder it is written in) can't be written as things are on disk; the message says what to do. */
export class FileNotWritableError extends ConflictError {
  override name = 'FileNotWritableError';
}

/** What a file was when it was read, to tell whether it changed since. */
export interface Fingerprint {
  size: number;
  mtimeMs: number;
  hash: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function fingerprintOf(path: string, bytes: Uint8Array): Promise<Fingerprint> {
  const info = await stat(path);
  return { size: info.size, mtimeMs: info.mtimeMs, hash: sha256(bytes) };
}

/** Whether the file is no longer what was read: size and time first, then the bytes themselves. */
async function changedSince(path: string, seen: Fingerprint): Promise<boolean> {
  try {
    const info = await stat(path);
    if (info.size !== seen.size || info.mtimeMs !== seen.mtimeMs) return true;
    return sha256(await readFile(path)) !== seen.hash;
  } catch {
    return true;
  }
}

/**
 * Whether the user made the file read-only: no write bit for anyone, or none for this process. The bits count
 * even for root, whom the system lets write anyway, since a rename would replace the file regardless of them.
 */
export async function isReadOnly(path: string): Promise<boolean> {
  const info = await stat(path);
  if ((info.mode & 0o222) === 0) return true;
  return access(path, constants.W_OK).then(
    () => false,
    () => true,
  );
}

// `.plan.md.prepdeck-1234-0a1b2c3d.tmp`: hidden, and naming the process that writes it.
const TEMP_NAME = /^\..+\.prepdeck-(\d+)-[0-9a-f]{8}\.tmp$/;

const tempBeside = (target: string) => join(dirname(target), `.${basename(target)}.prepdeck-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);

/** Whether process `pid` of this machine has ended; this process never has. */
export function processIsGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes the temp files prepdeck left in `dir` when a process of its own was killed mid-write. */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => {
    const pid = TEMP_NAME.exec(name)?.[1];
    return pid !== undefined && processIsGone(Number(pid));
  });
  const removed: string[] = [];
  for (const name of stale) {
    if (
      await unlink(join(dir, name)).then(
        () => true,
        () => false,
      )
    )
      removed.push(join(dir, name));
  }
  return removed;
}

/** Writes `bytes` to a new hidden file beside `target` (its mode, and its owner when allowed), flushed to disk. */
async function writeTempBeside(
  target: string,
  bytes: Uint8Array,
  owner: { mode: number; uid: number; gid: number } | { mode: number },
): Promise<string> {
  const temp = tempBeside(target);
  const handle = await open(temp, 'wx', owner.mode);
  try {
    await handle.writeFile(bytes);
    // open() applies the umask; the file keeps the mode it had.
    await handle.chmod(owner.mode);
    // Root writing a user's file must leave it theirs; others can't give a file away, and need not.
    if ('uid' in owner && process.getuid?.() === 0) await handle.chown(owner.uid, owner.gid);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

/** Makes a rename durable: the directory entry is flushed too (not every platform allows it). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the rename itself is atomic either way.
  }
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

/** A failure of the file system as one line saying what to do, or the error itself when it is no such failure. */
export function fileSystemFailure(error: unknown, what: string, fix: string): unknown {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new FileNotWritableError(`${what}: permission denied (${code}); ${fix}`, { cause: error });
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new FileNotWritableError(`${what}: the disk is full (${code}); free some space and try again`, { cause: error });
  if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'ENOENT') return new FileNotWritableError(`${what}: ${code}; ${fix}`, { cause: error });
  return error;
}

export interface ReplaceOptions {
  /** The file as it was read: it is replaced only if it still is exactly that. */
  expected: Fingerprint;
  /** Replace a file the user made read-only (it stays read-only). */
  force?: boolean | undefined;
  /** The file as the user named it, for messages. */
  label: string;
  /** Runs once the new bytes are flushed beside the file, before the check and the rename. */
  beforeRename?: (() => Promise<void>) | undefined;
}

/**
 * Replaces `target` (a real path, no symlink) with `bytes`, keeping its mode and owner. False, and the file left as
 * it is, when it changed since it was read (`expected`), checked just before the rename. Temp files a killed
 * prepdeck left beside it go first.
 */
export async function replaceFile(target: string, bytes: Uint8Array, options: ReplaceOptions): Promise<boolean> {
  const { label } = options;
  const dir = dirname(target);
  const info = await stat(target);
  if (!options.force && (await isReadOnly(target))) {
    throw new FileNotWritableError(
      `${label} is read-only, so prepdeck leaves it as it is; make it writable (chmod u+w), or give --force to write it anyway; nothing was written`,
    );
  }
  await removeStaleTemps(dir);
  const cannotWrite = (error: unknown) =>
    fileSystemFailure(
      error,
      `cannot write ${label}`,
      `prepdeck writes the new version beside it, in ${dir}, and renames it over the file: make that folder writable; nothing was written`,
    );
  let temp: string;
  try {
    temp = await writeTempBeside(target, bytes, { mode: info.mode & 0o7777, uid: info.uid, gid: info.gid });
  } catch (error) {
    throw cannotWrite(error);
  }
  let replaced = false;
  try {
    await options.beforeRename?.();
    if (!(await changedSince(target, options.expected))) {
      await rename(temp, target).catch((error: unknown) => {
        throw cannotWrite(error);
      });
      replaced = true;
    }
  } finally {
    if (!replaced) await unlink(temp).catch(() => undefined);
  }
  if (replaced) await syncDirectory(dir);
  return replaced;
}

/** Writes a file only prepdeck writes (a backup) whole: temp, flush, rename. */
export async function writeWholeFile(path: string, bytes: Uint8Array, mode: number): Promise<void> {
  await removeStaleTemps(dirname(path));
  const temp = await writeTempBeside(path, bytes, { mode });
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
