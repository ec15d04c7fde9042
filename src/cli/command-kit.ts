// What every command's registration shares: the common options, help examples, and value parsers that
// commander reports as misuse (exit 2).
import { InvalidArgumentError, type Command } from 'commander';
import { InvalidInputError } from '../core/errors.js';

export function addCommon(command: Command, withChecklist = true): Command {
  command
    .option('--json', 'print stable JSON instead of text')
    .option('--db <location>', 'database file or postgres:// URL (default: PREPDECK_DB, DATABASE_URL, then the XDG data dir)');
  if (withChecklist) command.option('-c, --checklist <name>', 'this checklist instead of the current one (see `prepdeck use`)');
  return command;
}

export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Wraps a value check so that commander reports it as misuse (exit 2). */
export function checked<T, Rest extends unknown[]>(parse: (value: string, ...rest: Rest) => T): (value: string, ...rest: Rest) => T {
  return (value, ...rest) => {
    try {
      return parse(value, ...rest);
    } catch (error) {
      throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
    }
  };
}

/** A parser of whole numbers from `min` to `max` for the option `name`. */
export function wholeNumber(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max)
      throw new InvalidInputError(`${name} must be a whole number from ${min} to ${max}, not '${value}'`);
    return n;
  };
}

/** A parser of numbers from `min` to `max` for the option `name`. */
export function decimal(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max)
      throw new InvalidInputError(`${name} must be a number from ${min} to ${max}, not '${value}'`);
    return n;
  };
}

export function parseId(value: string): number {
  return wholeNumber('an id', 1, 2 ** 31 - 1)(value);
}
