// The durations an author writes by hand: a row of a metrics table that names a metric ("Time to
// Detection (TTD)", "Duration of Impact"), a list item that does ("- Time to recovery: 399 minutes")
// and the Summary's Duration. The metrics rule compares them
// with what the timeline gives (./metrics).
import { endOf, plainText, startOf, type DocumentModel } from '../markdown/document';
import { cellSpan } from '../markdown/tableCells';
import type { TemplateModel } from '../template/model';
import type { MetricName } from './metricDefinitions';
import { readSummary } from './summary';

/** Where a metric is written: the value's offsets and text. */
export interface MetricValue {
  name: MetricName;
  where: string;
  start: number;
  end: number;
  text: string;
  /** The table (or the Summary) it is written in: values fill in the style of their neighbours. */
  group: object;
}

// A row names its metric by acronym ("Time to Detection (TTD)", "TTR/MTTR") or by its words.
const ROW_METRIC: [RegExp, MetricName][] = [
  [/\bttd\b|time to detect/i, 'ttd'],
  [/\btta\b|time to ack/i, 'tta'],
  [/\bttm\b|time to mitigat/i, 'ttm'],
  [/\b(?:m?ttr|mttr)\b|time to (?:resol|recover|restor)/i, 'ttr'],
  [/^duration of impact$|^impact duration$/i, 'impactDuration'],
];


function metricOfRow(label: string): MetricName | undefined {
  return ROW_METRIC.find(([re]) => re.test(label))?.[1];
}

// "- Time to detection: 4 minutes", "* **TTR:** 2 h": a list item that names a metric, then its value.
const ITEM_METRIC = /^[ \t]*(?:\*\*|__)?([^:*_\r\n]{2,60}?)[ \t]*(?::(?:\*\*|__)|(?:\*\*|__)?:)[ \t]*/;

/** Metric values written as list items (a "Stats" list), in document order. */
function listMetrics(doc: DocumentModel): MetricValue[] {
  const values: MetricValue[] = [];
  for (const { node } of doc.lists) {
    for (const item of node.children) {
      const first = item.children[0];
      if (first?.type !== 'paragraph') continue;
      const from = startOf(first);
      const newline = doc.text.indexOf('\n', from);
      const end = newline < 0 || newline > endOf(first) ? endOf(first) : newline;
      const line = doc.text.slice(from, end);
      const m = ITEM_METRIC.exec(line);
      const name = m ? metricOfRow((m[1] as string).trim()) : undefined;
      if (!m || !name) continue;
      const raw = line.slice(m[0].length);
      const value = raw.replace(/[ \t\r]+$/, '');
      const start = from + m[0].length;
      values.push({ name, where: (m[1] as string).trim(), start, end: start + value.length, text: value, group: node });
    }
  }
  return values;
}

/** Every metric value the document writes, in document order of its tables, then its lists, then the Summary. */
export function readWrittenMetrics(doc: DocumentModel, template: TemplateModel): MetricValue[] {
  const values: MetricValue[] = [];
  for (const { node } of doc.tables) {
    for (const row of node.children.slice(1)) {
      // Only rows that name a metric are measured: a 10,000-row timeline costs one label read per row.
      const label = plainText(row.children[0] ?? row).trim();
      const name = metricOfRow(label);
      const cell = row.children[1];
      if (!name || !cell) continue;
      const value = cellSpan(doc.text, cell, row.children.length === 2);
      values.push({ name, where: label, start: value.textStart, end: value.textEnd, text: value.source, group: node });
    }
  }
  values.push(...listMetrics(doc));
  const { nodes, fields } = readSummary(doc, template);
  for (const field of fields) {
    if (field.name === 'duration') values.push({ name: 'duration', where: `Summary ${field.label}`, start: field.valueStart, end: field.valueEnd, text: field.value, group: nodes });
  }
  return values;
}
