// The incident report as one self-contained HTML page: inline CSS and SVG, no script, nothing
// fetched (its own Content-Security-Policy says so), light and dark by prefers-color-scheme (and
// VS Code's theme classes in a webview). Every text from a document is escaped.
import { METRIC_SHORT_NAMES } from '../postmortem/metricDefinitions';
import { formatDuration } from '../postmortem/duration';
import { REPORT_METRICS } from './incident';
import type { GroupSummary, IncidentReport, IncidentRow, OverdueItem } from './build';
import { escapeHtml, factorBars, metricDotPlot, monthBars } from './charts';
import { minutesText } from './formats';

export interface HtmlReportOptions {
  /** Where an incident links to (a file URL, a command URI in VS Code); no link when undefined. */
  link?: ((file: string, line?: number) => string | undefined) | undefined;
  /** A nonce for the <style> element, for a webview whose CSP allows only nonce'd styles. */
  nonce?: string | undefined;
  title?: string | undefined;
}

const CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0; --accent: #0969da; --dot: #0969da; --median: #cf222e; --bar: #54aeff; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d; --accent: #4493f8; --dot: #4493f8; --median: #ff7b72; --bar: #1f6feb; } }
body.vscode-light { --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0; --accent: #0969da; --dot: #0969da; --median: #cf222e; --bar: #54aeff; }
body.vscode-dark, body.vscode-high-contrast { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d; --accent: #4493f8; --dot: #4493f8; --median: #ff7b72; --bar: #1f6feb; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
p.scope, p.none, figcaption, .muted { color: var(--muted); }
a { color: var(--accent); }
table { border-collapse: collapse; margin: 8px 0 16px; } th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--panel); } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; gap: 16px 32px; } figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart { max-width: 100%; height: auto; } svg text { fill: var(--fg); font-size: 12px; } svg text.tick { fill: var(--muted); font-size: 11px; }
svg .grid { stroke: var(--line); stroke-width: 1; } svg .dot { fill: var(--dot); fill-opacity: 0.75; } svg .median { stroke: var(--median); stroke-width: 3; }
svg .bar { fill: var(--bar); }
`;

function cell(text: string | undefined, numeric = false): string {
  return `<td${numeric ? ' class="n"' : ''}>${escapeHtml(text ?? '')}</td>`;
}

function linked(text: string, href: string | undefined): string {
  return href === undefined ? escapeHtml(text) : `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

function incidentTable(rows: readonly IncidentRow[], options: HtmlReportOptions): string {
  const head = ['Post-mortem', 'Incident ID', 'Date', 'Severity', 'Status', ...REPORT_METRICS.map((m) => METRIC_SHORT_NAMES[m]), 'Action items', 'Open', 'Overdue'];
  const body = rows.map((r) => {
    const metrics = REPORT_METRICS.map((m) => {
      const v = r.metrics[m];
      return v === null ? '<td class="n muted">–</td>' : `<td class="n" title="${escapeHtml(r.readings[m] ?? '')}">${escapeHtml(formatDuration(v))}</td>`;
    });
    return (
      `<tr><td>${linked(r.title || r.file, options.link?.(r.file))}<br><span class="muted">${escapeHtml(r.file)}</span></td>` +
      `${cell(r.id)}${cell(r.date)}${cell(r.severity)}${cell(r.status)}${metrics.join('')}` +
      `${cell(String(r.actionItems.total), true)}${cell(String(r.actionItems.open), true)}${cell(String(r.actionItems.overdue), true)}</tr>`
    );
  });
  return `<table class="incidents"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function groupTitle(g: GroupSummary): string {
  if (g.by === 'all') return 'All incidents';
  return `${g.by === 'severity' ? 'Severity' : g.by === 'month' ? 'Month' : 'Quarter'} ${g.key}`;
}

function overdueTable(items: readonly OverdueItem[], options: HtmlReportOptions): string {
  const rows = items.map(
    (o) => `<tr><td>${escapeHtml(o.action)}</td>${cell(o.owner ?? 'no owner')}${cell(o.due)}<td>${linked(o.id ?? o.file, options.link?.(o.file, o.line))}</td></tr>`,
  );
  return `<table class="overdue"><thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Incident</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function groupSection(g: GroupSummary, options: HtmlReportOptions): string {
  const rows = REPORT_METRICS.map((m) => {
    const d = g.metrics[m];
    const figure = (v: number | null) => `<td class="n"${v === null ? '' : ` title="${minutesText(v)} minutes"`}>${v === null ? '–' : escapeHtml(formatDuration(v))}</td>`;
    return `<tr><th>${escapeHtml(METRIC_SHORT_NAMES[m])}</th>${figure(d.median)}${figure(d.p90)}${figure(d.min)}${figure(d.max)}</tr>`;
  });
  const factors = g.factors.length
    ? `<p>Contributing factors checked most often: ${g.factors.slice(0, 5).map((f) => `${escapeHtml(f.factor)} (${f.count})`).join(', ')}</p>`
    : '';
  const overdue = g.overdue.length ? `<p>Overdue action items:</p>${overdueTable(g.overdue, options)}` : '';
  return (
    `<section class="group"><h2>${escapeHtml(groupTitle(g))} <span class="muted">(${g.count})</span></h2>` +
    `<table class="stats"><thead><tr><th>Metric</th><th>Median</th><th>p90</th><th>Min</th><th>Max</th></tr></thead><tbody>${rows.join('')}</tbody></table>${factors}${overdue}</section>`
  );
}

export function reportHtml(report: IncidentReport, options: HtmlReportOptions = {}): string {
  const title = options.title ?? 'Incident report';
  const nonce = options.nonce === undefined ? '' : ` nonce="${escapeHtml(options.nonce)}"`;
  const styleSource = options.nonce === undefined ? "'unsafe-inline'" : `'nonce-${escapeHtml(options.nonce)}'`;
  const severities = [...new Set(report.incidents.map((r) => r.severity ?? 'unknown'))].sort((a, b) =>
    a === 'unknown' ? 1 : b === 'unknown' ? -1 : a.localeCompare(b, 'en', { numeric: true }),
  );
  const scope = [`${report.incidents.length} post-mortem${report.incidents.length === 1 ? '' : 's'}`, `today ${report.today}`];
  if (report.since) scope.push(`since ${report.since}`);
  if (report.undatedLeftOut) scope.push(`${report.undatedLeftOut} without a date left out`);
  const charts = [...REPORT_METRICS.map((m) => metricDotPlot(m, report.incidents, severities)), monthBars(report.perMonth), factorBars(report.factors)];
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${styleSource}; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style${nonce}>${CSS}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="scope">${escapeHtml(scope.join(', '))}. Medians and p90 (nearest rank) per group; the dots are incidents, the red bar the median.</p>`,
    `<h2>Distributions</h2><div class="charts">${charts.join('')}</div>`,
    ...report.groups.map((g) => groupSection(g, options)),
    `<h2>Incidents</h2>${incidentTable(report.incidents, options)}`,
    '</body></html>',
    '',
  ].join('\n');
}
