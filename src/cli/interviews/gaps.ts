// `prepdeck gaps`: what interviewers asked about across every round, worst gap first. Its handler loads when run.
import type { Command } from 'commander';
import { addCommon, checked, examples } from '../command-kit.js';
import { parseLocalDate } from '../hunt/parse.js';
import type { Handler } from '../program.js';

type Action = (load: () => Promise<Handler>) => (...args: unknown[]) => Promise<void>;

const ROUND_KIND = /^[a-z0-9][a-z0-9-]{0,39}$/u;

function roundKind(value: string): string {
  const kind = value.trim().toLowerCase();
  if (!ROUND_KIND.test(kind)) throw new Error(`--kind must be a round kind such as technical, onsite or system-design, not '${value}'`);
  return kind;
}

export function registerGapCommands(program: Command, action: Action): void {
  addCommon(
    program.command('gaps').description('the topics interviewers asked about across your rounds, worst first: asked often, went badly, recall low'),
    false,
  )
    .option('--kind <kind>', 'only rounds of this kind (technical, onsite, system-design, ...)', checked(roundKind))
    .option('--from <date>', "only rounds from this day on, YYYY-MM-DD in the hunt's time zone", checked(parseLocalDate('--from')))
    .option('--to <date>', 'only rounds up to this day, YYYY-MM-DD', checked(parseLocalDate('--to')))
    .option('-c, --checklist <name>', 'only topics of this checklist (default: every checklist)')
    .option('--sections', 'the same per section (a section counts every topic under it)')
    .option('--limit <n>', 'show at most this many lines (default 20; --json lists all)', checked(positiveCount))
    .addHelpText(
      'after',
      examples('prepdeck gaps', 'prepdeck gaps --kind onsite --sections', 'prepdeck gaps --from 2026-01-01 --to 2026-03-31', 'prepdeck gaps --json'),
    )
    .action(action(async () => (await import('../commands/gaps.js')).gapsCommand));
}

function positiveCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new Error(`--limit must be a whole number from 1 to 10000, not '${value}'`);
  return n;
}
