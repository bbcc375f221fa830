// metrics: the durations authors type by hand (Detection Delay table, Summary Duration, User Impact
// "Duration of Impact") agree with what the timeline says under a reading teams use, and are filled in
// when it can answer them. What the author wrote is never overwritten by --fix: a disagreement offers
// suggestions, and a fill is a safe fix only when its rows are certain.
import { durationResolution, formatDuration, parseDuration } from '../postmortem/duration';
import {
  METRIC_LABELS,
  METRIC_NAMES,
  METRIC_SHORT_NAMES,
  readingText,
  sameReading,
  type MetricName,
  type MetricReading,
} from '../postmortem/metricDefinitions';
import {
  describeRows,
  problemText,
  quoteRow,
  someRowsApart,
  timelineMetrics,
  type Metric,
  type MetricsOptions,
  type ReadingOutcome,
  type RowProblem,
  type TimelineMetrics,
} from '../postmortem/metrics';
import { MILESTONES, type MilestoneRow } from '../postmortem/milestones';
import { scanBracketPlaceholders } from '../template/placeholders';
import type { Report, Rule, RuleContext } from './rule';
import { readWrittenMetrics, type MetricValue } from '../postmortem/writtenMetrics';
import { precisionMinutes, type TimePrecision } from '../postmortem/times';
import type { Fix } from '../types';

export const NO_IMPACT_START = 'No impact-start row: tag the row where impact began with {start} to derive TTD, TTM, TTR and Duration.';

function isUnfilled(text: string): boolean {
  return text.trim() === '' || scanBracketPlaceholders(text).length > 0;
}

/** `101 minutes (start->restored: 07:58 "…" -> 09:39 "…")` */
function reading(metric: Metric, style: string | undefined): string {
  return `${formatDuration(metric.minutes, style)} (${readingText(metric.reading)}: ${describeRows(metric)})`;
}

/** "a, b or c" */
function either(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** "a, b and c" */
function both(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Whether a written value agrees with a metric, compared at the precision the value can express:
 * in whole minutes the timeline's minutes are rounded first (08:00:10 -> 08:33:20 is "33 minutes").
 * A row known only to the hour or the day widens the range by what it spans.
 */
function agrees(written: number, text: string, metric: Metric, tolerance: number): boolean {
  const step = durationResolution(text);
  const derived = Math.round(metric.minutes / step) * step;
  const span = (p: TimePrecision | undefined) => (p === 'day' || p === 'hour' ? precisionMinutes(p) : 0);
  const low = derived - span(metric.from.entry.time?.precision) - tolerance - 1e-9;
  const high = derived + span(metric.to.entry.time?.precision) + tolerance + 1e-9;
  return (written >= low && written <= high) || formatDuration(metric.minutes, text) === text.trim();
}

/** Why a fill is offered, not applied: the default reading gives nothing, or the first uncertainty of its rows. */
function doubt(metric: Metric, passedOver: ReadingOutcome | undefined, maxMinutes: number): string {
  if (passedOver?.problem) return `the default reading ${readingText(passedOver.reading)} ${problemText(passedOver.problem, maxMinutes)}`;
  for (const row of [metric.from, metric.to]) {
    if (row.source === 'first-row') return `the impact start is only the first row (tag it {start} if impact began there)`;
    if (!row.certain) return `${quoteRow(row.entry)} matches more than one milestone (tag it {${row.milestone}})`;
    const precision = row.entry.time?.precision;
    if (precision === 'day' || precision === 'hour') return `${quoteRow(row.entry)} gives only the ${precision}`;
  }
  return 'its rows are not certain';
}

export interface MetricsRuleOptions extends Required<MetricsOptions> {
  toleranceMinutes: number;
}

export const metrics: Rule<MetricsRuleOptions> = {
  id: 'metrics',
  description:
    'TTD, TTA, TTM, TTR, Duration and Duration of Impact agree with the timeline under a standard (or pinned) reading, and are filled in when it can answer them; a written value is never overwritten by --fix.',
  defaultSeverity: 'warning',
  fixable: true,
  hasSuggestions: true,
  optionsSchema: {
    type: 'object',
    properties: {
      toleranceMinutes: { type: 'number', minimum: 0, description: 'Allowed difference between a written value and the timeline, in minutes.' },
      maxMinutes: {
        type: 'number',
        minimum: 1,
        description: 'Longest plausible metric, in minutes (default 30 days): a longer one is a wrong date, reported at the timeline instead of derived.',
      },
      keywords: {
        type: 'object',
        description:
          'Words that mark a timeline row as a milestone, matched by word form ("alerts" matches "alert"), replacing the defaults for that milestone. Rows can also be tagged: {start}, {detected}, {acknowledged}, {mitigated}, {restored}, {closed}.',
        // `\S` rejects "" and blanks alike; minLength would add a runtime require to the precompiled validator.
        properties: Object.fromEntries(MILESTONES.map((m) => [m, { type: 'array', items: { type: 'string', pattern: '\\S' } }])),
        additionalProperties: false,
      },
      definitions: {
        type: 'object',
        description:
          'Pins the reading of a metric: the milestones it counts from and to. Unpinned, a written value may follow any standard reading, and fills use the default one.',
        properties: Object.fromEntries(
          METRIC_NAMES.map((name) => [
            name,
            {
              type: 'object',
              description: `${METRIC_LABELS[name]}: counted from one milestone to another.`,
              properties: { from: { type: 'string', enum: [...MILESTONES] }, to: { type: 'string', enum: [...MILESTONES] } },
              required: ['from', 'to'],
              additionalProperties: false,
            },
          ]),
        ),
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
  defaultOptions: { toleranceMinutes: 1, keywords: {}, definitions: {}, maxMinutes: 43200 },
  check(ctx) {
    const tolerance = ctx.options.toleranceMinutes;
    const derived = timelineMetrics(ctx.doc, ctx.template, ctx.options);
    if (!derived.timeline || !derived.measurable) return;
    const written = readWrittenMetrics(ctx.doc, ctx.template);
    if (written.length === 0) return; // nothing to check or fill: no finding about the timeline either
    // Fill values in the style the author already uses nearby ("1 h 52 min" vs "1 hour 52 minutes").
    const usable = written.filter((w) => !isUnfilled(w.text) && parseDuration(w.text) !== undefined);
    const sampleFor = (v: MetricValue) => (usable.find((w) => w.group === v.group) ?? usable[0])?.text;

    for (const value of written) {
      const outcomes = derived.readings[value.name];
      if (isUnfilled(value.text)) fill(ctx, derived, value, outcomes, sampleFor(value));
      else judge(ctx, derived, value, outcomes, tolerance);
    }
    explainTimeline(ctx, derived, new Set(written.map((w) => w.name)));
  },
};

/** Whether every reading compared rests on certain rows (tagged, or one keyword match each), or the reading is pinned. */
function pinnedOrCertain(derived: TimelineMetrics, value: MetricValue, metrics: readonly Metric[]): boolean {
  return derived.pinned[value.name] !== undefined || metrics.every((m) => m.from.certain && m.to.certain);
}

/** The two timeline rows a finding is about. */
function related(rows: { from: MilestoneRow; to: MilestoneRow }): NonNullable<Report['related']> {
  return [rows.from, rows.to].map((row) => ({ message: `${row.milestone}: ${row.entry.timeText}`, start: row.entry.span.start, end: row.entry.span.end }));
}

/** Fixes writing each derivable reading, the first one first, none repeating the text; readings named when there is a choice. */
function writeFixes(ctx: RuleContext, value: MetricValue, metrics: readonly Metric[], style: string | undefined, verb: string): Fix[] {
  const seen = new Set<string>([value.text.trim()]);
  const choices: { text: string; metric: Metric }[] = [];
  for (const metric of metrics) {
    const text = formatDuration(metric.minutes, style);
    if (seen.has(text)) continue;
    seen.add(text);
    choices.push({ text, metric });
  }
  return choices.map(({ text, metric }) => ({
    title: `${verb} ${value.where} from the timeline: ${text}${choices.length > 1 ? ` (${readingText(metric.reading)})` : ''}`,
    edits: [ctx.edit(value.start, value.end, text)],
  }));
}

/**
 * What a fill replaces: the whole value, or its one placeholder when the author wrote words beside it
 * ("[X minutes] estimated by Zoë"). Words around several placeholders are not safe to fill at all.
 */
function fillTarget(value: MetricValue): { target: MetricValue; safe: boolean } {
  const placeholders = scanBracketPlaceholders(value.text);
  const words = placeholders.reduceRight((rest, p) => rest.slice(0, p.start) + rest.slice(p.end), value.text).trim();
  const only = placeholders[0];
  if (!words || !only) return { target: value, safe: true };
  if (placeholders.length > 1) return { target: value, safe: false };
  return { target: { ...value, start: value.start + only.start, end: value.start + only.end, text: only.text }, safe: true };
}

function fill(ctx: RuleContext, derived: TimelineMetrics, value: MetricValue, outcomes: ReadingOutcome[], style: string | undefined): void {
  const metric = derived.metrics[value.name];
  if (!metric) return; // explained at the timeline when a row is missing or implausible
  const first = outcomes[0] as ReadingOutcome;
  const isFirst = sameReading(metric.reading, first.reading);
  const { target, safe: targetSafe } = fillTarget(value);
  const safe = isFirst && metric.certain && targetSafe;
  const others = outcomes.map((o) => o.metric).filter((m): m is Metric => m !== undefined && m !== metric);
  const fixes = writeFixes(ctx, target, [metric, ...others], style, 'Fill');
  const [main, ...alternatives] = fixes;
  if (!main) return;
  const gives = `${value.where} is not filled in: the timeline gives ${reading(metric, style)}`;
  if (safe) {
    const fix = { ...main, title: `Fill ${value.where} from the timeline: ${formatDuration(metric.minutes, style)}` };
    const report: Report = { message: `${gives}.`, start: value.start, end: value.end, fix, related: related(metric) };
    if (alternatives.length) report.suggestions = alternatives;
    ctx.report(report);
    return;
  }
  ctx.report({
    message: `${gives}; not filled by --fix: ${targetSafe ? doubt(metric, isFirst ? undefined : first, derived.maxMinutes) : 'the value has words around its placeholders'}.`,
    start: value.start,
    end: value.end,
    suggestions: fixes,
    related: related(metric),
  });
}

function judge(ctx: RuleContext, derived: TimelineMetrics, value: MetricValue, outcomes: ReadingOutcome[], tolerance: number): void {
  const writtenMinutes = parseDuration(value.text);
  if (writtenMinutes === undefined) return; // not a duration: the metadata rule or the author's prose
  // A reading the timeline cannot measure from (no start row, rows it cannot compare) might be the
  // author's: the value is not judged, and the timeline finding says what to change.
  const blocked = outcomes.some((o) => o.problem && (o.problem.kind !== 'missing' || o.problem.milestones.includes(o.reading.from)));
  const metrics = outcomes.map((o) => o.metric).filter((m): m is Metric => m !== undefined);
  if (blocked || metrics.length === 0) return;
  if (metrics.some((m) => agrees(writtenMinutes, value.text, m, tolerance))) return;
  // A milestone the timeline only guesses (the first row as impact start, a row matching two
  // milestones) may not be the author's: the value stands when two rows are that far apart.
  const guessed = !pinnedOrCertain(derived, value, metrics);
  const half = durationResolution(value.text) / 2;
  if (guessed && someRowsApart(derived, writtenMinutes - tolerance - half, writtenMinutes + tolerance + half)) return;
  const pinned = derived.pinned[value.name];
  const gives = pinned
    ? `${formatDuration((metrics[0] as Metric).minutes, value.text)}: ${describeRows(metrics[0] as Metric)} (pinned in .postmortemrc.json: ${readingText(pinned)})`
    : either(metrics.map((m) => reading(m, value.text)));
  const suggestions = writeFixes(ctx, value, metrics, value.text, 'Correct');
  const report: Report = {
    message: `${value.where} says "${value.text}" but the timeline gives ${gives}.`,
    start: value.start,
    end: value.end,
    related: related(metrics[0] as Metric),
  };
  if (suggestions.length) report.suggestions = suggestions;
  ctx.report(report);
}

/** How to change the timeline so a reading gives a value. */
function remedy(problem: RowProblem, derived: TimelineMetrics): string {
  switch (problem.kind) {
    case 'same-row':
      return `Tag the row where each happened: {${problem.from.milestone}} and {${problem.to.milestone}}.`;
    case 'mixed-dates':
      return derived.summaryDate || !(problem.fromDated || problem.toDated)
        ? 'Write the date on every timeline row.'
        : 'Write the date on every timeline row, or fill the Summary Date (rows without a date take it).';
    case 'negative':
      return `Put the rows in time order, or tag the right rows {${problem.from.milestone}} and {${problem.to.milestone}}.`;
    case 'too-long':
      return 'Check the dates of these rows.';
  }
}

/** Problems with one cause share a finding: a dated row among undated ones spoils every reading it ends. */
function problemKey(problem: RowProblem): string {
  if (problem.kind === 'mixed-dates' && problem.fromDated !== problem.toDated) {
    return `mixed:${(problem.fromDated ? problem.from : problem.to).entry.span.start}`;
  }
  return `${problem.kind}:${problem.from.entry.span.start}:${problem.to.entry.span.start}`;
}

/**
 * Info findings at the timeline heading, for the metrics the document writes: no impact start (once),
 * and each pair of rows that gives no plausible value (negative, too long, dated with undated, one row).
 */
function explainTimeline(ctx: RuleContext, derived: TimelineMetrics, present: ReadonlySet<MetricName>): void {
  const heading = derived.timeline?.sections[0];
  if (!heading) return;
  const at = { start: heading.start, end: heading.headingEnd, severity: 'info' as const };
  const consulted = METRIC_NAMES.filter((name) => present.has(name)).flatMap((name) => derived.readings[name].map((o) => ({ name, outcome: o })));
  if (!derived.milestones.start && consulted.some(({ outcome }) => outcome.reading.from === 'start' || outcome.reading.to === 'start')) {
    ctx.report({ message: NO_IMPACT_START, ...at });
  }
  const groups = new Map<string, { problem: RowProblem; readings: Map<MetricName, MetricReading[]> }>();
  for (const { name, outcome } of consulted) {
    const problem = outcome.problem;
    if (!problem || problem.kind === 'missing') continue;
    if (problem.kind === 'same-row' && problem.from.tagged && problem.to.tagged) continue; // the author's own tags
    const group = groups.get(problemKey(problem)) ?? { problem, readings: new Map() };
    group.readings.set(name, [...(group.readings.get(name) ?? []), outcome.reading]);
    groups.set(problemKey(problem), group);
  }
  for (const { problem, readings } of groups.values()) {
    // The first reading (default or pinned) goes without saying; the others are named.
    const names = [...readings].map(([name, list]) => {
      const first = derived.readings[name][0]?.reading;
      const plain = list.length === 1 && first !== undefined && sameReading(list[0] as MetricReading, first);
      return plain ? METRIC_SHORT_NAMES[name] : `${METRIC_SHORT_NAMES[name]} (${list.map(readingText).join(', ')})`;
    });
    ctx.report({
      message: `${both(names)} ${names.length > 1 ? 'are' : 'is'} not derived: ${problemText(problem, derived.maxMinutes)}. ${remedy(problem, derived)}`,
      ...at,
      related: related(problem),
    });
  }
}
