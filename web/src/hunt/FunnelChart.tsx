// Applications per stage over the weeks, drawn by uPlot. Loaded in a chunk of its own (uPlot and its CSS), only
// when the funnel is opened; the table beside it says the same for screen readers.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { FunnelJson, StageJson } from '../../../src/contract/hunt.js';
import { formatDate } from '../lib/dates.js';

/** The x axis' steps between ticks, in seconds: a week, two, four, thirteen. */
const WEEK_STEPS = [1, 2, 4, 13].map((weeks) => weeks * 7 * 86_400);

/** Readable on light and dark alike. */
const COLOURS = ['#7c6cf0', '#2f9fd8', '#1f9d55', '#e0a21b', '#e8590c', '#d6336c', '#868e96', '#0ca678', '#845ef7', '#f08c00'];

export function FunnelChart({ funnel, stages }: { funnel: FunnelJson; stages: StageJson[] }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element || funnel.weeks.length === 0) return;
    const shown = stages.filter((s) => funnel.weeks.some((w) => (w.counts[s.key] ?? 0) > 0));
    const x = funnel.weeks.map((w) => Date.parse(`${w.weekOf}T00:00:00Z`) / 1000);
    const data: uPlot.AlignedData = [x, ...shown.map((s) => funnel.weeks.map((w) => w.counts[s.key] ?? 0))];
    const style = getComputedStyle(element);
    const muted = style.getPropertyValue('--muted').trim() || '#667085';
    const grid = style.getPropertyValue('--border').trim() || '#e2e2de';
    const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    // The legend shows the week under the pointer, and the last week while there is none: never "Wishlist: --".
    const last = x.length - 1;
    const shownIdx = (idx: number | null | undefined) => (idx === null || idx === undefined ? last : idx);
    const value = (_u: uPlot, _v: number | null, seriesIdx: number, idx: number | null) => String(data[seriesIdx]?.[shownIdx(idx)] ?? '');
    // Ticks and the legend's week in the app's words ("Nov 30"), as the plan's chart writes days.
    const week = (ts: number) => formatDate(new Date(ts * 1000).toISOString().slice(0, 10));
    const options: uPlot.Options = {
      width: element.clientWidth,
      height: 240,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'UTC'),
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(3, max + 1)] } },
      axes: [
        { ...axis, incrs: WEEK_STEPS, values: (_u, ticks) => ticks.map((t) => week(t)) },
        { ...axis, incrs: [1, 2, 5, 10, 20, 50, 100] },
      ],
      series: [
        {
          label: 'Week of',
          value: (_u: uPlot, _ts: number | null, _s: number, idx: number | null) => week(x[shownIdx(idx)] ?? 0),
        },
        ...shown.map((s, i) => ({ label: s.label, stroke: COLOURS[i % COLOURS.length], width: 2, points: { size: 5 }, value })),
      ],
    };
    const plot = new uPlot(options, data, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: 240 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [funnel, stages]);
  return <div ref={holder} className="funnel-chart" aria-hidden="true" />;
}
