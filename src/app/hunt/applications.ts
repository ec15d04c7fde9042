// Applications: the board's list, one application in full, and what a user does to one.
import type {
  ApplicationCreateJson,
  ApplicationDetailJson,
  ApplicationListJson,
  ApplicationListQuery,
  ApplicationPatchJson,
  ApplicationPatchResultJson,
  MarkPutJson,
  MarkValue,
  MoveJson,
  MoveResultJson,
} from '../../contract/hunt.js';
import { ConflictError } from '../../core/errors.js';
import { dueListChange, isOpenApplication } from '../../core/hunt/closing.js';
import { checkFoundOn, instantOfMove, localDateOf } from '../../core/hunt/dates.js';
import {
  checkChangedLink,
  checkLink,
  checkMarkValue,
  checkOptionalDate,
  checkRemote,
  checkRequiredText,
  checkSalary,
  checkTags,
  checkText,
  tagKey,
} from '../../core/hunt/fields.js';
import { matchReference } from '../../core/hunt/reference.js';
import { checkMove, checkStage, type Stage } from '../../core/hunt/stages.js';
import { searchText } from '../../core/import/identity.js';
import {
  appendMove,
  applicationNames,
  changeApplication,
  deleteApplicationRows,
  historyOf,
  insertApplication,
  putMark,
  readApplicationList,
  type ApplicationRow,
} from '../../store/hunt/applications.js';
import { listCriteria } from '../../store/hunt/criteria.js';
import { openFollowUpCount } from '../../store/hunt/follow-ups.js';
import { readHunt, readStages } from '../../store/hunt/hunt.js';
import { withdrawEvidence } from '../../store/interviews/evidence.js';
import { deleteRoundRows, readRounds, roundsOfApplication } from '../../store/interviews/rounds.js';
import type { Store } from '../../store/database.js';
import type { AppContext } from '../context.js';
import { calledOffRounds } from '../interviews/rounds.js';
import { schedulersOver } from '../interviews/schedulers.js';
import { requireCriterion } from './criteria.js';
import { applicationDetail, requireApplication } from './detail.js';
import { applicationSummaryJson, fitCriteria } from './hunt-json.js';
import { huntTimeZone } from './zone.js';

/** The board's applications, oldest first: by stage, tag (any case) and words of the text, archived ones only when asked. */
export async function listApplications(ctx: AppContext, query: ApplicationListQuery): Promise<ApplicationListJson> {
  const db = ctx.store.db;
  // A stage that does not exist is a typo, not an empty column.
  if (query.stage !== undefined) checkStage(await readStages(db), query.stage, 'stage');
  const [rows, criteriaRecords] = await Promise.all([readApplicationList(db, { stage: query.stage, archived: query.archived }), listCriteria(db)]);
  const criteria = fitCriteria(criteriaRecords);
  const marks = new Map<number, Map<number, MarkValue>>();
  for (const mark of rows.marks) {
    let byCriterion = marks.get(mark.application_id);
    if (!byCriterion) marks.set(mark.application_id, (byCriterion = new Map<number, MarkValue>()));
    byCriterion.set(mark.criterion_id, mark.value);
  }
  const tag = query.tag === undefined ? '' : tagKey(query.tag);
  // Matched here, not with SQL: SQLite's lower() folds only ASCII, so 'Яндекс' would miss 'яндекс'.
  const words = searchText(query.q ?? '')
    .split(/\s+/u)
    .filter((word) => word !== '');
  const noMarks = new Map<number, MarkValue>();
  const applications = rows.applications
    .filter((row) => {
      const tags = JSON.parse(row.tags) as string[];
      if (tag !== '' && !tags.some((t) => tagKey(t) === tag)) return false;
      if (words.length === 0) return true;
      const text = searchText(row.company, row.role, row.location, ...tags);
      return words.every((word) => text.includes(word));
    })
    .map((row) => applicationSummaryJson(row, criteria, marks.get(row.id) ?? noMarks, rows.nextFollowUps.get(row.id), rows.withOffer.has(row.id)));
  return { applications };
}

/** A new application, in `stage` (wishlist unless said), its history starting with that stage: today, or `on` (else its date found). */
export async function addApplication(ctx: AppContext, body: ApplicationCreateJson): Promise<ApplicationDetailJson> {
  const fields = checkFields(body);
  const company = checkRequiredText(body.company, 'company');
  const id = await ctx.store.transaction(async (trx) => {
    const stage = checkStage(await readStages(trx), body.stage ?? 'wishlist', 'stage');
    const now = ctx.now();
    // An application found earlier (a hunt moved over from elsewhere) starts its history on that day.
    const zone = huntTimeZone((await readHunt(trx)).timeZone);
    const today = localDateOf(now, zone);
    const found = fields.found_on ?? undefined;
    if (found !== undefined) checkFoundOn(found, today, body.on === undefined ? undefined : { on: body.on, given: 'on' });
    const since = instantOfMove(body.on ?? (found !== undefined && found < today ? found : undefined), now, zone, null, 'add');
    return insertApplication(trx, {
      ...EMPTY_FIELDS,
      ...fields,
      company,
      stage: stage.key,
      stage_changed_at: since,
      created_at: now,
      updated_at: now,
    });
  });
  return applicationDetail(ctx.store.db, id);
}

export async function applicationById(ctx: AppContext, id: number): Promise<ApplicationDetailJson> {
  return applicationDetail(ctx.store.db, id);
}

/**
 * Changes the fields given; `archived` archives or restores it. The stage moves only with moveApplication. The answer
 * says how many of its open follow-ups archiving took off the due lists, or restoring put back, as a move's does.
 */
export async function updateApplication(ctx: AppContext, id: number, patch: ApplicationPatchJson): Promise<ApplicationPatchResultJson> {
  const fields = checkFields({ ...patch, link: undefined });
  const change = await ctx.store.transaction(async (trx) => {
    const row = await requireApplication(trx, id);
    if (patch.link !== undefined) fields.link = checkChangedLink(patch.link, row.link);
    const now = ctx.now();
    if (fields.found_on) {
      // Checked against its history too, as an add checks it against `on`: found after it was applied to is a typo.
      const zone = huntTimeZone((await readHunt(trx)).timeZone);
      const first = (await historyOf(trx, id))[0];
      const stages = first === undefined ? [] : await readStages(trx);
      const firstStage = first && {
        on: localDateOf(first.at, zone),
        given: 'foundOn' as const,
        stage: stages.find((s) => s.key === first.to_stage)?.label ?? first.to_stage,
      };
      checkFoundOn(fields.found_on, localDateOf(now, zone), firstStage);
    }
    const archive = patch.archived === undefined ? {} : { archived_at: patch.archived ? (row.archived_at ?? now) : null };
    await changeApplication(trx, id, { ...fields, ...archive, updated_at: now });
    if (patch.archived === undefined) return { noLongerDue: 0, dueAgain: 0, rounds: 0 };
    const before = { stage: row.stage, archived: row.archived_at !== null };
    const after = { ...before, archived: patch.archived };
    const stages = await readStages(trx);
    const rounds = await roundsCalledOffBy(trx, id, stages, before, after, now);
    return { ...dueListChange(stages, before, after, await openFollowUpCount(trx, id)), rounds };
  });
  return {
    ...(await applicationDetail(ctx.store.db, id)),
    followUpsNoLongerDue: change.noLongerDue,
    followUpsDueAgain: change.dueAgain,
    roundsCalledOff: change.rounds,
  };
}

/**
 * The explicit hard delete: the application goes with its whole history, and its rounds with their questions. The
 * questions' evidence is withdrawn first: a cascade alone would leave cards scheduled by reviews that no longer exist.
 */
export async function deleteApplication(ctx: AppContext, id: number): Promise<void> {
  await ctx.store.transaction(async (trx) => {
    await requireApplication(trx, id);
    const { rounds, questions } = await roundsOfApplication(trx, id);
    await withdrawEvidence(trx, questions, schedulersOver(trx));
    for (const round of rounds) await deleteRoundRows(trx, round);
    await deleteApplicationRows(trx, id);
  });
}

/**
 * Moves an application to another stage and appends the change to its history. `from` is the stage the mover
 * saw: a move made against a stage that has changed since is a ConflictError, and nothing is written. The answer
 * says how many of its open follow-ups the move took off the due lists (into a closed stage) or put back on them.
 */
export async function moveApplication(ctx: AppContext, id: number, move: MoveJson): Promise<MoveResultJson> {
  const note = checkText(move.note ?? '', 'note').trim();
  const change = await ctx.store.transaction(async (trx) => {
    const row = await requireApplication(trx, id);
    const hunt = await readHunt(trx);
    checkMove(hunt.stages, row.stage, move);
    const now = ctx.now();
    // A date is refused in the words of the history it would precede: the add alone, or other moves.
    const what = move.on !== undefined && (await historyOf(trx, id)).length === 1 ? 'after-add' : 'move';
    const at = instantOfMove(move.on, now, huntTimeZone(hunt.timeZone), row.stage_changed_at, what);
    if ((await appendMove(trx, id, { from: row.stage, to: move.to, at, note }, now)) === null) {
      throw new ConflictError('the application moved meanwhile: reload and move it again');
    }
    const openFollowUps = await openFollowUpCount(trx, id);
    const archived = row.archived_at !== null;
    const before = { stage: row.stage, archived };
    const after = { stage: move.to, archived };
    const rounds = await roundsCalledOffBy(trx, id, hunt.stages, before, after, now);
    return { ...dueListChange(hunt.stages, before, after, openFollowUps), rounds };
  });
  return {
    ...(await applicationDetail(ctx.store.db, id)),
    followUpsNoLongerDue: change.noLongerDue,
    followUpsDueAgain: change.dueAgain,
    roundsCalledOff: change.rounds,
  };
}

/**
 * The rounds still to come of an application a change closed or archived that are called off by it (left out of the
 * upcoming rounds, the plan and the calendar until it reopens: app/interviews/rounds.ts#calledOffRounds, read after the
 * change), so the change's answer counts them; 0 for any other change.
 */
async function roundsCalledOffBy(
  db: Store['db'],
  id: number,
  stages: readonly Stage[],
  before: { stage: string; archived: boolean },
  after: { stage: string; archived: boolean },
  now: string,
): Promise<number> {
  if (!isOpenApplication(stages, before) || isOpenApplication(stages, after)) return 0;
  const upcoming = await readRounds(db, { application: id, after: now });
  return (await calledOffRounds(db, upcoming, stages)).size;
}

/** How the application meets one criterion: yes, no or unknown, with an optional note; the notices say when the criterion is archived. */
export async function markApplication(ctx: AppContext, id: number, criterionId: number, body: MarkPutJson): Promise<ApplicationDetailJson> {
  const value = checkMarkValue(body.value);
  const note = checkText(body.note ?? '', 'note').trim();
  const criterion = await ctx.store.transaction(async (trx) => {
    await requireApplication(trx, id);
    const found = await requireCriterion(trx, criterionId, 'criterionId');
    await putMark(trx, { applicationId: id, criterionId, value, note }, ctx.now());
    return found;
  });
  // Kept, but counting in no fit while its criterion is archived: said, with the way back.
  const archived =
    criterion.archivedAt === null
      ? []
      : [`'${criterion.text}' is archived: the mark is kept and counts in no fit until it is restored (\`prepdeck goals restore ${criterion.id}\`)`];
  return applicationDetail(ctx.store.db, id, archived);
}

/** An application by id, or by a unique fragment of its company, role or both ("acme backend"). */
export async function resolveApplication(ctx: AppContext, ref: string): Promise<number> {
  const rows = await applicationNames(ctx.store.db);
  return matchReference(
    ref,
    rows.map((row) => ({
      id: row.id,
      text: `${row.company} ${row.role}`,
      label: `${row.company}${row.role ? ` — ${row.role}` : ''} (${row.stage})`,
      archived: row.archived_at !== null,
    })),
    { one: 'application', many: 'applications' },
    '`prepdeck apps` lists them',
  );
}

const EMPTY_FIELDS = {
  role: '',
  link: '',
  location: '',
  source: '',
  notes: '',
  remote: null,
  found_on: null,
  tags: '[]',
  salary_min: null,
  salary_max: null,
  salary_currency: null,
  salary_period: null,
} satisfies FieldColumns;

type ApplicationFields = Omit<ApplicationPatchJson, 'archived'>;
type FieldColumns = Partial<
  Pick<
    ApplicationRow,
    | 'company'
    | 'role'
    | 'link'
    | 'location'
    | 'source'
    | 'notes'
    | 'remote'
    | 'found_on'
    | 'tags'
    | 'salary_min'
    | 'salary_max'
    | 'salary_currency'
    | 'salary_period'
  >
>;

/** The given fields checked and as columns; absent ones are left out. */
function checkFields(body: ApplicationFields): FieldColumns {
  const columns: FieldColumns = {};
  if (body.company !== undefined) columns.company = checkRequiredText(body.company, 'company');
  if (body.role !== undefined) columns.role = checkText(body.role, 'role').trim();
  if (body.link !== undefined) columns.link = checkLink(body.link);
  if (body.location !== undefined) columns.location = checkText(body.location, 'location').trim();
  if (body.source !== undefined) columns.source = checkText(body.source, 'source').trim();
  if (body.notes !== undefined) columns.notes = checkText(body.notes, 'notes');
  if (body.remote !== undefined) columns.remote = body.remote === null ? null : checkRemote(body.remote);
  if (body.foundOn !== undefined) columns.found_on = checkOptionalDate(body.foundOn, 'foundOn');
  if (body.tags !== undefined) columns.tags = JSON.stringify(checkTags(body.tags));
  if (body.salary !== undefined) {
    const salary = body.salary === null ? null : checkSalary(body.salary);
    columns.salary_min = salary?.min ?? null;
    columns.salary_max = salary?.max ?? null;
    columns.salary_currency = salary?.currency ?? null;
    columns.salary_period = salary?.period ?? null;
  }
  return columns;
}
