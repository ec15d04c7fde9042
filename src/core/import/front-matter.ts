// YAML front matter: read it, keep its source verbatim, and blank it out for the Markdown parser
// so that every line number the parser reports is still the file's own.
import { parse as parseYaml } from 'yaml';
import type { FrontMatter } from '../checklist/model.js';

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
    const parsed: unknown = parseYaml(source);
    const problems = new Set<string>();
    const data = plainData(parsed, new Set(), problems);
    const isMap = typeof data === 'object' && data !== null && !Array.isArray(data);
    const warning = problems.size > 0 ? `front matter ${[...problems].join(' and ')}; those parts were dropped` : null;
    return { frontMatter: { source, data: isMap ? (data as Record<string, unknown>) : {} }, body, warning };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { frontMatter: { source, data: {} }, body, warning: `front matter is not valid YAML (${reason}); kept as text` };
  }
}

/**
 * YAML can say more than JSON can store: an alias that contains itself, dates, NUL characters (which
 * PostgreSQL's text refuses). Metadata is kept as plain JSON data; the verbatim source keeps the rest.
 */
function plainData(value: unknown, ancestors: Set<object>, problems: Set<string>): unknown {
  if (typeof value === 'string') {
    if (!value.includes('\u0000')) return value;
    problems.add('holds NUL characters');
    return value.replaceAll('\u0000', '');
  }
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (ancestors.has(value)) {
    problems.add('has an alias that contains itself');
    return null;
  }
  ancestors.add(value);
  const plain = Array.isArray(value)
    ? value.map((item) => plainData(item, ancestors, problems))
    : Object.fromEntries(Object.entries(value).map(([key, item]) => [key.replaceAll('\u0000', ''), plainData(item, ancestors, problems)]));
  ancestors.delete(value);
  return plain;
}
