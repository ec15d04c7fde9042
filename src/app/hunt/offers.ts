// An application's offer, and the offers side by side.
import type { ApplicationDetailJson, OfferComparisonJson, OfferPutJson } from '../../contract/hunt.js';
import type { AppContext } from '../context.js';

export async function putOffer(ctx: AppContext, applicationId: number, body: OfferPutJson): Promise<ApplicationDetailJson> {
  throw new Error('not yet');
}

export async function deleteOffer(ctx: AppContext, applicationId: number): Promise<ApplicationDetailJson> {
  throw new Error('not yet');
}

export async function compareOffers(ctx: AppContext): Promise<OfferComparisonJson> {
  throw new Error('not yet');
}
