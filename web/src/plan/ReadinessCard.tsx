// Each target's readiness day by day to its date, if the plan is followed, with FSRS's usual reviews, and if one
// stops today: a chart (uPlot, lazy, never in the entry chunk) and the same numbers as a table.
import { Suspense, use } from 'react';
import type { PlanJson, TargetReadinessJson } from '../../../src/contract/plan.js';
import { lazyModule } from '../lib/lazyModule.js';
import { formatDate } from '../lib/dates.js';
import { percent } from './format.js';

const readinessChart = lazyModule(() => import('./ReadinessChart.js'));

export function modelCaption(parameters: PlanJson['parameters']): string {
  return `Predicted by the memory model (FSRS, ${parameters} parameters)`;
}

export function ReadinessCard({ plan }: { plan: PlanJson }) {
  if (plan.targets.length === 0) return null;
  return (
    <section className="card plan-readiness" aria-labelledby="readiness-heading">
      <div className="card-title-row">
        <h2 id="readiness-heading">Readiness to the day</h2>
        <span className="muted plan-model-caption">{modelCaption(plan.parameters)}</span>
      </div>
      {plan.targets.map((t) => (
        <figure key={t.target.id} className="readiness-figure">
          {plan.targets.length > 1 && <figcaption className="readiness-figure-title">{t.target.label}</figcaption>}
          <Suspense fallback={<div className="readiness-chart" />}>
            <Chart target={t} />
          </Suspense>
          <details className="readiness-table">
            <summary>The numbers as a table</summary>
            <ReadinessTable target={t} />
          </details>
        </figure>
      ))}
    </section>
  );
}

function Chart({ target }: { target: TargetReadinessJson }) {
  const { ReadinessChart } = readinessChart.current ?? use(readinessChart.load());
  return <ReadinessChart target={target} />;
}

function ReadinessTable({ target }: { target: TargetReadinessJson }) {
  return (
    <div className="table-scroll">
      <table className="hunt-table plan-table">
        <caption className="visually-hidden">Predicted readiness for {target.target.label}, day by day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">The plan</th>
            <th scope="col">Usual reviews</th>
            <th scope="col">Stop today</th>
          </tr>
        </thead>
        <tbody>
          {target.curve.map((p) => (
            <tr key={p.date}>
              <th scope="row">{formatDate(p.date, { weekday: true })}</th>
              <td>{percent(p.plan)}</td>
              <td>{percent(p.usual)}</td>
              <td>{percent(p.stop)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
