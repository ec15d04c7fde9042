import { describe, expect, it } from 'vitest';
import type { OfferJson } from '../../../src/contract/hunt.js';
import { mergeOffer } from '../../../src/core/hunt/offer.js';

const OFFER: OfferJson = {
  currency: 'EUR',
  period: 'year',
  base: 140_000,
  bonus: 10_000,
  equity: { amount: 20_000, vesting: '4 years, 1-year cliff' },
  signOn: null,
  perks: 'gym',
  remote: 'hybrid',
  startOn: null,
  deadlineOn: '2026-12-15',
  notes: '',
};

describe('changing part of an offer', () => {
  it('keeps what is not given, and drops a detail given as null or an empty text', () => {
    expect(mergeOffer(OFFER, { base: 150_000, bonus: null, perks: '' })).toEqual({ ...OFFER, base: 150_000, bonus: null, perks: '' });
    expect(mergeOffer(OFFER, { deadlineOn: '2026-12-20' })).toEqual({ ...OFFER, deadlineOn: '2026-12-20' });
  });

  it('records a first offer from its base and currency, paid per year unless said', () => {
    expect(mergeOffer(null, { base: 90_000, currency: 'USD' })).toEqual({ base: 90_000, currency: 'USD', period: 'year' });
    expect(mergeOffer(null, { base: 50, currency: 'USD', period: 'hour' })).toMatchObject({ period: 'hour' });
    expect(() => mergeOffer(null, { bonus: 5_000 })).toThrow(/^base: a first offer needs a base and a currency/);
    expect(() => mergeOffer(null, { base: 5_000 })).toThrow(/^currency: a first offer needs a base and a currency/);
  });

  it('refuses a new period or currency without the base, which would be another amount under it', () => {
    expect(() => mergeOffer(OFFER, { period: 'month' })).toThrow(/^period: a new period changes what the base means/);
    expect(() => mergeOffer(OFFER, { currency: 'USD' })).toThrow(/^currency: a new currency changes what the base means/);
    // The same unit again is no change; with the base it is a new amount.
    expect(mergeOffer(OFFER, { period: 'year', currency: 'EUR' })).toEqual(OFFER);
    expect(mergeOffer(OFFER, { base: 12_000, period: 'month' })).toMatchObject({ base: 12_000, period: 'month' });
  });

  it("changes the equity's amount or vesting alone, keeping the other; a vesting needs an amount", () => {
    expect(mergeOffer(OFFER, { equity: { amount: 30_000 } }).equity).toEqual({ amount: 30_000, vesting: '4 years, 1-year cliff' });
    expect(mergeOffer(OFFER, { equity: { vesting: '3 years' } }).equity).toEqual({ amount: 20_000, vesting: '3 years' });
    expect(mergeOffer(OFFER, { equity: null }).equity).toBeNull();
    expect(() => mergeOffer({ ...OFFER, equity: null }, { equity: { vesting: '4 years' } })).toThrow(/^equity\.amount: /);
  });
});
