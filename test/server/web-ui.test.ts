// The built web UI as the server sends it. The HTML of a page opened cold names the page's chunks and first reads, from
// Vite's manifest, so the browser fetches them beside the entry chunk; other pages get index.html as built, and the
// manifest itself is not served. Scripts go out as the build compressed them, by the request's Accept-Encoding.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.js';
import { useServer } from './helpers.js';

const INDEX_HTML =
  '<!doctype html><html><head><title>prepdeck</title><script type="module" src="/assets/index-E1.js"></script></head><body></body></html>';

/** A build's manifest: the Hunt page's chunk imports a shared chunk (with a stylesheet) and the entry chunk. */
const MANIFEST = {
  'index.html': { file: 'assets/index-E1.js', isEntry: true, imports: ['_shared-S1.js'] },
  '_shared-S1.js': { file: 'assets/shared-S1.js', css: ['assets/shared-C1.css'] },
  'src/pages/HuntPage.tsx': {
    file: 'assets/HuntPage-H1.js',
    isDynamicEntry: true,
    imports: ['index.html', '_shared-S1.js', '_fit-F1.js'],
    css: ['assets/hunt-C2.css'],
  },
  '_fit-F1.js': { file: 'assets/fit-F1.js', imports: ['_shared-S1.js'] },
};

/** A script as the build leaves it: beside its .br and .gz. */
const SCRIPT = `export const words = ${JSON.stringify('слово '.repeat(400))};\n`;

function webRoot(withManifest: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'prepdeck-webroot-'));
  writeFileSync(join(root, 'index.html'), INDEX_HTML);
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'index-E1.js'), SCRIPT);
  writeFileSync(join(root, 'assets', 'index-E1.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(join(root, 'assets', 'index-E1.js.gz'), gzipSync(SCRIPT));
  if (withManifest) {
    mkdirSync(join(root, '.vite'));
    writeFileSync(join(root, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
  }
  return root;
}

const built = webRoot(true);
const withoutManifest = webRoot(false);
afterAll(() => {
  rmSync(built, { recursive: true, force: true });
  rmSync(withoutManifest, { recursive: true, force: true });
});

const sqlite = BACKENDS.find((b) => b.name === 'sqlite');

describe.skipIf(!sqlite)('the web UI as served', () => {
  const current = useServer(sqlite!, { webRoot: built });

  it("names the Hunt page's chunks, its stylesheets and its first reads, not what the entry chunk loads", async () => {
    for (const url of ['/hunt', '/hunt/', '/hunt?view=table']) {
      const response = await current().server.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toMatch(/script-src 'self'/);
      const head = response.body.slice(0, response.body.indexOf('</head>'));
      const links = [...head.matchAll(/<link [^>]*>/g)].map(([tag]) => tag);
      expect(links).toEqual([
        '<link rel="stylesheet" href="/assets/hunt-C2.css">',
        '<link rel="modulepreload" href="/assets/HuntPage-H1.js">',
        '<link rel="modulepreload" href="/assets/fit-F1.js">',
        '<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/hunt">',
        '<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/hunt/applications">',
      ]);
    }
  });

  it('serves other pages as built, and never the manifest', async () => {
    for (const url of ['/', '/checklist', '/hunt/applications/3']) {
      const response = await current().server.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toBe(INDEX_HTML);
    }
    expect((await current().server.inject({ url: '/.vite/manifest.json' })).statusCode).toBe(404);
  });

  it('sends a script as the build compressed it: brotli, else gzip, else as is; cached for good', async () => {
    const fetchScript = (acceptEncoding: string) =>
      current().server.inject({ url: '/assets/index-E1.js', headers: { 'accept-encoding': acceptEncoding } });
    const brotli = await fetchScript('gzip, deflate, br, zstd');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(SCRIPT);
    const gzip = await fetchScript('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(SCRIPT);
    const plain = await fetchScript('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    for (const response of [brotli, gzip, plain]) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/javascript/);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['vary']).toMatch(/accept-encoding/i);
    }
  });
});

describe.skipIf(!sqlite)('the web UI built without a manifest', () => {
  const current = useServer(sqlite!, { webRoot: withoutManifest });

  it('serves the Hunt page as built', async () => {
    const response = await current().server.inject({ url: '/hunt' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX_HTML);
  });
});
