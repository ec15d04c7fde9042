// The files prepdeck ships beside its code (package.json, the built web pages, the example checklist, the import's
// worker), found from the package's root: the CLI runs as a bundle (dist/bin/, its chunks a folder deeper), as the
// compiled tree (dist/) or from the sources (the tests), each at its own depth below that root.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'prepdeck';
let root: string | undefined;

function isPackageRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  return existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME;
}

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!isPackageRoot(dir)) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`prepdeck's package.json is not in any folder above ${fileURLToPath(import.meta.url)}: reinstall prepdeck`);
    dir = parent;
  }
  return dir;
}

/** The path of a file of the package, `packageFile('dist', 'web')` say. */
export function packageFile(...segments: string[]): string {
  root ??= findRoot();
  return join(root, ...segments);
}
