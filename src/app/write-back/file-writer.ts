// Replacing a file so that it is always whole, old or new, and never over a change prepdeck has not read: the new
// bytes go to a temp file beside it (same mode), flushed, then renamed over it only if the file is still exactly
// what was read (size, mtime, SHA-256).
// Not write-file-atomic: it has no hook between the flushed temp file and the rename, which is where the
// compare-and-swap must run (checked earlier, a save in between would be overwritten).
import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** What a file was when it was read, to tell whether it changed since. */
export interface Fingerprint {
  size: number;
  mtimeMs: number;
  hash: string;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

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

/** Writes `bytes` to a new file beside `target` (same mode), flushed to disk; returns its path. */
async function writeTempBeside(target: string, bytes: Uint8Array, mode: number): Promise<string> {
  const temp = join(dirname(target), `.${basename(target)}.prepdeck-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    // open() applies the umask; the file keeps the mode it had.
    await handle.chmod(mode);
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

export interface ReplaceOptions {
  /** The file as it was read: it is replaced only if it still is exactly that. */
  expected: Fingerprint;
  /** Runs once the new bytes are flushed beside the file, before the check and the rename. */
  beforeRename?: (() => Promise<void>) | undefined;
}

/**
 * Replaces `target` (a real path, no symlink) with `bytes`, keeping its mode. False, and the file left as it is,
 * when it changed since it was read (`expected`), checked just before the rename.
 */
export async function replaceFile(target: string, bytes: Uint8Array, options: ReplaceOptions): Promise<boolean> {
  const mode = (await stat(target)).mode & 0o7777;
  const temp = await writeTempBeside(target, bytes, mode);
  let replaced = false;
  try {
    await options.beforeRename?.();
    if (!(await changedSince(target, options.expected))) {
      await rename(temp, target);
      replaced = true;
    }
  } finally {
    if (!replaced) await unlink(temp).catch(() => undefined);
  }
  if (replaced) await syncDirectory(dirname(target));
  return replaced;
}

/** Writes a file only prepdeck writes (a backup) whole: temp, flush, rename. */
export async function writeWholeFile(path: string, bytes: Uint8Array, mode: number): Promise<void> {
  const temp = await writeTempBeside(path, bytes, mode);
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
