// `npm run build`, after tsc: the CLI as a bundle, dist/bin/prepdeck.js (the bin) and its chunks, one per command
// handler `program.ts` loads when it runs. Node 20 has no compile cache, and an unbundled command loads some 400
// files (kysely alone is 263 modules, a tenth of a second): bundled, `prepdeck mark` or `list` starts about 40 %
// sooner. The bundle is made from tsc's output, the very code the type check passed.
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = `${ROOT}dist/bin`;

/**
 * The pure-JavaScript packages the everyday commands load, bundled in. Every other package stays in node_modules:
 * native addons (better-sqlite3, the FSRS optimizer), the server's (fastify and its plugins; pino's transports find
 * their files by path), and typebox, whose one copy the server's type provider must share with the contract.
 */
const BUNDLED = new Set([
  'kysely',
  'markdown-it',
  'linkify-it',
  'mdurl',
  'uc.micro',
  'entities',
  'punycode.js',
  'yaml',
  'commander',
  'ts-fsrs',
  'fuse.js',
  'picocolors',
]);

/** `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const listedPackagesOnly = {
  name: 'listed-packages-only',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, ({ path }) => {
      if (path.startsWith('node:') || builtinModules.includes(packageOf(path))) return undefined;
      return BUNDLED.has(packageOf(path)) ? undefined : { path, external: true };
    });
  },
};

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: { prepdeck: `${ROOT}dist/cli/main.js` },
  outdir: OUT,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [listedPackagesOnly],
  // The CommonJS packages bundled in (yaml, commander, picocolors) call require for Node's own modules.
  banner: { js: "import { createRequire as createRequireOfBundle } from 'node:module'; const require = createRequireOfBundle(import.meta.url);" },
  logLevel: 'warning',
});
