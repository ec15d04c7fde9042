// An application's contacts; each change answers with the application in full.
import type { ApplicationDetailJson, ContactCreateJson, ContactPatchJson } from '../../contract/hunt.js';
import { NotFoundError } from '../../core/errors.js';
import {
  checkChangedLink,
  checkContactNameFree,
  checkContactRole,
  checkEmail,
  checkLink,
  checkRequiredText,
  checkText,
} from '../../core/hunt/fields.js';
import { MAX_ID } from '../../core/validate.js';
import { changeContact, contactById, contactsOf, deleteContactRow, insertContact, type ContactRow } from '../../store/hunt/contacts.js';
import type { Store } from '../../store/database.js';
import type { AppContext } from '../context.js';
import { applicationDetail, requireApplication } from './detail.js';

export async function addContact(ctx: AppContext, applicationId: number, body: ContactCreateJson): Promise<ApplicationDetailJson> {
  const values = {
    name: checkRequiredText(body.name, 'name'),
    role: checkContactRole(body.role ?? 'other'),
    email: checkEmail(body.email ?? ''),
    link: checkLink(body.link ?? ''),
    notes: checkText(body.notes ?? '', 'notes'),
  };
  await ctx.store.transaction(async (trx) => {
    await requireApplication(trx, applicationId);
    checkContactNameFree(await contactsOf(trx, applicationId), values.name, null);
    await insertContact(trx, { ...values, application_id: applicationId, created_at: ctx.now() });
  });
  return applicationDetail(ctx.store.db, applicationId);
}

export async function updateContact(ctx: AppContext, contactId: number, patch: ContactPatchJson): Promise<ApplicationDetailJson> {
  const change = {
    ...(patch.name !== undefined ? { name: checkRequiredText(patch.name, 'name') } : {}),
    ...(patch.role !== undefined ? { role: checkContactRole(patch.role) } : {}),
    ...(patch.email !== undefined ? { email: checkEmail(patch.email) } : {}),
    ...(patch.notes !== undefined ? { notes: checkText(patch.notes, 'notes') } : {}),
  };
  const contact = await ctx.store.transaction(async (trx) => {
    const found = await requireContact(trx, contactId);
    if (change.name !== undefined) checkContactNameFree(await contactsOf(trx, found.application_id), change.name, contactId);
    const link = patch.link !== undefined ? { link: checkChangedLink(patch.link, found.link) } : {};
    await changeContact(trx, contactId, { ...change, ...link });
    return found;
  });
  return applicationDetail(ctx.store.db, contact.application_id);
}

export async function deleteContact(ctx: AppContext, contactId: number): Promise<ApplicationDetailJson> {
  const contact = await ctx.store.transaction(async (trx) => {
    const found = await requireContact(trx, contactId);
    await deleteContactRow(trx, contactId);
    return found;
  });
  return applicationDetail(ctx.store.db, contact.application_id);
}

async function requireContact(db: Store['db'], id: number): Promise<ContactRow> {
  const contact = Number.isSafeInteger(id) && id >= 1 && id <= MAX_ID ? await contactById(db, id) : null;
  if (!contact) throw new NotFoundError(`no contact ${id}`);
  return contact;
}
