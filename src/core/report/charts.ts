// The incident report's charts as inline SVG (no script, no style attribute: colours come from the
// page's CSS classes, so a strict Content-Security-Policy and a dark theme both hold): each metric
// per severity as a dot plot with its median marked, incidents per month and the factors as bars.
import { METRIC_LABELS } from '../postmortem/metricDefinitions';
import { formatDuration } from '../postmortem/duration';
import type { ReportMetric } from './incident';
import type { FactorCount, IncidentRow } from './build';
import { distribution } from './stats';

/** Text for HTML and SVG: & < > " ' escaped (attribute values too). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const num = (n: number) => String(Math.round(n * 10) / 10);

/** About five round ticks from 0 to at least max: 0, 15, 30, 45, 60. */
export function niceTicks(max: number, whole = false): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const found = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  // Counts go up in whole steps.
  const step = whole ? Math.max(1, Math.round(found)) : found;
  const ticks: number[] = [];
  for (let t = 0; t < max + step; t += step) ticks.push(t);
  return ticks;
}

const LABEL_WIDTH = 80;
const PLOT_WIDTH = 420;

/** An axis label: "45 min", "2 h", "1 h 20". */
export function tickText(minutes: number): string {
  if (minutes < 60) return `${num(minutes)} min`;
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes - hours * 60);
  if (hours >= 48 && rest === 0 && hours % 24 === 0) return `${hours / 24} d`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest}`;
}
const ROW_HEIGHT = 28;

/** One metric: a row of dots per severity, x in minutes from 0; the median a bar across the row. */
export function metricDotPlot(metric: ReportMetric, rows: readonly IncidentRow[], severities: readonly string[]): string {
  const values = rows.map((r) => r.metrics[metric]).filter((v): v is number => v !== null);
  const title = `${METRIC_LABELS[metric]} by severity`;
  if (values.length === 0) return `<figure><figcaption>${escapeHtml(title)}</figcaption><p class="none">No post-mortem's timeline gives it.</p></figure>`;
  const ticks = niceTicks(Math.max(...values));
  const top = ticks[ticks.length - 1] as number;
  const x = (v: number) => LABEL_WIDTH + (v / top) * PLOT_WIDTH;
  const height = severities.length * ROW_HEIGHT + 34;
  const parts: string[] = [];
  for (const t of ticks) {
    parts.push(`<line class="grid" x1="${num(x(t))}" x2="${num(x(t))}" y1="6" y2="${height - 26}"/>`);
    parts.push(`<text class="tick" x="${num(x(t))}" y="${height - 10}" text-anchor="middle">${escapeHtml(tickText(t))}</text>`);
  }
  severities.forEach((severity, i) => {
    const y = 6 + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    parts.push(`<text class="label" x="${LABEL_WIDTH - 8}" y="${y + 4}" text-anchor="end">${escapeHtml(severity)}</text>`);
    const own = rows.filter((r) => (r.severity ?? 'unknown') === severity && r.metrics[metric] !== null);
    const { median } = distribution(own.map((r) => r.metrics[metric]));
    if (median !== null) {
      parts.push(`<line class="median" x1="${num(x(median))}" x2="${num(x(median))}" y1="${y - 10}" y2="${y + 10}"><title>median ${escapeHtml(formatDuration(median))}</title></line>`);
    }
    own.forEach((r, k) => {
      const v = r.metrics[metric] as number;
      // Equal values side by side would hide each other: a small vertical offset by order.
      const dy = ((k % 3) - 1) * 5;
      parts.push(`<circle class="dot" cx="${num(x(v))}" cy="${y + dy}" r="4.5"><title>${escapeHtml(`${r.id ?? r.file}: ${formatDuration(v)} (${r.readings[metric] ?? ''})`)}</title></circle>`);
    });
  });
  const width = LABEL_WIDTH + PLOT_WIDTH + 40;
  return (
    `<figure><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${parts.join('')}</svg></figure>`
  );
}

/** Vertical bars: incidents per month. */
export function monthBars(perMonth: readonly { month: string; count: number }[]): string {
  const title = 'Incidents per month';
  if (perMonth.length === 0) return `<figure><figcaption>${title}</figcaption><p class="none">No post-mortem has a date.</p></figure>`;
  const ticks = niceTicks(Math.max(...perMonth.map((m) => m.count)), true);
  const top = ticks[ticks.length - 1] as number;
  const bar = Math.max(14, Math.min(48, Math.floor(600 / perMonth.length)));
  const plotHeight = 160;
  const left = 36;
  const width = left + perMonth.length * bar + 20;
  const height = plotHeight + 50;
  const y = (v: number) => 10 + plotHeight - (v / top) * plotHeight;
  const parts: string[] = [];
  for (const t of ticks) {
    parts.push(`<line class="grid" x1="${left}" x2="${width - 10}" y1="${num(y(t))}" y2="${num(y(t))}"/>`);
    parts.push(`<text class="tick" x="${left - 6}" y="${num(y(t) + 4)}" text-anchor="end">${t}</text>`);
  }
  const labelEvery = Math.ceil(perMonth.length / 12);
  perMonth.forEach((m, i) => {
    const x0 = left + i * bar + 2;
    parts.push(`<rect class="bar" x="${x0}" y="${num(y(m.count))}" width="${bar - 4}" height="${num(y(0) - y(m.count))}"><title>${escapeHtml(m.month)}: ${m.count}</title></rect>`);
    if (i % labelEvery === 0) parts.push(`<text class="tick" x="${num(x0 + (bar - 4) / 2)}" y="${plotHeight + 28}" text-anchor="middle">${escapeHtml(m.month)}</text>`);
  });
  return `<figure><figcaption>${title}</figcaption><svg class="chart" role="img" aria-label="${title}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${parts.join('')}</svg></figure>`;
}

/** Horizontal bars: how many post-mortems check each contributing factor. */
export function factorBars(factors: readonly FactorCount[]): string {
  const title = 'Contributing factors checked';
  if (factors.length === 0) return `<figure><figcaption>${title}</figcaption><p class="none">No contributing factor is checked.</p></figure>`;
  const shown = factors.slice(0, 15);
  const top = Math.max(...shown.map((f) => f.count));
  const left = 170;
  const plot = 400;
  const height = shown.length * 24 + 10;
  const parts = shown.map((f, i) => {
    const y = 5 + i * 24;
    const w = Math.max(2, (f.count / top) * plot);
    const label = f.factor.length > 26 ? `${f.factor.slice(0, 25)}…` : f.factor;
    return (
      `<text class="label" x="${left - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(label)}</text>` +
      `<rect class="bar" x="${left}" y="${y + 3}" width="${num(w)}" height="16"><title>${escapeHtml(f.factor)}: ${f.count}</title></rect>` +
      `<text class="value" x="${num(left + w + 6)}" y="${y + 15}">${f.count}</text>`
    );
  });
  const width = left + plot + 40;
  return `<figure><figcaption>${title}</figcaption><svg class="chart" role="img" aria-label="${title}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${parts.join('')}</svg></figure>`;
}
