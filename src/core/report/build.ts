// The incident report: one row per post-mortem and, per group (severity, month or quarter; one group
// "all" without grouping), the distribution of each metric, the contributing factors checked most
// often and the action items past their due date. `today` is an input, so the report is testable.
import { REPORT_METRICS, type IncidentReading, type ReportActionItem, type ReportMetric } from './incident';
import { distribution, type Distribution } from './stats';

export type ReportGrouping = 'severity' | 'month' | 'quarter';
export const REPORT_GROUPINGS: readonly ReportGrouping[] = ['severity', 'month', 'quarter'];

/** Where an action item stands when something other than the document knows it (its Beads issue). */
export type ActionItemState = 'done' | 'open';

export interface ReportOptions {
  /** YYYY-MM-DD: an action item due before this day and not done is overdue. */
  today: string;
  by?: ReportGrouping | undefined;
  /** YYYY-MM-DD: only incidents on or after this day (an incident without a date is left out). */
  since?: string | undefined;
  /**
   * The state of an action item known from elsewhere (e.g. its Beads issue), which wins over its
   * Status cell; undefined: the document's word stands.
   */
  itemState?: ((item: ReportActionItem, incident: IncidentReading) => ActionItemState | undefined) | undefined;
}

export interface ActionItemCounts {
  total: number;
  open: number;
  overdue: number;
}

/** An incident as the report shows it: its reading, with its action items counted. */
export type IncidentRow = Omit<IncidentReading, 'actionItems' | 'factors'> & { actionItems: ActionItemCounts };

export interface OverdueItem {
  file: string;
  id: string | undefined;
  action: string;
  owner: string | undefined;
  due: string;
  /** 1-based line of the item in its post-mortem. */
  line: number;
}

export interface FactorCount {
  factor: string;
  count: number;
}

export interface GroupSummary {
  by: ReportGrouping | 'all';
  key: string;
  count: number;
  metrics: Record<ReportMetric, Distribution>;
  /** Most often checked first (ties by name). */
  factors: FactorCount[];
  overdue: OverdueItem[];
}

export interface IncidentReport {
  today: string;
  by: ReportGrouping | undefined;
  since: string | undefined;
  /** By date (undated last), then file. */
  incidents: IncidentRow[];
  groups: GroupSummary[];
  /** Over every incident of the report. */
  factors: FactorCount[];
  /** YYYY-MM -> incidents, chronological, every month between the first and the last. */
  perMonth: { month: string; count: number }[];
  /** Incidents left out by --since for having no date. */
  undatedLeftOut: number;
}

/** The key of the group an incident falls in: "SEV2", "2026-03", "2026-Q1", or "unknown". */
export function groupKey(row: Pick<IncidentRow, 'date' | 'severity'>, by: ReportGrouping): string {
  if (by === 'severity') return row.severity ?? 'unknown';
  if (!row.date) return 'unknown';
  const [year, month] = row.date.split('-');
  return by === 'month' ? `${year}-${month}` : `${year}-Q${Math.ceil(Number(month) / 3)}`;
}

const byKey = (a: string, b: string) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : a.localeCompare(b, 'en', { numeric: true }));

function countFactors(readings: readonly IncidentReading[]): FactorCount[] {
  const counts = new Map<string, number>();
  for (const r of readings) for (const f of r.factors) counts.set(f, (counts.get(f) ?? 0) + 1);
  return [...counts].map(([factor, count]) => ({ factor, count })).sort((a, b) => b.count - a.count || a.factor.localeCompare(b.factor));
}

function monthsBetween(dates: readonly string[]): { month: string; count: number }[] {
  const months = dates.map((d) => d.slice(0, 7)).sort();
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return [];
  const out: { month: string; count: number }[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let key = first; key <= last; ) {
    out.push({ month: key, count: months.filter((m) => m === key).length });
    month++;
    if (month > 12) [year, month] = [year + 1, 1];
    key = `${year}-${String(month).padStart(2, '0')}`;
  }
  return out;
}

export function buildReport(all: readonly IncidentReading[], options: ReportOptions): IncidentReport {
  const { today, since, by } = options;
  const kept = all.filter((r) => since === undefined || (r.date !== undefined && r.date >= since));
  const undatedLeftOut = since === undefined ? 0 : all.filter((r) => r.date === undefined).length;
  const sorted = [...kept].sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || a.file.localeCompare(b.file));
  const overdueOf = new Map<IncidentReading, OverdueItem[]>();
  const incidents = sorted.map((r): IncidentRow => {
    let open = 0;
    const overdue: OverdueItem[] = [];
    for (const item of r.actionItems) {
      const state = options.itemState?.(item, r) ?? (item.done ? 'done' : 'open');
      if (state === 'done') continue;
      open++;
      if (item.due !== undefined && item.due < today) overdue.push({ file: r.file, id: r.id, action: item.action, owner: item.owner, due: item.due, line: item.line });
    }
    overdueOf.set(r, overdue);
    const { file, title, id, date, severity, status, metrics, readings } = r;
    return { file, title, id, date, severity, status, metrics, readings, actionItems: { total: r.actionItems.length, open, overdue: overdue.length } };
  });
  const members = new Map<string, number[]>();
  incidents.forEach((row, i) => {
    const key = by ? groupKey(row, by) : 'all';
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  });
  // Without grouping there is always the one group, empty or not.
  if (!by && members.size === 0) members.set('all', []);
  const groups = [...members.keys()].sort(byKey).map((key): GroupSummary => {
    const indexes = members.get(key) as number[];
    const rows = indexes.map((i) => incidents[i] as IncidentRow);
    const readings = indexes.map((i) => sorted[i] as IncidentReading);
    const metrics = Object.fromEntries(REPORT_METRICS.map((m) => [m, distribution(rows.map((row) => row.metrics[m]))])) as Record<ReportMetric, Distribution>;
    const overdue = readings.flatMap((r) => overdueOf.get(r) ?? []).sort((a, b) => a.due.localeCompare(b.due) || a.file.localeCompare(b.file));
    return { by: by ?? 'all', key, count: rows.length, metrics, factors: countFactors(readings), overdue };
  });
  return {
    today,
    by,
    since,
    incidents,
    groups,
    factors: countFactors(sorted),
    perMonth: monthsBetween(incidents.flatMap((r) => (r.date ? [r.date] : []))),
    undatedLeftOut,
  };
}
