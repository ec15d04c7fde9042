// The plan to an interview date: the lead line of today's work (and how far behind one is), Start, today's list, the
// days to the last target as a calendar, each target's readiness on the day under three strategies (a prediction of
// the memory model, its parameters named) with its curve, and the availability and time costs the plan is made from.
import { useQuery } from '@tanstack/react-query';
import type { PlanJson } from '../../../src/contract/plan.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { PageSkeleton } from '../components/Skeletons.js';
import { useSectionChoices } from '../interviews/useSections.js';
import { errorMessage } from '../lib/api.js';
import { planApi, planCalendarHref } from '../lib/planApi.js';
import { plural } from '../lib/plural.js';
import { Link } from '../lib/router.js';
import { formatDate } from '../lib/dates.js';
import { minutes, percent, planReviewHref } from '../plan/format.js';
import { CostsLine } from '../plan/CostsLine.js';
import { PlanCalendar } from '../plan/PlanCalendar.js';
import { PlanItems } from '../plan/PlanItems.js';
import { ReadinessCard } from '../plan/ReadinessCard.js';
import { SettingsCards } from '../plan/SettingsCards.js';
import { TargetsCard } from '../plan/TargetsCard.js';
import { planWritesKey } from '../queries/keys.js';
import { useLive } from '../queries/live.js';
import { planQuery, usePlanWrite } from '../queries/plan.js';
import '../hunt/hunt.css';
import '../interviews/interviews.css';
import '../plan/plan.css';

/** The plan follows answers given elsewhere (the terminal, another tab) without a reload. */
const PLAN_POLL_MS = 15_000;

export function PlanPage({ checklist }: { checklist: string }) {
  const plan = useQuery({ ...planQuery(checklist), ...useLive(planWritesKey(checklist), PLAN_POLL_MS) });
  const sections = useSectionChoices(checklist);
  const data = plan.data;
  if (plan.error && !data) return <ErrorLine>{errorMessage(plan.error)}</ErrorLine>;
  if (!data) return <PageSkeleton className="plan-page" label="Loading the plan" cards={[120, 320, 260]} />;
  const hasTarget = data.targets.length > 0;
  return (
    <div className="page plan-page">
      <PlanHeader plan={data} checklist={checklist} />
      {/* No target yet: nothing on the left, so the first target's form takes the page's width (the same tree either
          way, so that adding the first target keeps what the settings' forms hold). */}
      <div className={hasTarget ? 'plan-layout' : 'plan-layout plan-layout-start'}>
        <div className="plan-main">
          {hasTarget && <TodayCard plan={data} checklist={checklist} />}
          {hasTarget && (
            <section className="card plan-calendar-card" aria-labelledby="calendar-heading">
              <h2 id="calendar-heading">Calendar</h2>
              <PlanCalendar plan={data} checklist={checklist} />
            </section>
          )}
          <ReadinessCard plan={data} />
        </div>
        <div className="plan-side">
          <TargetsCard plan={data} checklist={checklist} sections={sections} />
          <SettingsCards checklist={checklist} sections={sections} />
        </div>
      </div>
    </div>
  );
}

function PlanHeader({ plan, checklist }: { plan: PlanJson; checklist: string }) {
  const replan = usePlanWrite(checklist);
  const left = plan.today?.items.filter((i) => !i.done).length ?? 0;
  const hasTarget = plan.targets.length > 0;
  return (
    <header className="plan-header">
      <div className="page-header">
        <h1>Plan</h1>
        <p className="plan-summary">{plan.summary}</p>
        {plan.behind && <BehindLine behind={plan.behind} />}
      </div>
      {hasTarget && (
        <div className="actions plan-actions">
          {left > 0 ? (
            <Link className="button button-primary plan-start" to={planReviewHref(checklist)}>
              Start · {plural(left, 'item')}
            </Link>
          ) : (
            plan.today &&
            plan.today.items.length > 0 && (
              <span className="plan-done-today" role="status">
                ✓ Today’s list is done
              </span>
            )
          )}
          <button type="button" className="button" disabled={replan.pending} onClick={() => void replan.run(() => planApi.replan(checklist))}>
            {replan.pending ? 'Making the list…' : 'Make today’s list again'}
          </button>
          <a className="button" href={planCalendarHref(checklist)} download="prepdeck-plan.ics">
            Add to calendar
          </a>
        </div>
      )}
      <ErrorLine>{replan.error}</ErrorLine>
    </header>
  );
}

/** "Behind by 35 minutes since Mon, 7 Dec; readiness on the day 71 % -> 66 %" (per target when several). */
function BehindLine({ behind }: { behind: NonNullable<PlanJson['behind']> }) {
  const moves = behind.readiness.map((r) => `${behind.readiness.length > 1 ? `${r.label}: ` : ''}${percent(r.before)} → ${percent(r.now)}`);
  return (
    <p className="plan-behind" role="status">
      Behind by {plural(Math.round(behind.minutes), 'minute')} since {formatDate(behind.since, { weekday: true })}
      {moves.length > 0 && <>; readiness on the day {moves.join(', ')}</>}
    </p>
  );
}

function TodayCard({ plan, checklist }: { plan: PlanJson; checklist: string }) {
  const today = plan.today;
  const items = today?.items ?? [];
  const done = items.filter((i) => i.done).length;
  return (
    <section className="card plan-today" aria-labelledby="today-heading">
      <div className="card-title-row">
        <h2 id="today-heading">Today’s list</h2>
        {today && items.length > 0 && (
          <span className="muted">
            {done} of {items.length} done · {minutes(today.minutesPlanned)} planned
            {today.minutesDone > 0 && `, ${minutes(today.minutesDone)} studied`}
          </span>
        )}
      </div>
      {items.length === 0 ? (
        <p className="muted">
          {today?.minutesAvailable !== 0
            ? 'Nothing planned for today.'
            : today.noStudy === 'weekday'
              ? 'No study today: a rest day in your availability.'
              : 'No study today: a day off in your availability.'}
        </p>
      ) : (
        <PlanItems items={items} checklist={checklist} label="Today’s items" />
      )}
      <CostsLine plan={plan} />
    </section>
  );
}
