// The incident report as JSON (the shape other tools build on), CSV (one row per incident) and
// Markdown (tables). HTML is in ./html.ts.
import { METRIC_SHORT_NAMES } from '../postmortem/metricDefinitions';
import { REPORT_METRICS, type ReportMetric } from './incident';
import type { GroupSummary, IncidentReport, IncidentRow } from './build';

/** Minutes as the tables show them: whole minutes, a median between two may end in .5. */
export function minutesText(value: number | null): string {
  return value === null ? '' : String(Math.round(value * 10) / 10);
}

const metricsObject = <T>(pick: (m: ReportMetric) => T) => Object.fromEntries(REPORT_METRICS.map((m) => [m, pick(m)])) as Record<ReportMetric, T>;

/**
 * `{ incidents: [{ file, id, date, severity, status, metrics: { ttd, tta, ttm, ttr, duration }, actionItems: { total, open, overdue } }],
 * groups: [{ by, key, count, metrics: { ttd: { median, p90, min, max }, ... } }] }`, the shape; added to it: each
 * incident's `readings` (the milestones each metric counts between), each group's `factors` and `overdue` action items.
 */
export function reportJson(report: IncidentReport): string {
  const incidents = report.incidents.map((r) => ({
    file: r.file,
    id: r.id ?? null,
    date: r.date ?? null,
    severity: r.severity ?? null,
    status: r.status ?? null,
    metrics: metricsObject((m) => r.metrics[m]),
    actionItems: { ...r.actionItems },
    readings: r.readings,
  }));
  const groups = report.groups.map((g) => ({
    by: g.by,
    key: g.key,
    count: g.count,
    metrics: metricsObject((m) => ({ ...g.metrics[m] })),
    factors: g.factors,
    overdue: g.overdue.map((o) => ({ file: o.file, id: o.id ?? null, action: o.action, owner: o.owner ?? null, due: o.due })),
  }));
  return `${JSON.stringify({ incidents, groups }, null, 2)}\n`;
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. A leading =, +, - or @ is kept as text for spreadsheets. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CSV_HEADER = ['file', 'id', 'date', 'severity', 'status', ...REPORT_METRICS.map((m) => `${m}_minutes`), 'action_items', 'open', 'overdue'];

/** One line per incident, CRLF line ends (RFC 4180). */
export function reportCsv(report: IncidentReport): string {
  const line = (fields: (string | number | null | undefined)[]) => fields.map(csvField).join(',');
  const rows = report.incidents.map((r: IncidentRow) =>
    line([r.file, r.id, r.date, r.severity, r.status, ...REPORT_METRICS.map((m) => r.metrics[m]), r.actionItems.total, r.actionItems.open, r.actionItems.overdue]),
  );
  return [CSV_HEADER.join(','), ...rows].map((l) => `${l}\r\n`).join('');
}

/** Text for a Markdown table cell: pipes escaped, line breaks and markup that would start HTML or links made inert. */
export function markdownCell(text: string | undefined | null): string {
  if (text === undefined || text === null || text === '') return '';
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<|])/g, '\\$1');
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function groupTitle(g: GroupSummary): string {
  return g.by === 'all' ? 'All incidents' : `${g.by === 'severity' ? 'Severity' : g.by === 'month' ? 'Month' : 'Quarter'} ${g.key}`;
}

export function reportMarkdown(report: IncidentReport): string {
  const out: string[] = ['# Incident report', ''];
  const scope = [`${report.incidents.length} post-mortem${report.incidents.length === 1 ? '' : 's'}`, `today ${report.today}`];
  if (report.since) scope.push(`since ${report.since}`);
  out.push(`${scope.join(', ')}. Durations in minutes; median, p90 (nearest rank) and range.`, '');
  if (report.undatedLeftOut) out.push(`${report.undatedLeftOut} post-mortem${report.undatedLeftOut === 1 ? '' : 's'} without a date left out by --since.`, '');
  out.push('## Incidents', '');
  const metricHeads = REPORT_METRICS.map((m) => METRIC_SHORT_NAMES[m]);
  out.push(
    ...table(
      ['File', 'Incident ID', 'Date', 'Severity', 'Status', ...metricHeads, 'Action items', 'Open', 'Overdue'],
      report.incidents.map((r) => [
        markdownCell(r.file),
        markdownCell(r.id),
        markdownCell(r.date),
        markdownCell(r.severity),
        markdownCell(r.status),
        ...REPORT_METRICS.map((m) => (r.metrics[m] === null ? '' : `${minutesText(r.metrics[m])} (${markdownCell(r.readings[m])})`)),
        String(r.actionItems.total),
        String(r.actionItems.open),
        String(r.actionItems.overdue),
      ]),
    ),
    '',
  );
  for (const g of report.groups) {
    out.push(`## ${markdownCell(groupTitle(g))} (${g.count})`, '');
    out.push(
      ...table(
        ['Metric', 'Median', 'p90', 'Min', 'Max'],
        REPORT_METRICS.map((m) => [METRIC_SHORT_NAMES[m], ...(['median', 'p90', 'min', 'max'] as const).map((k) => minutesText(g.metrics[m][k]))]),
      ),
      '',
    );
    if (g.factors.length) out.push('Contributing factors checked most often:', '', ...g.factors.map((f) => `- ${markdownCell(f.factor)}: ${f.count}`), '');
    if (g.overdue.length) {
      out.push('Overdue action items:', '');
      out.push(...table(['Action', 'Owner', 'Due', 'Incident'], g.overdue.map((o) => [markdownCell(o.action), markdownCell(o.owner ?? 'no owner'), o.due, markdownCell(o.id ?? o.file)])), '');
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
