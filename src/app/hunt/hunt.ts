// The hunt itself: its time zone, its stages and its criteria.
import type { HuntJson, HuntPatchJson, StageCreateJson, StagePatchJson } from '../../contract/hunt.js';
import type { AppContext } from '../context.js';

export async function getHunt(ctx: AppContext): Promise<HuntJson> {
  throw new Error('not yet');
}

export async function updateHunt(ctx: AppContext, patch: HuntPatchJson): Promise<HuntJson> {
  throw new Error('not yet');
}

export async function addStage(ctx: AppContext, body: StageCreateJson): Promise<HuntJson> {
  throw new Error('not yet');
}

export async function updateStage(ctx: AppContext, key: string, patch: StagePatchJson): Promise<HuntJson> {
  throw new Error('not yet');
}
