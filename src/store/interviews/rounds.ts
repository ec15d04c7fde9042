// Rounds with their interviewers (contacts of the round's application) and the sections they are about. A list
// reads each kind of row once for all the rounds listed, never a query per round.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, RoundTable } from '../schema.js';

/**
 * A round with its application's company and role, and where the application stands (its stage since when, archived,
 * its last change of any kind: a restore leaves no other trace).
 */
export type RoundRow = Selectable<RoundTable> & {
  company: string;
  role: string;
  application_stage: string;
  application_stage_changed_at: string;
  application_archived_at: string | null;
  application_updated_at: string;
};
export type NewRound = Omit<Insertable<RoundTable>, 'id'>;
export type RoundChange = Omit<Updateable<RoundTable>, 'id' | 'application_id' | 'created_at'>;

export interface RoundFilter {
  /** Only rounds starting after this instant, soonest first. */
  after?: string | undefined;
  /** With `after`: these rounds too, whenever they start (a plan's targets and the rounds to come, in one read). */
  alsoIds?: readonly number[] | undefined;
  application?: number | undefined;
  kind?: string | undefined;
  ids?: readonly number[] | undefined;
}

export interface InterviewerRow {
  round_id: number;
  contact_id: number;
  name: string;
  role: string;
}

export interface SectionRow {
  round_id: number;
  checklist_id: number;
  checklist: string;
  section_key: string;
  path: string;
}

/** What a list of rounds shows: the rounds (with their application's company and role) and what belongs to each. */
export interface RoundRows {
  rounds: RoundRow[];
  interviewers: InterviewerRow[];
  sections: SectionRow[];
  /** Per round: questions logged, how many have a score, and when the last was logged. */
  counts: Map<number, { questions: number; scored: number; lastAskedAt: string }>;
}

export async function readRounds(db: Kysely<Database>, filter: RoundFilter): Promise<RoundRows> {
  let query = db
    .selectFrom('rounds as r')
    .innerJoin('applications as a', 'a.id', 'r.application_id')
    .selectAll('r')
    .select([
      'a.company',
      'a.role',
      'a.stage as application_stage',
      'a.stage_changed_at as application_stage_changed_at',
      'a.archived_at as application_archived_at',
      'a.updated_at as application_updated_at',
    ]);
  const { after, alsoIds } = filter;
  if (after !== undefined) {
    query =
      alsoIds && alsoIds.length > 0
        ? query.where((eb) => eb.or([eb('r.starts_at', '>', after), eb('r.id', 'in', [...alsoIds])]))
        : query.where('r.starts_at', '>', after);
  }
  if (filter.application !== undefined) query = query.where('r.application_id', '=', filter.application);
  if (filter.kind !== undefined) query = query.where('r.kind', '=', filter.kind);
  if (filter.ids !== undefined) query = query.where('r.id', 'in', filter.ids.length > 0 ? [...filter.ids] : [0]);
  const direction = filter.after !== undefined ? 'asc' : 'desc';
  const rounds = (await query.orderBy('r.starts_at', direction).orderBy('r.id', direction).execute()).map((row) => ({
    ...row,
    id: Number(row.id),
    application_id: Number(row.application_id),
    duration_minutes: Number(row.duration_minutes),
  }));
  const ids = rounds.map((round) => round.id);
  if (ids.length === 0) return { rounds, interviewers: [], sections: [], counts: new Map() };
  const interviewers = await db
    .selectFrom('round_interviewers as ri')
    .innerJoin('contacts as c', 'c.id', 'ri.contact_id')
    .select(['ri.round_id', 'ri.contact_id', 'c.name', 'c.role'])
    .where('ri.round_id', 'in', ids)
    .orderBy('ri.round_id')
    .orderBy('ri.position')
    .execute();
  const sections = await db
    .selectFrom('round_sections as rs')
    .innerJoin('checklists as k', 'k.id', 'rs.checklist_id')
    .select(['rs.round_id', 'rs.checklist_id', 'k.name as checklist', 'rs.section_key', 'rs.path'])
    .where('rs.round_id', 'in', ids)
    .orderBy('rs.round_id')
    .orderBy('rs.position')
    .execute();
  const countRows = await db
    .selectFrom('questions')
    .select((eb) => [
      'round_id',
      eb.fn.countAll<number>().as('questions'),
      eb.fn.count<number>('score').as('scored'),
      eb.fn.max('created_at').as('last_asked_at'),
    ])
    .where('round_id', 'in', ids)
    .groupBy('round_id')
    .execute();
  return {
    rounds,
    interviewers: interviewers.map((row) => ({ ...row, round_id: Number(row.round_id), contact_id: Number(row.contact_id) })),
    sections: sections.map((row) => ({ ...row, round_id: Number(row.round_id), checklist_id: Number(row.checklist_id) })),
    counts: new Map(
      countRows.map((row) => [
        Number(row.round_id),
        { questions: Number(row.questions), scored: Number(row.scored), lastAskedAt: row.last_asked_at },
      ]),
    ),
  };
}

/** The kinds rounds have, but for round `except`'s own. */
export async function roundKinds(db: Kysely<Database>, except: number | null = null): Promise<string[]> {
  let query = db.selectFrom('rounds').select('kind').distinct();
  if (except !== null) query = query.where('id', '<>', except);
  return (await query.orderBy('kind').execute()).map((row) => row.kind);
}

export async function roundById(db: Kysely<Database>, id: number): Promise<Selectable<RoundTable> | null> {
  const row = await db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...row, id: Number(row.id), application_id: Number(row.application_id) } : null;
}

export async function insertRound(db: Kysely<Database>, values: NewRound): Promise<number> {
  const row = await db.insertInto('rounds').values(values).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function changeRound(db: Kysely<Database>, id: number, change: RoundChange): Promise<void> {
  await db.updateTable('rounds').set(change).where('id', '=', id).execute();
}

/** Replaces the round's interviewers with these contacts, in this order. */
export async function setInterviewers(db: Kysely<Database>, roundId: number, contactIds: readonly number[]): Promise<void> {
  await db.deleteFrom('round_interviewers').where('round_id', '=', roundId).execute();
  if (contactIds.length > 0) {
    await db
      .insertInto('round_interviewers')
      .values(contactIds.map((contact_id, position) => ({ round_id: roundId, contact_id, position })))
      .execute();
  }
}

export interface RoundSection {
  checklistId: number;
  key: string;
  path: readonly string[];
}

/** Replaces the round's sections with these, in this order. */
export async function setSections(db: Kysely<Database>, roundId: number, sections: readonly RoundSection[]): Promise<void> {
  await db.deleteFrom('round_sections').where('round_id', '=', roundId).execute();
  if (sections.length > 0) {
    await db
      .insertInto('round_sections')
      .values(
        sections.map((section, position) => ({
          round_id: roundId,
          checklist_id: section.checklistId,
          section_key: section.key,
          path: JSON.stringify(section.path),
          position,
        })),
      )
      .execute();
  }
}

/** The round and all that hangs on it (its questions' evidence must be withdrawn first: see withdrawEvidence). */
export async function deleteRoundRows(db: Kysely<Database>, id: number): Promise<void> {
  const questions = db.selectFrom('questions').select('id').where('round_id', '=', id);
  await db.deleteFrom('question_topics').where('question_id', 'in', questions).execute();
  await db.deleteFrom('question_stories').where('question_id', 'in', questions).execute();
  await db.deleteFrom('questions').where('round_id', '=', id).execute();
  await db.deleteFrom('round_interviewers').where('round_id', '=', id).execute();
  await db.deleteFrom('round_sections').where('round_id', '=', id).execute();
  await db.deleteFrom('rounds').where('id', '=', id).execute();
}

/** The ids of the rounds of an application, and of their questions. */
export async function roundsOfApplication(db: Kysely<Database>, applicationId: number): Promise<{ rounds: number[]; questions: number[] }> {
  const rounds = (await db.selectFrom('rounds').select('id').where('application_id', '=', applicationId).execute()).map((row) => Number(row.id));
  const questions =
    rounds.length === 0
      ? []
      : (await db.selectFrom('questions').select('id').where('round_id', 'in', rounds).orderBy('id').execute()).map((row) => Number(row.id));
  return { rounds, questions };
}
