// Making a file or folder truly unwritable for the test's own process. Permission bits do not stop root, so as
// root the immutable attribute (chattr +i) is used; either way the change is checked by trying to write.
import { execFileSync } from 'node:child_process';
import { chmodSync, statSync, unlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';

const isRoot = process.getuid?.() === 0;

function writable(path: string): boolean {
  try {
    if (statSync(path).isDirectory()) {
      const probe = join(path, `.probe-${process.pid}`);
      writeFileSync(probe, '');
      unlinkSync(probe);
    } else {
      appendFileSync(path, '');
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes `path` unwritable and returns how to undo it, or a reason when this machine can't (root on a file
 * system without the immutable attribute): the caller skips then, saying why.
 */
export function makeUnwritable(path: string): { undo: () => void } | { skip: string } {
  const mode = statSync(path).mode & 0o7777;
  try {
    if (isRoot) execFileSync('chattr', ['+i', path], { stdio: 'ignore' });
    else chmodSync(path, mode & ~0o222);
  } catch (error) {
    return { skip: `cannot make ${path} unwritable as ${isRoot ? 'root (chattr +i failed)' : 'this user'}: ${(error as Error).message}` };
  }
  const undo = () => (isRoot ? execFileSync('chattr', ['-i', path], { stdio: 'ignore' }) : chmodSync(path, mode));
  if (writable(path)) {
    undo();
    return { skip: `${path} stayed writable for this process` };
  }
  return { undo };
}
