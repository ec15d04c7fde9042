// What every command's registration shares: the common options, help examples, value parsers that commander
// reports as misuse (exit 2), and the contract's field names said in the command's own words.
import { InvalidArgumentError, type Command } from 'commander';
import { didYouMean } from '../app/nearest.js';
import { InvalidInputError, PrepdeckError } from '../core/errors.js';
import { isTimeZone } from '../core/review/settings.js';

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

/** A parser of an IANA time zone for the option `name` (or 'local', this machine's, where `local` allows it). */
export function timeZoneOption(name: string, { local }: { local: boolean }): (value: string) => string {
  return (value) => {
    if ((local && value === 'local') || isTimeZone(value)) return value;
    // The zones this Node knows (UTC is an alias, not among them); a typo gets the nearest.
    const near = didYouMean(value, [...Intl.supportedValuesOf('timeZone'), 'UTC']);
    const or = local ? " (or 'local')" : '';
    throw new InvalidInputError(`${name} must be an IANA time zone such as Europe/Berlin${or}, not '${value}'${near}`);
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

/** What each command calls the contract's fields where the names differ (`dueOn` is `--due`, `to` is `STAGE`). */
const FIELD_NAMES = new WeakMap<Command, Readonly<Record<string, string>>>();

/**
 * Declares the command's words for the fields it sends whose names are not its options' or arguments' own
 * (`--found-on` says `foundOn` already): a refusal naming the field then names the option. A path (`salary.currency`)
 * may be named apart from its head (`salary`).
 */
export function fieldNames(command: Command, names: Readonly<Record<string, string>>): Command {
  FIELD_NAMES.set(command, { ...FIELD_NAMES.get(command), ...names });
  return command;
}

const camelCase = (name: string) => name.replace(/-+(\w)/g, (_, letter: string) => letter.toUpperCase());

/** What `command` calls the field `field`: as declared, else its option (`--found-on`) or argument (`STAGE`) of that name. */
function commandWordFor(command: Command, field: string): string | undefined {
  const declared = FIELD_NAMES.get(command)?.[field];
  if (declared !== undefined) return declared;
  const option = command.options.find((o) => !o.negate && o.long !== undefined && o.attributeName() === field);
  if (option) return option.long;
  const argument = command.registeredArguments.find((a) => camelCase(a.name()) === field);
  return argument ? argument.name().toUpperCase() : undefined;
}

/** `dueOn: ...`, `daysOff[0]: ...`, `salary.currency is ...`: a refusal that starts by naming a field of the contract. */
const FIELD_FIRST = /^([A-Za-z]\w*)((?:\.\w+|\[\d+\])*)(: | is | holds )/;

/**
 * A refusal of the app in the command's words: the field it names first becomes the option or argument that carried
 * it (`dueOn:` is `--due:`); its kind, and so the exit code, stays (a value the app refuses is a failure, exit 1; a
 * value of the wrong form is misuse, exit 2, refused by the option's own parser). Errors naming no field of the command
 * pass unchanged, and so do those that start with what the user typed (`name is a directory` is about the file `name`).
 */
export function inCommandWords(command: Command, error: unknown): unknown {
  if (!(error instanceof PrepdeckError)) return error;
  const match = FIELD_FIRST.exec(error.message);
  if (!match) return error;
  const [whole, head, path, joint] = match as unknown as [string, string, string, string];
  const typed = [...command.args, ...Object.values(command.opts<Record<string, unknown>>()).flat()].filter(
    (value): value is string => typeof value === 'string',
  );
  if (typed.some((value) => value.trim() === head + path || value.trim() === head)) return error;
  const word = commandWordFor(command, head + path) ?? commandWordFor(command, head);
  if (word !== undefined) error.message = `${word}${joint}${error.message.slice(whole.length)}`;
  return error;
}

/**
 * `prepdeck apps shw acme`, `prepdeck plan st`: a family whose bare name lists (`apps`, `goals`, `rounds`, `stories`)
 * would hand a mistyped command to its list as arguments, and one with an action of its own (`plan`) would take it as
 * its own ("too many arguments for 'list'"); it is refused as the unknown command it is, with the nearest. Applied to
 * every family under `program`.
 */
export function refuseUnknownSubcommands(program: Command): void {
  for (const family of program.commands) {
    if (family.commands.length === 0) continue;
    const names = family.commands.flatMap((sub) => [sub.name(), ...sub.aliases()]);
    const path: string[] = [];
    for (let command: Command | null = family; command?.parent; command = command.parent) path.unshift(command.name());
    const refuse = (word: string) =>
      family.error(`error: unknown command '${[...path, word].join(' ')}'${didYouMean(word, names)}`, {
        code: 'commander.unknownCommand',
        exitCode: 2,
      });
    family.hook('preSubcommand', () => {
      const [word] = family.args;
      if (word !== undefined && !word.startsWith('-') && word !== 'help' && !names.includes(word)) refuse(word);
    });
    // Its own action: the words past its arguments reach the hook below instead of commander's count.
    family.allowExcessArguments(true);
    family.hook('preAction', (_family, actionCommand) => {
      const [word] = family.args.slice(family.registeredArguments.length);
      if (actionCommand === family && word !== undefined) refuse(word);
    });
    refuseUnknownSubcommands(family);
  }
}
