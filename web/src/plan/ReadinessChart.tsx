// A target's readiness day by day under the three strategies, drawn by uPlot. Loaded in a chunk of its own (uPlot
// and its CSS) when the Plan page shows a target; the table beside it says the same for screen readers.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TargetReadinessJson } from '../../../src/contract/plan.js';
import { formatDate } from '../lib/dates.js';

const HEIGHT = 220;
/** The x axis' steps between ticks, in seconds: a day, two, a week, two, four. */
const DAY_STEPS = [1, 2, 7, 14, 28].map((days) => days * 86_400);

export function ReadinessChart({ target }: { target: TargetReadinessJson }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element || target.curve.length === 0) return;
    const x = target.curve.map((p) => Date.parse(`${p.date}T00:00:00Z`) / 1000);
    const data: uPlot.AlignedData = [
      x,
      target.curve.map((p) => p.plan * 100),
      target.curve.map((p) => p.usual * 100),
      target.curve.map((p) => p.stop * 100),
    ];
    const style = getComputedStyle(element);
    const colour = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const muted = colour('--muted', '#667085');
    const grid = colour('--border', '#e2e2de');
    const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    // The legend shows the day under the pointer, and the target's own day (the last) while there is none: never
    // an empty "The plan: --" waiting for a hover.
    const last = x.length - 1;
    const shown = (idx: number | null | undefined) => (idx === null || idx === undefined ? last : idx);
    const value = (_u: uPlot, _v: number | null, seriesIdx: number, idx: number | null) => {
      const v = data[seriesIdx]?.[shown(idx)];
      return typeof v === 'number' ? `${Math.round(v)}%` : '';
    };
    // Ticks in the app's words ("Dec 6", or "6 Dec" where the browser says it so), one a day at most.
    const local = (ts: number) => new Date(ts * 1000).toISOString().slice(0, 10);
    const options: uPlot.Options = {
      width: element.clientWidth,
      height: HEIGHT,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'UTC'),
      scales: { x: { time: true }, y: { range: [0, 100] } },
      axes: [
        { ...axis, incrs: DAY_STEPS, values: (_u, ticks) => ticks.map((t) => formatDate(local(t))) },
        { ...axis, values: (_u, ticks) => ticks.map((t) => `${t}%`), incrs: [10, 20, 25, 50], size: 52 },
      ],
      series: [
        {
          label: 'Day',
          value: (_u: uPlot, _ts: number | null, _s: number, idx: number | null) => formatDate(local(x[shown(idx)] ?? 0), { weekday: true }),
        },
        { label: 'The plan', stroke: colour('--accent', '#6d4fd8'), width: 2.5, fill: colour('--plan-fill', 'rgba(109,79,216,0.08)'), value },
        { label: 'Usual reviews', stroke: colour('--plan-usual', '#2f9fd8'), width: 2, dash: [6, 4], value },
        { label: 'Stop today', stroke: muted, width: 1.5, dash: [2, 4], value },
      ],
    };
    const plot = new uPlot(options, data, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [target]);
  return <div ref={holder} className="readiness-chart" aria-hidden="true" />;
}
