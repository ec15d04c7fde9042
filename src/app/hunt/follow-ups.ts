// Follow-ups: per application, the list across applications, and the Dashboard's agenda.
import type {
  AgendaJson,
  ApplicationDetailJson,
  FollowUpCreateJson,
  FollowUpItemJson,
  FollowUpListJson,
  FollowUpListQuery,
  FollowUpPatchJson,
} from '../../contract/hunt.js';
import { NotFoundError } from '../../core/errors.js';
import { isClosedStage } from '../../core/hunt/closing.js';
import { checkLocalDate, daysBetween } from '../../core/hunt/dates.js';
import { checkRequiredText } from '../../core/hunt/fields.js';
import type { Stage } from '../../core/hunt/stages.js';
import { MAX_ID } from '../../core/validate.js';
import { changeFollowUp, deleteFollowUpRow, followUpById, huntFollowUps, insertFollowUp, type FollowUpRow } from '../../store/hunt/follow-ups.js';
import { readHunt } from '../../store/hunt/hunt.js';
import { activeOffers } from '../../store/hunt/offers.js';
import type { Store } from '../../store/database.js';
import type { AppContext } from '../context.js';
import { applicationDetail, requireApplication } from './detail.js';
import { followUpJson } from './hunt-json.js';
import { huntTimeZone, todayIn } from './zone.js';

/** A follow-up due on a day already past is kept (a reminder written late), and said. */
async function pastDueNote(ctx: AppContext, dueOn: string | undefined): Promise<string[]> {
  if (dueOn === undefined) return [];
  const { today } = await huntNow(ctx);
  return dueOn < today ? [`the follow-up is due on ${dueOn}, already past (today is ${today})`] : [];
}

/** A follow-up of the application; the answer's notices say when its day is already past. */
export async function addFollowUp(ctx: AppContext, applicationId: number, body: FollowUpCreateJson): Promise<ApplicationDetailJson> {
  const title = checkRequiredText(body.title, 'title');
  const dueOn = checkLocalDate(body.dueOn, 'dueOn');
  await ctx.store.transaction(async (trx) => {
    await requireApplication(trx, applicationId);
    await insertFollowUp(trx, { application_id: applicationId, title, due_on: dueOn, done_at: null, created_at: ctx.now() });
  });
  return applicationDetail(ctx.store.db, applicationId, await pastDueNote(ctx, dueOn));
}

/** Retitles, reschedules, or marks done (`done: false` opens it again); rescheduled to a day already past, the notices say so. */
export async function updateFollowUp(ctx: AppContext, followUpId: number, patch: FollowUpPatchJson): Promise<ApplicationDetailJson> {
  const title = patch.title === undefined ? undefined : checkRequiredText(patch.title, 'title');
  const dueOn = patch.dueOn === undefined ? undefined : checkLocalDate(patch.dueOn, 'dueOn');
  const followUp = await ctx.store.transaction(async (trx) => {
    const found = await requireFollowUp(trx, followUpId);
    await changeFollowUp(trx, followUpId, {
      ...(title !== undefined ? { title } : {}),
      ...(dueOn !== undefined ? { due_on: dueOn } : {}),
      ...(patch.done === undefined ? {} : { done_at: patch.done ? (found.done_at ?? ctx.now()) : null }),
    });
    return found;
  });
  return applicationDetail(ctx.store.db, followUp.application_id, await pastDueNote(ctx, dueOn !== followUp.due_on ? dueOn : undefined));
}

export async function deleteFollowUp(ctx: AppContext, followUpId: number): Promise<ApplicationDetailJson> {
  const followUp = await ctx.store.transaction(async (trx) => {
    const found = await requireFollowUp(trx, followUpId);
    await deleteFollowUpRow(trx, followUpId);
    return found;
  });
  return applicationDetail(ctx.store.db, followUp.application_id);
}

/**
 * The follow-ups of the active applications by due date; done ones too when asked. Those of applications in a closed
 * stage (rejected, withdrawn, ...) are left out, and counted, unless asked for: nothing is due on a closed application.
 */
export async function listFollowUps(ctx: AppContext, query: FollowUpListQuery): Promise<FollowUpListJson> {
  const { today, stages } = await huntNow(ctx);
  const items = (await huntFollowUps(ctx.store.db, { done: query.done ?? false })).map((row) => followUpItem(row, today, stages));
  const followUps = query.closed ? items : items.filter((item) => !item.closed);
  return { today, followUps, closedLeftOut: items.length - followUps.length };
}

/**
 * What needs doing: follow-ups due today or overdue, and the offers' decision deadlines from today on, of the active
 * applications that are not closed (an accepted or declined offer has no decision left to make).
 */
export async function agenda(ctx: AppContext): Promise<AgendaJson> {
  const { today, stages } = await huntNow(ctx);
  const followUps = (await huntFollowUps(ctx.store.db, { done: false, dueBy: today }))
    .map((row) => followUpItem(row, today, stages))
    .filter((item) => !item.closed);
  const deadlines: AgendaJson['deadlines'] = [];
  for (const offer of await activeOffers(ctx.store.db)) {
    if (offer.deadline_on === null || offer.deadline_on < today || isClosedStage(stages, offer.stage)) continue;
    deadlines.push({
      applicationId: offer.application_id,
      company: offer.company,
      role: offer.role,
      deadlineOn: offer.deadline_on,
      daysLeft: daysBetween(today, offer.deadline_on),
    });
  }
  deadlines.sort((a, b) => a.daysLeft - b.daysLeft || a.applicationId - b.applicationId);
  return { today, followUps, deadlines };
}

async function huntNow(ctx: AppContext): Promise<{ today: string; stages: Stage[] }> {
  const hunt = await readHunt(ctx.store.db);
  return { today: todayIn(ctx, huntTimeZone(hunt.timeZone)), stages: hunt.stages };
}

function followUpItem(
  row: FollowUpRow & { company: string; role: string; stage: string },
  today: string,
  stages: readonly Stage[],
): FollowUpItemJson {
  return {
    followUp: followUpJson(row),
    company: row.company,
    role: row.role,
    overdueDays: daysBetween(row.due_on, today),
    closed: isClosedStage(stages, row.stage),
  };
}

async function requireFollowUp(db: Store['db'], id: number): Promise<FollowUpRow> {
  const followUp = Number.isSafeInteger(id) && id >= 1 && id <= MAX_ID ? await followUpById(db, id) : null;
  if (!followUp) throw new NotFoundError(`no follow-up ${id}; \`prepdeck followups\` lists them`);
  return followUp;
}
