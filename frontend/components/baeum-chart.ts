/*
 * <baeum-chart>: a bar chart of a report (BarChart.java), drawn by Chart.js (MIT) on a canvas.
 *
 * The server sets one property, `data`: a JSON string {label, labels, series: [{name, values, krw}], horizontal}.
 * The canvas is an image for screen readers (role="img" with the chart's title as its label); the table below it on the
 * page holds the same figures and is what assistive technology and keyboard users read. Nothing in the chart takes
 * focus. Colours have at least 4.5:1 contrast against white, the second series is also striped, and every bar carries
 * its value as text, so the chart reads without colour. Numbers are in Korean format (원 for KRW series).
 */
import { LitElement, css, html } from 'lit';
import type { PropertyValues } from 'lit';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

interface Series {
  name: string;
  values: Array<number | null>;
  krw: boolean;
}

interface ChartData {
  label: string;
  labels: string[];
  series: Series[];
  horizontal: boolean;
}

const COLOURS = ['#1d4f91', '#b0470a'];
const TEXT = '#1f2937';
const numbers = new Intl.NumberFormat('ko-KR');
const won = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW' });

function format(value: number | null, krw: boolean): string {
  if (value === null || value === undefined) {
    return '—';
  }
  return krw ? won.format(value) : numbers.format(value);
}

/** Diagonal white stripes over the colour: the second series differs by pattern, not by colour alone. */
function striped(colour: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const g = tile.getContext('2d');
  if (!g) {
    return colour;
  }
  g.fillStyle = colour;
  g.fillRect(0, 0, 8, 8);
  g.strokeStyle = '#ffffff';
  g.lineWidth = 2;
  g.beginPath();
  g.moveTo(0, 8);
  g.lineTo(8, 0);
  g.moveTo(-2, 2);
  g.lineTo(2, -2);
  g.moveTo(6, 10);
  g.lineTo(10, 6);
  g.stroke();
  return g.createPattern(tile, 'repeat') ?? colour;
}

/** Writes each bar's value at its end. */
const valueLabels: Plugin<'bar'> = {
  id: 'baeumValueLabels',
  afterDatasetsDraw(chart) {
    const ctx = chart.ctx;
    const horizontal = chart.options.indexAxis === 'y';
    ctx.save();
    ctx.fillStyle = TEXT;
    ctx.font = '12px system-ui, sans-serif';
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) {
        return;
      }
      const krw = (dataset as unknown as { krw?: boolean }).krw === true;
      meta.data.forEach((bar, j) => {
        const text = format(dataset.data[j] as number | null, krw);
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        if (horizontal) {
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          ctx.fillText(text, x + 4, y);
        } else {
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          ctx.fillText(text, x, y - 2);
        }
      });
    });
    ctx.restore();
  },
};

export class BaeumChart extends LitElement {
  static properties = { data: { type: String } };

  declare data: string;
  private chart?: Chart<'bar'>;

  static styles = css`
    :host { display: block; position: relative; width: 100%; max-width: 60rem; }
    canvas { display: block; }
  `;

  constructor() {
    super();
    this.data = '';
  }

  render() {
    const parsed = this.parsed();
    const height = parsed && parsed.horizontal ? Math.max(12, parsed.labels.length * (2 + parsed.series.length)) : 20;
    return html`<div style="position: relative; height: ${height}rem">
      <canvas role="img" aria-label=${parsed ? parsed.label : ''}></canvas>
    </div>`;
  }

  private parsed(): ChartData | null {
    if (!this.data) {
      return null;
    }
    try {
      return JSON.parse(this.data) as ChartData;
    } catch {
      return null;
    }
  }

  updated(changed: PropertyValues) {
    if (changed.has('data')) {
      this.draw();
    }
  }

  disconnectedCallback() {
    this.chart?.destroy();
    this.chart = undefined;
    super.disconnectedCallback();
  }

  private draw() {
    this.chart?.destroy();
    this.chart = undefined;
    const parsed = this.parsed();
    const canvas = this.renderRoot.querySelector('canvas');
    if (!parsed || !canvas) {
      return;
    }
    const valueAxis = parsed.horizontal ? 'x' : 'y';
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: parsed.labels,
        datasets: parsed.series.map((s, i) => ({
          label: s.name,
          data: s.values,
          krw: s.krw,
          backgroundColor: i === 0 ? COLOURS[0] : striped(COLOURS[1]),
          borderColor: COLOURS[i % COLOURS.length],
          borderWidth: 1,
        })) as ChartConfiguration<'bar'>['data']['datasets'],
      },
      options: {
        indexAxis: parsed.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        layout: { padding: parsed.horizontal ? { right: 96 } : { top: 20 } },
        scales: {
          [valueAxis]: {
            beginAtZero: true,
            ticks: {
              color: TEXT,
              callback: (v: string | number) => numbers.format(Number(v)),
            },
          },
          [parsed.horizontal ? 'y' : 'x']: { ticks: { color: TEXT, autoSkip: false } },
        },
        plugins: {
          legend: { display: parsed.series.length > 1, labels: { color: TEXT } },
          tooltip: {
            callbacks: {
              label: (item) => {
                const krw = parsed.series[item.datasetIndex]?.krw === true;
                return `${item.dataset.label}: ${format(item.raw as number | null, krw)}`;
              },
            },
          },
        },
      },
      plugins: [valueLabels],
    };
    this.chart = new Chart(canvas, config);
  }
}

customElements.define('baeum-chart', BaeumChart);
