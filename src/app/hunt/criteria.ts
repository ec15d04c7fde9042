// The hunt's criteria: the checklists' Goals (their text is the file's) and the user's own.
import type { CriterionCreateJson, CriterionJson, CriterionPatchJson } from '../../contract/hunt.js';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { checkCriterionKind, checkCriterionTextFree, checkRequiredText, checkWeight } from '../../core/hunt/fields.js';
import { matchReference } from '../../core/hunt/reference.js';
import { MAX_ID } from '../../core/validate.js';
import { changeCriterion, criterionById, insertCriterion, listCriteria, type CriterionRecord } from '../../store/hunt/criteria.js';
import type { Store } from '../../store/database.js';
import type { AppContext } from '../context.js';
import { criterionJson } from './hunt-json.js';

export async function addCriterion(ctx: AppContext, body: CriterionCreateJson): Promise<CriterionJson> {
  const text = checkRequiredText(body.text, 'text');
  const kind = checkCriterionKind(body.kind ?? 'weighted');
  const weight = checkWeight(body.weight ?? 3);
  const id = await ctx.store.transaction(async (trx) => {
    checkCriterionTextFree(await listCriteria(trx), text, null);
    return insertCriterion(trx, { text, kind, weight, topicId: null }, ctx.now());
  });
  return criterionJson((await criterionById(ctx.store.db, id))!);
}

/** Changes the kind, weight or archiving of any criterion, and the text of one's own. */
export async function updateCriterion(ctx: AppContext, id: number, patch: CriterionPatchJson): Promise<CriterionJson> {
  const text = patch.text === undefined ? undefined : checkRequiredText(patch.text, 'text');
  const kind = patch.kind === undefined ? undefined : checkCriterionKind(patch.kind);
  const weight = patch.weight === undefined ? undefined : checkWeight(patch.weight);
  await ctx.store.transaction(async (trx) => {
    const criterion = await requireCriterion(trx, id);
    if (text !== undefined && text !== criterion.text && criterion.topicId !== null) {
      throw new InvalidInputError(
        `text: criterion ${id} is a goal of the checklist '${criterion.checklist ?? '?'}'; reword it in the file and import it again`,
      );
    }
    if (text !== undefined && text !== criterion.text) checkCriterionTextFree(await listCriteria(trx), text, id);
    if (patch.archived === false && criterion.goalArchivedAt !== null) {
      throw new InvalidInputError(
        `archived: the goal '${criterion.text}' is no longer in its checklist's file; put it back there and import it again`,
      );
    }
    await changeCriterion(trx, id, {
      ...(text !== undefined ? { text } : {}),
      ...(kind !== undefined ? { kind } : {}),
      ...(weight !== undefined ? { weight } : {}),
      ...(patch.archived === undefined ? {} : { archived_at: patch.archived ? (criterion.archivedAt ?? ctx.now()) : null }),
    });
  });
  return criterionJson((await criterionById(ctx.store.db, id))!);
}

/** A criterion by id, or by a unique fragment of its text (any case, Cyrillic included). */
export async function resolveCriterion(ctx: AppContext, ref: string): Promise<CriterionJson> {
  const criteria = await listCriteria(ctx.store.db);
  const id = matchReference(
    ref,
    criteria.map((c) => ({ id: c.id, text: c.text, label: c.text, archived: c.archivedAt !== null })),
    { one: 'criterion', many: 'criteria' },
    '`prepdeck goals` lists them',
  );
  return criterionJson(criteria.find((c) => c.id === id)!);
}

export async function requireCriterion(db: Store['db'], id: number, field = 'id'): Promise<CriterionRecord> {
  const criterion = Number.isSafeInteger(id) && id >= 1 && id <= MAX_ID ? await criterionById(db, id) : null;
  if (!criterion) {
    const message = `no criterion ${id}; \`prepdeck goals\` lists them`;
    throw field === 'id' ? new NotFoundError(message) : new InvalidInputError(`${field}: ${message}`);
  }
  return criterion;
}
