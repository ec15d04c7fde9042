// Follow-ups: per application, the list across applications, and the Dashboard's agenda.
import type {
  AgendaJson,
  ApplicationDetailJson,
  FollowUpCreateJson,
  FollowUpListJson,
  FollowUpListQuery,
  FollowUpPatchJson,
} from '../../contract/hunt.js';
import type { AppContext } from '../context.js';

export async function addFollowUp(ctx: AppContext, applicationId: number, body: FollowUpCreateJson): Promise<ApplicationDetailJson> {
  throw new Error('not yet');
}

export async function updateFollowUp(ctx: AppContext, followUpId: number, patch: FollowUpPatchJson): Promise<ApplicationDetailJson> {
  throw new Error('not yet');
}

export async function deleteFollowUp(ctx: AppContext, followUpId: number): Promise<ApplicationDetailJson> {
  throw new Error('not yet');
}

export async function listFollowUps(ctx: AppContext, query: FollowUpListQuery): Promise<FollowUpListJson> {
  throw new Error('not yet');
}

export async function agenda(ctx: AppContext): Promise<AgendaJson> {
  throw new Error('not yet');
}
