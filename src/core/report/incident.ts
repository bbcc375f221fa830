// One post-mortem read for the incident report: its Summary (Incident ID, Date, Severity, Status),
// the durations its timeline gives (the same readings as the metrics rule, with the rule's options
// from the config), its action items and the contributing factors it checks. Plain data, so it
// crosses the worker boundary; ./build.ts puts many of them together.
import { buildDocument, type DocumentModel } from '../markdown/document';
import { parseDocumentText } from '../markdown/parse';
import { LineIndex } from '../markdown/positions';
import { tableRows, isBlankRow, type CellSpan, type RowSpan } from '../markdown/tableCells';
import { templateFor, type TemplateModel } from '../template/model';
import { scanBracketPlaceholders } from '../template/placeholders';
import { isTemplateDocument } from '../template/templateDocument';
import { allActionTables, roleOf, type Role } from '../postmortem/actionItems';
import { isDoneStatus, listActionItems } from '../postmortem/actionItemLists';
import { documentChecklists, factorChecklists } from '../postmortem/checklist';
import { schemaProperty } from '../postmortem/fieldNames';
import { readFrontMatter } from '../postmortem/frontMatter';
import { chosenOption } from '../postmortem/metadataValues';
import { timelineMetrics } from '../postmortem/metrics';
import { readingText, type MetricName } from '../postmortem/metricDefinitions';
import { readStatus } from '../postmortem/status';
import { fieldValue, readSummary } from '../postmortem/summary';
import { parseIsoDate, type CalendarDate } from '../postmortem/times';
import { resolveRule } from '../engine/config';
import { validateConfig } from '../engine/configValidation';
import { DEFAULT_MAX_DOCUMENT_SIZE } from '../engine/lint';
import { metrics as metricsRule } from '../rules/metrics';
import type { LintOptions } from '../types';

/** The metrics an incident report shows: the durations of the JSON shape (Duration of Impact is the metrics rule's only). */
export const REPORT_METRICS = ['ttd', 'tta', 'ttm', 'ttr', 'duration'] as const satisfies readonly MetricName[];
export type ReportMetric = (typeof REPORT_METRICS)[number];

/** An action item as the report counts it. */
export interface ReportActionItem {
  action: string;
  owner: string | undefined;
  /** YYYY-MM-DD when the Due Date is a real date. */
  due: string | undefined;
  /** The Status cell as written (undefined for a list item or a table without one). */
  status: string | undefined;
  /** Whether the document says it is done (Done, Closed, Complete, Won't Do; a completed list item is not read at all). */
  done: boolean;
  /** Beads ids the item names (`bd://pay-412` -> pay-412): where a Beads status can be looked up. */
  issues: string[];
  /** 1-based line of the item. */
  line: number;
}

/** A post-mortem as the report reads it. */
export interface IncidentReading {
  file: string;
  /** The H1 without the template's prefix ("Checkout latency"). */
  title: string;
  id: string | undefined;
  /** YYYY-MM-DD: the Summary's Date, else the front matter's `date`, else the first dated timeline row's day. */
  date: string | undefined;
  severity: string | undefined;
  status: string | undefined;
  /** Minutes per metric, null when the timeline does not give it. */
  metrics: Record<ReportMetric, number | null>;
  /** The reading each given metric used ("start->detected"). */
  readings: Partial<Record<ReportMetric, string>>;
  actionItems: ReportActionItem[];
  /** Labels of the contributing factors checked. */
  factors: string[];
}

/** Why a document is left out of the report. */
export type IncidentSkip = { file: string; skipped: string };

const BEADS_LINK = /\bbd:\/\/([A-Za-z0-9][\w-]*(?:\.\d+)*)/g;
const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;
const HANDLE = /(?<![\w.@/])@[A-Za-z0-9][\w.-]*/;

const iso = (d: CalendarDate) => `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** A real date at the start of a value ("2026-03-14", "2026-03-14 23:40 UTC"). */
function leadingDate(text: string): string | undefined {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?![\d])/.exec(text);
  const date = m ? parseIsoDate(m[1] as string) : undefined;
  return date ? iso(date) : undefined;
}

/** A field's value unless it is still the template's placeholder. */
function filledValue(text: string): string | undefined {
  const value = text.trim();
  return value === '' || scanBracketPlaceholders(value).length > 0 || value.includes('|') ? undefined : value;
}

interface SummaryValues {
  id?: string | undefined;
  date?: string | undefined;
  severity?: string | undefined;
}

function summaryValues(doc: DocumentModel, template: TemplateModel): SummaryValues {
  const found: SummaryValues = {};
  for (const field of readSummary(doc, template).fields) {
    const property = schemaProperty(field.name, template) ?? field.name;
    const value = filledValue(fieldValue(field).text);
    if (value === undefined) continue;
    if (property === 'incidentId') found.id ??= value;
    else if (property === 'date') found.date ??= leadingDate(value);
    else if (property === 'severity') {
      const choices = template.summaryFields.find((f) => f.name === field.name)?.choices ?? [];
      found.severity ??= chosenOption(value, choices) ?? value;
    }
  }
  for (const entry of readFrontMatter(doc).entries) {
    if (typeof entry.value !== 'string') continue;
    const property = schemaProperty(entry.key, template) ?? entry.key.toLowerCase().replace(/[_-](\w)/g, (_, c: string) => c.toUpperCase());
    if (property === 'date') found.date ??= leadingDate(entry.value);
    else if (property === 'incidentId') found.id ??= filledValue(entry.value);
    else if (property === 'severity') found.severity ??= filledValue(entry.value);
  }
  return found;
}

function columnsOf(header: RowSpan): Map<Role, number> {
  const columnOf = new Map<Role, number>();
  header.cells.forEach((c, i) => {
    const role = roleOf(c.text);
    if (role && !columnOf.has(role)) columnOf.set(role, i);
  });
  return columnOf;
}

const cellValue = (cell: CellSpan | undefined) => (cell && scanBracketPlaceholders(cell.source).length === 0 && cell.text !== '' ? cell.text : undefined);
const beadsIds = (text: string) => [...text.matchAll(BEADS_LINK)].map((m) => m[1] as string);

/** Rows of the action-item tables (blank rows and rows still holding the template's "[Action 1]" left out), then open list items. */
function readActionItems(doc: DocumentModel, template: TemplateModel): ReportActionItem[] {
  const items: ReportActionItem[] = [];
  for (const table of allActionTables(doc, template)) {
    const { header, body } = tableRows(doc.text, doc.lines, table.node);
    if (!header) continue;
    const columnOf = columnsOf(header);
    for (const row of body) {
      const at = (role: Role) => {
        const i = columnOf.get(role);
        return i === undefined ? undefined : row.cells[i];
      };
      const action = cellValue(at('action') ?? row.cells[0]);
      if (isBlankRow(row) || action === undefined) continue;
      const status = cellValue(at('status'));
      const due = cellValue(at('due'));
      const dueDate = due === undefined ? undefined : parseIsoDate(due);
      items.push({
        action,
        owner: cellValue(at('owner')),
        due: dueDate ? iso(dueDate) : undefined,
        status,
        done: status !== undefined && isDoneStatus(status),
        issues: beadsIds(at('issue')?.source ?? row.cells.map((c) => c.source).join(' ')),
        line: doc.lines.point(row.start).line,
      });
    }
  }
  for (const item of listActionItems(doc, template)) {
    const text = doc.text.slice(item.start, item.end);
    const due = ISO_DAY.exec(text)?.[0];
    items.push({
      action: item.title,
      owner: HANDLE.exec(text)?.[0],
      due: due && parseIsoDate(due) ? due : undefined,
      status: undefined,
      done: false,
      issues: beadsIds(text),
      line: doc.lines.point(item.start).line,
    });
  }
  return items;
}

function checkedFactors(doc: DocumentModel, template: TemplateModel): string[] {
  const labels: string[] = [];
  for (const { checklist } of factorChecklists(template))
    for (const { items } of documentChecklists(doc, template, checklist)) for (const item of items) if (item.checked && !labels.includes(item.label.label)) labels.push(item.label.label);
  return labels;
}

function title(doc: DocumentModel, template: TemplateModel): string {
  const text = doc.titleText.trim();
  const prefix = template.titlePrefix.trim();
  const rest = prefix && text.toLowerCase().startsWith(prefix.toLowerCase()) ? text.slice(prefix.length) : text.replace(/^post[- ]?mortem\s*[:\-–—]\s*/i, '');
  return rest.trim() || text;
}

/**
 * A post-mortem's reading for the report, or why it is left out (a template, or over the size limit).
 * `options` as lint takes them: the config's metrics options (keywords, definitions, maxMinutes) apply.
 */
export function readIncident(given: string, options: LintOptions = {}): IncidentReading | IncidentSkip {
  const file = options.file ?? '<text>';
  if (given.length > DEFAULT_MAX_DOCUMENT_SIZE) return { file, skipped: 'over the size limit, not read' };
  const template = templateFor(options.templateText);
  const { text, tree } = parseDocumentText(given);
  const doc = buildDocument(text, tree, new LineIndex(text));
  if (isTemplateDocument(doc, template, { fileName: file })) return { file, skipped: 'a post-mortem template, not a post-mortem' };
  const checked = options.config === undefined ? undefined : validateConfig(options.config);
  const config = checked && checked.errors.length === 0 ? checked.config : undefined;
  const derived = timelineMetrics(doc, template, resolveRule(metricsRule, config).options);
  const metrics = {} as Record<ReportMetric, number | null>;
  const readings: Partial<Record<ReportMetric, string>> = {};
  for (const name of REPORT_METRICS) {
    const metric = derived.metrics[name];
    metrics[name] = metric ? metric.minutes : null;
    if (metric) readings[name] = readingText(metric.reading);
  }
  const values = summaryValues(doc, template);
  const firstDated = derived.timeline?.runs.flatMap((r) => r.entries).find((e) => e.time?.date)?.time?.date;
  const date = values.date ?? (derived.summaryDate ? iso(derived.summaryDate) : firstDated ? iso(firstDated) : undefined);
  return {
    file,
    title: title(doc, template),
    id: values.id,
    date,
    severity: values.severity,
    status: readStatus(doc, template)?.value,
    metrics,
    readings,
    actionItems: readActionItems(doc, template),
    factors: checkedFactors(doc, template),
  };
}

export function isSkipped(reading: IncidentReading | IncidentSkip): reading is IncidentSkip {
  return 'skipped' in reading;
}
