// A unified diff of two texts, line by line, for showing a write-back before it is made (no npm diff needed).

export interface DiffOptions {
  oldLabel: string;
  newLabel: string;
  /** Unchanged lines shown around each change. */
  context?: number;
}

type Op = { kind: ' ' | '-' | '+'; text: string; oldLine: number; newLine: number };

/** Past this many cells the middle of a diff is shown as one replaced block instead of an exact alignment. */
const MAX_LCS_CELLS = 4_000_000;

function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The edit script: lines kept, removed and added, in order. */
function diffLines(a: string[], b: string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  type Step = readonly [' ' | '-' | '+', string];
  let mid: Step[];
  if ((midA.length + 1) * (midB.length + 1) <= MAX_LCS_CELLS) mid = lcsOps(midA, midB);
  else if (midA.length === midB.length) {
    // Write-back never adds or removes lines: pairing them one to one is exact, and linear on any size.
    mid = midA.flatMap((line, i): Step[] =>
      line === midB[i]
        ? [[' ', line]]
        : [
            ['-', line],
            ['+', midB[i]!],
          ],
    );
  } else mid = [...midA.map((t) => ['-', t] as const), ...midB.map((t) => ['+', t] as const)];

  const ops: Op[] = [];
  for (let i = 0; i < prefix; i++) ops.push({ kind: ' ', text: a[i]!, oldLine: i + 1, newLine: i + 1 });
  let oldLine = prefix + 1;
  let newLine = prefix + 1;
  for (const [kind, text] of mid) {
    ops.push({ kind, text, oldLine, newLine });
    if (kind !== '+') oldLine++;
    if (kind !== '-') newLine++;
  }
  for (let i = a.length - suffix; i < a.length; i++) ops.push({ kind: ' ', text: a[i]!, oldLine: oldLine++, newLine: newLine++ });
  return ops;
}

function lcsOps(a: string[], b: string[]): Array<readonly [' ' | '-' | '+', string]> {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const ops: Array<readonly [' ' | '-' | '+', string]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      ops.push([' ', a[i]!]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) ops.push(['-', a[i++]!]);
    else ops.push(['+', b[j++]!]);
  }
  while (i < a.length) ops.push(['-', a[i++]!]);
  while (j < b.length) ops.push(['+', b[j++]!]);
  return ops;
}

/** `diff -u` style output; empty when the texts have the same lines. */
export function unifiedDiff(oldText: string, newText: string, options: DiffOptions): string {
  const context = options.context ?? 3;
  const ops = diffLines(splitLines(oldText), splitLines(newText));
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return '';

  // Group changes whose context would touch into one hunk.
  const hunks: Array<[number, number]> = [];
  for (const i of changed) {
    const from = Math.max(0, i - context);
    const to = Math.min(ops.length - 1, i + context);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else hunks.push([from, to]);
  }
  const out = [`--- ${options.oldLabel}`, `+++ ${options.newLabel}`];
  for (const [from, to] of hunks) {
    const slice = ops.slice(from, to + 1);
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    const first = slice[0]!;
    const oldStart = oldCount === 0 ? first.oldLine - 1 : first.oldLine;
    const newStart = newCount === 0 ? first.newLine - 1 : first.newLine;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const op of slice) out.push(`${op.kind}${op.text}`);
  }
  return `${out.join('\n')}\n`;
}
