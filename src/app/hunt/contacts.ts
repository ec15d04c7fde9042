// An application's contacts.
import type { ApplicationDetailJson, ContactCreateJson, ContactPatchJson } from '../../contract/hunt.js';
import type { AppContext } from '../context.js';

export async function addContact(ctx: AppContext, applicationId: number, body: ContactCreateJson): Promise<ApplicationDetailJson> {
  throw new Error('not yet');
}

export async function updateContact(ctx: AppContext, contactId: number, patch: ContactPatchJson): Promise<ApplicationDetailJson> {
  throw new Error('not yet');
}

export async function deleteContact(ctx: AppContext, contactId: number): Promise<ApplicationDetailJson> {
  throw new Error('not yet');
}
