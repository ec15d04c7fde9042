// Applying a re-import plan (core/import/plan.ts): what is stored becomes what was parsed, history kept.
import type { Insertable, Kysely } from 'kysely';
import type { ParsedChecklist, ParsedResource } from '../../core/checklist/model.js';
import { importEvents, type ImportEvent } from '../../core/import/events.js';
import { cardOwner, planCards, type StoredCardRef } from '../../core/review/cards.js';
import type { ImportPlan, StoredSectionRef, StoredTopicRef } from '../../core/import/plan.js';
import type { StoredContent } from '../../core/import/content-edits.js';
import { insertTopicCards, newCardRow } from '../review/cards.js';
import { forIdBatches, insertRows, madeAsWritten, updateRowsById } from '../batch.js';
import { inTransaction } from '../database.js';
import { syncGoalCriteria } from '../hunt/criteria.js';
import { dialectOf } from '../dialect.js';
import { ConflictError } from '../errors.js';
import { topicSearchText } from '../rows.js';
import type {
  CardTable,
  Database,
  NewCard,
  NewEvent,
  ResourceRow,
  ResourceTable,
  SectionNoteTable,
  SectionRow,
  SectionTable,
  TopicRow,
  TopicTable,
} from '../schema.js';

export interface ImportBaseline {
  sections: StoredSectionRef[];
  /** Archived topics included, so that an entry coming back restores its topic. */
  topics: StoredTopicRef[];
}

export interface ImportInput {
  /** Null on the first import of `name`. */
  checklistId: number | null;
  name: string;
  sourcePath: string | null;
  sourceHash: string;
  parsed: ParsedChecklist;
  plan: ImportPlan;
  now: string;
  /** The checklist's rows read earlier in the same transaction (readStoredRows), so that the write reads them no more. */
  stored?: StoredRows | undefined;
}

/**
 * A stored checklist's rows as a changed re-import reads them, once, inside its transaction: the planner's baseline,
 * the report's comparison and the write are all made from them (the 20,000-topic file's topics were read three
 * times, its resources twice).
 */
export interface StoredRows {
  /** By id. */
  sections: SectionRow[];
  /** In file order, then by id: the planner pairs moved topics in file order. */
  topics: TopicRow[];
  /** By id, as the import wrote them. */
  resources: StoredResource[];
}

/** The checklist's question/answer cards as re-import pairs them (core/review/cards.ts), owners by topic id or section. */
export async function loadCardBaseline(db: Kysely<Database>, checklistId: number): Promise<Array<StoredCardRef & { front: string }>> {
  const rows = await db
    .selectFrom('cards')
    .select(['id', 'topic_id', 'section_key', 'identity_key', 'front', 'back', 'origin', 'archived_at'])
    .where('checklist_id', '=', checklistId)
    .where('kind', '=', 'qa')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    owner: cardOwner(row.topic_id, row.section_key),
    identityKey: row.identity_key,
    front: row.front,
    back: row.back,
    origin: row.origin,
    archived: row.archived_at !== null,
  }));
}

export async function readStoredRows(db: Kysely<Database>, checklistId: number): Promise<StoredRows> {
  return {
    sections: await db.selectFrom('sections').selectAll().where('checklist_id', '=', checklistId).orderBy('id').execute(),
    topics: await db.selectFrom('topics').selectAll().where('checklist_id', '=', checklistId).orderBy('line_start').orderBy('id').execute(),
    resources: await db.selectFrom('resources').select(RESOURCE_COLUMNS).where('checklist_id', '=', checklistId).orderBy('id').execute(),
  };
}

const BASELINE_TOPIC_COLUMNS = ['id', 'identity_key', 'section_key', 'kind', 'text', 'marker', 'state', 'archived_at', 'origin'] as const;

/** What the planner needs to know about a stored checklist; empty for an unknown id. */
export async function loadImportBaseline(db: Kysely<Database>, checklistId: number): Promise<ImportBaseline> {
  const sections = await db.selectFrom('sections').select(['id', 'path_key']).where('checklist_id', '=', checklistId).orderBy('id').execute();
  const topics = await db
    .selectFrom('topics')
    .select(BASELINE_TOPIC_COLUMNS)
    .where('checklist_id', '=', checklistId)
    // The planner pairs moved topics in file order.
    .orderBy('line_start')
    .orderBy('id')
    .execute();
  return importBaseline({ sections, topics });
}

/** The same, from rows read already. */
export function importBaseline({
  sections,
  topics,
}: {
  sections: ReadonlyArray<Pick<SectionRow, 'id' | 'path_key'>>;
  topics: ReadonlyArray<Pick<TopicRow, (typeof BASELINE_TOPIC_COLUMNS)[number]>>;
}): ImportBaseline {
  return {
    sections: sections.map((row) => ({ id: row.id, pathKey: row.path_key })),
    topics: topics.map((row) => ({
      id: row.id,
      identityKey: row.identity_key,
      sectionKey: row.section_key,
      kind: row.kind,
      text: row.text,
      marker: row.marker,
      state: row.state,
      archived: row.archived_at !== null,
      origin: row.origin,
    })),
  };
}

/** What a re-import's report compares the file with (core/import/content-edits.ts): the checklist as its last import wrote it. */
export async function loadStoredContent(db: Kysely<Database>, checklistId: number, stored: StoredRows): Promise<StoredContent> {
  const checklist = await db.selectFrom('checklists').select(['title', 'front_matter']).where('id', '=', checklistId).executeTakeFirstOrThrow();
  const { topics, sections, resources: links } = stored;
  const notes = await db
    .selectFrom('section_notes')
    .select(['section_id', 'kind', 'source'])
    .where('checklist_id', '=', checklistId)
    .orderBy('section_id')
    .orderBy('position')
    .execute();
  const bySection = new Map(
    sections.map((row) => [
      row.id,
      {
        text: row.text,
        title: row.title,
        level: row.level,
        parentId: row.parent_id,
        position: row.position,
        lines: { start: row.line_start, end: row.line_end },
        notes: [] as Array<{ kind: string; source: string }>,
      },
    ]),
  );
  for (const note of notes) bySection.get(note.section_id)?.notes.push({ kind: note.kind, source: note.source });
  return {
    topics: new Map(
      topics.map((row) => [
        row.id,
        {
          details: row.details,
          title: row.title,
          lines: { start: row.line_start, end: row.line_end },
          position: row.position,
          depth: row.depth,
          parentId: row.parent_id,
          marker: row.marker,
        },
      ]),
    ),
    sections: bySection,
    links: links.map((row) => ({ topicId: row.topic_id, sectionId: row.section_id, url: row.url, title: row.title })),
    title: checklist.title,
    frontMatter: checklist.front_matter,
  };
}

/**
 * Writes the plan in the caller's transaction (or its own). Writes only what changed: re-importing the same
 * parse leaves topics, sections, resources, notes and history untouched; only the checklist row is stamped.
 * The history it appends is the plan's (core/import/events.ts), not decided here.
 */
export async function applyImport(db: Kysely<Database>, input: ImportInput): Promise<{ checklistId: number }> {
  return inTransaction(db, async (trx) => {
    const checklistId = await saveChecklist(trx, input);
    const sectionIds = await saveSections(trx, checklistId, input);
    const topicIds = await saveTopics(trx, checklistId, input, sectionIds);
    await deleteSections(trx, input.plan.removedSectionIds);
    await replaceResources(trx, checklistId, input, sectionIds, topicIds);
    await replaceSectionNotes(trx, checklistId, input.parsed, sectionIds);
    await saveCards(trx, checklistId, input, topicIds);
    await syncGoalCriteria(trx, checklistId, input.now);
    return { checklistId };
  });
}

async function saveChecklist(db: Kysely<Database>, { checklistId, name, sourcePath, sourceHash, parsed, now }: ImportInput) {
  const values = {
    name,
    title: parsed.title,
    source_path: sourcePath,
    source_hash: sourceHash,
    front_matter: parsed.frontMatter?.source ?? null,
    metadata: JSON.stringify(parsed.frontMatter?.data ?? {}),
    topics_mode: parsed.topicsMode.mode,
    topics_mode_reason: parsed.topicsMode.reason,
    imported_at: now,
  };
  if (checklistId === null) {
    const taken = await db.selectFrom('checklists').select('id').where('name', '=', name).executeTakeFirst();
    if (taken) throw new ConflictError(`another import created the checklist '${name}' meanwhile; run the import again`);
    const row = await db
      .insertInto('checklists')
      .values({ ...values, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const result = await db.updateTable('checklists').set(values).where('id', '=', checklistId).executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    throw new ConflictError(`checklist ${checklistId} was deleted while it was being imported; run the import again`);
  }
  return checklistId;
}

const SECTION_COLUMNS = ['parent_id', 'title', 'text', 'level', 'role', 'position', 'line_start', 'line_end'] as const satisfies ReadonlyArray<
  keyof SectionTable
>;

/** Inserts new sections, rewrites changed kept ones; returns the id of each parsed section. */
async function saveSections(db: Kysely<Database>, checklistId: number, { parsed, plan, stored: read }: ImportInput): Promise<number[]> {
  const stored = new Map<number, SectionRow>();
  for (const row of read?.sections ?? (await db.selectFrom('sections').selectAll().where('checklist_id', '=', checklistId).execute())) {
    stored.set(row.id, row);
  }
  ensurePlanFits(stored, [...plan.sections.map((s) => s.existingId), ...plan.removedSectionIds]);

  const newCount = plan.sections.filter((s) => s.existingId === null).length;
  const freshIds = await dialectOf(db).allocateIds(db, 'sections', newCount);
  let nextFresh = 0;
  const sectionIds = plan.sections.map((planned) => planned.existingId ?? freshIds[nextFresh++]!);

  const inserts: Array<Insertable<SectionTable>> = [];
  const updates: Array<Insertable<SectionTable>> = [];
  parsed.sections.forEach((section, index) => {
    const row = {
      id: sectionIds[index]!,
      checklist_id: checklistId,
      parent_id: section.parentIndex === null ? null : sectionIds[section.parentIndex]!,
      path_key: plan.sections[index]!.pathKey,
      title: section.title,
      text: section.text,
      level: section.level,
      role: section.role,
      position: section.position,
      line_start: section.lines.start,
      line_end: section.lines.end,
    };
    const before = stored.get(row.id);
    if (!before) inserts.push(row);
    else if (differs(before, row, SECTION_COLUMNS)) updates.push(row);
  });
  // New sections first: a kept section may move under one of them.
  await insertRows(db, 'sections', inserts);
  await updateRowsById(db, 'sections', updates, SECTION_COLUMNS);
  return sectionIds;
}

/** The columns an import may change on a matched topic; the user's own (notes, confidence) stay. */
const TOPIC_IMPORT_COLUMNS = [
  'section_id',
  'section_key',
  'parent_id',
  'identity_key',
  'title',
  'text',
  'search_text',
  'details',
  'marker',
  'position',
  'depth',
  'line_start',
  'line_end',
  'state',
  'archived_at',
  'origin',
] as const satisfies ReadonlyArray<keyof TopicTable>;

/** Inserts new topics, rewrites changed matched ones, archives the missing, appends the plan's events (core/import/events.ts); returns the id of each entry. */
async function saveTopics(
  db: Kysely<Database>,
  checklistId: number,
  { parsed, plan, now, stored: read }: ImportInput,
  sectionIds: number[],
): Promise<number[]> {
  const stored = new Map<number, TopicRow>();
  for (const row of read?.topics ?? (await db.selectFrom('topics').selectAll().where('checklist_id', '=', checklistId).execute())) {
    stored.set(row.id, row);
  }
  ensurePlanFits(stored, [...plan.entries.map((e) => e.existingId), ...plan.archivedTopicIds, ...plan.appTopics.map((t) => t.id)]);

  const newCount = plan.entries.filter((e) => e.existingId === null).length;
  const freshIds = await dialectOf(db).allocateIds(db, 'topics', newCount);
  let nextFresh = 0;
  const topicIds = plan.entries.map((planned) => planned.existingId ?? freshIds[nextFresh++]!);

  /** What the file says of the entry at `index`: the columns an import sets on a topic, new or matched. */
  const fromFile = (index: number) => {
    const entry = parsed.entries[index]!;
    const planned = plan.entries[index]!;
    return {
      section_id: sectionIds[entry.sectionIndex]!,
      section_key: planned.sectionKey,
      parent_id: entry.parentIndex === null ? null : topicIds[entry.parentIndex]!,
      identity_key: planned.identityKey,
      kind: entry.kind,
      title: entry.title,
      text: entry.text,
      details: entry.details,
      marker: entry.marker,
      position: entry.position,
      depth: entry.depth,
      line_start: entry.lines.start,
      line_end: entry.lines.end,
      state: planned.state,
      archived_at: null,
      // A topic added in prepdeck that the file now holds (written back, or typed in by hand) is the file's from now on.
      origin: 'file' as const,
    };
  };
  const newTopicRow = (index: number): Insertable<TopicTable> => ({
    id: topicIds[index]!,
    checklist_id: checklistId,
    ...fromFile(index),
    search_text: topicSearchText(parsed.entries[index]!.text, ''),
    confidence: null,
    notes: '',
    created_at: now,
    updated_at: now,
  });
  const newTopics: number[] = [];
  const updates: Array<Insertable<TopicTable>> = [];

  parsed.entries.forEach((entry, index) => {
    const before = stored.get(topicIds[index]!);
    if (!before) {
      newTopics.push(index);
      return;
    }
    // Compared column by column; the whole row is made again only for the few topics the file changed.
    const file = { ...fromFile(index), search_text: topicSearchText(entry.text, before.notes) };
    if (differs(before, file, TOPIC_IMPORT_COLUMNS)) updates.push({ ...before, ...file, updated_at: now });
  });

  await moveKeysOutOfTheWay(db, stored, plan);
  await insertRows(db, 'topics', madeAsWritten(newTopics, newTopicRow));
  await updateRowsById(db, 'topics', updates, [...TOPIC_IMPORT_COLUMNS, 'updated_at']);
  // Topics added in prepdeck stay last in their section, whatever the file's lists now hold.
  for (const { id, sectionIndex, position } of plan.appTopics) {
    const before = stored.get(id)!;
    const sectionId = sectionIds[sectionIndex]!;
    if (before.position === position && before.section_id === sectionId) continue;
    await db.updateTable('topics').set({ position, section_id: sectionId }).where('id', '=', id).execute();
  }

  const archived = plan.archivedTopicIds.filter((id) => stored.get(id)!.archived_at === null);
  await forIdBatches(archived, (batch) => db.updateTable('topics').set({ archived_at: now, updated_at: now }).where('id', 'in', batch).execute());
  const eventRow = ({ topicId, type, data }: ImportEvent): NewEvent => ({
    checklist_id: checklistId,
    topic_id: topicId,
    at: now,
    type,
    data: JSON.stringify(data),
  });
  await insertRows(db, 'events', madeAsWritten(importEvents(plan, topicIds), eventRow));
  return topicIds;
}

/**
 * Identity keys are unique per checklist, so a stored topic holding a key an entry now takes (possible when
 * the planner kept them apart by kind) gets a placeholder first: a matched topic then takes its own new key,
 * an archived one keeps the placeholder. Real keys never start with `#:`.
 */
async function moveKeysOutOfTheWay(db: Kysely<Database>, stored: Map<number, TopicRow>, plan: ImportPlan) {
  // A first import has nothing in the way: no need to gather every incoming key.
  if (stored.size === 0) return;
  const incomingKeys = new Set(plan.entries.map((e) => e.identityKey));
  const finalKey = new Map(plan.entries.filter((e) => e.existingId !== null).map((e) => [e.existingId!, e.identityKey]));
  for (const row of stored.values()) {
    if (!incomingKeys.has(row.identity_key) || finalKey.get(row.id) === row.identity_key) continue;
    await db
      .updateTable('topics')
      .set({ identity_key: `#:${row.id}:${row.identity_key}` })
      .where('id', '=', row.id)
      .execute();
  }
}

/** Deletes sections gone from the file; their archived topics keep section_key (section_id becomes null). */
async function deleteSections(db: Kysely<Database>, ids: number[]) {
  await forIdBatches(ids, async (batch) => {
    // Unlinked first, so that batches can be deleted in any order.
    await db.updateTable('sections').set({ parent_id: null }).where('id', 'in', batch).execute();
    await db.deleteFrom('sections').where('id', 'in', batch).execute();
  });
}

const RESOURCE_COLUMNS = ['section_id', 'topic_id', 'url', 'title', 'clickable', 'from_bullet', 'position', 'line'] as const satisfies ReadonlyArray<
  keyof ResourceTable
>;
type StoredResource = Pick<ResourceRow, (typeof RESOURCE_COLUMNS)[number]>;

async function replaceResources(
  db: Kysely<Database>,
  checklistId: number,
  { parsed, plan, stored }: ImportInput,
  sectionIds: number[],
  topicIds: number[],
) {
  // Rows read before the sections gone from the file were deleted: their resources went with them (on delete cascade).
  const removed = new Set(plan.removedSectionIds);
  const current = stored
    ? stored.resources.filter((row) => !removed.has(row.section_id))
    : await db.selectFrom('resources').select(RESOURCE_COLUMNS).where('checklist_id', '=', checklistId).orderBy('id').execute();
  if (sameRows(current, resourceRows(checklistId, parsed, sectionIds, topicIds), RESOURCE_COLUMNS)) return;
  await db.deleteFrom('resources').where('checklist_id', '=', checklistId).execute();
  await insertRows(db, 'resources', resourceRows(checklistId, parsed, sectionIds, topicIds));
}

/** The file's resources as rows, the sections' then the entries', each made as it is compared or written. */
function* resourceRows(checklistId: number, parsed: ParsedChecklist, sectionIds: number[], topicIds: number[]) {
  const row = (sectionId: number, topicId: number | null, resource: ParsedResource, position: number) => ({
    checklist_id: checklistId,
    section_id: sectionId,
    topic_id: topicId,
    url: resource.url,
    title: resource.title,
    clickable: resource.clickable ? 1 : 0,
    from_bullet: resource.fromBullet ? 1 : 0,
    position,
    line: resource.line,
  });
  for (const [index, { resources }] of parsed.sections.entries()) {
    for (const [position, resource] of resources.entries()) yield row(sectionIds[index]!, null, resource, position);
  }
  for (const [index, { sectionIndex, resources }] of parsed.entries.entries()) {
    for (const [position, resource] of resources.entries()) yield row(sectionIds[sectionIndex]!, topicIds[index]!, resource, position);
  }
}

const NOTE_COLUMNS = ['section_id', 'kind', 'source', 'line_start', 'line_end', 'position'] as const satisfies ReadonlyArray<keyof SectionNoteTable>;

async function replaceSectionNotes(db: Kysely<Database>, checklistId: number, parsed: ParsedChecklist, sectionIds: number[]) {
  const rows = parsed.sections.flatMap((section, index) =>
    section.notes.map((note, position) => ({
      checklist_id: checklistId,
      section_id: sectionIds[index]!,
      kind: note.kind,
      source: note.source,
      line_start: note.lines.start,
      line_end: note.lines.end,
      position,
    })),
  );
  const current = await db.selectFrom('section_notes').select(NOTE_COLUMNS).where('checklist_id', '=', checklistId).orderBy('id').execute();
  if (sameRows(current, rows, NOTE_COLUMNS)) return;
  await db.deleteFrom('section_notes').where('checklist_id', '=', checklistId).execute();
  await insertRows(db, 'section_notes', rows);
}

/**
 * Cards: every new study topic gets its topic card, and the file's question/answer cards are matched with the
 * stored ones (core/review/cards.ts): a card still in the file keeps its schedule and reviews, a new one is due at
 * once, one gone from the file is archived. New cards are made in file order, which is the order a review
 * session introduces them. Every card then takes its topic's section, which a moved topic may have changed.
 */
async function saveCards(db: Kysely<Database>, checklistId: number, { parsed, plan, now }: ImportInput, topicIds: number[]) {
  // Of the topic cards, only which topics have one: a whole row each is 20,000 objects at every re-import of a
  // large file, for a set of ids. The question/answer cards are compared field by field, so read whole.
  const topicCards = await db.selectFrom('cards').select('topic_id').where('checklist_id', '=', checklistId).where('kind', '=', 'topic').execute();
  const withTopicCard = new Set(topicCards.map((row) => row.topic_id));
  const storedQa = await db.selectFrom('cards').selectAll().where('checklist_id', '=', checklistId).where('kind', '=', 'qa').execute();
  // The entries whose topic gets its card now; the rows are made as they are written (below).
  const lineOf = (index: number) => parsed.entries[index]!.lines.start;
  const newTopicCards = parsed.entries
    .map((entry, index) => (entry.kind === 'topic' && !withTopicCard.has(topicIds[index]!) ? index : -1))
    .filter((index) => index >= 0)
    .sort((a, b) => lineOf(a) - lineOf(b));
  const topicCardRow = (index: number): NewCard => {
    const sectionKey = plan.sections[parsed.entries[index]!.sectionIndex]!.pathKey;
    const card = { checklistId, topicId: topicIds[index]!, sectionKey, front: '', back: '', identityKey: '', origin: 'app' as const, lines: null };
    return newCardRow({ ...card, kind: 'topic' }, now);
  };
  const freshQa: Array<{ line: number; row: NewCard }> = [];

  const placed = parsed.cards.map((card) => {
    const topicId = card.entryIndex === null ? null : topicIds[card.entryIndex]!;
    const sectionKey = plan.sections[card.sectionIndex]!.pathKey;
    return { card, topicId, sectionKey, owner: cardOwner(topicId, sectionKey) };
  });
  const cardPlan = planCards(
    placed.map(({ card, owner }) => ({ owner, front: card.front, back: card.back })),
    storedQa.map((row) => ({
      id: row.id,
      owner: cardOwner(row.topic_id, row.section_key),
      identityKey: row.identity_key,
      back: row.back,
      origin: row.origin,
      archived: row.archived_at !== null,
    })),
  );
  const byId = new Map(storedQa.map((row) => [row.id, row]));
  const updates: Array<Insertable<CardTable>> = [];
  for (const [index, { card, topicId, sectionKey }] of placed.entries()) {
    const { identityKey, existingId } = cardPlan.cards[index]!;
    const fromFile = {
      topic_id: topicId,
      section_key: sectionKey,
      identity_key: identityKey,
      front: card.front,
      back: card.back,
      origin: 'file' as const,
      line_start: card.lines.start,
      line_end: card.lines.end,
      archived_at: null,
    };
    const before = existingId === null ? undefined : byId.get(existingId);
    if (!before) {
      const row = newCardRow(
        { checklistId, topicId, sectionKey, front: card.front, back: card.back, identityKey, origin: 'file', lines: card.lines, kind: 'qa' },
        now,
      );
      freshQa.push({ line: card.lines.start, row });
    } else if (differs(before, { ...before, ...fromFile }, CARD_IMPORT_COLUMNS)) {
      updates.push({ ...before, ...fromFile });
    }
  }
  // Batched: a line added near the top moves every card below it.
  await updateRowsById(db, 'cards', updates, CARD_IMPORT_COLUMNS);
  await forIdBatches(cardPlan.archivedIds, (batch) => db.updateTable('cards').set({ archived_at: now }).where('id', 'in', batch).execute());
  // In line order (ids are the order a review introduces new cards): a topic's card comes before the cards written
  // on its line or under it. A long run of topic cards with no file card between them, as a whole outline is, is
  // made by the database from the topics' rows; the rest are bound as rows.
  freshQa.sort((a, b) => a.line - b.line);
  const inLineOrder: CardToMake[] = [];
  let qa = 0;
  for (const entry of newTopicCards) {
    while (qa < freshQa.length && freshQa[qa]!.line < lineOf(entry)) inLineOrder.push({ qa: qa++ });
    inLineOrder.push({ entry });
  }
  while (qa < freshQa.length) inLineOrder.push({ qa: qa++ });
  const boundRow = (card: CardToMake) => ('entry' in card ? topicCardRow(card.entry) : freshQa[card.qa]!.row);
  const topicIdOf = (card: CardToMake) => ('entry' in card ? topicIds[card.entry]! : 0);
  for (const part of copiedRuns(inLineOrder)) {
    if (part.copied) await insertTopicCards(db, part.cards.map(topicIdOf), now);
    else await insertRows(db, 'cards', madeAsWritten(part.cards, boundRow));
  }

  // Only a stored topic can have moved (with its cards) to another section: a new one's cards were made with its own.
  if (!plan.entries.some((entry) => entry.stored !== null && entry.stored.sectionKey !== entry.sectionKey)) return;
  await db
    .updateTable('cards')
    .set((eb) => ({ section_key: eb.selectFrom('topics').select('topics.section_key').whereRef('topics.id', '=', 'cards.topic_id') }))
    .where('checklist_id', '=', checklistId)
    .where('topic_id', 'is not', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('topics')
          .select('topics.id')
          .whereRef('topics.id', '=', 'cards.topic_id')
          .whereRef('topics.section_key', '!=', 'cards.section_key'),
      ),
    )
    .execute();
}

/** A card an import makes: a new topic's card (by its entry), or a new card of the file (by its place in line order). */
type CardToMake = { entry: number } | { qa: number };

/** Below this many topic cards in a row, binding them costs less than another statement. */
const MIN_COPIED_RUN = 64;

/** `cards` (in line order) cut into runs of topic cards long enough to be copied from their topics' rows, and the rest. */
function* copiedRuns(cards: readonly CardToMake[]): Generator<{ copied: boolean; cards: CardToMake[] }> {
  let bound: CardToMake[] = [];
  let run: CardToMake[] = [];
  for (let i = 0; i <= cards.length; i++) {
    const card = cards[i];
    if (card && 'entry' in card) {
      run.push(card);
      continue;
    }
    if (run.length >= MIN_COPIED_RUN) {
      if (bound.length > 0) yield { copied: false, cards: bound };
      yield { copied: true, cards: run };
      bound = [];
    } else bound.push(...run);
    run = [];
    if (card) bound.push(card);
  }
  if (bound.length > 0) yield { copied: false, cards: bound };
}

const CARD_IMPORT_COLUMNS = [
  'topic_id',
  'section_key',
  'identity_key',
  'front',
  'back',
  'origin',
  'line_start',
  'line_end',
  'archived_at',
] as const satisfies ReadonlyArray<keyof CardTable>;

/** A plan names only rows of this checklist; anything else means it was made against another state. */
function ensurePlanFits(stored: Map<number, unknown>, referencedIds: Array<number | null>) {
  if (referencedIds.some((id) => id !== null && !stored.has(id))) {
    throw new ConflictError('the checklist changed while this import was planned; run the import again');
  }
}

function differs<T extends object, K extends keyof T>(before: T, after: Pick<T, K>, columns: ReadonlyArray<K>): boolean {
  return columns.some((column) => before[column] !== after[column]);
}

/** Whether `next` holds rows equal to `current`'s, in the same order; taken from `next` only until one differs. */
function sameRows<T extends object>(current: T[], next: Iterable<T>, columns: ReadonlyArray<keyof T>): boolean {
  let count = 0;
  for (const row of next) {
    if (count === current.length || differs(current[count]!, row, columns)) return false;
    count++;
  }
  return count === current.length;
}
