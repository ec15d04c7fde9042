// Reviewing with spaced repetition, keyboard first as in Anki: Space or Enter shows the answer, 1-4 rate it,
// u takes back the last rating, q goes back to the dashboard (every rating is saved as it is given).
// Scoped to a section with ?section=, the section's path; with ?plan=1, today's planned items in the plan's order.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useEffectEvent, useMemo, useState, type ChangeEvent } from 'react';
import type { ReviewQueueJson } from '../../../src/contract/review.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { ReviewCard } from '../components/ReviewCard.js';
import { ReviewSettingsPanel } from '../components/ReviewSettings.js';
import { plural } from '../lib/plural.js';
import { formatWhen, isBrowserZone } from '../lib/dates.js';
import { formatDuration, queueKind, RATING_LABEL, sectionOptions, totalRemaining, type QueueKind, type Rating } from '../lib/review.js';
import { hrefFor, Link, navigate, useLocation } from '../lib/router.js';
import { useReviewSession, type Answered, type ReviewSession } from '../lib/useReviewSession.js';
import { dashboardQuery } from '../queries/checklists.js';
import { dueCountQuery } from '../queries/review.js';

export function ReviewPage({ checklist }: { checklist: string }) {
  const location = useLocation();
  const section = location.searchParams.get('section') || null;
  // Topic ids (`?topics=12,40`): the worst gaps the Gaps page sends to study now.
  const topics = location.searchParams.get('topics') || null;
  // Today's list of the plan to an interview date (the Plan page's Start).
  const plan = ['1', 'true'].includes(location.searchParams.get('plan') ?? '');
  // The same query as the dashboard's, so coming from there the sections are known at once.
  const dashboard = useQuery(dashboardQuery(checklist));
  const options = useMemo(() => (dashboard.data ? sectionOptions(dashboard.data.sections) : []), [dashboard.data]);
  const [settingsOpen, setSettingsOpen] = useState(false);
  useFocusLeavesHeader();

  const changeSection = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value;
    // Back to the page: Space and the digits are for the cards, not for this list.
    event.target.blur();
    const base = hrefFor('/review', checklist);
    navigate(value ? `${base}&section=${encodeURIComponent(value)}` : base, { replace: true });
  };

  return (
    <div className="page review-page">
      <header className="review-header">
        <div className="page-header">
          <h1>{plan ? 'Today’s plan' : 'Review'}</h1>
          <p className="page-subtitle">{dashboard.data ? dashboard.data.title || dashboard.data.name : checklist}</p>
        </div>
        {!plan && (
          <label className="field review-section">
            <span className="field-label">Section</span>
            <select value={section ?? ''} onChange={changeSection} aria-label="Section">
              <option value="">All sections</option>
              {section !== null && !options.some((o) => o.value === section) && <option value={section}>{section}</option>}
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      {plan && (
        <p className="notice review-scope">
          Studying today’s planned items, in the plan’s order · <Link to={hrefFor('/plan', checklist)}>the plan</Link> ·{' '}
          <Link to={hrefFor('/review', checklist)}>all cards</Link>
        </p>
      )}
      {topics !== null && (
        <p className="notice review-scope">
          Studying the {topics.split(',').length} topics from <Link to={hrefFor('/gaps', checklist)}>Gaps</Link> ·{' '}
          <Link to={hrefFor('/review', checklist)}>all cards</Link>
        </p>
      )}
      <ReviewSessionView
        key={`${checklist}\n${section ?? ''}\n${topics ?? ''}\n${plan}`}
        checklist={checklist}
        section={section}
        topics={topics}
        plan={plan}
      />
      <details className="card review-settings-box" onToggle={(e) => setSettingsOpen(e.currentTarget.open)}>
        <summary>
          <h2>Settings and optimizer</h2>
        </summary>
        {settingsOpen && <ReviewSettingsPanel checklist={checklist} />}
      </details>
    </div>
  );
}

interface SessionProps {
  checklist: string;
  section: string | null;
  topics: string | null;
  plan: boolean;
}

function ReviewSessionView({ checklist, section, topics, plan }: SessionProps) {
  const session = useReviewSession(checklist, section, topics, plan);
  const queryClient = useQueryClient();
  // Today's plan goes back to the plan it came from.
  const quit = useCallback(() => navigate(hrefFor(plan ? '/plan' : '/', checklist)), [checklist, plan]);
  useReviewKeys(session, quit);

  const total = session.remaining ? totalRemaining(session.remaining) : null;
  useEffect(() => {
    // The badge says what the page counts, at once. A section's counts are only part of the checklist's: scoped,
    // the badge asks the server once the answers are saved (they invalidate it).
    if (total !== null && section === null && topics === null && !plan) queryClient.setQueryData(dueCountQuery(checklist).queryKey, total);
  }, [queryClient, checklist, section, topics, plan, total]);

  const { current, queue } = session;
  if (session.unknownSection !== null) return <UnknownSection section={session.unknownSection} checklist={checklist} />;
  // Nothing loaded and nothing loading: the error says why, and there is no card to wait for.
  const loadFailed = !queue && !session.busy && session.error !== null;
  return (
    <>
      <div className="review-status">
        {session.remaining ? (
          <Counts remaining={session.remaining} kind={current ? queueKind(current.card) : null} />
        ) : (
          !loadFailed && <span className="skeleton skeleton-line" />
        )}
        <div className="review-session">
          <span className="muted review-session-count">
            {session.answered.length > 0 && `${plural(session.answered.length, 'card')} reviewed this session`}
          </span>
          <button
            type="button"
            className="button button-small review-undo"
            disabled={!session.canUndo}
            title={session.canUndo ? 'Take back the last rating (u)' : 'Nothing rated in this session yet'}
            onClick={(event) => {
              // Back to the page, so that Space shows the answer again rather than pressing Undo.
              event.currentTarget.blur();
              session.undo();
            }}
          >
            ↶ Undo <kbd>u</kbd>
          </button>
        </div>
      </div>
      <p className="review-feedback" role="status">
        {session.feedback}
      </p>
      <ErrorLine>{session.error}</ErrorLine>
      {session.notice && (
        <p className="notice review-notice" role="status">
          {session.notice}
        </p>
      )}
      {loadFailed ? (
        <div className="actions">
          <button type="button" className="button" onClick={session.retry}>
            Try again
          </button>
        </div>
      ) : current ? (
        <ReviewCard key={session.shown} item={current} revealed={session.revealed} onReveal={session.reveal} onRate={session.rate} />
      ) : !queue || session.busy ? (
        <div className="card skeleton-card review-card-skeleton" aria-busy="true" aria-label="Loading the next card" />
      ) : (
        <Done queue={queue} section={section} plan={plan} answered={session.answered} checklist={checklist} />
      )}
      <p className="shortcuts muted review-keys">
        <kbd>Space</kbd>/<kbd>Enter</kbd> shows the answer · <kbd>1</kbd>–<kbd>4</kbd> rate · <kbd>u</kbd> undoes · <kbd>q</kbd> back to the{' '}
        {plan ? 'plan' : 'dashboard'}
      </p>
    </>
  );
}

/** `?section=` names no section of the checklist (a stale link, a typo): say so, and offer the whole checklist. */
function UnknownSection({ section, checklist }: { section: string; checklist: string }) {
  return (
    <section className="card review-unknown-section" aria-labelledby="unknown-section-heading">
      <h2 id="unknown-section-heading">No section of this checklist matches '{section}'.</h2>
      <p className="muted">Pick one from the Section list above, or review them all.</p>
      <div className="actions">
        <Link className="button button-primary" to={hrefFor('/review', checklist)}>
          Review the whole checklist
        </Link>
        <Link className="button" to={hrefFor('/', checklist)}>
          Back to the dashboard
        </Link>
      </div>
    </section>
  );
}

const COUNT_LABEL: Record<QueueKind, string> = { new: 'new', learning: 'learning', review: 'to review' };

function Counts({ remaining, kind }: { remaining: ReviewQueueJson['remaining']; kind: QueueKind | null }) {
  const kinds: QueueKind[] = ['new', 'learning', 'review'];
  return (
    <p className="review-counts">
      <span className="visually-hidden">Left today: </span>
      {kinds.map((k, i) => (
        <span key={k}>
          {i > 0 && <span className="review-counts-dot"> · </span>}
          <span className={`review-count count-${k}`} aria-current={k === kind ? 'true' : undefined}>
            <span className="review-count-number" data-count={k}>
              {remaining[k]}
            </span>{' '}
            <span className="review-count-label">{COUNT_LABEL[k]}</span>
          </span>
        </span>
      ))}
    </p>
  );
}

interface DoneProps {
  queue: ReviewQueueJson;
  section: string | null;
  plan: boolean;
  answered: Answered[];
  checklist: string;
}

function Done({ queue, section, plan, answered, checklist }: DoneProps) {
  const byRating = ([1, 2, 3, 4] as Rating[]).map((r) => ({ rating: r, count: answered.filter((a) => a.rating === r).length }));
  const time = answered.reduce((sum, a) => sum + a.durationMs, 0);
  // The plan's own line says why nothing of it is left (its list studied, a day off, no target yet) and when next:
  // the daily limits and due dates say nothing about it.
  const why = plan
    ? { lines: [queue.planSummary ?? 'Every item planned for today is studied: tomorrow’s list is made from how these went.'], limited: false }
    : doneReasons(queue, section !== null);
  const heading = plan
    ? answered.length > 0
      ? 'Today’s plan is done'
      : 'Nothing of the plan to study now'
    : section
      ? 'All done in this section for today'
      : 'All done for today';
  return (
    <section className="card review-done" aria-labelledby="done-heading">
      <h2 id="done-heading">{heading}</h2>
      <ul className="review-done-why">
        {why.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {answered.length > 0 ? (
        <div className="session-summary" aria-label="This session">
          <p>
            <strong>{plural(answered.length, 'card')}</strong> this session · {formatDuration(time)} answering,{' '}
            {formatDuration(time / answered.length)} a card
          </p>
          <ul className="rating-summary">
            {byRating.map(({ rating, count }) => (
              <li key={rating} className={`rating-${rating}`}>
                <span className="rating-summary-count">{count}</span> {RATING_LABEL[rating].toLowerCase()}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        !plan && <p className="muted">Nothing is due{section ? ' in this section' : ''} right now.</p>
      )}
      {why.limited && <p className="muted">The daily limits are in the settings below.</p>}
      <div className="actions">
        {plan && (
          <Link className="button button-primary" to={hrefFor('/plan', checklist)}>
            Back to the plan
          </Link>
        )}
        <Link className={plan ? 'button' : 'button button-primary'} to={hrefFor('/', checklist)}>
          Back to the dashboard
        </Link>
        {section && (
          <Link className="button" to={hrefFor('/review', checklist)}>
            Review every section
          </Link>
        )}
      </div>
    </section>
  );
}

/**
 * Why nothing is left, in plain lines: a daily limit reached (counted over the whole checklist, which may be
 * past the limit when it was lowered during the day), then when the next card comes due.
 */
export function doneReasons(queue: ReviewQueueJson, scoped = false): { lines: string[]; limited: boolean } {
  const { doneToday, limits, nextDueAt, timeZone } = queue;
  const lines: string[] = [];
  const newLimited = doneToday.new >= limits.newPerDay;
  const reviewLimited = doneToday.review >= limits.reviewsPerDay;
  if (limits.newPerDay === 0) lines.push('New cards: none a day in the settings.');
  else if (newLimited) lines.push(`New cards: ${doneToday.new} of ${limits.newPerDay} a day introduced — more tomorrow.`);
  else if (doneToday.new > 0) lines.push(`New cards: ${doneToday.new} introduced today; none left ${scoped ? 'in this section' : 'to introduce'}.`);
  if (limits.reviewsPerDay === 0) lines.push('Reviews of learnt cards: none a day in the settings.');
  else if (reviewLimited) lines.push(`Reviews of learnt cards: ${doneToday.review} of ${limits.reviewsPerDay} a day done — the rest tomorrow.`);
  else if (doneToday.review > 0) lines.push(`Reviews of learnt cards: ${doneToday.review} done today.`);
  // On the checklist's clock, as the study day is; named when this browser's differs.
  const when = nextDueAt && `${formatWhen(nextDueAt, { zone: timeZone })}${isBrowserZone(timeZone) ? '' : ` (${timeZone})`}`;
  lines.push(when ? `Next card due ${when}.` : newLimited ? 'No review is scheduled yet.' : 'No card is scheduled.');
  return { lines, limited: (newLimited && limits.newPerDay > 0) || (reviewLimited && limits.reviewsPerDay > 0) };
}

/** Come from the navigation, the focus stays on its link, which would take Space and Enter: move it to the page. */
function useFocusLeavesHeader(): void {
  useEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest('.app-header')) document.getElementById('main')?.focus({ preventScroll: true });
  }, []);
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** A focused control answers Space and Enter itself. */
function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (['BUTTON', 'A', 'SUMMARY'].includes(target.tagName) || target.getAttribute('role') === 'button');
}

function useReviewKeys(session: ReviewSession, quit: () => void): void {
  // An effect event: it sees the session as last rendered, and the listener need not be added again for it.
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
    const key = event.key;
    if (key === ' ' || key === 'Enter') {
      if (isControl(event.target) || !session.current || session.revealed) return;
      event.preventDefault();
      if (!event.repeat) session.reveal();
    } else if (/^[1-4]$/.test(key)) {
      if (!session.current || !session.revealed) return;
      event.preventDefault();
      if (!event.repeat) session.rate(Number(key) as Rating);
    } else if (key === 'u' || key === 'U') {
      event.preventDefault();
      if (!event.repeat) session.undo();
    } else if (key === 'q' || key === 'Q') {
      event.preventDefault();
      quit();
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
