// Rounds: what a user does to one (create, change, delete) and the lists that show them.
import type {
  LeftOutRoundJson,
  RoundCreateJson,
  RoundDetailJson,
  RoundListJson,
  RoundListQuery,
  RoundPatchJson,
  SectionRefJson,
} from '../../contract/interviews.js';
import { ROUND_KINDS, ROUND_OUTCOMES } from '../../contract/vocabulary.js';
import { sectionPaths } from '../../core/checklist/tree.js';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { checkTimeZone } from '../../core/hunt/dates.js';
import type { Stage } from '../../core/hunt/stages.js';
import { checkChoice, checkText } from '../../core/hunt/fields.js';
import { matchReference } from '../../core/hunt/reference.js';
import { calledOff, type CalledOff } from '../../core/interviews/called-off.js';
import { evidenceTime } from '../../core/interviews/evidence.js';
import { localStartOf, resolveLocalStart } from '../../core/interviews/local-time.js';
import { MAX_ID } from '../../core/validate.js';
import { findChecklistByName } from '../../store/checklists/checklists.js';
import { stageChangesOf } from '../../store/hunt/applications.js';
import { contactsOf } from '../../store/hunt/contacts.js';
import { readHunt } from '../../store/hunt/hunt.js';
import { withdrawEvidence, writeEvidence } from '../../store/interviews/evidence.js';
import { readQuestions } from '../../store/interviews/questions.js';
import {
  changeRound,
  deleteRoundRows,
  insertRound,
  readRounds,
  roundById,
  roundKinds,
  setInterviewers,
  setSections,
  type RoundChange,
  type RoundRows,
  type RoundSection,
} from '../../store/interviews/rounds.js';
import { sectionsOf } from '../../store/topics/topics.js';
import type { Store } from '../../store/database.js';
import { chosenChecklist } from '../checklists/current.js';
import type { AppContext } from '../context.js';
import { nearest, sectionForField } from '../nearest.js';
import { requireApplication } from '../hunt/detail.js';
import { huntTimeZone } from '../hunt/zone.js';
import { roundDetailOf, roundJsons } from './round-json.js';
import { schedulersOver } from './schedulers.js';

type Db = Store['db'];

const KIND = /^[a-z0-9][a-z0-9-]{0,39}$/u;

function checkKind(kind: string): string {
  if (!KIND.test(kind))
    throw new InvalidInputError(`kind: '${kind}' is not a kind of round; use lower-case letters, digits and dashes (technical, system-design, ...)`);
  return kind;
}

function checkDuration(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)
    throw new InvalidInputError(`durationMinutes: ${minutes} is not a whole number of minutes from 1 to 1440`);
  return minutes;
}

export function checkRoundId(id: number): number {
  if (!Number.isSafeInteger(id) || id < 1 || id > MAX_ID) throw new NotFoundError(`no round ${id}; \`prepdeck rounds\` lists them`);
  return id;
}

/** The sections named, each resolved in its checklist (the current one when left out); refused naming `sections`. */
async function resolveSections(ctx: AppContext, refs: readonly SectionRefJson[]): Promise<RoundSection[]> {
  const resolved: RoundSection[] = [];
  for (const ref of refs) {
    const name = ref.checklist ?? (await chosenChecklist(ctx).catch(() => null))?.name;
    const checklist = name === undefined ? null : await findChecklistByName(ctx.store.db, name);
    if (!checklist) throw new InvalidInputError(`sections: ${name === undefined ? 'no checklist is imported yet' : `no checklist named '${name}'`}`);
    const sections = await sectionsOf(ctx.store.db, [checklist.id]);
    const paths = sectionPaths(sections);
    const named = sections.filter((section) => section.parentId !== null).map((section) => ({ ...section, path: paths.get(section.id) ?? [] }));
    const section = sectionForField(named, ref.section, { checklist: checklist.name, field: 'sections' });
    if (!resolved.some((r) => r.checklistId === checklist.id && r.key === section.pathKey)) {
      resolved.push({ checklistId: checklist.id, key: section.pathKey, path: section.path });
    }
  }
  return resolved;
}

/** Interviewers come from the round's application's contacts; anyone else is refused naming `interviewers`. */
async function checkInterviewers(db: Db, applicationId: number, contactIds: readonly number[]): Promise<number[]> {
  const own = new Set((await contactsOf(db, applicationId)).map((contact) => Number(contact.id)));
  const stranger = contactIds.find((id) => !own.has(id));
  if (stranger !== undefined)
    throw new InvalidInputError(`interviewers: contact ${stranger} is not a contact of application ${applicationId}; add them to it first`);
  return [...new Set(contactIds)];
}

type Details = Omit<RoundPatchJson, 'localStart' | 'timeZone' | 'sections' | 'interviewers'>;

function detailColumns(body: Details): RoundChange {
  return {
    ...(body.durationMinutes !== undefined ? { duration_minutes: checkDuration(body.durationMinutes) } : {}),
    ...(body.kind !== undefined ? { kind: checkKind(body.kind) } : {}),
    ...(body.link !== undefined ? { link: checkText(body.link, 'link').trim() } : {}),
    ...(body.prepNotes !== undefined ? { prep_notes: checkText(body.prepNotes, 'prepNotes') } : {}),
    ...(body.outcome !== undefined ? { outcome: checkChoice(ROUND_OUTCOMES, body.outcome, 'outcome') } : {}),
    ...(body.debrief !== undefined ? { debrief: checkText(body.debrief, 'debrief') } : {}),
  };
}

/**
 * A note for a kind no other round has that is near one there is (`codng`, `coding`): kept as a kind of the user's
 * own, which a kind may be, and said, so that a typo does not pass unseen. Null for a usual kind or one in use.
 */
async function newKindNote(db: Db, kind: string | undefined, roundId: number | null): Promise<string | null> {
  if (kind === undefined || (ROUND_KINDS as readonly string[]).includes(kind)) return null;
  const others = await roundKinds(db, roundId);
  if (others.includes(kind)) return null;
  const near = nearest(kind, [...new Set([...ROUND_KINDS, ...others])]);
  return near === null ? null : `'${kind}' is a new kind of round, kept as your own; it is near '${near}': change the kind if that was meant`;
}

/** The notices of a change, those there are. */
const notices = (...lines: Array<string | null>): string[] => lines.filter((line) => line !== null);

/** A start already past is kept (a round logged after it took place), and said: a typo of the year would pass unseen. */
function pastNote(startsAt: string, timeZone: string, now: string): string | null {
  if (startsAt > now) return null;
  return `${localStartOf(startsAt, timeZone).replace('T', ' ')} ${timeZone} is already past: kept as a round that took place`;
}

/**
 * A new round of an application; its zone is the hunt's when left out. The detail's notices say what was decided for
 * a time the clocks skip or repeat, and a new kind near one there is (a typo?), one sentence each.
 */
export async function createRound(ctx: AppContext, body: RoundCreateJson): Promise<RoundDetailJson> {
  const { localStart, timeZone, sections, interviewers, applicationId, ...details } = body;
  const columns = detailColumns(details);
  const zone = timeZone ?? huntTimeZone((await readHunt(ctx.store.db)).timeZone);
  const start = resolveLocalStart(localStart, zone);
  const resolvedSections = await resolveSections(ctx, sections ?? []);
  const kindNote = await newKindNote(ctx.store.db, columns.kind, null);
  const id = await ctx.store.transaction(async (trx) => {
    await requireApplication(trx, applicationId);
    const contactIds = await checkInterviewers(trx, applicationId, interviewers ?? []);
    const now = ctx.now();
    const roundId = await insertRound(trx, {
      application_id: applicationId,
      starts_at: start.startsAt,
      time_zone: checkTimeZone(zone),
      duration_minutes: 60,
      kind: 'technical',
      link: '',
      prep_notes: '',
      outcome: 'unknown',
      debrief: '',
      ...columns,
      created_at: now,
      updated_at: now,
    });
    await setInterviewers(trx, roundId, contactIds);
    await setSections(trx, roundId, resolvedSections);
    return roundId;
  });
  return roundDetailOf(ctx.store.db, id, notices(start.notice, pastNote(start.startsAt, zone, ctx.now()), kindNote));
}

/**
 * Changes the fields given. A new zone alone keeps the wall-clock time and moves the instant; a start that moves
 * moves the evidence of the round's scored questions with it (their cards replayed). The notices say what was taken
 * for a time the clocks skip or repeat, and a new kind near one there is.
 */
export async function updateRound(ctx: AppContext, id: number, patch: RoundPatchJson): Promise<RoundDetailJson> {
  checkRoundId(id);
  const { localStart, timeZone, sections, interviewers, ...details } = patch;
  const columns = detailColumns(details);
  const resolvedSections = sections === undefined ? undefined : await resolveSections(ctx, sections);
  let notice: string | null = null;
  let past: string | null = null;
  let kindNote: string | null = null;
  await ctx.store.transaction(async (trx) => {
    const row = await roundById(trx, id);
    if (!row) throw new NotFoundError(`no round ${id}; \`prepdeck rounds\` lists them`);
    if (columns.kind !== row.kind) kindNote = await newKindNote(trx, columns.kind, id);
    const change: RoundChange = { ...columns, updated_at: ctx.now() };
    if (localStart !== undefined || timeZone !== undefined) {
      const zone = timeZone ?? row.time_zone;
      const start = resolveLocalStart(localStart ?? localStartOf(row.starts_at, row.time_zone), zone);
      notice = start.notice;
      change.starts_at = start.startsAt;
      change.time_zone = checkTimeZone(zone);
      if (start.startsAt !== row.starts_at) past = pastNote(start.startsAt, change.time_zone, ctx.now());
    }
    if (interviewers !== undefined) await setInterviewers(trx, id, await checkInterviewers(trx, row.application_id, interviewers));
    if (resolvedSections !== undefined) await setSections(trx, id, resolvedSections);
    await changeRound(trx, id, change);
    if (change.starts_at !== undefined && change.starts_at !== row.starts_at) await moveEvidence(trx, id, evidenceTime(change.starts_at, ctx.now()));
  });
  return roundDetailOf(ctx.store.db, id, notices(notice, past, kindNote));
}

/** Rewrites the evidence of the round's scored questions at `at`: its new start, or now for a start still to come. */
async function moveEvidence(db: Db, roundId: number, at: string): Promise<void> {
  const { questions, topics } = await readQuestions(db, { rounds: [roundId] });
  const schedulers = schedulersOver(db);
  for (const question of questions) {
    if (question.score === null) continue;
    const topicIds = topics.filter((topic) => topic.question_id === question.id).map((topic) => topic.topic_id);
    await writeEvidence(db, { questionId: question.id, rating: question.score as 1 | 2 | 3 | 4, at, topicIds }, schedulers);
  }
}

/** Deletes a round with its questions, withdrawing their evidence first (the cards replayed without it). */
export async function deleteRound(ctx: AppContext, id: number): Promise<void> {
  checkRoundId(id);
  await ctx.store.transaction(async (trx) => {
    if (!(await roundById(trx, id))) throw new NotFoundError(`no round ${id}; \`prepdeck rounds\` lists them`);
    const { questions } = await readQuestions(trx, { rounds: [id] });
    await withdrawEvidence(
      trx,
      questions.map((question) => question.id),
      schedulersOver(trx),
    );
    await deleteRoundRows(trx, id);
  });
}

export async function roundDetail(ctx: AppContext, id: number): Promise<RoundDetailJson> {
  return roundDetailOf(ctx.store.db, id);
}

/**
 * The rounds of `rows` that are called off, by id, with why and since when: the rule is core/interviews/called-off.ts,
 * fed here with when each round's latest question was logged and its application's archiving and stage history (one read for all).
 */
export async function calledOffRounds(db: Db, rows: Pick<RoundRows, 'rounds' | 'counts'>, stages: readonly Stage[]): Promise<Map<number, CalledOff>> {
  const histories = await stageChangesOf(
    db,
    rows.rounds.map((round) => round.application_id),
  );
  const off = new Map<number, CalledOff>();
  for (const round of rows.rounds) {
    const why = calledOff(
      stages,
      { startsAt: round.starts_at, lastAskedAt: rows.counts.get(round.id)?.lastAskedAt ?? null },
      { archivedAt: round.application_archived_at, history: histories.get(round.application_id) ?? [] },
    );
    if (why !== null) off.set(round.id, why);
  }
  return off;
}

/**
 * Rounds: upcoming ones (not started yet) soonest first, otherwise all, latest first; by application and kind. An
 * application that does not exist is NotFound, as everywhere else, not an empty list. The upcoming rounds of every
 * application leave out those of an application closed or archived, as a calendar drops a meeting called off, and say
 * which in `leftOut`; naming the application lists them.
 */
export async function listRounds(ctx: AppContext, query: RoundListQuery = {}): Promise<RoundListJson> {
  const now = ctx.now();
  if (query.kind !== undefined) checkKind(query.kind);
  if (query.application !== undefined) await requireApplication(ctx.store.db, query.application);
  const rows = await readRounds(ctx.store.db, {
    after: query.upcoming ? now : undefined,
    application: query.application,
    kind: query.kind,
  });
  if (!query.upcoming || query.application !== undefined) return { now, rounds: roundJsons(rows) };
  const { stages } = await readHunt(ctx.store.db);
  const off = await calledOffRounds(ctx.store.db, rows, stages);
  const leftOut: LeftOutRoundJson[] = [];
  const kept = rows.rounds.filter((round) => {
    const why = off.get(round.id)?.why;
    if (why === undefined) return true;
    leftOut.push({
      id: round.id,
      applicationId: round.application_id,
      company: round.company,
      startsAt: round.starts_at,
      timeZone: round.time_zone,
      localStart: localStartOf(round.starts_at, round.time_zone),
      why,
    });
    return false;
  });
  return { now, rounds: roundJsons({ ...rows, rounds: kept }), leftOut };
}

/**
 * After a list filtered by round kind came back with `listed` rounds (the rounds listed, the rounds the gaps counted):
 * refuses a kind that is neither one of the usual kinds nor one any round has, naming the nearest, so that a typo is
 * not an empty list that reads as "none yet". Only an empty list asks all the rounds: a kind some round has lists it.
 * An InvalidInputError naming `kind` (the API's 400); the CLI calls it misuse of `--kind`.
 */
export async function refuseUnknownKind(ctx: AppContext, kind: string | undefined, listed: number): Promise<void> {
  if (kind === undefined || listed > 0) return;
  const rounds = (await listRounds(ctx)).rounds;
  const kinds = [...new Set([...ROUND_KINDS, ...rounds.map((round) => round.kind)])];
  if (kinds.includes(kind)) return;
  const near = nearest(kind, kinds);
  throw new InvalidInputError(
    `kind: no round is of the kind '${kind}'; ${near === null ? `the kinds are ${kinds.join(', ')}` : `did you mean '${near}'?`}`,
  );
}

/** A contact of the application by id or a unique fragment of their name, as `--interviewer` names them. */
export async function resolveInterviewer(ctx: AppContext, applicationId: number, ref: string): Promise<number> {
  const contacts = await contactsOf(ctx.store.db, applicationId);
  return matchReference(
    ref,
    contacts.map((contact) => ({ id: Number(contact.id), text: contact.name, label: `${contact.name} (${contact.role})`, archived: false })),
    { one: 'contact of the application', many: 'contacts of the application' },
    '`prepdeck apps show APP` lists them; `prepdeck apps contact APP NAME --role interviewer` adds one',
  );
}
