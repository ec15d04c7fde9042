// Terminal output: colour only on a TTY and never with NO_COLOR; JSON when asked; errors as one line.
import pc from 'picocolors';
import { AmbiguousError, PrepdeckError } from '../core/errors.js';

export type Colors = ReturnType<typeof pc.createColors>;

function useColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !env['NO_COLOR'];
}

export const colors: Colors = pc.createColors(useColor(process.stdout, process.env));

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(lines: string[]): void {
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
}

export const EXIT_OK = 0;
const EXIT_FAILURE = 1;
export const EXIT_MISUSE = 2;

/** Misuse of the command line itself: a bad option value. */
export class UsageError extends PrepdeckError {
  override name = 'UsageError';
}

function exitCodeOf(error: unknown): number {
  return error instanceof UsageError ? EXIT_MISUSE : EXIT_FAILURE;
}

/** Prints an expected failure as one line (plus candidates when ambiguous); bugs keep their stack. */
export function reportError(error: unknown, json: boolean): number {
  const errColors = pc.createColors(useColor(process.stderr, process.env));
  if (!(error instanceof PrepdeckError)) {
    process.stderr.write(
      `prepdeck: unexpected error (a bug; please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    if (json) printJson({ error: { type: 'InternalError', message: error instanceof Error ? error.message : String(error) } });
    return EXIT_FAILURE;
  }
  process.stderr.write(`${errColors.red('prepdeck: error:')} ${error.message}\n`);
  if (error instanceof AmbiguousError) {
    for (const c of error.candidates) process.stderr.write(`  ${errColors.dim(`#${c.id}`)} ${c.label}\n`);
  }
  if (json) {
    const candidates = error instanceof AmbiguousError ? { candidates: error.candidates } : {};
    printJson({ error: { type: error.name, message: error.message, ...candidates } });
  }
  return exitCodeOf(error);
}
