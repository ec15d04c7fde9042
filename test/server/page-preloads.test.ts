// The HTML of a page opened cold names the page's chunks and first reads, from Vite's manifest, so the browser fetches
// them beside the entry chunk; other pages get index.html as built, and the manifest itself is not served.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

function webRoot(withManifest: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'prepdeck-webroot-'));
  writeFileSync(join(root, 'index.html'), INDEX_HTML);
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

describe.skipIf(!sqlite)('page preloads', () => {
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
});

describe.skipIf(!sqlite)('page preloads without a manifest', () => {
  const current = useServer(sqlite!, { webRoot: withoutManifest });

  it('serves the Hunt page as built', async () => {
    const response = await current().server.inject({ url: '/hunt' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX_HTML);
  });
});
