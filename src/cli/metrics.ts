// The report of `postmortem metrics` (commands/metrics.ts): per file the durations its timeline gives
// (TTD, TTA, TTM, TTR, Duration, Duration of Impact) with the rows they come from. json prints
// FileMetrics as they are; this is the text form.
import { formatDuration, METRIC_NAMES, METRIC_SHORT_NAMES, readingText, type DerivedMetric, type MetricName, type NotDerivedMetric } from '../core/index';

export interface FileMetrics {
  file: string;
  status: string | undefined;
  /** 1-based line of the Timeline heading. */
  timelineLine: number | undefined;
  metrics: DerivedMetric[];
  /** The metrics the timeline does not give, with the reading they would use and why. */
  notDerived: NotDerivedMetric[];
}

// The label column is narrow: "Impact" for Duration of Impact.
const SHORT: Record<MetricName, string> = { ...METRIC_SHORT_NAMES, impactDuration: 'Impact' };

const LABEL_WIDTH = 9;
const DURATION_WIDTH = 22;

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** "start->restored (default); also 2 hours 15 minutes start->closed" */
function readingLine(m: DerivedMetric): string {
  const used = `${readingText(m.reading)} (${m.pinned ? 'pinned in the config' : 'default'})`;
  const others = m.alternatives.map((a) => `${formatDuration(a.minutes)} ${readingText(a.reading)}`);
  return others.length ? `${used}; also ${others.join(', ')}` : used;
}

/** The text report: per metric its value and rows, and below them the reading used. */
export function formatMetricsText(results: readonly FileMetrics[]): string {
  const out: string[] = [];
  const indent = ' '.repeat(2 + LABEL_WIDTH);
  for (const r of results) {
    out.push(`${r.file}${r.status ? ` (Status: ${r.status})` : ''}`);
    if (r.timelineLine === undefined) {
      out.push('  no timeline table: nothing to derive');
      continue;
    }
    for (const name of METRIC_NAMES) {
      const label = SHORT[name].padEnd(LABEL_WIDTH);
      const m = r.metrics.find((x) => x.name === name);
      if (!m) {
        const missing = r.notDerived.find((x) => x.name === name);
        const why = missing ? `${readingText(missing.reading)} ${missing.reason}` : 'not given by the timeline';
        out.push(`  ${label}${'-'.padEnd(DURATION_WIDTH)}${why}`);
        continue;
      }
      const row = (x: DerivedMetric['from']) => `${x.time} "${shorten(x.event.replace(/\s*\{[a-z]+\}/gi, ''))}" (line ${x.line})`;
      // A duration wider than its column still keeps a blank before the rows.
      out.push(`  ${label}${formatDuration(m.minutes).padEnd(DURATION_WIDTH - 1)} ${row(m.from)} -> ${row(m.to)}`);
      out.push(`${indent}${readingLine(m)}`);
    }
  }
  return out.join('\n') + '\n';
}
