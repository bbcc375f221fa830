// metrics: the durations authors type by hand (Detection Delay table, Summary Duration, User Impact
// "Duration of Impact") agree with what the timeline says, and are filled in when it can answer them.
import { formatDuration, parseDuration } from '../duration';
import { readFieldLines } from '../fields';
import { MILESTONES, timelineMetrics, type Metric, type MetricName, type Milestone } from '../metrics';
import { scanBracketPlaceholders } from '../placeholders';
import type { Rule, RuleContext } from '../rule';
import { plainText } from '../document';
import { cellSpan } from '../tableCells';

/** Where a metric is written: the value's offsets and text. */
interface MetricValue {
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

function readWrittenMetrics(ctx: RuleContext): MetricValue[] {
  const values: MetricValue[] = [];
  for (const { node } of ctx.doc.tables) {
    for (const row of node.children.slice(1)) {
      // Only rows that name a metric are measured: a 10,000-row timeline costs one label read per row.
      const name = metricOfRow(plainText(row.children[0] ?? row).trim());
      const cell = row.children[1];
      if (!name || !cell) continue;
      const value = cellSpan(ctx.text, cell, row.children.length === 2);
      values.push({ name, where: plainText(row.children[0] ?? row).trim(), start: value.textStart, end: value.textEnd, text: value.source, group: node });
    }
  }
  const summary = ctx.template.summarySectionKey ? ctx.doc.sections.find((s) => s.key === ctx.template.summarySectionKey) : undefined;
  const summaryNodes = summary ? summary.nodes : ctx.doc.tree.children;
  for (const field of readFieldLines(ctx.text, summaryNodes)) {
    if (field.name === 'duration')
      values.push({ name: 'duration', where: `Summary ${field.label}`, start: field.valueStart, end: field.valueEnd, text: field.value, group: summaryNodes });
  }
  return values;
}

function describe(metric: Metric): string {
  const row = (m: Metric['from']) => `${m.entry.timeText} "${m.entry.eventText.replace(/\s*\{[a-z]+\}/gi, '').slice(0, 40)}"`;
  return `${row(metric.from)} -> ${row(metric.to)}`;
}

function isUnfilled(text: string): boolean {
  return text.trim() === '' || scanBracketPlaceholders(text).length > 0;
}

export const metrics: Rule = {
  id: 'metrics',
  description: 'TTD, TTA, TTM, TTR, Duration and Duration of Impact agree with the timeline (and are filled in when it can answer them).',
  defaultSeverity: 'warning',
  fixable: true, hasSuggestions: true,
  optionsSchema: {
    type: 'object',
    properties: {
      toleranceMinutes: { type: 'number', minimum: 0, description: 'Allowed difference between a written value and the timeline, in minutes.' },
      keywords: {
        type: 'object',
        description: 'Words that mark a timeline row as a milestone (replacing the defaults for that milestone). Rows can also be tagged: {start}, {detected}, {acknowledged}, {mitigated}, {restored}, {closed}.',
        properties: Object.fromEntries(MILESTONES.map((m) => [m, { type: 'array', items: { type: 'string' } }])),
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
  defaultOptions: { toleranceMinutes: 1, keywords: {} },
  check(ctx) {
    const tolerance = Number(ctx.options['toleranceMinutes'] ?? 1);
    const keywords = (ctx.options['keywords'] ?? {}) as Partial<Record<Milestone, string[]>>;
    const derived = timelineMetrics(ctx.doc, ctx.template, keywords);
    if (Object.keys(derived.metrics).length === 0) return;
    const written = readWrittenMetrics(ctx);
    // Fill values in the style the author already uses nearby ("1 h 52 min" vs "1 hour 52 minutes").
    const usable = written.filter((w) => !isUnfilled(w.text) && parseDuration(w.text) !== undefined);
    const sampleFor = (v: MetricValue) => (usable.find((w) => w.group === v.group) ?? usable[0])?.text;

    for (const value of written) {
      const metric = derived.metrics[value.name];
      if (!metric) continue;
      const related = [
        { message: `${metric.from.milestone}: ${metric.from.entry.timeText}`, start: metric.from.entry.span.start, end: metric.from.entry.span.end },
        { message: `${metric.to.milestone}: ${metric.to.entry.timeText}`, start: metric.to.entry.span.start, end: metric.to.entry.span.end },
      ];
      if (isUnfilled(value.text)) {
        const filled = formatDuration(metric.minutes, sampleFor(value));
        ctx.report({
          message: `${value.where} is not filled in: the timeline gives ${filled} (${describe(metric)}).`,
          start: value.start,
          end: value.end,
          fix: { title: `Fill ${value.where} from the timeline: ${filled}`, edits: [ctx.edit(value.start, value.end, filled)] },
          related,
        });
        continue;
      }
      const writtenMinutes = parseDuration(value.text);
      if (writtenMinutes === undefined) continue; // not a duration: the metadata rule or the author's prose
      if (Math.abs(writtenMinutes - metric.minutes) <= tolerance) continue;
      const corrected = formatDuration(metric.minutes, value.text);
      ctx.report({
        message: `${value.where} says "${value.text}" but the timeline gives ${corrected} (${describe(metric)}).`,
        start: value.start,
        end: value.end,
        fix: { title: `Correct ${value.where} from the timeline: ${corrected}`, edits: [ctx.edit(value.start, value.end, corrected)] },
        related,
      });
    }
  },
};
