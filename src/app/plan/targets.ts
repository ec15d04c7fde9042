// Plan targets as a user sets them: an interview round (its time and sections follow the round), or a date with a
// scope of sections or topics; and the targets a plan is made for, with each one's scope resolved to cards.
import type { PlanTargetCreateJson, PlanTargetJson, PlanTargetPatchJson } from '../../contract/plan.js';
import type { Checklist, Section } from '../../core/checklist/model.js';
import { sectionPaths } from '../../core/checklist/tree.js';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { checkLocalDate, localDateOf } from '../../core/hunt/dates.js';
import { localStartOf, resolveLocalStart } from '../../core/interviews/local-time.js';
import { MAX_ID } from '../../core/validate.js';
import type { Store } from '../../store/database.js';
import { readRounds, type RoundRows } from '../../store/interviews/rounds.js';
import type { Stage } from '../../core/hunt/stages.js';
import { readStages } from '../../store/hunt/hunt.js';
import { changeTarget, deleteTarget, insertTarget, readTargets, setTargetScope, type TargetRecord } from '../../store/plan/targets.js';
import { activeCards } from '../../store/review/cards.js';
import { sectionsOf, topicsByIds } from '../../store/topics/topics.js';
import { hasStudyDayBefore, weekdaysText } from '../../core/plan/availability.js';
import { availabilityOf, storedPlanSettings } from './availability.js';
import { forgetTodayUnlessFinished } from './today.js';
import type { AppContext } from '../context.js';
import { sectionForField } from '../nearest.js';
import { calledOffRounds } from '../interviews/rounds.js';
import { checklistFor } from '../review/review-checklist.js';
import { reviewRules } from '../review/settings.js';

type Db = Store['db'];

/** An interview with no time given is taken to start at 09:00, local. */
const DEFAULT_TIME = '09:00';
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/u;
/** How much a round counts by its kind when the user has not said: the long, decisive ones more. */
const ROUND_WEIGHTS: Record<string, number> = { onsite: 3, 'system-design': 2, technical: 2, coding: 2, 'hiring-manager': 1.5 };

/** A target as the plan uses it: where it stands, and the section keys and topics its scope is. */
export interface ResolvedTarget {
  json: PlanTargetJson;
  /** Section path keys in scope, subsections included (a section gone from the file adds none). */
  sectionKeys: Set<string>;
  topicIds: Set<number>;
  /** Named neither sections nor topics: every study card is in scope. */
  whole: boolean;
}

/** Whether a target is planned for, as far as the user's choices go: not taken out, its round's application not closed. */
export function inPlan(target: Pick<PlanTargetJson, 'excluded' | 'closed'>): boolean {
  return !target.excluded && target.closed === undefined;
}

/**
 * "Globex withdrawn", "Acme archived": why each round of `rows` is no target, as it left the upcoming rounds (called off
 * with its application, app/interviews/rounds.ts#calledOffRounds); a round that is on has none.
 */
async function closedReasons(db: Db, rows: RoundRows, stages: readonly Stage[]): Promise<Map<number, string>> {
  const off = await calledOffRounds(db, rows, stages);
  return new Map(rows.rounds.flatMap((round) => (off.has(round.id) ? [[round.id, `${round.company} ${off.get(round.id)!.why.toLowerCase()}`]] : [])));
}

/** A label given is a name: one of only spaces would leave the target nameless in every list. */
function checkLabel(label: string | undefined): void {
  if (label !== undefined && label.trim() === '') throw new InvalidInputError('label: it is empty; give the target a name, or leave the label out');
}

function checkTargetId(id: number): number {
  if (!Number.isSafeInteger(id) || id < 1 || id > MAX_ID) throw new NotFoundError(`no plan target ${id}; \`prepdeck plan targets\` lists them`);
  return id;
}

/** A plan looks a year ahead at most: memory models say little beyond, and the days are planned one by one. */
const MAX_DAYS_AHEAD = 366;

/** The instant of `date` at `time` in the checklist's zone, after now and within a year; refused naming `date` or `time`. */
function instantOf(date: string, time: string | undefined, timeZone: string, now: string): string {
  checkLocalDate(date, 'date');
  if (time !== undefined && !TIME.test(time)) throw new InvalidInputError(`time: '${time}' is not a time of day; write HH:MM, e.g. 14:30`);
  const at = resolveLocalStart(`${date}T${time ?? DEFAULT_TIME}`, timeZone).startsAt;
  if (at <= now) throw new InvalidInputError(`date: ${date} ${time ?? DEFAULT_TIME} is not in the future`);
  if (Date.parse(at) - Date.parse(now) > MAX_DAYS_AHEAD * 86_400_000)
    throw new InvalidInputError(`date: ${date} is more than a year ahead; plan for an interview within a year`);
  return at;
}

interface NamedSection extends Section {
  path: string[];
}

async function namedSections(db: Db, checklist: Checklist): Promise<NamedSection[]> {
  const sections = await sectionsOf(db, [checklist.id]);
  const paths = sectionPaths(sections);
  return sections.filter((s) => s.parentId !== null).map((s) => ({ ...s, path: paths.get(s.id) ?? [] }));
}

/** Sections named by title or path, each once; refused naming `sections`. A goals or books section is no study scope. */
function resolveSections(sections: readonly NamedSection[], refs: readonly string[], checklist: Checklist): Array<{ key: string; path: string[] }> {
  const chosen: Array<{ key: string; path: string[] }> = [];
  for (const ref of refs) {
    const section = sectionForField(sections, ref, { checklist: checklist.name, field: 'sections' });
    if (section.role !== 'study') throw new InvalidInputError(`sections: '${section.path.join(' > ')}' holds ${section.role}, not topics to study`);
    if (!chosen.some((c) => c.key === section.pathKey)) chosen.push({ key: section.pathKey, path: section.path });
  }
  return chosen;
}

async function checkTopics(db: Db, checklist: Checklist, ids: readonly number[]): Promise<number[]> {
  const topics = await topicsByIds(db, [...ids]);
  const stranger = ids.find((id) => topics.get(id)?.checklistId !== checklist.id);
  if (stranger !== undefined) throw new InvalidInputError(`topicIds: ${stranger} is not a topic of '${checklist.name}'`);
  return [...ids];
}

/** The path keys of the sections `keys` name and of all their subsections. */
function withSubsections(sections: readonly Section[], keys: readonly string[]): Set<string> {
  const children = new Map<number | null, Section[]>();
  for (const s of sections) {
    const siblings = children.get(s.parentId);
    if (siblings) siblings.push(s);
    else children.set(s.parentId, [s]);
  }
  const byKey = new Map(sections.map((s) => [s.pathKey, s]));
  const out = new Set<string>();
  const visit = (s: Section) => {
    out.add(s.pathKey);
    for (const child of children.get(s.id) ?? []) visit(child);
  };
  for (const key of keys) {
    const section = byKey.get(key);
    if (section) visit(section);
  }
  return out;
}

/** Refuses a scope with no study card in it (naming `sections`), or no study day before `at` (naming `date`). */
async function checkReachable(
  ctx: AppContext,
  checklist: Checklist,
  sectionKeys: readonly string[],
  topicIds: readonly number[],
  at: string,
): Promise<void> {
  const keys = [...withSubsections(await sectionsOf(ctx.store.db, [checklist.id]), sectionKeys)];
  let cards = activeCards(ctx.store.db, checklist.id).select('cards.id');
  if (keys.length > 0 || topicIds.length > 0) {
    cards = cards.where((eb) =>
      eb.or([eb('cards.section_key', 'in', keys.length > 0 ? keys : ['']), eb('cards.topic_id', 'in', topicIds.length > 0 ? [...topicIds] : [0])]),
    );
  }
  if (!(await cards.limit(1).executeTakeFirst())) throw new InvalidInputError(`sections: no study topic of '${checklist.name}' is in this scope`);
  const { today, timeZone } = await reviewRules(ctx, checklist);
  const settings = await storedPlanSettings(ctx, checklist.id);
  if (!hasStudyDayBefore(today.start, today.date, at, availabilityOf(settings)))
    throw new InvalidInputError(
      `date: no study day before ${localDateOf(at, timeZone)}: the weekdays (${weekdaysText(availabilityOf(settings).weekdays)}) and days off leave none; change them with \`prepdeck plan set --days ... --off ...\``,
    );
}

/**
 * A round's target for every upcoming round about this checklist that has none yet: rounds are targets by default.
 * True when it added one.
 */
async function addRoundTargets(ctx: AppContext, checklist: Checklist, known: readonly TargetRecord[], rounds: RoundRows): Promise<boolean> {
  const now = ctx.now();
  const have = new Set(known.flatMap((t) => (t.roundId === null ? [] : [t.roundId])));
  const missing = rounds.rounds.filter(
    (round) =>
      round.starts_at > now && !have.has(round.id) && rounds.sections.some((s) => s.round_id === round.id && s.checklist_id === checklist.id),
  );
  if (missing.length === 0) return false;
  await ctx.store.transaction(async (trx) => {
    const current = new Set((await readTargets(trx, checklist.id)).flatMap((t) => (t.roundId === null ? [] : [t.roundId])));
    for (const round of missing) {
      if (current.has(round.id)) continue;
      await insertTarget(trx, checklist.id, { roundId: round.id, label: '', at: null, weight: ROUND_WEIGHTS[round.kind] ?? 1, excluded: false }, now);
    }
  });
  return true;
}

/** Every target of the checklist with its time and scope now: round targets read from their rounds; soonest first. */
export async function resolveTargets(ctx: AppContext, checklist: Checklist): Promise<ResolvedTarget[]> {
  let records = await readTargets(ctx.store.db, checklist.id);
  // One read of the rounds: those to come (each may become a target) and those the targets already follow.
  const roundRows = await readRounds(ctx.store.db, { after: ctx.now(), alsoIds: records.flatMap((t) => (t.roundId === null ? [] : [t.roundId])) });
  if (await addRoundTargets(ctx, checklist, records, roundRows)) records = await readTargets(ctx.store.db, checklist.id);
  const { rounds, sections: roundSections } = roundRows;
  const roundIds = records.flatMap((t) => (t.roundId === null ? [] : [t.roundId]));
  const closedOf = roundIds.length > 0 ? await closedReasons(ctx.store.db, roundRows, await readStages(ctx.store.db)) : new Map<number, string>();
  const sections = await sectionsOf(ctx.store.db, [checklist.id]);
  const { timeZone } = await reviewRules(ctx, checklist);
  const resolved = records.flatMap((record): ResolvedTarget[] => {
    let at = record.at;
    let label = record.label;
    let scope = record.sections;
    let closed: string | undefined;
    if (record.roundId !== null) {
      const round = rounds.find((r) => r.id === record.roundId);
      if (!round) return [];
      closed = closedOf.get(round.id);
      at = round.starts_at;
      label ||= `${round.company} ${round.kind.replace(/-/g, ' ')}`;
      scope = roundSections
        .filter((s) => s.round_id === round.id && s.checklist_id === checklist.id)
        .map((s) => ({ key: s.section_key, path: JSON.parse(s.path) as string[] }));
    }
    if (at === null) return [];
    const sectionKeys = withSubsections(
      sections,
      scope.map((s) => s.key),
    );
    return [
      {
        json: {
          id: record.id,
          label,
          at,
          date: localDateOf(at, timeZone),
          weight: record.weight,
          roundId: record.roundId,
          sections: scope,
          topicIds: record.topicIds,
          topics: 0,
          excluded: record.excluded,
          ...(closed !== undefined ? { closed } : {}),
        },
        sectionKeys,
        topicIds: new Set(record.topicIds),
        whole: scope.length === 0 && record.topicIds.length === 0,
      },
    ];
  });
  return resolved.sort((a, b) => (a.json.at < b.json.at ? -1 : a.json.at > b.json.at ? 1 : a.json.id - b.json.id));
}

/** Adds a target: a round (`round`), or a date (`date`, `time`) with a scope (`sections`, `topicIds`; none: everything). */
export async function addTarget(ctx: AppContext, checklistName: string | undefined, input: PlanTargetCreateJson): Promise<PlanTargetJson> {
  const checklist = await checklistFor(ctx, checklistName);
  const { timeZone, today } = await reviewRules(ctx, checklist);
  const now = ctx.now();
  checkLabel(input.label);
  let id: number;
  if (input.round !== undefined) {
    for (const field of ['date', 'time', 'sections', 'topicIds'] as const) {
      if (input[field] !== undefined)
        throw new InvalidInputError(`${field}: a round's target takes its time and sections from the round; leave ${field} out`);
    }
    const rows = await readRounds(ctx.store.db, { ids: [input.round] });
    const { rounds, sections } = rows;
    const round = rounds[0];
    if (!round) throw new InvalidInputError(`round: no round ${input.round}; \`prepdeck rounds\` lists them`);
    if (round.starts_at <= now)
      throw new InvalidInputError(
        `round: round ${round.id} started at ${localStartOf(round.starts_at, timeZone).replace('T', ' ')} (${timeZone}); a plan aims at a time to come`,
      );
    const closed = (await closedReasons(ctx.store.db, rows, await readStages(ctx.store.db))).get(round.id);
    if (closed !== undefined)
      throw new InvalidInputError(`round: round ${round.id} is no target while its application is closed or archived (${closed}); reopen it first`);
    if (!sections.some((s) => s.checklist_id === checklist.id))
      throw new InvalidInputError(
        `round: round ${round.id} is about no section of '${checklist.name}'; give it sections first (\`prepdeck rounds edit ${round.id} --sections ...\`)`,
      );
    id = await ctx.store.transaction(async (trx) => {
      const existing = (await readTargets(trx, checklist.id)).find((t) => t.roundId === round.id);
      const values = { label: input.label ?? '', weight: input.weight ?? ROUND_WEIGHTS[round.kind] ?? 1, excluded: false };
      if (existing) {
        await changeTarget(trx, existing.id, values, now);
        return existing.id;
      }
      return insertTarget(trx, checklist.id, { roundId: round.id, at: null, ...values }, now);
    });
  } else {
    if (input.date === undefined) throw new InvalidInputError('date: a target needs a date (YYYY-MM-DD) or a round');
    const at = instantOf(input.date, input.time, timeZone, now);
    const sections = resolveSections(await namedSections(ctx.store.db, checklist), input.sections ?? [], checklist);
    const topicIds = await checkTopics(ctx.store.db, checklist, input.topicIds ?? []);
    await checkReachable(
      ctx,
      checklist,
      sections.map((s) => s.key),
      topicIds,
      at,
    );
    const label = input.label ?? (sections.length > 0 ? sections.map((s) => s.path.at(-1)).join(', ') : 'Interview');
    id = await ctx.store.transaction(async (trx) => {
      const created = await insertTarget(trx, checklist.id, { roundId: null, label, at, weight: input.weight ?? 1, excluded: false }, now);
      await setTargetScope(trx, created, sections, topicIds);
      return created;
    });
  }
  await forgetTodayUnlessFinished(ctx.store.db, checklist.id, today);
  return requireTarget(ctx, checklist, id);
}

async function requireTarget(ctx: AppContext, checklist: Checklist, id: number): Promise<PlanTargetJson> {
  const target = (await resolveTargets(ctx, checklist)).find((t) => t.json.id === id);
  if (!target) throw new NotFoundError(`no plan target ${id} in '${checklist.name}'; \`prepdeck plan targets\` lists them`);
  return target.json;
}

async function recordOf(ctx: AppContext, checklist: Checklist, id: number): Promise<TargetRecord> {
  const record = (await readTargets(ctx.store.db, checklist.id)).find((t) => t.id === checkTargetId(id));
  if (!record) throw new NotFoundError(`no plan target ${id} in '${checklist.name}'; \`prepdeck plan targets\` lists them`);
  return record;
}

/** Changes a target; a round's target takes only a label, a weight and `excluded`. */
export async function updateTarget(
  ctx: AppContext,
  checklistName: string | undefined,
  id: number,
  patch: PlanTargetPatchJson,
): Promise<PlanTargetJson> {
  const checklist = await checklistFor(ctx, checklistName);
  const record = await recordOf(ctx, checklist, id);
  const rules = await reviewRules(ctx, checklist);
  const now = ctx.now();
  checkLabel(patch.label);
  if (record.roundId !== null) {
    for (const field of ['date', 'time', 'sections'] as const) {
      if (patch[field] !== undefined) throw new InvalidInputError(`${field}: this target follows round ${record.roundId}; change the round instead`);
    }
  } else if (patch.excluded !== undefined) {
    throw new InvalidInputError('excluded: only a round’s target is taken out of the plan; remove a date target instead');
  }
  let at: string | undefined;
  if (patch.date !== undefined || patch.time !== undefined) {
    const current = record.at ?? now;
    const date = patch.date ?? localDateOf(current, rules.timeZone);
    const time = patch.time ?? localStartOf(current, rules.timeZone).slice(11);
    at = instantOf(date, time, rules.timeZone, now);
  }
  const sections =
    patch.sections !== undefined ? resolveSections(await namedSections(ctx.store.db, checklist), patch.sections, checklist) : undefined;
  await ctx.store.transaction(async (trx) => {
    await changeTarget(
      trx,
      record.id,
      {
        ...(patch.label !== undefined ? { label: patch.label } : {}),
        ...(patch.weight !== undefined ? { weight: patch.weight } : {}),
        ...(patch.excluded !== undefined ? { excluded: patch.excluded } : {}),
        ...(at !== undefined ? { at } : {}),
      },
      now,
    );
    if (sections !== undefined) await setTargetScope(trx, record.id, sections, undefined);
    await forgetTodayUnlessFinished(trx, checklist.id, rules.today);
  });
  return requireTarget(ctx, checklist, record.id);
}

/** Removes a date target; a round's target is taken out of the plan instead (it would come back with the round). */
export async function removeTarget(ctx: AppContext, checklistName: string | undefined, id: number): Promise<PlanTargetJson> {
  const checklist = await checklistFor(ctx, checklistName);
  const record = await recordOf(ctx, checklist, id);
  if (record.roundId !== null) return updateTarget(ctx, checklist.name, id, { excluded: true });
  const json = await requireTarget(ctx, checklist, id);
  const { today } = await reviewRules(ctx, checklist);
  await ctx.store.transaction(async (trx) => {
    await deleteTarget(trx, record.id);
    await forgetTodayUnlessFinished(trx, checklist.id, today);
  });
  return json;
}

/** The targets of a checklist, soonest first, excluded ones included. */
export async function listTargets(ctx: AppContext, checklistName?: string): Promise<PlanTargetJson[]> {
  const checklist = await checklistFor(ctx, checklistName);
  return (await resolveTargets(ctx, checklist)).map((t) => t.json);
}
