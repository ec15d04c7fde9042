// What the screenshot scripts share: calling the running server's API as its own page would, and a checklist's
// topics in file order.
import type { ExportedSection, ExportedTopic } from '../../src/contract/checklists.js';

/** A JSON call with the server's own Origin (writes from elsewhere are refused); throws on an error status. */
export async function call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(base + path, {
    method,
    headers: { origin: base, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Every topic of a section, its subsections' included, in file order. */
export function topicsIn(section: ExportedSection): ExportedTopic[] {
  const walk = (t: ExportedTopic): ExportedTopic[] => [t, ...t.children.flatMap(walk)];
  return [...section.topics.flatMap(walk), ...section.sections.flatMap(topicsIn)];
}
