// The hunt for the terminal: an application per line, one in full, criteria, follow-ups, offers side by side.
import type {
  ApplicationDetailJson,
  ApplicationSummaryJson,
  CriterionJson,
  FitJson,
  FollowUpItemJson,
  FunnelJson,
  MarkJson,
  OfferComparisonJson,
  OfferJson,
  SalaryJson,
  StageJson,
} from '../../contract/hunt.js';
import { followUpsListedAsDue } from '../../core/hunt/closing.js';
import { daysBetween } from '../../core/hunt/dates.js';
import type { Colors } from '../output.js';
import { localTime, plural } from '../render.js';

const MARK_SIGN = { yes: '✓', no: '✗', unknown: '?' } as const;

/** `fit 75%` on the board; `75%` after a `fit:` label (`word` false). */
function fitText(fit: FitJson, c: Colors, word = true): string {
  const lead = word ? 'fit ' : '';
  const score = fit.score === null ? c.dim(`${lead}–`) : `${lead}${Math.round(fit.score * 100)}%`;
  const unknown = fit.unknown > 0 ? c.dim(` (${fit.unknown} unknown)`) : '';
  const gate = fit.failedGates.length > 0 ? ` ${c.red(`✗ ${plural(fit.failedGates.length, 'gate')} failed`)}` : '';
  return `${score}${unknown}${gate}`;
}

function salaryText(salary: SalaryJson | null): string {
  if (!salary || (salary.min === null && salary.max === null)) return '';
  const figures = salary.min === salary.max || salary.max === null ? money(salary.min!) : `${money(salary.min ?? 0)}-${money(salary.max)}`;
  return `${figures} ${salary.currency}/${salary.period}`;
}

const money = (amount: number) => amount.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** A stage by its label in the hunt's list; its key when the list no longer has it; '–' for none (before the first). */
export const stageLabel = (stages: readonly StageJson[], key: string | null): string =>
  key === null ? '–' : (stages.find((s) => s.key === key)?.label ?? key);

/** "Acme — Backend engineer", or the company alone. */
export const titleOf = (app: { company: string; role: string }) => (app.role ? `${app.company} — ${app.role}` : app.company);

function applicationLine(app: ApplicationSummaryJson, stages: StageJson[], c: Colors, today: string): string {
  const parts = [`${c.dim(`#${app.id}`.padStart(5))} ${c.bold(titleOf(app))}`, c.cyan(stageLabel(stages, app.stage)), fitText(app.fit, c)];
  if (app.nextFollowUp) parts.push(nextFollowUpText(app, app.nextFollowUp.dueOn, stages, c, today));
  if (app.hasOffer) parts.push(c.green('offer'));
  if (app.archivedAt) parts.push(c.dim('archived'));
  return parts.join('  ');
}

/**
 * Its next open follow-up as the lists of due ones see it: overdue in red, due in yellow, and kept but not due (dim)
 * while the application is closed or archived, as `prepdeck followups` leaves it out.
 */
function nextFollowUpText(app: ApplicationSummaryJson, dueOn: string, stages: StageJson[], c: Colors, today: string): string {
  if (!followUpsListedAsDue(stages, { stage: app.stage, archived: app.archivedAt !== null })) return c.dim(`follow-up ${dueOn} kept, not due`);
  const overdue = daysBetween(dueOn, today);
  return overdue > 0 ? c.red(`follow up ${dueOn} (${plural(overdue, 'day')} overdue)`) : c.yellow(`follow up ${dueOn}`);
}

/** The board's applications a line each; `today` (the hunt's) tells an overdue follow-up. */
export function applicationsText(apps: ApplicationSummaryJson[], stages: StageJson[], c: Colors, today: string): string[] {
  return apps.map((app) => applicationLine(app, stages, c, today));
}

/** What `apps`'s filters asked for, in the words of its empty list. */
export interface ApplicationFilterWords {
  /** The stage's label. */
  stage?: string | undefined;
  tag?: string | undefined;
  query?: string | undefined;
  archived?: boolean | undefined;
}

/**
 * Why the filtered list is empty: "no applications at Technical", "tagged berlin", "matching 'acme'" (together when
 * several filters are given), and where the others are; "no applications yet" only when there are none at all.
 */
export function noApplicationsText(filter: ApplicationFilterWords, counts: { all: number; archived: number }, c: Colors): string {
  if (counts.all === 0) return c.dim('no applications yet: prepdeck apps add COMPANY');
  const narrowed = [
    filter.stage !== undefined ? `at ${filter.stage}` : '',
    filter.tag !== undefined ? `tagged ${filter.tag}` : '',
    filter.query !== undefined ? `matching '${filter.query}'` : '',
  ].filter(Boolean);
  const onBoard = counts.all - counts.archived;
  if (narrowed.length === 0) return c.dim(`no applications on the board; ${counts.archived} archived: \`prepdeck apps --archived\` lists them`);
  const listAll =
    filter.archived || onBoard === 0 ? `\`prepdeck apps --archived\` lists all ${counts.all}` : `\`prepdeck apps\` lists all ${onBoard}`;
  return c.dim(`no applications ${narrowed.join(', ')}${filter.archived ? ', archived ones included' : ''}; ${listAll}`);
}

export function criterionLine(criterion: CriterionJson, c: Colors): string {
  const kind = criterion.kind === 'gate' ? c.red('gate') : `weight ${criterion.weight}`;
  const from = criterion.checklist ? c.dim(` (goal of ${criterion.checklist})`) : '';
  const archived = criterion.archivedAt ? c.dim(' archived') : '';
  return `${c.dim(`#${criterion.id}`.padStart(5))} ${criterion.text}  ${kind}${from}${archived}`;
}

function markLine(mark: MarkJson, criteria: CriterionJson[], c: Colors): string {
  const criterion = criteria.find((k) => k.id === mark.criterionId);
  const sign = mark.value === 'yes' ? c.green(MARK_SIGN.yes) : mark.value === 'no' ? c.red(MARK_SIGN.no) : c.dim(MARK_SIGN.unknown);
  const kind = criterion?.kind === 'gate' ? c.dim(' (gate)') : criterion ? c.dim(` (weight ${criterion.weight})`) : '';
  return `${sign} ${criterion?.text ?? `#${mark.criterionId}`}${kind}${mark.note ? ` — ${mark.note}` : ''}`;
}

export function offerText(offer: OfferJson): string[] {
  const lines = [`base ${money(offer.base)} ${offer.currency}/${offer.period}`];
  if (offer.bonus !== null) lines.push(`bonus ${money(offer.bonus)} ${offer.currency}`);
  if (offer.equity) lines.push(`equity ${money(offer.equity.amount)} ${offer.currency}${offer.equity.vesting ? `, ${offer.equity.vesting}` : ''}`);
  if (offer.signOn !== null) lines.push(`sign-on ${money(offer.signOn)} ${offer.currency}`);
  if (offer.perks) lines.push(`perks ${offer.perks}`);
  if (offer.remote) lines.push(offer.remote);
  if (offer.startOn) lines.push(`starts ${offer.startOn}`);
  if (offer.deadlineOn) lines.push(`decide by ${offer.deadlineOn}`);
  return lines;
}

/** An application in full; its times on the wall clock of `timeZone`, the hunt's, which its history's heading names. */
export function applicationDetailText(
  detail: ApplicationDetailJson,
  stages: StageJson[],
  criteria: CriterionJson[],
  timeZone: string,
  c: Colors,
): string[] {
  const { application: app } = detail;
  const label = (key: string | null) => stageLabel(stages, key);
  const when = (iso: string) => localTime(iso, timeZone);
  const lines = [
    `${c.bold(titleOf(app))} ${c.dim(`#${app.id}`)}`,
    `  stage:      ${c.cyan(label(app.stage))} since ${when(app.stageChangedAt).slice(0, 10)}`,
    `  fit:        ${fitText(app.fit, c, false)}`,
  ];
  const field = (label: string, value: string) => {
    if (value) lines.push(`  ${`${label}:`.padEnd(11)} ${value}`);
  };
  field('location', app.location);
  field('remote', app.remote ?? '');
  field('salary', salaryText(app.salary));
  field('link', app.link);
  field('source', app.source);
  field('found on', app.foundOn ?? '');
  field('tags', app.tags.join(', '));
  if (app.archivedAt) lines.push(c.yellow(`  archived:   ${when(app.archivedAt)}`));
  const active = new Set(criteria.filter((k) => !k.archivedAt).map((k) => k.id));
  const marks = detail.marks.filter((m) => active.has(m.criterionId));
  if (marks.length > 0) lines.push('  criteria:', ...marks.map((m) => `    ${markLine(m, criteria, c)}`));
  lines.push(
    `  history (${timeZone}):`,
    ...detail.history.map(
      (e) => `    ${when(e.at)}  ${e.from === null ? 'added at' : `${label(e.from)} →`} ${label(e.to)}${e.note ? `  ${c.dim(e.note)}` : ''}`,
    ),
  );
  if (detail.contacts.length > 0)
    lines.push(
      '  contacts:',
      ...detail.contacts.map(
        (k) => `    ${k.name} (${k.role})${k.email ? ` ${k.email}` : ''}${k.link ? ` ${c.dim(k.link)}` : ''} ${c.dim(`#${k.id}`)}`,
      ),
    );
  if (detail.followUps.length > 0) {
    // Open ones of a closed (or archived) application stay here, and are on no list of due ones: say so.
    const offLists = !detail.followUpsDue && detail.followUps.some((f) => f.doneAt === null);
    lines.push(
      `  follow-ups:${offLists ? c.dim(` (not listed as due: the application is ${app.archivedAt ? 'archived' : 'closed'})`) : ''}`,
      ...detail.followUps.map((f) => `    ${f.doneAt ? c.green('[x]') : '[ ]'} ${f.dueOn} ${f.title} ${c.dim(`#${f.id}`)}`),
    );
  }
  if (detail.offer) lines.push('  offer:', ...offerText(detail.offer).map((l) => `    ${l}`));
  if (app.notes) lines.push('  notes:', ...app.notes.split('\n').map((l) => `    ${l}`));
  return lines;
}

export function followUpLine(item: FollowUpItemJson, c: Colors): string {
  const { followUp } = item;
  const when =
    followUp.doneAt !== null
      ? c.green('done')
      : item.overdueDays > 0
        ? c.red(`${plural(item.overdueDays, 'day')} overdue`)
        : item.overdueDays === 0
          ? c.yellow('due today')
          : c.dim(`in ${plural(-item.overdueDays, 'day')}`);
  const closed = item.closed ? `  ${c.dim('(closed application)')}` : '';
  return `${c.dim(`#${followUp.id}`.padStart(5))} ${followUp.dueOn}  ${followUp.title}  ${c.dim(`${item.company}${item.role ? ` — ${item.role}` : ''}`)}  ${when}${closed}`;
}

/**
 * What a move, an archive or a restore did to the lists of due follow-ups, in a line, and the rounds still to come of an
 * application it closed, called off with it; none when it did nothing to them.
 */
export function dueListLines(result: { followUpsNoLongerDue: number; followUpsDueAgain: number; roundsCalledOff?: number }, c: Colors): string[] {
  const lines: string[] = [];
  const open = (n: number) => `${plural(n, 'open follow-up')} ${n === 1 ? 'is' : 'are'}`;
  if (result.followUpsNoLongerDue > 0) {
    lines.push(c.dim(`${open(result.followUpsNoLongerDue)} no longer listed as due (kept on the application, open)`));
  }
  if (result.followUpsDueAgain > 0) lines.push(c.dim(`${open(result.followUpsDueAgain)} listed as due again`));
  const rounds = result.roundsCalledOff ?? 0;
  if (rounds > 0) {
    const which = rounds === 1 ? 'its upcoming interview round is' : `its ${rounds} upcoming interview rounds are`;
    lines.push(c.yellow(`${which} called off: left out of \`prepdeck rounds --upcoming\`, the plan and the calendar until it reopens`));
  }
  return lines;
}

/** Offers in columns, a row per figure and per criterion. */
export function offersTable(comparison: OfferComparisonJson, c: Colors): string[] {
  const { offers, criteria } = comparison;
  if (offers.length === 0) return [c.dim('no offers yet: prepdeck apps offer APP --base AMOUNT --currency CODE')];
  const rows: string[][] = [
    ['', ...offers.map((o) => titleOf(o.application))],
    ['base', ...offers.map((o) => `${money(o.offer.base)} ${o.offer.currency}/${o.offer.period}`)],
    ['per year', ...offers.map((o) => `${money(o.yearlyBase)} ${o.offer.currency}`)],
    ['bonus', ...offers.map((o) => (o.offer.bonus === null ? '–' : `${money(o.offer.bonus)} ${o.offer.currency}`))],
    ['equity', ...offers.map((o) => (o.offer.equity ? `${money(o.offer.equity.amount)} ${o.offer.currency} ${o.offer.equity.vesting}`.trim() : '–'))],
    ['sign-on', ...offers.map((o) => (o.offer.signOn === null ? '–' : `${money(o.offer.signOn)} ${o.offer.currency}`))],
    // The offer's own policy, else the application's (the posting's), said as such.
    ['remote', ...offers.map((o) => o.offer.remote ?? (o.application.remote ? `${o.application.remote} (posting)` : '–'))],
    ['start', ...offers.map((o) => o.offer.startOn ?? '–')],
    ['deadline', ...offers.map((o) => o.offer.deadlineOn ?? '–')],
    ['fit', ...offers.map((o) => (o.application.fit.score === null ? '–' : `${Math.round(o.application.fit.score * 100)}%`))],
  ];
  const firstCriterionRow = rows.length;
  for (const criterion of criteria) {
    const label = criterion.kind === 'gate' ? `${criterion.text} (gate)` : criterion.text;
    rows.push([label, ...offers.map((o) => MARK_SIGN[o.marks.find((m) => m.criterionId === criterion.id)?.value ?? 'unknown'])]);
  }
  const widths = rows[0]!.map((_, i) => Math.min(32, Math.max(...rows.map((row) => [...row[i]!].length))));
  const cell = (text: string, i: number) => {
    const chars = [...text];
    return (chars.length > widths[i]! ? `${chars.slice(0, widths[i]! - 1).join('')}…` : text).padEnd(widths[i]!);
  };
  return rows.map((row, r) => {
    const line = row.map(cell).join('  ').trimEnd();
    if (r === 0) return c.bold(line);
    // A gate some offer fails is red: that offer misses a must-have.
    const criterion = criteria[r - firstCriterionRow];
    const failsGate = criterion?.kind === 'gate' && row.slice(1).includes(MARK_SIGN.no);
    return failsGate ? c.red(line) : line;
  });
}

export function funnelText(funnel: FunnelJson, stages: StageJson[], c: Colors): string[] {
  const label = (key: string) => stageLabel(stages, key);
  const widest = Math.max(1, ...funnel.stages.map((s) => s.reached));
  return funnel.stages.map((s) => {
    const bar = '█'.repeat(Math.round((s.reached / widest) * 20)).padEnd(20, ' ');
    const conversion = s.conversion === null ? '' : c.dim(`  ${Math.round(s.conversion * 100)}% of the stage before`);
    return `${label(s.stage).padEnd(12)} ${c.cyan(bar)} ${String(s.reached).padStart(4)}${conversion}`;
  });
}

/** What a change has the user notice (the answer's `notices`), a line each. */
export function noticeLines(notices: readonly string[], c: Colors): string[] {
  return notices.map((notice) => c.yellow(`note: ${notice}`));
}
