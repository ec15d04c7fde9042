// The funnel: applications per stage over time and the conversion between stages, from the stage events.
import type { FunnelJson } from '../../contract/hunt.js';
import { funnelOf } from '../../core/hunt/funnel.js';
import { allStageEvents } from '../../store/hunt/applications.js';
import { readHunt } from '../../store/hunt/hunt.js';
import type { AppContext } from '../context.js';
import { huntTimeZone, todayIn } from './zone.js';

export async function funnel(ctx: AppContext): Promise<FunnelJson> {
  const hunt = await readHunt(ctx.store.db);
  const timeZone = huntTimeZone(hunt.timeZone);
  const events = await allStageEvents(ctx.store.db);
  return funnelOf(
    hunt.stages.map((stage) => stage.key),
    events,
    todayIn(ctx, timeZone),
    timeZone,
  );
}
