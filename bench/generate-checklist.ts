/**
 * Deterministic generator of large Markdown study checklists for benchmarks.
 *
 * `generateChecklist({ topics: n })` returns a document with exactly `n` list
 * items, every one of them a study topic (no goals, no books, no link-only
 * bullets). The output is a pure function of the options: the same
 * `topics` and `seed` always give byte-identical Markdown.
 *
 * Shape of the output:
 * - `#` / `##` / `###` headings roughly every 50 topics;
 * - lists nested one to three levels deep, indented by 2 or 4 spaces;
 * - each topic has inline code, bold text and an inline link;
 * - about 10% of topics carry a GFM task marker (`[ ]` or `[x]`);
 * - some topics mix in Cyrillic words;
 * - roughly 100 bytes per topic, so 20,000 topics is about 2 MB.
 */
import { mulberry32 } from './stats.js';

export const GENERATED_TOPIC_COUNT_DEFAULT = 20000;

export interface GenerateChecklistOptions {
  /** Exact number of list items (topics) in the output. */
  topics: number;
  /** PRNG seed; defaults to 1. */
  seed?: number;
}

const AREAS: readonly string[] = [
  'Python',
  'Databases',
  'System design',
  'Cloud',
  'Networking',
  'Algorithms',
  'Operating systems',
  'Security',
  'Testing',
  'Behavioural',
];

const SUBJECTS: readonly string[] = [
  'hash maps',
  'B-tree indexes',
  'the event loop',
  'garbage collection',
  'connection pools',
  'rate limiting',
  'consistent hashing',
  'TLS handshakes',
  'message queues',
  'transactions',
  'binary search',
  'graph traversal',
  'caching layers',
  'load balancers',
  'schema migrations',
  'thread pools',
  'generators',
  'decorators',
  'context managers',
  'retries with backoff',
];

const VERBS: readonly string[] = ['revise', 'explain', 'compare', 'sketch', 'implement', 'measure', 'debug', 'review'];

const CYRILLIC: readonly string[] = ['повторить', 'индексы', 'очереди', 'кэш', 'потоки', 'задачи', 'плюшки', 'алгоритмы'];

const CODE_NAMES: readonly string[] = ['get', 'put', 'scan', 'lock', 'flush', 'merge', 'split', 'emit', 'parse', 'join'];

const HOSTS: readonly string[] = ['https://example.com/', 'https://docs.example.org/'];

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function intBetween(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

function topicText(rand: () => number, index: number): string {
  const verb = pick(rand, VERBS);
  const subject = pick(rand, SUBJECTS);
  const code = `${pick(rand, CODE_NAMES)}_${index}()`;
  const host = pick(rand, HOSTS);
  const slug = subject.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  let text = `${verb} **${subject}**: \`${code}\` ([ref](${host}${slug}/${index}))`;
  if (rand() < 0.2) text += ` — ${pick(rand, CYRILLIC)} ${pick(rand, CYRILLIC)}`;
  return text;
}

function taskMarker(rand: () => number): string {
  const r = rand();
  if (r < 0.07) return '[ ] ';
  if (r < 0.1) return '[x] ';
  return '';
}

/**
 * Generate a Markdown checklist with exactly `options.topics` list items.
 * Throws RangeError if `topics` is not a non-negative safe integer.
 */
export function generateChecklist(options: GenerateChecklistOptions): string {
  const { topics } = options;
  if (!Number.isSafeInteger(topics) || topics < 0) {
    throw new RangeError(`topics must be a non-negative integer, got ${String(topics)}`);
  }
  const rand = mulberry32(options.seed ?? 1);
  const out: string[] = [];

  let emitted = 0;
  let section = 0;
  while (emitted < topics) {
    // Heading: a new `#` part every 6 sections, otherwise `##` or `###`.
    const level = section % 6 === 0 ? 1 : rand() < 0.6 ? 2 : 3;
    const area = pick(rand, AREAS);
    out.push(`${'#'.repeat(level)} ${area} ${section + 1}`, '');

    const sectionSize = Math.min(intBetween(rand, 40, 60), topics - emitted);
    const step = rand() < 0.5 ? 2 : 4;
    const marker = rand() < 0.5 ? '-' : '*';
    let depth = 0;
    for (let i = 0; i < sectionSize; i++) {
      // Depth 0 is always allowed; go at most one level deeper than the
      // previous item so every nested list has a parent item.
      if (i === 0) depth = 0;
      else {
        const r = rand();
        if (r < 0.2 && depth < 2) depth += 1;
        else if (r < 0.45 && depth > 0) depth -= 1;
        else if (r < 0.55) depth = 0;
      }
      emitted += 1;
      out.push(`${' '.repeat(depth * step)}${marker} ${taskMarker(rand)}${topicText(rand, emitted)}`);
    }
    out.push('');
    section += 1;
  }

  if (out.length === 0) out.push('# Study plan', '');
  return out.join('\n');
}
