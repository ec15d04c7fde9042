// The funnel: applications per stage over time and the conversion between stages, from the stage events.
import type { FunnelJson } from '../../contract/hunt.js';
import type { AppContext } from '../context.js';

export async function funnel(ctx: AppContext): Promise<FunnelJson> {
  throw new Error('not yet');
}
