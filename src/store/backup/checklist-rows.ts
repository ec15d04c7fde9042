// A checklist's rows, every table of it, read as stored and written back under fresh ids: what a backup holds and
// what its restore writes. The rows point at each other by id, so a restore maps each old id to a new one.
import type { Kysely } from 'kysely';
import { KEYLESS_TABLES, type BackupTable, type ChecklistBackupJson } from '../../contract/backup.js';
import { insertRows } from '../batch.js';
import { dialectOf, type AllocatedTable } from '../dialect.js';
import type { Database } from '../schema.js';

type Row = Record<string, string | number | null>;

interface TableShape {
  table: BackupTable;
  /** The column a checklist's rows are found by. */
  owner: 'id' | 'checklist_id';
  /** Columns holding another row's id, and that row's table. */
  refs: Readonly<Record<string, BackupTable>>;
  /** Columns pointing outside the checklist (an interview's question), emptied on restore. */
  outside?: readonly string[];
  /** Parents first: rows of the same table that others of it point at (sections and topics nest). */
  nested?: string;
}

/** Parents before children, as the foreign keys need. */
const TABLES: readonly TableShape[] = [
  { table: 'checklists', owner: 'id', refs: {} },
  { table: 'sections', owner: 'checklist_id', refs: { checklist_id: 'checklists', parent_id: 'sections' }, nested: 'parent_id' },
  {
    table: 'topics',
    owner: 'checklist_id',
    refs: { checklist_id: 'checklists', section_id: 'sections', parent_id: 'topics' },
    nested: 'parent_id',
  },
  { table: 'resources', owner: 'checklist_id', refs: { checklist_id: 'checklists', section_id: 'sections', topic_id: 'topics' } },
  { table: 'section_notes', owner: 'checklist_id', refs: { checklist_id: 'checklists', section_id: 'sections' } },
  { table: 'events', owner: 'checklist_id', refs: { checklist_id: 'checklists', topic_id: 'topics' } },
  { table: 'cards', owner: 'checklist_id', refs: { checklist_id: 'checklists', topic_id: 'topics' } },
  { table: 'review_log', owner: 'checklist_id', refs: { checklist_id: 'checklists', card_id: 'cards' }, outside: ['question_id'] },
  { table: 'review_settings', owner: 'checklist_id', refs: { checklist_id: 'checklists' } },
  { table: 'plan_settings', owner: 'checklist_id', refs: { checklist_id: 'checklists' } },
  { table: 'plan_section_costs', owner: 'checklist_id', refs: { checklist_id: 'checklists' } },
];
// The plan's targets are left out: a round's belongs to the hunt, not to the checklist; today's list is made again.

/** Every row of the checklist, table by table, in id order (the settings by their checklist). */
export async function readChecklistRows(db: Kysely<Database>, checklistId: number): Promise<ChecklistBackupJson['tables']> {
  const tables = {} as Record<BackupTable, Row[]>;
  for (const { table, owner } of TABLES) {
    const order = KEYLESS_TABLES.includes(table) ? (table === 'plan_section_costs' ? 'section_key' : 'checklist_id') : 'id';
    // A table name and columns from the list above: Kysely can't type a name chosen at run time.
    tables[table] = await db
      .selectFrom(table as 'checklists')
      .selectAll()
      .where(owner as 'id', '=', checklistId)
      .orderBy(order as 'id')
      .execute();
  }
  return tables;
}

/**
 * Writes a backup's rows under fresh ids (the checklist named `name`) inside the caller's write transaction, each
 * reference mapped to its row's new id; rows the checklist does not hold (an interview question) are let go.
 */
export async function writeChecklistRows(trx: Kysely<Database>, tables: ChecklistBackupJson['tables'], name: string): Promise<number> {
  const newIds = new Map<BackupTable, Map<number, number>>();
  for (const shape of TABLES) {
    const hasId = !KEYLESS_TABLES.includes(shape.table);
    const stored = tables[shape.table] ?? [];
    const byId = hasId ? [...stored].sort((a, b) => Number(a['id']) - Number(b['id'])) : stored;
    if (hasId) {
      // Fresh ids in the old ids' order, so the rows keep their order (history, reviews, file order by id).
      const fresh = await dialectOf(trx).allocateIds(trx, shape.table as AllocatedTable, byId.length);
      newIds.set(shape.table, new Map(byId.map((row, i) => [Number(row['id']), fresh[i]!])));
    }
    const rows = shape.nested ? parentsFirst(byId, shape.nested) : byId;
    const mapped = rows.map((row) => {
      const copy: Row = { ...row };
      if (hasId) copy['id'] = newIds.get(shape.table)!.get(Number(row['id']))!;
      for (const [column, target] of Object.entries(shape.refs)) {
        const old = row[column];
        if (old === null || old === undefined) continue;
        const id = newIds.get(target)?.get(Number(old));
        // A reference to a row the backup does not hold (an archived topic's gone section, say) is kept empty.
        copy[column] = id ?? null;
      }
      for (const column of shape.outside ?? []) if (column in copy) copy[column] = null;
      if (shape.table === 'checklists') copy['name'] = name;
      return copy;
    });
    await insertRows(trx, shape.table, mapped as never);
  }
  return newIds.get('checklists')!.values().next().value!;
}

/** The rows ordered so that each comes after the row of the same table it points at by `column`. */
function parentsFirst(rows: readonly Row[], column: string): Row[] {
  const byId = new Map(rows.map((row) => [Number(row['id']), row]));
  const depth = new Map<number, number>();
  const depthOf = (row: Row): number => {
    const id = Number(row['id']);
    const known = depth.get(id);
    if (known !== undefined) return known;
    depth.set(id, 0);
    const parent = row[column] === null ? undefined : byId.get(Number(row[column]));
    const value = parent ? depthOf(parent) + 1 : 0;
    depth.set(id, value);
    return value;
  };
  return [...rows].sort((a, b) => depthOf(a) - depthOf(b) || Number(a['id']) - Number(b['id']));
}
