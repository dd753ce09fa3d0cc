import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './line-chart.css';

export interface LineChartData {
  labels: string[];
  current: number[];
  previous: number[] | null;
  /** Names of the buckets and of the two series, for the legend. */
  names: { bucket: string; current: string; previous: string };
  /** How an amount (minor units) reads: the currency formatted for the reader. */
  formatAmount: (minorUnits: number) => string;
}

/** A drawn chart; `destroy()` removes it and stops following its container's size. */
export interface LineChart {
  destroy(): void;
}

const LINE_WIDTH = 2;
const MAX_X_TICKS = 7;
/** Roughly five amounts on the axis at the chart's height. */
const Y_TICK_SPACING = 40;

const token = (name: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || undefined;

/** The room a bucket's label ("30 Mon", "Dec 2025") takes on the axis, in CSS pixels. */
const MIN_X_LABEL_PX = 60;

/**
 * At most MAX_X_TICKS bucket indices — fewer where the chart is too narrow for their labels
 * (a phone) — evenly spread, so labels never overlap.
 */
function bucketTicks(count: number, width: number): number[] {
  const fits = Math.max(2, Math.min(MAX_X_TICKS, Math.floor(width / MIN_X_LABEL_PX)));
  const step = Math.max(1, Math.ceil(count / fits));
  return Array.from({ length: Math.ceil(count / step) }, (_, index) => index * step);
}

/** The y axis as wide as its longest amount (uPlot's axis-autosize recipe). */
const amountAxisSize: uPlot.Axis.Size = (chart, values, axisIndex, cycle) => {
  const axis = chart.axes[axisIndex]!;
  // uPlot sizes axes in cycles; after the first, keep the size found so the layout settles.
  if (cycle > 1) return (axis as { _size?: number })._size ?? 0;
  const longest = (values ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
  chart.ctx.font = (axis.font as unknown as string[])[0]!;
  const text = longest ? chart.ctx.measureText(longest).width / devicePixelRatio : 0;
  return Math.ceil(text + (axis.ticks?.size ?? 0) + (axis.gap ?? 0));
};

/** Some DOMs (old browsers, test DOMs) draw nothing; the page's table carries the numbers. */
const canDraw = () => document.createElement('canvas').getContext('2d') !== null;

/**
 * Draws (or redraws) the earnings line into `container`: this period in the platform's colour,
 * the period before as a dashed grey line, amounts formatted on the axis and in the legend, which
 * follows the pointer (uPlot: a few KB where a general chart library is over a hundred).
 */
export function drawLineChart(
  container: HTMLElement,
  previousChart: LineChart | undefined,
  data: LineChartData,
): LineChart | undefined {
  previousChart?.destroy();
  if (!canDraw()) return undefined;
  const accent = token('--dash-accent');
  const muted = token('--dash-text-muted');
  const smooth = uPlot.paths.spline?.();
  const amount = (_chart: uPlot, value: number | null) =>
    value === null ? '' : data.formatAmount(value);
  const line = (label: string, stroke: string | undefined, dash?: number[]): uPlot.Series => ({
    label,
    stroke,
    width: LINE_WIDTH,
    ...(dash ? { dash } : {}),
    ...(smooth ? { paths: smooth } : {}),
    points: { show: false },
    value: amount,
  });

  const size = () => ({
    width: container.clientWidth,
    // The legend sits under the plot, inside the same box.
    height: Math.max(
      0,
      container.clientHeight -
        (container.querySelector<HTMLElement>('.u-legend')?.offsetHeight ?? 0),
    ),
  });
  const chart = new uPlot(
    {
      ...size(),
      scales: { x: { time: false } },
      cursor: { y: false, points: { show: false } },
      series: [
        // The bucket under the pointer, named as on the axis.
        {
          label: data.names.bucket,
          value: (_chart, index) => (index === null ? '' : (data.labels[index] ?? '')),
        },
        line(data.names.current, accent),
        ...(data.previous ? [line(data.names.previous, muted, [4, 4])] : []),
      ],
      axes: [
        {
          stroke: muted,
          grid: { show: false },
          ticks: { show: false },
          splits: (chart) => bucketTicks(data.labels.length, chart.width),
          values: (_chart, ticks) => ticks.map((index) => data.labels[index] ?? ''),
        },
        {
          stroke: muted,
          space: Y_TICK_SPACING,
          size: amountAxisSize,
          values: (_chart, ticks) => ticks.map((value) => data.formatAmount(value)),
        },
      ],
    },
    [
      data.labels.map((_label, index) => index),
      data.current,
      ...(data.previous ? [data.previous] : []),
    ],
    container,
  );
  // Now that the legend is in the box, fit the plot to what is left, and follow the box's size.
  chart.setSize(size());
  const resizes = new ResizeObserver(() => chart.setSize(size()));
  resizes.observe(container);
  return {
    destroy() {
      resizes.disconnect();
      chart.destroy();
    },
  };
}
