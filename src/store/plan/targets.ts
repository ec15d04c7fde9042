// Plan targets with their scope (sections, topics). A round's target stores only its weight, label and whether it
// is taken out: its time and sections are the round's own, read at plan time.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface TargetRecord {
  id: number;
  roundId: number | null;
  label: string;
  at: string | null;
  weight: number;
  excluded: boolean;
  sections: Array<{ key: string; path: string[] }>;
  topicIds: number[];
}

export async function readTargets(db: Kysely<Database>, checklistId: number): Promise<TargetRecord[]> {
  const rows = await db.selectFrom('plan_targets').selectAll().where('checklist_id', '=', checklistId).orderBy('id').execute();
  const ids = rows.map((row) => Number(row.id));
  if (ids.length === 0) return [];
  const sections = await db
    .selectFrom('plan_target_sections')
    .selectAll()
    .where('target_id', 'in', ids)
    .orderBy('target_id')
    .orderBy('position')
    .execute();
  const topics = await db.selectFrom('plan_target_topics').selectAll().where('target_id', 'in', ids).orderBy('topic_id').execute();
  return rows.map((row) => {
    const id = Number(row.id);
    return {
      id,
      roundId: row.round_id === null ? null : Number(row.round_id),
      label: row.label,
      at: row.at,
      weight: Number(row.weight),
      excluded: Number(row.excluded) === 1,
      sections: sections.filter((s) => Number(s.target_id) === id).map((s) => ({ key: s.section_key, path: JSON.parse(s.path) as string[] })),
      topicIds: topics.filter((t) => Number(t.target_id) === id).map((t) => Number(t.topic_id)),
    };
  });
}

export interface TargetValues {
  roundId: number | null;
  label: string;
  at: string | null;
  weight: number;
  excluded: boolean;
}

export async function insertTarget(db: Kysely<Database>, checklistId: number, values: TargetValues, now: string): Promise<number> {
  const row = await db
    .insertInto('plan_targets')
    .values({
      checklist_id: checklistId,
      round_id: values.roundId,
      label: values.label,
      at: values.at,
      weight: values.weight,
      excluded: values.excluded ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function changeTarget(db: Kysely<Database>, id: number, values: Partial<TargetValues>, now: string): Promise<void> {
  const { excluded, roundId, ...rest } = values;
  await db
    .updateTable('plan_targets')
    .set({
      ...rest,
      ...(roundId !== undefined ? { round_id: roundId } : {}),
      ...(excluded !== undefined ? { excluded: excluded ? 1 : 0 } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function setTargetScope(
  db: Kysely<Database>,
  id: number,
  sections: ReadonlyArray<{ key: string; path: readonly string[] }>,
  topicIds: readonly number[] | undefined,
): Promise<void> {
  await db.deleteFrom('plan_target_sections').where('target_id', '=', id).execute();
  if (sections.length > 0) {
    await db
      .insertInto('plan_target_sections')
      .values(sections.map((s, position) => ({ target_id: id, section_key: s.key, path: JSON.stringify(s.path), position })))
      .execute();
  }
  if (topicIds === undefined) return;
  await db.deleteFrom('plan_target_topics').where('target_id', '=', id).execute();
  if (topicIds.length > 0)
    await db
      .insertInto('plan_target_topics')
      .values(topicIds.map((topic_id) => ({ target_id: id, topic_id })))
      .execute();
}

export async function deleteTarget(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('plan_targets').where('id', '=', id).execute();
}
