// Personal FSRS parameters: fit them to a checklist's own review log with the FSRS optimizer (fsrs-rs, through
// @open-spaced-repetition/binding), compare how well the defaults and the fitted ones predict that log, and save them
// into the checklist's review settings when asked. The binding (native code) is loaded only here, when it runs.
import { default_w } from 'ts-fsrs';
import type { OptimizeJson } from '../../contract/review.js';
import { PrepdeckError } from '../../core/errors.js';
import { MIN_TRAINING_ITEMS, trainingItems, type TrainingItem, type TrainingSet } from '../../core/review/optimizer-items.js';
import { checklistReviewLog } from '../../store/review/log.js';
import type { AppContext } from '../context.js';
import { checklistFor } from './review-checklist.js';
import { reviewRules, updateReviewSettings } from './settings.js';

/** The optimizer could not be loaded, or failed on the log. */
class OptimizerError extends PrepdeckError {
  override name = 'OptimizerError';
}

type Binding = typeof import('@open-spaced-repetition/binding');

let binding: Promise<Binding> | undefined;

function loadBinding(): Promise<Binding> {
  binding ??= import('@open-spaced-repetition/binding').catch((error: unknown) => {
    binding = undefined;
    throw new OptimizerError(`the FSRS optimizer could not be loaded on this machine (${oneLine(error)})`);
  });
  return binding;
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}

/** Parameters as ts-fsrs writes its defaults: 4 decimals, not the optimizer's float32 noise. */
function rounded(parameters: readonly number[]): number[] {
  return parameters.map((w) => Math.round(w * 10000) / 10000);
}

/** The optimizer fitted more than the four initial stabilities: otherwise it had too little it could use. */
function fullyFitted(parameters: readonly number[]): boolean {
  return parameters.length === default_w.length && parameters.slice(4).some((w, i) => Math.abs(w - default_w[i + 4]!) > 1e-4);
}

export interface Metrics {
  logLoss: number;
  rmse: number;
}

function metrics(evaluation: { logLoss: number; rmseBins: number }): Metrics {
  return { logLoss: Math.round(evaluation.logLoss * 10000) / 10000, rmse: Math.round(evaluation.rmseBins * 10000) / 10000 };
}

function notEnoughMessage(set: TrainingSet, needed: number): string {
  const setAside = set.items.length - set.usable;
  // Reviews of first intervals the optimizer sets aside may keep being set aside: then the count is a lower bound.
  return (
    `${setAside > 0 ? 'at least ' : ''}${plural(needed, 'more review')} (a day or more apart) ${needed === 1 ? 'is' : 'are'} needed: ` +
    `fitting takes ${MIN_TRAINING_ITEMS} reviews of cards last seen a day or more before, and ` +
    // Before the first review, "0 of the 0 reviews so far are" reads like a sentence cut short.
    (set.reviews === 0
      ? 'there are no reviews yet'
      : `${set.usable} of the ${plural(set.reviews, 'review')} so far ${set.usable === 1 ? 'is one' : 'are such'}`) +
    (setAside > 0 ? ` (the optimizer sets aside ${setAside} whose first interval too few cards share)` : '')
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}

const percent = (rmse: number) => `${(rmse * 100).toFixed(1)}%`;

/**
 * Fits FSRS parameters to the checklist's review log when it holds enough to fit them all (see
 * core/review/optimizer-items.ts#MIN_TRAINING_ITEMS); otherwise says how many more reviews it takes. With `apply`, saves
 * them into the checklist's review settings, unless they predict the log no better than the defaults.
 */
export async function optimizeChecklist(ctx: AppContext, checklistName: string | undefined, options: { apply: boolean }): Promise<OptimizeJson> {
  const checklist = await checklistFor(ctx, checklistName);
  const rules = await reviewRules(ctx, checklist);
  const log = await checklistReviewLog(ctx.store.db, checklist.id);
  const set = trainingItems(log, rules.timeZone, rules.settings.dayStartsAt);
  const notEnough = (needed: number, message = notEnoughMessage(set, needed)): OptimizeJson => ({
    checklist: checklist.name,
    reviews: set.reviews,
    trainingItems: set.usable,
    enough: false,
    needed,
    defaultMetrics: null,
    fittedMetrics: null,
    parameters: null,
    applied: false,
    message,
  });
  // Our count of what the optimizer keeps said enough, but it fitted less: say so rather than guess a number.
  const optimizerDisagrees = () =>
    notEnough(
      Math.max(1, set.needed),
      `the optimizer could fit no more than the initial stabilities to the ${set.usable} reviews of ${set.reviews} it should use: more reviews (a day or more apart) are needed`,
    );
  if (!set.enough) return notEnough(set.needed);

  const fsrs = await loadBinding();
  const items = set.items.map(
    (item: TrainingItem) => new fsrs.FSRSBindingItem(item.reviews.map((r) => new fsrs.FSRSBindingReview(r.rating, r.deltaT))),
  );
  let parameters: number[];
  let defaults: Metrics;
  let fitted: Metrics;
  try {
    parameters = rounded(
      await fsrs.computeParameters(items, {
        // ts-fsrs schedules same-day (learning-step) reviews with FSRS-6's short-term terms, so fit them too.
        enableShortTerm: true,
        numRelearningSteps: rules.settings.relearningSteps.length,
        // How often the optimizer's progress thread wakes up; the call waits for its last sleep.
        timeout: 25,
      }),
    );
    if (!fullyFitted(parameters)) return optimizerDisagrees();
    defaults = metrics(new fsrs.FSRSBinding().evaluate(items));
    fitted = metrics(new fsrs.FSRSBinding(parameters).evaluate(items));
  } catch (error) {
    if (/NotEnoughData/.test(oneLine(error))) return optimizerDisagrees();
    throw new OptimizerError(`the FSRS optimizer failed on the review log of '${checklist.name}': ${oneLine(error)}`);
  }

  const better = fitted.logLoss <= defaults.logLoss;
  const applied = options.apply && better;
  if (applied) await updateReviewSettings(ctx, checklist.name, { parameters });
  const comparison =
    `fitted to ${plural(set.usable, 'review')} of ${set.reviews}: log loss ${defaults.logLoss.toFixed(4)} with the defaults, ` +
    `${fitted.logLoss.toFixed(4)} fitted; RMSE ${percent(defaults.rmse)}, ${percent(fitted.rmse)}`;
  const outcome = applied
    ? `saved: '${checklist.name}' is scheduled with them from now on`
    : !better
      ? `they predict this log no better than the defaults, so ${options.apply ? 'they were not saved' : 'keep the defaults'}`
      : 'not saved yet: apply them to use them';
  return {
    checklist: checklist.name,
    reviews: set.reviews,
    trainingItems: set.usable,
    enough: true,
    needed: 0,
    defaultMetrics: defaults,
    fittedMetrics: fitted,
    parameters,
    applied,
    message: `${comparison}; ${outcome}`,
  };
}
