// Changing part of an offer: what is not given is kept from the offer before, as `apps offer` and PATCH .../offer
// both have it, while PUT replaces the whole offer.
import type { OfferJson, OfferPatchJson, OfferPutJson } from '../../contract/hunt.js';
import { InvalidInputError } from '../errors.js';

/**
 * The whole offer a change makes of the one before (null: none yet): each field given replaces its value, null (or ''
 * for a text) drops it, the rest is kept; a first offer is paid per year unless said. Refused naming the field: a first
 * offer without its base or currency, a new currency or period without the base (the kept base would be another
 * amount), a vesting with no amount of equity to go with.
 */
export function mergeOffer(before: OfferJson | null, change: OfferPatchJson): OfferPutJson {
  if (before === null) {
    const missing = change.base === undefined ? 'base' : change.currency === undefined ? 'currency' : null;
    if (missing !== null)
      throw new InvalidInputError(`${missing}: a first offer needs a base and a currency; later changes keep what is not given again`);
  } else if (change.base === undefined) {
    const unit =
      change.period !== undefined && change.period !== before.period
        ? 'period'
        : change.currency !== undefined && change.currency !== before.currency
          ? 'currency'
          : null;
    if (unit !== null)
      throw new InvalidInputError(
        `${unit}: a new ${unit} changes what the base means (140,000 a year is not 140,000 a month): give the base with it`,
      );
  }
  const { equity: equityChange, ...rest } = change;
  const given = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as Partial<OfferPutJson>;
  const merged = { ...(before ?? { period: 'year' }), ...given } as OfferPutJson;
  if (equityChange === null) merged.equity = null;
  else if (equityChange !== undefined) {
    const amount = equityChange.amount ?? before?.equity?.amount;
    if (amount === undefined) throw new InvalidInputError('equity.amount: a vesting goes with an amount of equity; give the amount too');
    merged.equity = { amount, vesting: equityChange.vesting ?? before?.equity?.vesting ?? '' };
  }
  return merged;
}
