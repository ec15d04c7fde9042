// An application's offer, and the offers side by side against the criteria.
import type { ApplicationDetailJson, MarkValue, OfferComparisonJson, OfferPutJson } from '../../contract/hunt.js';
import { PAY_PERIODS } from '../../contract/vocabulary.js';
import { InvalidInputError } from '../../core/errors.js';
import { checkChoice, checkCurrency, checkMoney, checkOptionalDate, checkRemote, checkText } from '../../core/hunt/fields.js';
import { yearlyAmount } from '../../core/hunt/money.js';
import { marksOfOffers, readApplicationList } from '../../store/hunt/applications.js';
import { listCriteria } from '../../store/hunt/criteria.js';
import { activeOffers, deleteOfferRow, putOfferRow } from '../../store/hunt/offers.js';
import type { AppContext } from '../context.js';
import { applicationDetail, requireApplication } from './detail.js';
import { applicationSummaryJson, criterionJson, fitCriteria, marksJson, offerJson } from './hunt-json.js';

/** Records the whole offer, replacing the one before. */
export async function putOffer(ctx: AppContext, applicationId: number, body: OfferPutJson): Promise<ApplicationDetailJson> {
  const equity = body.equity ?? null;
  if (equity !== null && typeof equity !== 'object') throw new InvalidInputError('equity: give an amount and its vesting, or null');
  const values = {
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
  await ctx.store.transaction(async (trx) => {
    await requireApplication(trx, applicationId);
    await putOfferRow(trx, applicationId, { ...values, updated_at: ctx.now() });
  });
  return applicationDetail(ctx.store.db, applicationId);
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
