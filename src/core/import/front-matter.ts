// YAML front matter: read it, keep its source verbatim, and blank it out for the Markdown parser
// so that every line number the parser reports is still the file's own.
import { isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { FrontMatter } from '../checklist/model.js';

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

export interface SplitFrontMatter {
  frontMatter: FrontMatter | null;
  /** The text with the front matter's lines left empty (same line count). */
  body: string;
  warning: string | null;
}

/** `joined` is the lines joined by `\n`, when the caller has it already. */
export function splitFrontMatter(lines: string[], joined = lines.join('\n')): SplitFrontMatter {
  if (lines.length < 2 || !OPENING.test(lines[0] ?? '')) return { frontMatter: null, body: joined, warning: null };
  const closing = lines.findIndex((line, i) => i > 0 && CLOSING.test(line));
  if (closing < 0) return { frontMatter: null, body: joined, warning: null };

  const source = lines.slice(1, closing).join('\n');
  const body = [...new Array<string>(closing + 1).fill(''), ...lines.slice(closing + 1)].join('\n');
  try {
    const parsed = parseYaml(source);
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
 * YAML's `parse`, refusing a key repeated in a map as it does, but finding repeats with a set: its own check
 * compares each key with every one before it (40,000 keys took 9 s).
 */
function parseYaml(source: string): unknown {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { uniqueKeys: false, lineCounter });
  // Broken YAML with a repeat too is refused for the breakage (the repeat would be named when it comes first).
  if (document.errors[0]) throw document.errors[0];
  const repeated = firstRepeatedKey(document);
  if (repeated !== null) {
    const { line, col } = lineCounter.linePos(repeated);
    throw new Error(`Map keys must be unique at line ${line}, column ${col}:`);
  }
  return document.toJS();
}

/** Where the first key repeated in its map starts, or null; keys compare as `parse` compares them (===). */
function firstRepeatedKey(document: Document): number | null {
  let first: number | null = null;
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        const start = key.range?.[0];
        if (seen.has(key.value) && start !== undefined && (first === null || start < first)) first = start;
        seen.add(key.value);
      }
    },
  });
  return first;
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
