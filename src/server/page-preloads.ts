// A page opened cold asks for its own code and data only once the entry chunk has loaded and run (a few hundred
// milliseconds on a slow machine). For the pages listed here, the HTML itself names them, so the browser fetches the
// page's chunks, its stylesheet and its first reads alongside the entry chunk. Vite's manifest says which files a page's
// module became; the reads are the API URLs the page's first paint asks for, exactly as the web asks for them (a
// preloaded fetch is used only by a request for the same URL, `crossorigin="anonymous"` matching fetch's defaults).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface PagePreload {
  /** The page's module as Vite's manifest names it. */
  module: string;
  /** What its first paint reads, the URLs as web/src/queries asks for them. */
  reads: string[];
}

/** The Hunt board: its thousand cards wait on the list of applications (web/src/queries/huntBoard.ts). */
const PAGE_PRELOADS: ReadonlyMap<string, PagePreload> = new Map([
  ['/hunt', { module: 'src/pages/HuntPage.tsx', reads: ['/api/hunt', '/api/hunt/applications'] }],
]);

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/** The `<link>` tags of every listed page, by path; empty when the build has no manifest (then nothing is preloaded). */
export function pagePreloadTags(webRoot: string): Map<string, string> {
  const manifestPath = join(webRoot, '.vite', 'manifest.json');
  const tags = new Map<string, string>();
  if (!existsSync(manifestPath)) return tags;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  for (const [path, preload] of PAGE_PRELOADS) {
    const { scripts, styles } = chunkFiles(manifest, preload.module);
    const links = [
      ...styles.map((file) => `<link rel="stylesheet" href="/${attribute(file)}">`),
      ...scripts.map((file) => `<link rel="modulepreload" href="/${attribute(file)}">`),
      ...preload.reads.map((url) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="${attribute(url)}">`),
    ];
    tags.set(path, links.join(''));
  }
  return tags;
}

/** The module's file and those it imports statically, less what the entry chunk loads already. */
function chunkFiles(manifest: Manifest, module: string): { scripts: string[]; styles: string[] } {
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  const loadedByEntry = closure(manifest, entries);
  const chunks = [...closure(manifest, [module])].filter((key) => !loadedByEntry.has(key));
  const scripts = chunks.map((key) => manifest[key]!.file);
  const styles = [...new Set(chunks.flatMap((key) => manifest[key]!.css ?? []))];
  return { scripts, styles };
}

/** The chunks these import statically, themselves included, in the order met. */
function closure(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return seen;
}

/** index.html with the page's tags at the end of its head. */
export function withPreloads(html: string, tags: string): string {
  return html.replace('</head>', `${tags}</head>`);
}

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
