// The funnel: applications per stage over time and the conversion between stages, from the stage events.
import type { FunnelJson } from '../../contract/hunt.js';
import { funnelOfHistories } from '../../core/hunt/funnel.js';
import { stageHistories } from '../../store/hunt/applications.js';
import { readHunt } from '../../store/hunt/hunt.js';
import type { AppContext } from '../context.js';
import { huntTimeZone, todayIn } from './zone.js';

export async function funnel(ctx: AppContext): Promise<FunnelJson> {
  // Independent reads: a PostgreSQL pool answers them side by side.
  const [hunt, histories] = await Promise.all([readHunt(ctx.store.db), stageHistories(ctx.store.db)]);
  const timeZone = huntTimeZone(hunt.timeZone);
  return funnelOfHistories(
    hunt.stages.map((stage) => stage.key),
    histories,
    todayIn(ctx, timeZone),
    timeZone,
  );
}
