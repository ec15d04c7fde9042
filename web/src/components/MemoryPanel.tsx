// The dashboard's view of memory: true retention from the review log, predicted recall now, cards due over
// the next 30 days, and reviews per day.
import type { DayCountJson, ReviewStatsJson } from '../../../src/contract/review.js';
import { formatDate } from '../lib/dates.js';
import { plural } from '../lib/plural.js';
import { percent } from '../lib/review.js';
import { hrefFor, Link } from '../lib/router.js';
import { ActivityHeatmap } from './ActivityHeatmap.js';

export function MemoryCard({ stats, checklist, due }: { stats: ReviewStatsJson; checklist: string; due: number | null }) {
  const { trueRetention, overall } = stats;
  return (
    <section className="card memory-card" aria-labelledby="memory-heading">
      <div className="card-title-row">
        <h2 id="memory-heading">Memory</h2>
        <Link className="button button-primary" to={hrefFor('/review', checklist)}>
          Review{due !== null && due > 0 ? ` · ${due} due` : ''}
        </Link>
      </div>
      <div className="memory-figures">
        <div className="memory-figure" data-figure="retention">
          <p className="big-number">{percent(trueRetention.rate)}</p>
          <p className="muted">
            true retention ·{' '}
            {trueRetention.reviews > 0
              ? `${trueRetention.passed} of ${plural(trueRetention.reviews, 'review')} recalled in ${trueRetention.days} days`
              : `no reviews of learnt cards in ${trueRetention.days} days yet`}
          </p>
        </div>
        <div className="memory-figure" data-figure="recall">
          <p className="big-number">{percent(overall.retrievability)}</p>
          <p className="muted">
            predicted recall now · {overall.reviewed} of {plural(overall.cards, 'card')} reviewed
          </p>
        </div>
      </div>
      {overall.reviewed === 0 && (
        <p className="muted memory-empty">
          No card reviewed yet: <Link to={hrefFor('/review', checklist)}>start with today&rsquo;s cards</Link>; recall and retention appear after the
          first reviews.
        </p>
      )}
      <ForecastChart forecast={stats.forecast} />
    </section>
  );
}

export function ReviewsCard({ stats }: { stats: ReviewStatsJson }) {
  return (
    <section className="card" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Reviews</h2>
      <ActivityHeatmap
        activity={stats.reviewsByDay}
        unit="review"
        today={stats.forecast[0]!.date}
        whenEmpty="No reviews yet: each day you review shows here."
      />
    </section>
  );
}

/** Cards already studied coming due on each of the next 30 days, as bars; today's include the overdue ones. New cards are left out, and it says so. */
function ForecastChart({ forecast }: { forecast: DayCountJson[] }) {
  const max = Math.max(1, ...forecast.map((d) => d.count));
  const total = forecast.reduce((sum, d) => sum + d.count, 0);
  const today = forecast[0]?.count ?? 0;
  const week = forecast.slice(0, 7).reduce((sum, d) => sum + d.count, 0);
  // The forecast's first day is today's study date.
  const first = forecast[0]?.date;
  return (
    <figure className="forecast">
      <figcaption className="forecast-caption">
        <span className="forecast-title">Reviews due in the next {forecast.length} days</span>
        <span className="muted">
          {today} today · {week} this week · {total} in all · new cards not counted (they come at your new-per-day pace)
        </span>
      </figcaption>
      <div
        className="forecast-bars"
        role="img"
        aria-label={`${plural(total, 'card')} due in the next ${forecast.length} days: ${today} today, ${week} in the next 7 days`}
      >
        {forecast.map((d, i) => (
          <span
            key={d.date}
            className={`forecast-day${i === 0 ? ' forecast-today' : ''}`}
            title={`${plural(d.count, 'card')} due ${i === 0 ? 'today' : `on ${formatDate(d.date, { today: first, weekday: true })}`}`}
          >
            <span className="forecast-bar" style={{ height: `${d.count === 0 ? 0 : Math.max(4, (d.count / max) * 100)}%` }} />
          </span>
        ))}
      </div>
      <div className="forecast-axis" aria-hidden="true">
        {forecast.map((d, i) => (
          <span key={d.date}>{i === 0 ? 'today' : i % 7 === 0 && i <= forecast.length - 7 ? formatDate(d.date, { today: first }) : ''}</span>
        ))}
      </div>
    </figure>
  );
}
