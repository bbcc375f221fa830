// Incident metrics derived from the timeline: the milestones (impact start, detection, acknowledgement,
// mitigation, restoration, closure) and the durations between them (TTD, TTA, TTM, TTR, Duration,
// Duration of Impact), each by a reading ("start->acknowledged") that teams choose or that the rule
// accepts among the usual ones. The `metrics` rule and `postmortem metrics` both read this.
import type { DocumentModel } from '../markdown/document';
import { memoize } from '../markdown/memo';
import { formatDuration } from './duration';
import {
  DEFAULT_MILESTONE_KEYWORDS,
  findMilestones,
  keywordIndex,
  MILESTONE_NOUNS,
  MILESTONE_TAG,
  milestoneRow,
  MILESTONES,
  templateKeywords,
  type Milestone,
  type MilestoneRow,
} from './milestones';
import type { TemplateModel } from '../template/model';
import { readSummary } from './summary';
import { entryMoments, readTimeline, type Timeline, type TimelineEntry } from './timeline';
import { parseIsoDate, type CalendarDate } from './times';
import {
  DEFAULT_MAX_MINUTES,
  METRIC_LABELS,
  METRIC_NAMES,
  reading,
  sameReading,
  STANDARD_READINGS,
  type MetricName,
  type MetricReading,
} from './metricDefinitions';


/** The `metrics` rule's options that change what the timeline gives (its whole options object fits). */
export interface MetricsOptions {
  keywords?: Partial<Record<Milestone, readonly string[]>>;
  definitions?: Partial<Record<MetricName, MetricReading>>;
  maxMinutes?: number;
}

export interface Metric {
  name: MetricName;
  /** "Time to Detection (TTD)" */
  label: string;
  minutes: number;
  reading: MetricReading;
  from: MilestoneRow;
  to: MilestoneRow;
  /** Both rows are certain milestones with a time to the minute: a safe fix may write it. */
  certain: boolean;
}

/** Why a reading gives no value. */
export type ReadingProblem =
  | { kind: 'missing'; milestones: Milestone[] }
  | { kind: 'same-row'; from: MilestoneRow; to: MilestoneRow }
  | { kind: 'mixed-dates'; from: MilestoneRow; to: MilestoneRow; fromDated: boolean; toDated: boolean }
  | { kind: 'negative'; from: MilestoneRow; to: MilestoneRow; minutes: number }
  | { kind: 'too-long'; from: MilestoneRow; to: MilestoneRow; minutes: number };

/** A problem between two milestone rows that exist. */
export type RowProblem = Exclude<ReadingProblem, { kind: 'missing' }>;

export interface ReadingOutcome {
  reading: MetricReading;
  metric: Metric | undefined;
  problem: ReadingProblem | undefined;
}

export interface TimelineMetrics {
  timeline: Timeline | undefined;
  milestones: Partial<Record<Milestone, MilestoneRow>>;
  /** Per metric, what a fill writes and the summary shows: the pinned reading, else the default or a fallback from the same milestone. */
  metrics: Partial<Record<MetricName, Metric>>;
  /** Per metric, the readings a written value may follow (the pinned one alone when pinned), the default first. */
  readings: Record<MetricName, ReadingOutcome[]>;
  pinned: Partial<Record<MetricName, MetricReading>>;
  /** Whether any timeline row has a time: without one there is nothing to measure or to explain. */
  measurable: boolean;
  /** The Summary's Date, which rows without a date take. */
  summaryDate: CalendarDate | undefined;
  maxMinutes: number;
  /** The minutes of the placed rows, ascending, per frame (rows of different frames never compare). */
  frames: number[][];
}

/**
 * Whether two rows of one frame are between `low` and `high` minutes apart: a written duration the
 * author may have counted between rows the milestones do not pick. Sorted minutes and a binary
 * search per row: n log n.
 */
export function someRowsApart(derived: TimelineMetrics, low: number, high: number): boolean {
  for (const minutes of derived.frames) {
    for (let i = 0; i < minutes.length; i++) {
      const from = (minutes[i] as number) + Math.max(low, 1e-9);
      let lo = i + 1;
      let hi = minutes.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((minutes[mid] as number) < from) lo = mid + 1;
        else hi = mid;
      }
      if (lo < minutes.length && (minutes[lo] as number) - (minutes[i] as number) <= high) return true;
    }
  }
  return false;
}

/** A row as messages quote it: `08:09 "Synthetic probe alerts on the…"`. */
export function quoteRow(entry: TimelineEntry): string {
  const event = entry.eventText.replace(MILESTONE_TAG, '').replace(/\s+/g, ' ').trim();
  return `${entry.timeText} "${event.length > 40 ? `${event.slice(0, 39)}…` : event}"`;
}

/** `07:58 "…" -> 08:09 "…"` */
export function describeRows(metric: Metric): string {
  return `${quoteRow(metric.from.entry)} -> ${quoteRow(metric.to.entry)}`;
}

/** The options as given: the rule's options object, or (older callers) its keywords record alone. */
function readOptions(given: object): MetricsOptions {
  const keys = Object.keys(given);
  if (keys.length > 0 && keys.every((k) => (MILESTONES as readonly string[]).includes(k))) return { keywords: given as MetricsOptions['keywords'] & object };
  return given as MetricsOptions;
}

function pinnedReadings(definitions: MetricsOptions['definitions']): Partial<Record<MetricName, MetricReading>> {
  const pinned: Partial<Record<MetricName, MetricReading>> = {};
  const isMilestone = (m: unknown): m is Milestone => (MILESTONES as readonly unknown[]).includes(m);
  for (const name of METRIC_NAMES) {
    const d = definitions?.[name];
    if (d && isMilestone(d.from) && isMilestone(d.to)) pinned[name] = reading(d.from, d.to);
  }
  return pinned;
}

/** Where a row falls: minutes within a frame (0: calendar time; n: the undated rows of table n). */
interface Placed {
  minutes: number;
  frame: number;
}

/**
 * The milestones and metrics the timeline gives. `options` is the `metrics` rule's options object
 * (a keywords record alone, as older callers pass, is read as `{ keywords }`).
 */
export function timelineMetrics(
  doc: DocumentModel,
  template: TemplateModel,
  options: MetricsOptions | Partial<Record<Milestone, readonly string[]>> | Readonly<Record<string, unknown>> = {},
): TimelineMetrics {
  const given = readOptions(options);
  const maxMinutes = typeof given.maxMinutes === 'number' && given.maxMinutes >= 1 ? given.maxMinutes : DEFAULT_MAX_MINUTES;
  const pinned = pinnedReadings(given.definitions);
  const keywords = given.keywords && typeof given.keywords === 'object' ? given.keywords : {};
  const key = JSON.stringify([keywords, pinned, maxMinutes]);
  return memoize(doc, 'timeline metrics', [template, key], () => measure(doc, template, keywords, pinned, maxMinutes));
}

function measure(
  doc: DocumentModel,
  template: TemplateModel,
  keywords: NonNullable<MetricsOptions['keywords']>,
  pinned: ReturnType<typeof pinnedReadings>,
  maxMinutes: number,
): TimelineMetrics {
  const timeline = readTimeline(doc, template);
  const summaryDate = parseIsoDate(readSummary(doc, template).fields.find((f) => f.name === 'date')?.value ?? '');
  const placed = new Map<TimelineEntry, Placed>();
  timeline?.runs.forEach((run, t) => {
    // Only the first table (or run of entries) continues from the Summary's Date: a later undated one may be another day.
    const moments = entryMoments(run.entries, t === 0 ? summaryDate : undefined);
    run.entries.forEach((entry, i) => {
      const moment = moments[i];
      if (moment) placed.set(entry, { minutes: moment.minutes, frame: moment.dated ? 0 : t + 1 });
    });
  });
  // Time order within a frame; frames in the order they first appear (rows of different frames never compare).
  const frameRank = new Map<number, number>();
  const keyed = [...placed].map(([entry, p], position) => {
    if (!frameRank.has(p.frame)) frameRank.set(p.frame, frameRank.size);
    return { entry, rank: frameRank.get(p.frame) as number, minutes: p.minutes, position };
  });
  keyed.sort((a, b) => a.rank - b.rank || a.minutes - b.minutes || a.position - b.position);
  const byTime = keyed.map((k) => k.entry);

  const fromTemplate = templateKeywords(template);
  const index = keywordIndex(
    Object.fromEntries(MILESTONES.map((m) => [m, [...(keywords[m] ?? DEFAULT_MILESTONE_KEYWORDS[m]), ...fromTemplate[m]]])) as Record<Milestone, string[]>,
  );
  const milestones = findMilestones(byTime, index);

  const measure = (name: MetricName, r: MetricReading): ReadingOutcome => {
    const from = milestones[r.from];
    const to = milestones[r.to];
    const fail = (problem: ReadingProblem): ReadingOutcome => ({ reading: r, metric: undefined, problem });
    if (!from || !to) return fail({ kind: 'missing', milestones: [...new Set([r.from, r.to])].filter((m) => !milestones[m]) });
    if (from.entry === to.entry) return fail({ kind: 'same-row', from, to });
    const a = placed.get(from.entry) as Placed;
    const b = placed.get(to.entry) as Placed;
    if (a.frame !== b.frame) return fail({ kind: 'mixed-dates', from, to, fromDated: a.frame === 0, toDated: b.frame === 0 });
    const minutes = b.minutes - a.minutes;
    if (minutes < 0) return fail({ kind: 'negative', from, to, minutes });
    if (minutes > maxMinutes) return fail({ kind: 'too-long', from, to, minutes });
    const exact = (row: MilestoneRow) => row.certain && (row.entry.time?.precision === 'minute' || row.entry.time?.precision === 'second');
    return { reading: r, metric: { name, label: METRIC_LABELS[name], minutes, reading: r, from, to, certain: exact(from) && exact(to) }, problem: undefined };
  };

  const readings = {} as Record<MetricName, ReadingOutcome[]>;
  const metrics: Partial<Record<MetricName, Metric>> = {};
  for (const name of METRIC_NAMES) {
    const own = pinned[name];
    const outcomes = (own ? [own] : STANDARD_READINGS[name]).map((r) => measure(name, r));
    readings[name] = outcomes;
    const from = (outcomes[0] as ReadingOutcome).reading.from;
    const chosen = outcomes.find((o) => o.metric && o.reading.from === from)?.metric;
    if (chosen) metrics[name] = chosen;
  }
  const byFrame = new Map<number, number[]>();
  for (const p of placed.values()) {
    const list = byFrame.get(p.frame);
    if (list) list.push(p.minutes);
    else byFrame.set(p.frame, [p.minutes]);
  }
  const frames = [...byFrame.values()].map((list) => list.sort((a, b) => a - b));
  const result: TimelineMetrics = { timeline, milestones, metrics, readings, pinned, measurable: placed.size > 0, summaryDate, maxMinutes, frames };
  return result;
}

const DAY_STYLE = '1 day 1 hour 1 minute';

/** Why a reading gives no value, in a clause: "needs a detection row …", `08:14 "…" is both …`. */
export function problemText(problem: ReadingProblem, maxMinutes: number): string {
  switch (problem.kind) {
    case 'missing': {
      const tags = problem.milestones.map((m) => `{${m}}`).join(' ');
      const rows = problem.milestones.map(milestoneRow).join(' and ');
      return `needs ${rows} (${problem.milestones.length > 1 ? 'keywords, or tag the rows' : 'a keyword, or tag the row'} ${tags})`;
    }
    case 'same-row':
      return `${quoteRow(problem.from.entry)} is both the ${MILESTONE_NOUNS[problem.from.milestone]} and the ${MILESTONE_NOUNS[problem.to.milestone]} row`;
    case 'mixed-dates': {
      const { from, to } = problem;
      if (problem.fromDated) return `${quoteRow(to.entry)} has no date but ${quoteRow(from.entry)} has one`;
      if (problem.toDated) return `${quoteRow(from.entry)} has no date but ${quoteRow(to.entry)} has one`;
      return `${quoteRow(from.entry)} and ${quoteRow(to.entry)} are undated rows of different tables`;
    }
    case 'negative':
      return `its ${MILESTONE_NOUNS[problem.to.milestone]} row ${quoteRow(problem.to.entry)} comes before its ${MILESTONE_NOUNS[problem.from.milestone]} row ${quoteRow(problem.from.entry)}`;
    case 'too-long':
      return `${quoteRow(problem.from.entry)} -> ${quoteRow(problem.to.entry)} is ${formatDuration(problem.minutes, DAY_STYLE)}, over the ${formatDuration(maxMinutes, DAY_STYLE)} a metric may span (option maxMinutes)`;
  }
}

/** Metrics as plain data (for the CLI, the CodeLens and JSON output). */
export interface DerivedMetric {
  name: MetricName;
  label: string;
  minutes: number;
  /** The milestones it counts from and to. */
  reading: MetricReading;
  /** The reading is pinned in the config (`definitions`) rather than the default. */
  pinned: boolean;
  from: { milestone: Milestone; time: string; event: string; line: number };
  to: { milestone: Milestone; time: string; event: string; line: number };
  /** What the other standard readings give (none when pinned). */
  alternatives: { reading: MetricReading; minutes: number }[];
}

/** A metric the timeline does not give, and why. */
export interface NotDerivedMetric {
  name: MetricName;
  label: string;
  reading: MetricReading;
  pinned: boolean;
  /** "needs a detection row and an acknowledgement row (keywords, or tag the rows {detected} {acknowledged})" */
  reason: string;
}

export interface MetricsSummary {
  /** 1-based line of the timeline section's heading, when there is one. */
  timelineLine: number | undefined;
  metrics: DerivedMetric[];
  notDerived?: NotDerivedMetric[];
}

export function summarizeMetrics(doc: DocumentModel, derived: TimelineMetrics): MetricsSummary {
  const heading = derived.timeline?.sections[0];
  const row = (m: MilestoneRow) => ({
    milestone: m.milestone,
    time: m.entry.timeText,
    event: m.entry.eventText,
    line: doc.lines.point(m.entry.span.start).line,
  });
  const metrics: DerivedMetric[] = [];
  const notDerived: NotDerivedMetric[] = [];
  for (const name of METRIC_NAMES) {
    const m = derived.metrics[name];
    const pinned = derived.pinned[name] !== undefined;
    const outcomes = derived.readings[name];
    if (!m) {
      const first = outcomes[0] as ReadingOutcome;
      const reason = first.problem ? problemText(first.problem, derived.maxMinutes) : 'not given by the timeline';
      notDerived.push({ name, label: METRIC_LABELS[name], reading: first.reading, pinned, reason });
      continue;
    }
    const alternatives = outcomes
      .filter((o): o is ReadingOutcome & { metric: Metric } => o.metric !== undefined && !sameReading(o.reading, m.reading))
      .map((o) => ({ reading: o.reading, minutes: o.metric.minutes }));
    metrics.push({ name, label: m.label, minutes: m.minutes, reading: m.reading, pinned, from: row(m.from), to: row(m.to), alternatives });
  }
  return { timelineLine: heading ? doc.lines.point(heading.start).line : undefined, metrics, notDerived };
}
