// The web UI's build: web/ in, dist/web out, served by `prepdeck serve` from the same origin as /api.
import react from '@vitejs/plugin-react';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Scripts and stylesheets compressed once, at build, at the highest levels (brotli 11 is a fifth smaller than what the
 * server would manage per request): `prepdeck serve` sends these as they are (`preCompressed`, src/server/web.ts) instead
 * of compressing the entry chunk again on every cold load, while the page's data waits behind it.
 */
function precompress(): Plugin {
  return {
    name: 'prepdeck-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(file) || !options.dir) continue;
        const path = join(options.dir, file);
        const bytes = readFileSync(path);
        const brotli = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length };
        writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: brotli }));
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Which files each page became: the server names a page's chunks in its HTML (src/server/page-preloads.ts).
    manifest: true,
  },
  server: {
    // `npm run dev:web` next to `prepdeck serve --port 4321`.
    proxy: { '/api': 'http://127.0.0.1:4321', '/healthz': 'http://127.0.0.1:4321' },
  },
});
