// The layering rule of docs/ARCHITECTURE.md, checked on every import statement under src/.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/fixtures.js';

const SRC = join(PROJECT_ROOT, 'src');

/** Which layers each layer may import (besides itself); every layer may import the API's contract. */
const ALLOWED: Record<string, string[]> = {
  contract: [],
  core: ['contract'],
  store: ['contract', 'core'],
  app: ['contract', 'core', 'store'],
  cli: ['contract', 'core', 'app'],
  server: ['contract', 'core', 'app'],
};
/**
 * The one place an interface starts another: `prepdeck serve` builds the server (its entry only).
 * The server never imports the CLI.
 */
const EXCEPTIONS: Record<string, string[]> = {
  'cli/commands/serve.ts': ['server/app.ts'],
};
/** The only packages the pure layers may use: no Node built-in, no driver, nothing that does I/O. */
const PACKAGES: Record<string, string[]> = {
  contract: ['typebox'],
  core: ['markdown-it', 'yaml', 'ts-fsrs', 'typebox'],
};
/** `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`; `node:fs` stays `node:fs`. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

describe('layers', () => {
  const files = sourceFiles(SRC);

  it.each(files.map((f) => [relative(SRC, f), f]))('%s imports only what its layer may', (_name, file) => {
    const layer = relative(SRC, file).split('/')[0]!;
    const allowed = ALLOWED[layer];
    expect(allowed, `unknown layer ${layer}`).toBeDefined();
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) {
        const targetFile = relative(SRC, join(file, '..', specifier)).replace(/\.js$/, '.ts');
        const target = targetFile.split('/')[0]!;
        if (target === layer || EXCEPTIONS[relative(SRC, file)]?.includes(targetFile)) continue;
        expect(allowed, `${relative(SRC, file)} imports ${specifier}`).toContain(target);
      } else if (PACKAGES[layer]) {
        expect(PACKAGES[layer], `${layer} must stay pure: ${relative(SRC, file)} imports ${specifier}`).toContain(packageOf(specifier));
      }
    }
  });

  it('the web UI reaches the rest only over HTTP: from src/ it imports contract and core types, nothing else', () => {
    const web = join(PROJECT_ROOT, 'web', 'src');
    const webFiles = readdirSync(web, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));
    for (const file of webFiles) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^(import|export)(\s+type)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        const target = relative(PROJECT_ROOT, join(file, '..', match[3]!));
        if (!target.startsWith('src/')) continue;
        expect(target, `${relative(PROJECT_ROOT, file)} imports ${match[3]}`).toMatch(/^src\/(contract|core)\//);
        expect(match[2], `${relative(PROJECT_ROOT, file)} must import ${match[3]} with 'import type'`).toBeDefined();
      }
    }
  });

  it('core reads no clock, randomness or environment', () => {
    for (const file of files.filter((f) => relative(SRC, f).startsWith('core/'))) {
      // `new Date(value)` converts a value the caller passed in; `new Date()` with nothing reads the clock.
      expect(readFileSync(file, 'utf8'), relative(SRC, file)).not.toMatch(/Date\.now\(|new Date\(\s*\)|Math\.random\(|process\.env/);
    }
  });
});
