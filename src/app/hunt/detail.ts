// One application in full, as every change to one answers it.
import type { ApplicationDetailJson } from '../../contract/hunt.js';
import { NotFoundError } from '../../core/errors.js';
import { followUpsListedAsDue } from '../../core/hunt/closing.js';
import { MAX_ID } from '../../core/validate.js';
import { applicationRow, historyOf, marksOf, type ApplicationRow } from '../../store/hunt/applications.js';
import { contactsOf } from '../../store/hunt/contacts.js';
import { listCriteria } from '../../store/hunt/criteria.js';
import { followUpsOf } from '../../store/hunt/follow-ups.js';
import { readStages } from '../../store/hunt/hunt.js';
import { offerOf } from '../../store/hunt/offers.js';
import type { Store } from '../../store/database.js';
import { applicationSummaryJson, contactJson, fitCriteria, followUpJson, marksJson, offerJson, stageEventJson } from './hunt-json.js';

/** The application `id`, or NotFoundError (also for an id no row can have). */
export async function requireApplication(db: Store['db'], id: number): Promise<ApplicationRow> {
  const row = Number.isSafeInteger(id) && id >= 1 && id <= MAX_ID ? await applicationRow(db, id) : null;
  if (!row) throw new NotFoundError(`no application ${id}; \`prepdeck apps\` lists them`);
  return row;
}

/** The application in full, with what the change that answers it has the user notice (none for a read). */
export async function applicationDetail(db: Store['db'], id: number, notices: readonly string[] = []): Promise<ApplicationDetailJson> {
  const row = await requireApplication(db, id);
  const criteria = await listCriteria(db);
  const marks = await marksOf(db, id);
  const followUps = await followUpsOf(db, id);
  const offer = await offerOf(db, id);
  const open = followUps.find((f) => f.done_at === null);
  const application = applicationSummaryJson(
    row,
    fitCriteria(criteria),
    new Map(marks.map((mark) => [mark.criterion_id, mark.value])),
    open && { id: open.id, applicationId: id, title: open.title, dueOn: open.due_on },
    offer !== null,
  );
  return {
    application,
    marks: marksJson(criteria, marks),
    history: (await historyOf(db, id)).map(stageEventJson),
    contacts: (await contactsOf(db, id)).map(contactJson),
    followUps: followUps.map(followUpJson),
    followUpsDue: followUpsListedAsDue(await readStages(db), { stage: row.stage, archived: row.archived_at !== null }),
    offer: offer && offerJson(offer),
    notices: [...notices],
  };
}
