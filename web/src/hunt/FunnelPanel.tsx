// The funnel, computed by the server from the stage events (a move back counts once): how many reached each
// stage and the conversion from the one before, then the applications per stage over the weeks as a chart
// (lazy, in its own chunk) with the same numbers as a table.
import { useQuery } from '@tanstack/react-query';
import { Suspense, use } from 'react';
import type { FunnelJson, HuntJson } from '../../../src/contract/hunt.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { errorMessage } from '../lib/api.js';
import { lazyModule } from '../lib/lazyModule.js';
import { funnelQuery } from '../queries/hunt.js';
import { formatDate } from '../lib/dates.js';
import { stageLabel } from './format.js';

const funnelChart = lazyModule(() => import('./FunnelChart.js'));

export function FunnelPanel({ hunt }: { hunt: HuntJson }) {
  const funnel = useQuery(funnelQuery());
  if (funnel.error && !funnel.data) return <ErrorLine>{errorMessage(funnel.error)}</ErrorLine>;
  const data = funnel.data;
  if (!data) return <div className="card skeleton-card" style={{ height: 320 }} aria-busy="true" aria-label="Loading the funnel" />;
  const top = data.stages[0]?.reached ?? 0;
  const weekStages = hunt.stages.filter((s) => data.weeks.some((w) => (w.counts[s.key] ?? 0) > 0));
  return (
    <div className="funnel-view">
      <section className="card" aria-labelledby="funnel-heading">
        <h2 id="funnel-heading">Funnel</h2>
        <p className="muted">Each step counts the applications that reached it or a later one, skipped steps included.</p>
        <ol className="funnel">
          {data.stages.map((s) => (
            <li key={s.stage} className="funnel-step">
              <span className="funnel-label">{stageLabel(hunt, s.stage)}</span>
              <span className="funnel-bar-track" aria-hidden="true">
                <span className="funnel-bar" style={{ width: `${top ? (s.reached / top) * 100 : 0}%` }} />
              </span>
              <span className="funnel-reached">{s.reached}</span>
              <span className="funnel-conversion muted">
                {s.conversion === null ? '' : `${Math.round(s.conversion * 100)}% from the step before`}
              </span>
            </li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="weeks-heading">
        <h2 id="weeks-heading">Applications per stage, by week</h2>
        {data.weeks.length === 0 ? (
          <p className="muted">Nothing yet: the chart starts with the first application.</p>
        ) : (
          <>
            <Suspense fallback={<div className="funnel-chart" />}>
              <Chart data={data} hunt={hunt} />
            </Suspense>
            <details className="funnel-table">
              <summary>The numbers as a table</summary>
              <div className="table-scroll">
                <table className="hunt-table">
                  <caption className="visually-hidden">Applications in each stage at the end of each week</caption>
                  <thead>
                    <tr>
                      <th scope="col">Week of</th>
                      {weekStages.map((s) => (
                        <th key={s.key} scope="col">
                          {s.label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.weeks.map((w) => (
                      <tr key={w.weekOf}>
                        <th scope="row">{formatDate(w.weekOf)}</th>
                        {weekStages.map((s) => (
                          <td key={s.key}>{w.counts[s.key] ?? 0}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        )}
      </section>
    </div>
  );
}

function Chart({ data, hunt }: { data: FunnelJson; hunt: HuntJson }) {
  const { FunnelChart } = funnelChart.current ?? use(funnelChart.load());
  return <FunnelChart funnel={data} stages={hunt.stages} />;
}
