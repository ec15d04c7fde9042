// The Dashboard's first line when the plan has a target: today's work in a sentence ("Today: 12 reviews and 2 new
// topics, about 40 minutes, for Acme onsite in 9 days"), how far behind one is, and the way to the Plan page. One
// query (the plan's, shared with the Plan page), no chart; loaded apart, with plan.css.
import { useQuery } from '@tanstack/react-query';
import { hrefFor, Link } from '../lib/router.js';
import { plural } from '../lib/plural.js';
import { planQuery } from '../queries/plan.js';
import { planReviewHref } from './format.js';
import './plan.css';

export function PlanLead({ checklist }: { checklist: string }) {
  const plan = useQuery(planQuery(checklist)).data;
  if (!plan || plan.targets.length === 0) return null;
  const left = plan.today?.items.filter((i) => !i.done).length ?? 0;
  return (
    <section className="card plan-lead" aria-label="Today’s plan">
      <p>{plan.summary}</p>
      {plan.behind && <span className="plan-behind">Behind by {plural(Math.round(plan.behind.minutes), 'minute')}</span>}
      <div className="actions">
        {left > 0 && (
          <Link className="button button-primary" to={planReviewHref(checklist)}>
            Start
          </Link>
        )}
        <Link className="button" to={hrefFor('/plan', checklist)}>
          Open the plan
        </Link>
      </div>
    </section>
  );
}
