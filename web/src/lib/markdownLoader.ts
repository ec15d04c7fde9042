// Loads lib/markdown.ts (markdown-it and DOMPurify, the biggest chunk) once, on first need or ahead of it.
export type Markdown = typeof import('./markdown.js');

let loaded: Markdown | null = null;
let loading: Promise<Markdown> | null = null;

/** The renderer when it has arrived, so a page can render Markdown in its very first paint. */
export function loadedMarkdown(): Markdown | null {
  return loaded;
}

export function loadMarkdown(): Promise<Markdown> {
  loading ??= import('./markdown.js').then(
    (m) => (loaded = m),
    (error: unknown) => {
      // A failed chunk load (a redeploy, a dropped connection) may succeed on the next try.
      loading = null;
      throw error;
    },
  );
  return loading;
}
