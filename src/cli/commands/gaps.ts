import { gaps } from '../../app/interviews/gaps.js';
import type { GapsJson, GapSectionJson, GapTopicJson } from '../../contract/interviews.js';
import { refuseUnknownKindOption } from '../interviews/kind.js';
import { printJson, printLines, UsageError, type Colors } from '../output.js';
import type { CommandContext } from '../program.js';
import { plural } from '../render.js';
import { withApp } from '../session.js';

interface GapsOptions {
  kind?: string;
  from?: string;
  to?: string;
  checklist?: string;
  sections?: boolean;
  limit?: number;
}

const DEFAULT_LIMIT = 20;

export async function gapsCommand(ctx: CommandContext, options: GapsOptions): Promise<void> {
  // Said in the command's words: the app would name its fields, `to` and `from`.
  if (options.from !== undefined && options.to !== undefined && options.to < options.from)
    throw new UsageError(`--to (${options.to}) is before --from (${options.from}); the period runs from --from to --to, both included`);
  const result = await withApp(ctx, async (app) => {
    const found = await gaps(app, {
      ...(options.kind !== undefined ? { kind: options.kind } : {}),
      ...(options.from !== undefined ? { from: options.from } : {}),
      ...(options.to !== undefined ? { to: options.to } : {}),
      ...(options.checklist !== undefined ? { checklist: options.checklist } : {}),
    });
    // A kind's typo is misuse naming the nearest kind, as `rounds --kind` has it, not "no onsit rounds logged yet".
    await refuseUnknownKindOption(app, options.kind, found.rounds);
    return found;
  });
  if (ctx.json) printJson(result);
  else printLines(gapsText(result, options, ctx.color));
}

/** "Locking: asked in 6 of 8 onsite rounds, mean self-score 2.3, recall now 41% — Acme, Globex" */
function gapLine(name: string, gap: GapTopicJson | GapSectionJson, of: string, c: Colors): string {
  const score = gap.meanScore === null ? 'not scored' : `mean self-score ${gap.meanScore.toFixed(1)}`;
  const recall = gap.recall === null ? 'never reviewed' : `recall now ${Math.round(gap.recall * 100)}%`;
  const badly = gap.meanScore !== null && gap.meanScore < 2.5 ? c.red(score) : score;
  const low = gap.recall === null || gap.recall < 0.7 ? c.yellow(recall) : recall;
  const questions = gap.questions === gap.rounds ? '' : ` (${plural(gap.questions, 'question')})`;
  return `${c.bold(name)}: asked in ${gap.rounds} of ${of}${questions}, ${badly}, ${low}  ${c.dim(gap.companies.join(', '))}`;
}

function gapsText(result: GapsJson, options: GapsOptions, c: Colors): string[] {
  const rounds = `${result.rounds} ${options.kind ? `${options.kind} ` : ''}${result.rounds === 1 ? 'round' : 'rounds'}`;
  if (result.rounds === 0)
    return [c.dim(`no ${options.kind ? `${options.kind} ` : ''}rounds logged${options.from || options.to ? ' in that period' : ''} yet`)];
  const rows = options.sections
    ? result.sections.map((s) => gapLine(s.path.join(' > '), s, rounds, c))
    : result.topics.map((t) => gapLine([...t.section, t.title].join(' > '), t, rounds, c));
  if (rows.length === 0) return [c.dim(`${plural(result.questions, 'question')} in ${rounds}, none linked to a topic yet`)];
  const limit = options.limit ?? DEFAULT_LIMIT;
  const shown = rows.slice(0, limit);
  const what = options.sections ? 'sections' : 'topics';
  const rest = rows.length > limit ? [c.dim(`... and ${rows.length - limit} more ${what} (--limit, or --json for all)`)] : [];
  return [
    `${plural(result.questions, 'question')} in ${rounds}; ${what} worst first:`,
    ...shown.map((line, i) => `${String(i + 1).padStart(3)}. ${line}`),
    ...rest,
  ];
}
