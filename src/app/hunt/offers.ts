// An application's offer, and the offers side by side against the criteria.
import type {
  ApplicationDetailJson,
  MarkValue,
  OfferComparisonJson,
  OfferJson,
  OfferPatchJson,
  OfferPutJson,
  OfferPutResultJson,
} from '../../contract/hunt.js';
import { PAY_PERIODS } from '../../contract/vocabulary.js';
import { ConflictError, InvalidInputError } from '../../core/errors.js';
import { OFFER_MOVE_NOTE, stageOnOffer } from '../../core/hunt/closing.js';
import { checkChoice, checkCurrency, checkMoney, checkOptionalDate, checkRemote, checkText } from '../../core/hunt/fields.js';
import { localDateOf } from '../../core/hunt/dates.js';
import { yearlyAmount } from '../../core/hunt/money.js';
import { mergeOffer } from '../../core/hunt/offer.js';
import { appendMove, marksOfOffers, readApplicationList } from '../../store/hunt/applications.js';
import { listCriteria } from '../../store/hunt/criteria.js';
import { readHunt, readStages } from '../../store/hunt/hunt.js';
import { activeOffers, deleteOfferRow, offerOf, putOfferRow } from '../../store/hunt/offers.js';
import type { AppContext } from '../context.js';
import { applicationDetail, requireApplication } from './detail.js';
import { applicationSummaryJson, criterionJson, fitCriteria, marksJson, offerJson } from './hunt-json.js';
import { huntTimeZone } from './zone.js';

/**
 * Records the whole offer, replacing the one before. A new offer on an open application whose stage comes before the
 * offer stage moves it there, as a stage event in the same transaction; the answer gives that event (null: it stayed).
 */
export async function putOffer(ctx: AppContext, applicationId: number, body: OfferPutJson): Promise<OfferPutResultJson> {
  offerColumns(body);
  return recordOffer(ctx, applicationId, () => body);
}

/**
 * Changes the fields given of the offer, keeping the rest (core/hunt/offer.ts#mergeOffer), or records a first one from
 * them; as putOffer otherwise. The offer before is read in the transaction that writes the new one.
 */
export async function patchOffer(ctx: AppContext, applicationId: number, change: OfferPatchJson): Promise<OfferPutResultJson> {
  return recordOffer(ctx, applicationId, (before) => mergeOffer(before, change));
}

/** The offer's columns, each checked and refused naming its field. */
function offerColumns(body: OfferPutJson) {
  const equity = body.equity ?? null;
  if (equity !== null && typeof equity !== 'object') throw new InvalidInputError('equity: give an amount and its vesting, or null');
  return {
    currency: checkCurrency(body.currency, 'currency'),
    period: checkChoice(PAY_PERIODS, body.period, 'period'),
    base: checkMoney(body.base, 'base'),
    bonus: body.bonus == null ? null : checkMoney(body.bonus, 'bonus'),
    equity_amount: equity === null ? null : checkMoney(equity.amount, 'equity.amount'),
    equity_vesting: equity === null ? null : checkText(equity.vesting, 'equity.vesting').trim(),
    sign_on: body.signOn == null ? null : checkMoney(body.signOn, 'signOn'),
    perks: checkText(body.perks ?? '', 'perks'),
    remote: body.remote == null ? null : checkRemote(body.remote),
    start_on: checkOptionalDate(body.startOn ?? null, 'startOn'),
    deadline_on: checkOptionalDate(body.deadlineOn ?? null, 'deadlineOn'),
    notes: checkText(body.notes ?? '', 'notes'),
  };
}

async function recordOffer(
  ctx: AppContext,
  applicationId: number,
  offerFrom: (before: OfferJson | null) => OfferPutJson,
): Promise<OfferPutResultJson> {
  let notices: string[] = [];
  const movedId = await ctx.store.transaction(async (trx) => {
    const row = await requireApplication(trx, applicationId);
    const now = ctx.now();
    const before = await offerOf(trx, applicationId);
    const values = offerColumns(offerFrom(before && offerJson(before)));
    // A deadline set to a day already past is kept (a decision made late is still recorded), and said.
    const deadline = values.deadline_on;
    if (deadline !== null && deadline !== before?.deadline_on) {
      const today = localDateOf(now, huntTimeZone((await readHunt(trx)).timeZone));
      if (deadline < today) notices = [`the deadline ${deadline} is already past (today is ${today})`];
    }
    await putOfferRow(trx, applicationId, { ...values, updated_at: now });
    const to = stageOnOffer(await readStages(trx), { stage: row.stage, hadOffer: before !== null });
    if (to === null) return null;
    const eventId = await appendMove(trx, applicationId, { from: row.stage, to, at: now, note: OFFER_MOVE_NOTE }, now);
    if (eventId === null) throw new ConflictError('the application moved meanwhile: record the offer again');
    return eventId;
  });
  const detail = await applicationDetail(ctx.store.db, applicationId, notices);
  return { ...detail, moved: detail.history.find((e) => e.id === movedId) ?? null };
}

export async function deleteOffer(ctx: AppContext, applicationId: number): Promise<ApplicationDetailJson> {
  await ctx.store.transaction(async (trx) => {
    await requireApplication(trx, applicationId);
    await deleteOfferRow(trx, applicationId);
  });
  return applicationDetail(ctx.store.db, applicationId);
}

/** Every active application with an offer, with its fit and marks on the active criteria and its base per year. */
export async function compareOffers(ctx: AppContext): Promise<OfferComparisonJson> {
  const db = ctx.store.db;
  const criteria = (await listCriteria(db)).filter((c) => c.archivedAt === null);
  const offers = await activeOffers(db);
  const list = await readApplicationList(db, {});
  const fit = fitCriteria(criteria);
  const offerMarks = await marksOfOffers(db);
  return {
    criteria: criteria.map(criterionJson),
    offers: offers.flatMap((offer) => {
      const row = list.applications.find((a) => a.id === offer.application_id);
      if (!row) return [];
      const markRows = offerMarks.filter((m) => m.application_id === row.id);
      const marks = new Map<number, MarkValue>(markRows.map((m) => [m.criterion_id, m.value]));
      return [
        {
          application: applicationSummaryJson(row, fit, marks, list.nextFollowUps.get(row.id), true),
          offer: offerJson(offer),
          marks: marksJson(criteria, markRows),
          yearlyBase: yearlyAmount(offer.base, offer.period),
        },
      ];
    }),
  };
}
