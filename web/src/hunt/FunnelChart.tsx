// Applications per stage over the weeks, drawn by uPlot. Loaded in a chunk of its own (uPlot and its CSS), only
// when the funnel is opened; the table beside it says the same for screen readers.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { FunnelJson, StageJson } from '../../../src/contract/hunt.js';

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
    const options: uPlot.Options = {
      width: element.clientWidth,
      height: 240,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'UTC'),
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(3, max + 1)] } },
      axes: [axis, { ...axis, incrs: [1, 2, 5, 10, 20, 50, 100] }],
      series: [
        { label: 'Week of' },
        ...shown.map((s, i) => ({ label: s.label, stroke: COLOURS[i % COLOURS.length], width: 2, points: { size: 5 } })),
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
