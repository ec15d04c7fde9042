// The hunt itself: its time zone, its stages and its criteria.
import type { HuntJson, HuntPatchJson, StageCreateJson, StagePatchJson } from '../../contract/hunt.js';
import { InvalidInputError } from '../../core/errors.js';
import { checkTimeZone } from '../../core/hunt/dates.js';
import { checkRequiredText } from '../../core/hunt/fields.js';
import { checkStage, insertionIndex, reorder, stageKeyFor, type Stage } from '../../core/hunt/stages.js';
import { listCriteria } from '../../store/hunt/criteria.js';
import { readHunt, setTimeZone, writeStages } from '../../store/hunt/hunt.js';
import type { AppContext } from '../context.js';
import { criterionJson } from './hunt-json.js';
import { huntTimeZone, todayIn } from './zone.js';

export async function getHunt(ctx: AppContext): Promise<HuntJson> {
  const hunt = await readHunt(ctx.store.db);
  const timeZone = huntTimeZone(hunt.timeZone);
  return {
    timeZone,
    today: todayIn(ctx, timeZone),
    stages: hunt.stages.map((stage, position) => ({ ...stage, position })),
    criteria: (await listCriteria(ctx.store.db)).map(criterionJson),
  };
}

/** Sets the zone the hunt's dates are read in (checked with Intl). */
export async function updateHunt(ctx: AppContext, patch: HuntPatchJson): Promise<HuntJson> {
  const timeZone = checkTimeZone(patch.timeZone.trim());
  await ctx.store.transaction((trx) => setTimeZone(trx, timeZone));
  return getHunt(ctx);
}

/** A new stage, before `before` or last; its key is made from its label. */
export async function addStage(ctx: AppContext, body: StageCreateJson): Promise<HuntJson> {
  const label = checkRequiredText(body.label, 'label');
  await ctx.store.transaction(async (trx) => {
    const { stages } = await readHunt(trx);
    checkLabelFree(stages, label, null);
    const index = insertionIndex(stages, body.before);
    const stage: Stage = {
      key: stageKeyFor(
        label,
        stages.map((s) => s.key),
      ),
      label,
      outcome: body.outcome ?? false,
    };
    await writeStages(trx, [...stages.slice(0, index), stage, ...stages.slice(index)]);
  });
  return getHunt(ctx);
}

/** Relabels a stage or moves it to another index of the list; its key, which history refers to, stays. */
export async function updateStage(ctx: AppContext, key: string, patch: StagePatchJson): Promise<HuntJson> {
  const label = patch.label === undefined ? undefined : checkRequiredText(patch.label, 'label');
  if (patch.position !== undefined && (!Number.isInteger(patch.position) || patch.position < 0)) {
    throw new InvalidInputError(`position: ${patch.position} is not an index of the list (0 is first)`);
  }
  await ctx.store.transaction(async (trx) => {
    const { stages } = await readHunt(trx);
    checkStage(stages, key, 'key');
    if (label !== undefined) checkLabelFree(stages, label, key);
    const relabelled = stages.map((stage) => (stage.key === key && label !== undefined ? { ...stage, label } : stage));
    const order =
      patch.position === undefined
        ? relabelled.map((s) => s.key)
        : reorder(
            relabelled.map((s) => s.key),
            key,
            patch.position,
          );
    await writeStages(
      trx,
      order.map((k) => relabelled.find((s) => s.key === k)!),
    );
  });
  return getHunt(ctx);
}

/** Two stages with one label could not be told apart on the board. */
function checkLabelFree(stages: readonly Stage[], label: string, ownKey: string | null): void {
  const lower = label.toLowerCase();
  const other = stages.find((stage) => stage.key !== ownKey && stage.label.toLowerCase() === lower);
  if (other) throw new InvalidInputError(`label: the stage '${other.key}' is already called ${other.label}`);
}
