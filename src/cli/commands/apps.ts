import type { AppContext } from '../../app/context.js';
import {
  addApplication,
  applicationById,
  deleteApplication,
  listApplications,
  markApplication,
  moveApplication,
  resolveApplication,
  updateApplication,
} from '../../app/hunt/applications.js';
import { addContact, deleteContact, updateContact } from '../../app/hunt/contacts.js';
import { resolveCriterion } from '../../app/hunt/criteria.js';
import { addFollowUp } from '../../app/hunt/follow-ups.js';
import { getHunt } from '../../app/hunt/hunt.js';
import { patchOffer } from '../../app/hunt/offers.js';
import type {
  ApplicationCreateJson,
  ApplicationDetailJson,
  ContactRole,
  MarkValue,
  OfferPatchJson,
  PayPeriod,
  RemotePolicy,
} from '../../contract/hunt.js';
import { nearest } from '../../app/nearest.js';
import { retag } from '../../core/hunt/fields.js';
import { printJson, printLines, UsageError } from '../output.js';
import type { CommandContext } from '../program.js';
import { applicationDetailText, applicationsText, dueListLines, noApplicationsText, noticeLines, offerText, stageLabel } from '../hunt/render.js';
import { OFFER_CLEARABLE, type OfferClearable } from '../hunt/parse.js';
import { withApp } from '../session.js';

interface ApplicationOptions {
  role?: string;
  link?: string;
  location?: string;
  remote?: RemotePolicy;
  salary?: { min: number; max: number };
  currency?: string;
  per?: PayPeriod;
  source?: string;
  foundOn?: string;
  tag?: string[];
  notes?: string;
}

/**
 * The contract's fields from the options given; absent options are absent fields (an edit leaves them alone). A
 * --salary without --currency or --per is in `salaryUnit`: EUR per year for a new one, the salary's own on an edit.
 */
function applicationFields(
  options: ApplicationOptions,
  salaryUnit: { currency: string; period: PayPeriod } = { currency: 'EUR', period: 'year' },
): Omit<ApplicationCreateJson, 'company' | 'stage'> {
  if (!options.salary && (options.currency || options.per)) throw new UsageError('--currency and --per go with --salary');
  return {
    ...(options.role !== undefined ? { role: options.role } : {}),
    ...(options.link !== undefined ? { link: options.link } : {}),
    ...(options.location !== undefined ? { location: options.location } : {}),
    ...(options.remote !== undefined ? { remote: options.remote } : {}),
    ...(options.salary
      ? { salary: { ...options.salary, currency: options.currency ?? salaryUnit.currency, period: options.per ?? salaryUnit.period } }
      : {}),
    ...(options.source !== undefined ? { source: options.source } : {}),
    ...(options.foundOn !== undefined ? { foundOn: options.foundOn } : {}),
    ...(options.tag !== undefined ? { tags: options.tag } : {}),
    ...(options.notes !== undefined ? { notes: options.notes } : {}),
  };
}

/**
 * The stage key a user typed: a key or a label, any case (`Screening`); a typo is misuse with the nearest stage
 * suggested, `word` naming where it was typed (`STAGE`, `--stage`).
 */
async function stageKey(app: AppContext, typed: string, word: string): Promise<string> {
  const { stages } = await getHunt(app);
  const wanted = typed.trim().toLowerCase();
  const found = stages.find((stage) => stage.key === wanted || stage.label.toLowerCase() === wanted);
  if (found) return found.key;
  const keys = stages.map((stage) => stage.key);
  const near = nearest(typed, keys);
  throw new UsageError(
    `${word}: there is no stage '${typed}'; ${near === null ? `use one of: ${keys.join(', ')}` : `did you mean '${near}'? (\`prepdeck apps stages\` lists them)`}`,
  );
}

/** A word as a shell takes it back: quoted when it holds a space. */
const quoted = (word: string) => (/^[\p{L}\p{N}_.@/-]+$/u.test(word) ? word : `"${word.replace(/(["\\$`])/g, '\\$1')}"`);

/** Prints an application in full, with the stage names and criteria it needs. */
async function printDetail(ctx: CommandContext, app: AppContext, detail: ApplicationDetailJson, headline?: string): Promise<void> {
  if (ctx.json) {
    printJson(detail);
    return;
  }
  const hunt = await getHunt(app);
  printLines([...(headline ? [headline] : []), ...applicationDetailText(detail, hunt.stages, hunt.criteria, hunt.timeZone, ctx.color)]);
}

export async function appsList(ctx: CommandContext, options: { stage?: string; tag?: string; query?: string; archived?: boolean }): Promise<void> {
  await withApp(ctx, async (app) => {
    const stage = options.stage ? await stageKey(app, options.stage, '--stage') : undefined;
    const { applications } = await listApplications(app, {
      ...(stage !== undefined ? { stage } : {}),
      ...(options.tag ? { tag: options.tag } : {}),
      ...(options.query ? { q: options.query } : {}),
      ...(options.archived ? { archived: true } : {}),
    });
    if (ctx.json) return printJson({ applications });
    const { stages, today } = await getHunt(app);
    if (applications.length > 0) return printLines(applicationsText(applications, stages, ctx.color, today));
    // Empty: say which filter found nothing, and "yet" only when there is nothing at all.
    const every = (await listApplications(app, { archived: true })).applications;
    const filter = {
      stage: stage === undefined ? undefined : stageLabel(stages, stage),
      tag: options.tag || undefined,
      query: options.query || undefined,
      archived: options.archived,
    };
    printLines([noApplicationsText(filter, { all: every.length, archived: every.filter((a) => a.archivedAt !== null).length }, ctx.color)]);
  });
}

export async function appsStages(ctx: CommandContext): Promise<void> {
  const { stages } = await withApp(ctx, (app) => getHunt(app));
  if (ctx.json) printJson({ stages });
  else
    printLines(
      stages.map((s, i) => `${String(i + 1).padStart(2)}  ${s.key.padEnd(12)} ${s.label}${s.outcome ? ctx.color.dim('  (an outcome)') : ''}`),
    );
}

export async function appsAdd(ctx: CommandContext, company: string, options: ApplicationOptions & { stage?: string; on?: string }): Promise<void> {
  const fields = applicationFields(options);
  await withApp(ctx, async (app) => {
    const body: ApplicationCreateJson = {
      company,
      ...fields,
      ...(options.stage ? { stage: await stageKey(app, options.stage, '--stage') } : {}),
      ...(options.on ? { on: options.on } : {}),
    };
    const detail = await addApplication(app, body);
    await printDetail(ctx, app, detail, `added #${detail.application.id}`);
  });
}

export async function appsShow(ctx: CommandContext, reference: string): Promise<void> {
  await withApp(ctx, async (app) => printDetail(ctx, app, await applicationById(app, await resolveApplication(app, reference))));
}

export async function appsMove(ctx: CommandContext, reference: string, stage: string, options: { note?: string; on?: string }): Promise<void> {
  await withApp(ctx, async (app) => {
    const id = await resolveApplication(app, reference);
    const detail = await moveApplication(app, id, {
      to: await stageKey(app, stage, 'STAGE'),
      ...(options.note ? { note: options.note } : {}),
      ...(options.on ? { on: options.on } : {}),
    });
    if (ctx.json) printJson(detail);
    else {
      const last = detail.history.at(-1)!;
      const { stages } = await getHunt(app);
      printLines([
        `${detail.application.company}: ${stageLabel(stages, last.from)} → ${stageLabel(stages, last.to)}`,
        ...dueListLines(detail, ctx.color),
      ]);
    }
  });
}

export async function appsMark(ctx: CommandContext, reference: string, goal: string, value: MarkValue, options: { note?: string }): Promise<void> {
  await withApp(ctx, async (app) => {
    const id = await resolveApplication(app, reference);
    const criterion = await resolveCriterion(app, goal);
    const detail = await markApplication(app, id, criterion.id, { value, ...(options.note !== undefined ? { note: options.note } : {}) });
    if (ctx.json) printJson(detail);
    else {
      const { fit } = detail.application;
      const score = fit.score === null ? 'no fit yet' : `fit ${Math.round(fit.score * 100)}%`;
      const gates = fit.failedGates.length > 0 ? ctx.color.red(`, ${fit.failedGates.length} gate failed`) : '';
      printLines([
        `${detail.application.company}: ${criterion.text} = ${value} (${score}, ${fit.unknown} unknown${gates})`,
        ...noticeLines(detail.notices, ctx.color),
      ]);
    }
  });
}

interface EditOptions extends ApplicationOptions {
  company?: string;
  stage?: string;
  addTag?: string[];
  removeTag?: string[];
}

export async function appsEdit(ctx: CommandContext, reference: string, options: EditOptions): Promise<void> {
  if (options.stage !== undefined) {
    throw new UsageError(
      `an edit leaves the stage alone: \`prepdeck apps move ${quoted(reference)} ${quoted(options.stage)}\` moves it, kept in its history`,
    );
  }
  const patch = { ...applicationFields(options), ...(options.company !== undefined ? { company: options.company } : {}) };
  const retag = options.addTag !== undefined || options.removeTag !== undefined;
  if (retag && options.tag !== undefined)
    throw new UsageError('--tag replaces the tags, --add-tag and --remove-tag change them: give one or the other');
  if (Object.keys(patch).length === 0 && !retag) throw new UsageError('say what to change, e.g. --role, --salary or --tag (see --help)');
  await withApp(ctx, async (app) => {
    const id = await resolveApplication(app, reference);
    const needed = retag || (options.salary && (!options.currency || !options.per));
    const { application } = needed ? await applicationById(app, id) : { application: null };
    // A new range keeps the salary's currency and period unless given: `--salary 130k-160k` of a USD salary stays USD.
    const salary = application?.salary && options.salary ? applicationFields(options, application.salary) : {};
    const tags = application && retag ? { tags: retagged(application.tags, options.addTag ?? [], options.removeTag ?? []) } : {};
    await printDetail(ctx, app, await updateApplication(app, id, { ...patch, ...salary, ...tags }));
  });
}

/** The tags with `add` added and `remove` taken away (core/hunt/fields.ts#retag, any case the same tag); one not there is named. */
function retagged(tags: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const changed = retag(tags, add, remove);
  if (changed.missing.length > 0) {
    throw new UsageError(
      `--remove-tag: it has no tag '${changed.missing[0]}'${tags.length > 0 ? ` (its tags: ${tags.join(', ')})` : ' (it has none)'}`,
    );
  }
  return changed.tags;
}

export const appsArchive =
  (archived: boolean) =>
  async (ctx: CommandContext, reference: string): Promise<void> => {
    await withApp(ctx, async (app) => {
      const detail = await updateApplication(app, await resolveApplication(app, reference), { archived });
      if (ctx.json) printJson(detail);
      // Its open follow-ups leave the due lists, or come back, as a move to or from a closed stage says.
      else printLines([`${archived ? 'archived' : 'restored'} ${detail.application.company}`, ...dueListLines(detail, ctx.color)]);
    });
  };

export async function appsDelete(ctx: CommandContext, reference: string, options: { yes?: boolean }): Promise<void> {
  if (!options.yes)
    throw new UsageError(
      'deleting removes the application with its history, contacts, follow-ups and offer for good: add --yes (or `apps archive` to keep them)',
    );
  const deleted = await withApp(ctx, async (app) => {
    const id = await resolveApplication(app, reference);
    const { application } = await applicationById(app, id);
    await deleteApplication(app, id);
    return application;
  });
  if (ctx.json) printJson({ deleted: { id: deleted.id, company: deleted.company, role: deleted.role } });
  else printLines([`deleted ${deleted.company}${deleted.role ? ` — ${deleted.role}` : ''} and its history`]);
}

export async function appsContact(
  ctx: CommandContext,
  reference: string,
  name: string,
  options: { role: ContactRole; email?: string; link?: string; notes?: string },
): Promise<void> {
  await withApp(ctx, async (app) => {
    const detail = await addContact(app, await resolveApplication(app, reference), {
      name,
      role: options.role,
      ...(options.email !== undefined ? { email: options.email } : {}),
      ...(options.link !== undefined ? { link: options.link } : {}),
      ...(options.notes !== undefined ? { notes: options.notes } : {}),
    });
    if (ctx.json) printJson(detail);
    else printLines([`${detail.application.company}: added ${name} (${options.role})`]);
  });
}

export async function appsContactEdit(
  ctx: CommandContext,
  id: number,
  options: { name?: string; role?: ContactRole; email?: string; link?: string; notes?: string },
): Promise<void> {
  const patch = {
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.role !== undefined ? { role: options.role } : {}),
    ...(options.email !== undefined ? { email: options.email } : {}),
    ...(options.link !== undefined ? { link: options.link } : {}),
    ...(options.notes !== undefined ? { notes: options.notes } : {}),
  };
  if (Object.keys(patch).length === 0) throw new UsageError('say what to change: --name, --role, --email, --link or --notes (see --help)');
  await withApp(ctx, async (app) => {
    const detail = await updateContact(app, id, patch);
    if (ctx.json) return printJson(detail);
    const contact = detail.contacts.find((k) => k.id === id)!;
    printLines([`${detail.application.company}: changed ${contact.name} (${contact.role}) #${id}`]);
  });
}

export async function appsContactDelete(ctx: CommandContext, id: number): Promise<void> {
  await withApp(ctx, async (app) => {
    const detail = await deleteContact(app, id);
    if (ctx.json) return printJson(detail);
    printLines([`${detail.application.company}: removed contact #${id}`]);
  });
}

export async function appsFollowUp(ctx: CommandContext, reference: string, words: string[], options: { due?: string }): Promise<void> {
  await withApp(ctx, async (app) => {
    const id = await resolveApplication(app, reference);
    const { today } = await getHunt(app);
    const dueOn = options.due ?? today;
    const detail = await addFollowUp(app, id, { title: words.join(' '), dueOn });
    if (ctx.json) return printJson(detail);
    // Kept either way; said when it is already late (the answer's notices), or will be on no list of due ones.
    const offLists =
      detail.application.archivedAt !== null
        ? 'not listed as due while the application is archived (`prepdeck apps restore` lists it again)'
        : 'not listed as due while the application is closed (`prepdeck followups --closed` lists it)';
    printLines([
      `${detail.application.company}: follow up on ${dueOn}: ${words.join(' ')}`,
      ...noticeLines(detail.notices, ctx.color),
      ...(detail.followUpsDue ? [] : [ctx.color.dim(offLists)]),
    ]);
  });
}

type Clearable = OfferClearable;

interface OfferOptions {
  base?: number;
  currency?: string;
  per?: PayPeriod;
  bonus?: number;
  equity?: number;
  vesting?: string;
  signOn?: number;
  perks?: string;
  remote?: RemotePolicy;
  start?: string;
  deadline?: string;
  notes?: string;
  clear?: Clearable[];
}

/**
 * Records an offer, or changes the one there: what is not given again is kept (a second `--base` keeps the deadline:
 * the app's patchOffer, as PATCH .../offer), `--clear FIELD` takes one away, and the line names what was kept.
 */
export async function appsOffer(ctx: CommandContext, reference: string, options: OfferOptions): Promise<void> {
  const clear = new Set(options.clear ?? []);
  const given: OfferPatchJson = {
    ...(options.base !== undefined ? { base: options.base } : {}),
    ...(options.currency !== undefined ? { currency: options.currency } : {}),
    ...(options.per !== undefined ? { period: options.per } : {}),
    ...(options.bonus !== undefined ? { bonus: options.bonus } : {}),
    ...(options.signOn !== undefined ? { signOn: options.signOn } : {}),
    ...(options.perks !== undefined ? { perks: options.perks } : {}),
    ...(options.remote !== undefined ? { remote: options.remote } : {}),
    ...(options.start !== undefined ? { startOn: options.start } : {}),
    ...(options.deadline !== undefined ? { deadlineOn: options.deadline } : {}),
    ...(options.notes !== undefined ? { notes: options.notes } : {}),
    ...(options.equity !== undefined || options.vesting !== undefined
      ? {
          equity: {
            ...(options.equity !== undefined ? { amount: options.equity } : {}),
            ...(options.vesting !== undefined ? { vesting: options.vesting } : {}),
          },
        }
      : {}),
  };
  for (const word of clear) {
    if (OFFER_CLEARABLE[word] in given)
      throw new UsageError(
        `--clear ${word} and --${word === 'equity' && options.equity === undefined ? 'vesting' : word} say opposite things; give one`,
      );
  }
  // What --clear takes away: a detail dropped (null), a text emptied.
  const cleared: OfferPatchJson = Object.fromEntries(
    [...clear].map((word) => [OFFER_CLEARABLE[word], word === 'perks' || word === 'notes' ? '' : null]),
  );
  await withApp(ctx, async (app) => {
    const id = await resolveApplication(app, reference);
    const before = (await applicationById(app, id)).offer;
    const detail = await patchOffer(app, id, { ...given, ...cleared });
    if (ctx.json) return printJson(detail);
    const has = (word: Clearable) => before !== null && before[OFFER_CLEARABLE[word]] !== null && before[OFFER_CLEARABLE[word]] !== '';
    const keptWords = (Object.keys(OFFER_CLEARABLE) as Clearable[]).filter(
      (word) => has(word) && !clear.has(word) && !(OFFER_CLEARABLE[word] in given),
    );
    // A new offer moves an application still short of the offer stage there: the line says so.
    let moved = '';
    if (detail.moved) {
      const { stages } = await getHunt(app);
      moved = `; moved ${stageLabel(stages, detail.moved.from)} → ${stageLabel(stages, detail.moved.to)}`;
    }
    const dropped = [...clear].filter(has);
    printLines([
      `${detail.application.company}: offer ${before ? 'changed' : 'recorded'}${moved}`,
      ...offerText(detail.offer!).map((l) => `  ${l}`),
      ...(keptWords.length > 0 ? [ctx.color.dim(`kept from the offer before: ${keptWords.join(', ')} (\`--clear FIELD\` drops one)`)] : []),
      ...(dropped.length > 0 ? [ctx.color.dim(`cleared: ${dropped.join(', ')}`)] : []),
      // A deadline already past is kept as given (a decision made late is still recorded), and said.
      ...noticeLines(detail.notices, ctx.color),
    ]);
  });
}
