// The web UI's build: web/ in, dist/web out, served by `prepdeck serve` from the same origin as /api.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
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
