// Applications: the board's list, one application in full, and what a user does to one.
import type {
  ApplicationCreateJson,
  ApplicationDetailJson,
  ApplicationListJson,
  ApplicationListQuery,
  ApplicationPatchJson,
  MarkPutJson,
  MoveJson,
} from '../../contract/hunt.js';
import type { AppContext } from '../context.js';

export async function listApplications(ctx: AppContext, query: ApplicationListQuery): Promise<ApplicationListJson> {
  throw new Error('not yet');
}

export async function addApplication(ctx: AppContext, body: ApplicationCreateJson): Promise<ApplicationDetailJson> {
  throw new Error('not yet');
}

export async function applicationById(ctx: AppContext, id: number): Promise<ApplicationDetailJson> {
  throw new Error('not yet');
}

export async function updateApplication(ctx: AppContext, id: number, patch: ApplicationPatchJson): Promise<ApplicationDetailJson> {
  throw new Error('not yet');
}

export async function deleteApplication(ctx: AppContext, id: number): Promise<void> {
  throw new Error('not yet');
}

export async function moveApplication(ctx: AppContext, id: number, move: MoveJson): Promise<ApplicationDetailJson> {
  throw new Error('not yet');
}

export async function markApplication(ctx: AppContext, id: number, criterionId: number, body: MarkPutJson): Promise<ApplicationDetailJson> {
  throw new Error('not yet');
}

export async function resolveApplication(ctx: AppContext, ref: string): Promise<number> {
  throw new Error('not yet');
}
