// YAML front matter: read it, keep its source verbatim, and blank it out for the Markdown parser
// so that every line number the parser reports is still the file's own.
import { parse as parseYaml } from 'yaml';
import type { FrontMatter } from '../model.js';

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

export interface SplitFrontMatter {
  frontMatter: FrontMatter | null;
  /** The text with the front matter's lines left empty (same line count). */
  body: string;
  warning: string | null;
}

export function splitFrontMatter(lines: string[]): SplitFrontMatter {
  const joined = lines.join('\n');
  if (lines.length < 2 || !OPENING.test(lines[0] ?? '')) return { frontMatter: null, body: joined, warning: null };
  const closing = lines.findIndex((line, i) => i > 0 && CLOSING.test(line));
  if (closing < 0) return { frontMatter: null, body: joined, warning: null };

  const source = lines.slice(1, closing).join('\n');
  const body = [...new Array<string>(closing + 1).fill(''), ...lines.slice(closing + 1)].join('\n');
  try {
    const data: unknown = parseYaml(source);
    const isMap = typeof data === 'object' && data !== null && !Array.isArray(data);
    return { frontMatter: { source, data: isMap ? (data as Record<string, unknown>) : {} }, body, warning: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { frontMatter: { source, data: {} }, body, warning: `front matter is not valid YAML (${reason}); kept as text` };
  }
}
