// A checklist's review statistics: the heatmap, the due forecast, true retention and predicted recall per section.
import type { ReviewStatsJson } from '../../contract/review.js';
import type { Checklist, Section } from '../../core/checklist/model.js';
import { computeReviewStats, statsWindows, type StudyCalendar } from '../../core/review/stats.js';
import { dueCounts, ratingCounts, reviewCounts, reviewedCards, unreviewedCounts } from '../../store/review/stats.js';
import { sectionsOf } from '../../store/topics/topics.js';
import type { AppContext } from '../context.js';
import { checklistFor } from './review-checklist.js';
import { reviewRules } from './settings.js';

/** The named checklist's statistics (or the only checklist's), days counted in its own time zone. */
export async function reviewStats(ctx: AppContext, checklistName?: string): Promise<ReviewStatsJson> {
  return reviewStatsOf(ctx, await checklistFor(ctx, checklistName));
}

/** The statistics of a checklist already found; `sections` saves reading them again when the caller has them. */
export async function reviewStatsOf(ctx: AppContext, checklist: Checklist, sections?: Section[]): Promise<ReviewStatsJson> {
  const db = ctx.store.db;
  const rules = await reviewRules(ctx, checklist);
  const calendar: StudyCalendar = { timeZone: rules.timeZone, dayStartsAt: rules.settings.dayStartsAt };
  const windows = statsWindows(rules.today, calendar);
  const due = await dueCounts(db, checklist.id, windows.forecast);
  return computeReviewStats({
    checklist: checklist.name,
    now: ctx.now(),
    scheduler: rules.scheduler,
    windows,
    reviewCounts: await reviewCounts(db, checklist.id, windows.heatmap),
    dueCounts: due.perRange,
    overdue: due.overdue,
    ratings: await ratingCounts(db, checklist.id, windows.retentionSince),
    sections: sections ?? (await sectionsOf(db, [checklist.id])),
    unreviewed: await unreviewedCounts(db, checklist.id),
    reviewed: await reviewedCards(db, checklist.id),
  });
}
