// The hunt's criteria: the checklists' Goals and the user's own.
import type { CriterionCreateJson, CriterionJson, CriterionPatchJson } from '../../contract/hunt.js';
import type { AppContext } from '../context.js';

export async function addCriterion(ctx: AppContext, body: CriterionCreateJson): Promise<CriterionJson> {
  throw new Error('not yet');
}

export async function updateCriterion(ctx: AppContext, id: number, patch: CriterionPatchJson): Promise<CriterionJson> {
  throw new Error('not yet');
}

export async function resolveCriterion(ctx: AppContext, ref: string): Promise<CriterionJson> {
  throw new Error('not yet');
}
