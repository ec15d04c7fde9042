// What a CLI command loads before it runs: the modules its file imports statically, and theirs. typebox (the API's
// schemas and their validation) is some 700 modules, a third of a second at every start; only the commands that
// check a payload against a schema may load it, so `prepdeck import FILE` and the everyday commands stay quick.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/fixtures.js';

const SRC = join(PROJECT_ROOT, 'src');
const COMMANDS = join(SRC, 'cli/commands');
/** The server validates every request; `import --backup` checks the backup file against its schema. */
const MAY_LOAD_TYPEBOX = ['serve.ts', 'import-backup.ts'];

/** Static imports only: `import type` is erased, `import()` loads when it runs. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)(?!\s+type\b)[^'"]*?from\s+['"]([^'"]+)['"];?$/gm)].map((m) => m[1]!);
}

/** The packages `file` loads when it is imported, through every module it imports statically. */
function packagesLoadedBy(file: string, seen = new Set<string>(), packages = new Set<string>()): Set<string> {
  if (seen.has(file)) return packages;
  seen.add(file);
  for (const specifier of staticImports(file)) {
    if (specifier.startsWith('.')) packagesLoadedBy(join(dirname(file), specifier).replace(/\.js$/, '.ts'), seen, packages);
    else packages.add(specifier.split('/')[0]!);
  }
  return packages;
}

describe('what a command loads before it runs', () => {
  const commands = readdirSync(COMMANDS).filter((name) => name.endsWith('.ts'));

  it('reads every import of a command file it follows', () => {
    // The test would pass vacuously if it read nothing: the server's entry does reach typebox and fastify.
    const serve = packagesLoadedBy(join(COMMANDS, 'serve.ts'));
    expect(serve).toContain('typebox');
    expect(serve).toContain('fastify');
    expect(packagesLoadedBy(join(COMMANDS, 'import.ts'))).toContain('markdown-it');
  });

  it.each(commands.filter((name) => !MAY_LOAD_TYPEBOX.includes(name)))('%s loads no typebox', (name) => {
    const file = join(COMMANDS, name);
    expect([...packagesLoadedBy(file)], `${relative(SRC, file)} reaches typebox through a static import`).not.toContain('typebox');
  });
});
