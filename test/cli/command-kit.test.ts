// A refusal of the app said in the command's words: the contract's field becomes the option or argument the user typed.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { fieldNames, inCommandWords } from '../../src/cli/command-kit.js';
import { InvalidInputError, NotFoundError } from '../../src/core/errors.js';

/** `apps follow-up <app> <title...> --due --found-on` parsed from `args`, as commander leaves it for the action. */
function parsed(args: string[], names: Record<string, string> = {}): Command {
  const command = new Command('follow-up')
    .argument('<app>')
    .argument('<title...>')
    .option('--due <date>')
    .option('--found-on <date>')
    .option('--competency <key>')
    .option('--no-competency')
    .action(() => undefined);
  fieldNames(command, names);
  command.parse(args, { from: 'user' });
  return command;
}

const said = (command: Command, error: Error) => (inCommandWords(command, error) as Error).message;

describe("the app's refusals in the command's words", () => {
  it('names the option a field was declared to come from, keeping the rest of the message and the kind of error', () => {
    const command = parsed(['acme', 'call', '--due', 'x'], { dueOn: '--due' });
    const error = new InvalidInputError("dueOn: '2026-02-30' is not a date");
    expect(inCommandWords(command, error)).toBeInstanceOf(InvalidInputError);
    expect(error.message).toBe("--due: '2026-02-30' is not a date");
  });

  it('finds an option or an argument of the same name without a declaration', () => {
    expect(said(parsed(['acme', 'call']), new InvalidInputError("foundOn: '2026-02-30' is not a date"))).toBe(
      "--found-on: '2026-02-30' is not a date",
    );
    expect(said(parsed(['acme', 'call']), new InvalidInputError('title is empty; write something'))).toBe('TITLE is empty; write something');
    expect(said(parsed(['acme', 'call']), new NotFoundError('app: no application 9'))).toBe('APP: no application 9');
    // A negated option shares the attribute; the option named is the one that takes the value.
    expect(said(parsed(['acme', 'call']), new InvalidInputError("competency: there is no 'x'"))).toBe("--competency: there is no 'x'");
  });

  it('names a path by its whole name when declared, else by its head', () => {
    const command = parsed(['acme', 'call'], { 'salary.currency': '--currency', salary: '--salary' });
    expect(said(command, new InvalidInputError("salary.currency: 'EURO' is not a currency"))).toBe("--currency: 'EURO' is not a currency");
    expect(said(command, new InvalidInputError('salary.min: -1 is not an amount'))).toBe('--salary: -1 is not an amount');
    expect(said(parsed(['acme', 'call'], { daysOff: '--off' }), new InvalidInputError("daysOff[2]: 'x' is not a date"))).toBe(
      "--off: 'x' is not a date",
    );
  });

  it('leaves alone what names no field of the command, and what starts with a value the user typed', () => {
    const command = parsed(['title', 'call']);
    expect(said(command, new InvalidInputError('round: no round 3'))).toBe('round: no round 3');
    expect(said(command, new InvalidInputError('title is a directory; give a Markdown file'))).toBe('title is a directory; give a Markdown file');
    expect(said(command, new InvalidInputError('no section matches it'))).toBe('no section matches it');
    const bug = new Error('dueOn: a bug');
    expect(inCommandWords(command, bug)).toBe(bug);
    expect(bug.message).toBe('dueOn: a bug');
  });
});
