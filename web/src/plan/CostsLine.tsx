// The time costs the plan's minutes are counted with, each with where it comes from (yours, your log's median, the
// default), as the CLI's `plan` prints them; then the sections whose topics take their own minutes to learn.
import type { PlanJson } from '../../../src/contract/plan.js';
import { SOURCE_LABEL } from './format.js';

const COSTS = [
  { name: 'learnTopicMinutes', label: 'Learning a topic', unit: 'min' },
  { name: 'reviewTopicSeconds', label: 'A topic review', unit: 's' },
  { name: 'reviewQaSeconds', label: 'A Q&A review', unit: 's' },
] as const;

/** A log's median may be 37.25 s: one decimal is enough. */
const figure = (value: number) => String(Math.round(value * 10) / 10);

export function CostsLine({ plan }: { plan: PlanJson }) {
  const sections = plan.sectionCosts ?? [];
  return (
    <div className="plan-costs-used">
      <h3 className="field-label" id="costs-used-heading">
        Minutes counted with
      </h3>
      <ul aria-labelledby="costs-used-heading">
        {COSTS.map((c) => {
          const source = plan.costSources?.[c.name];
          return (
            <li key={c.name} data-cost={c.name}>
              <span>{c.label}</span>{' '}
              <strong>
                {figure(plan.costs[c.name])} {c.unit}
              </strong>
              {source && <span className={`cost-source cost-source-${source}`}>{SOURCE_LABEL[source]}</span>}
            </li>
          );
        })}
        {sections.map((s) => (
          <li key={s.key} data-cost="section">
            <span>{s.path.join(' / ')}</span> <strong>{figure(s.learnTopicMinutes)} min a topic</strong>
            <span className="cost-source cost-source-yours">{SOURCE_LABEL.yours}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
