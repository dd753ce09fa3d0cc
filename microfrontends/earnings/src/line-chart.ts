import {
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

// Only the parts a line chart with tooltips needs, so the bundle stays small.
Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  Tooltip,
  Filler,
);

export interface LineChartData {
  labels: string[];
  current: number[];
  previous: number[] | null;
  /** Names of the two series, for tooltips. */
  names: { current: string; previous: string };
  /** How an amount (minor units) reads: the currency formatted for the reader. */
  formatAmount: (minorUnits: number) => string;
}

const token = (name: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || undefined;

/**
 * Draws (or redraws) the earnings line on a canvas: this period in the platform's colour, the
 * period before as a dashed grey line, amounts formatted in the tooltip and on the axis.
 */
export function drawLineChart(
  canvas: HTMLCanvasElement,
  previousChart: Chart | undefined,
  data: LineChartData,
) {
  previousChart?.destroy();
  const accent = token('--dash-accent');
  const muted = token('--dash-text-muted');
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: [
        {
          label: data.names.current,
          data: data.current,
          borderColor: accent,
          backgroundColor: accent,
          pointRadius: 0,
          pointHitRadius: 8,
          tension: 0.25,
        },
        ...(data.previous
          ? [
              {
                label: data.names.previous,
                data: data.previous,
                borderColor: muted,
                borderDash: [4, 4],
                pointRadius: 0,
                pointHitRadius: 8,
                tension: 0.25,
              },
            ]
          : []),
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { grid: { display: false }, ticks: { maxTicksLimit: 7, color: muted } },
        y: {
          ticks: {
            callback: (value) => data.formatAmount(Number(value)),
            maxTicksLimit: 5,
            color: muted,
          },
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label}: ${data.formatAmount(Number(item.raw))}`,
          },
        },
      },
    },
  });
}
