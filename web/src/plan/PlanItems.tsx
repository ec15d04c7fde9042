// A day's items in the order to study them: ticked when done, the topic (or question) with its section, new or
// review, the time it takes, and why the plan put it there.
import type { PlanItemJson } from '../../../src/contract/plan.js';
import { hrefFor, Link } from '../lib/router.js';
import { plainTitle } from '../interviews/format.js';

/** 20 -> "20 min", 1 -> "1 min", 0.33 -> "20 s": a Q&A review takes seconds. */
function itemTime(minutes: number): string {
  return minutes < 1 ? `${Math.max(1, Math.round(minutes * 60))} s` : `${Math.round(minutes)} min`;
}

export function PlanItems({ items, checklist, label }: { items: PlanItemJson[]; checklist: string; label: string }) {
  return (
    <ol className="plan-items" aria-label={label}>
      {items.map((item) => (
        <li key={item.cardId} className={`plan-item${item.done ? ' plan-item-done' : ''}`} data-card-id={item.cardId}>
          <span className="plan-tick" aria-hidden="true">
            {item.done ? '✓' : ''}
          </span>
          <div className="plan-item-body">
            <div className="plan-item-head">
              {item.topicId !== null ? (
                <Link to={hrefFor(`/topics/${item.topicId}`, checklist)} className="plan-item-title">
                  {plainTitle(item.title)}
                </Link>
              ) : (
                <span className="plan-item-title">{plainTitle(item.title)}</span>
              )}
              <span className={`plan-badge plan-badge-${item.action}`}>
                {item.action === 'new' ? 'new' : item.kind === 'qa' ? 'Q&A review' : 'review'}
              </span>
              <span className="plan-item-minutes">{itemTime(item.minutes)}</span>
            </div>
            <p className="plan-item-meta muted">
              {item.section.length > 0 && <span className="plan-item-section">{item.section.join(' / ')} · </span>}
              <span className="plan-item-why">{item.why}</span>
            </p>
          </div>
          {item.done && <span className="visually-hidden">, done</span>}
        </li>
      ))}
    </ol>
  );
}
