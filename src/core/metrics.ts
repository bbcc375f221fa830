// Incident metrics derived from the timeline: the milestones (impact start, detection, acknowledgement,
// mitigation, restoration, closure) and the durations between them (TTD, TTA, TTM, TTR, Duration,
// Duration of Impact). The `metrics` rule and `postmortem metrics` both read this.
import type { DocumentModel } from './document';
import type { TemplateModel } from './template/model';
import { readTimeline, templateTimelineTable, type Timeline, type TimelineEntry } from './timeline';

export type Milestone = 'start' | 'detected' | 'acknowledged' | 'mitigated' | 'restored' | 'closed';
export const MILESTONES: readonly Milestone[] = ['start', 'detected', 'acknowledged', 'mitigated', 'restored', 'closed'];

/**
 * Default keywords per milestone: the template's own row texts ("First alert/detection", "Investigation
 * started", "Mitigation applied", "Service restored", "Incident closed") and their usual synonyms.
 * Matched case-insensitively as whole words at the start of a word.
 */
export const DEFAULT_MILESTONE_KEYWORDS: Record<Milestone, string[]> = {
  start: ['impact started', 'impact began', 'outage began', 'outage started', 'started failing', 'began failing'],
  detected: ['first alert', 'detection', 'detected', 'alert fired', 'alerted', 'paged', 'page', 'alert', 'reported', 'noticed'],
  acknowledged: ['investigation started', 'acknowledged', 'ack', 'incident declared', 'declared', 'investigating', 'on-call responded', 'responded'],
  mitigated: ['mitigation applied', 'mitigated', 'mitigation', 'bleeding stopped', 'rolled back', 'rollback', 'workaround', 'failed over'],
  restored: ['service restored', 'restored', 'recovered', 'recovery complete', 'back to normal', 'fully resolved', 'resolved'],
  closed: ['incident closed', 'closed', 'all clear', 'resolved and closed'],
};

/** `{detected}` at the end of an event marks its row explicitly (several tags may follow each other). */
export const MILESTONE_TAG = /\{(start|detected|acknowledged|mitigated|restored|closed)\}/gi;

export interface MilestoneRow {
  milestone: Milestone;
  entry: TimelineEntry;
  /** Marked with a tag rather than matched by a keyword. */
  tagged: boolean;
}

export type MetricName = 'ttd' | 'tta' | 'ttm' | 'ttr' | 'duration' | 'impactDuration';

export interface Metric {
  name: MetricName;
  /** "Time to Detection (TTD)" */
  label: string;
  minutes: number;
  from: MilestoneRow;
  to: MilestoneRow;
}

/** Which milestones each metric spans. TTA counts from detection; the others from impact start. */
export const METRIC_SPANS: Record<MetricName, { label: string; from: Milestone; to: Milestone[] }> = {
  ttd: { label: 'Time to Detection (TTD)', from: 'start', to: ['detected'] },
  tta: { label: 'Time to Acknowledgment (TTA)', from: 'detected', to: ['acknowledged'] },
  ttm: { label: 'Time to Mitigation (TTM)', from: 'start', to: ['mitigated'] },
  ttr: { label: 'Time to Resolution (TTR)', from: 'start', to: ['restored'] },
  duration: { label: 'Duration', from: 'start', to: ['closed', 'restored'] },
  impactDuration: { label: 'Duration of Impact', from: 'start', to: ['restored', 'mitigated'] },
};

export interface TimelineMetrics {
  timeline: Timeline | undefined;
  milestones: Partial<Record<Milestone, MilestoneRow>>;
  metrics: Partial<Record<MetricName, Metric>>;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function keywordMatcher(keywords: readonly string[]): RegExp | undefined {
  if (keywords.length === 0) return undefined;
  const alternatives = [...keywords].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

const cache = new WeakMap<DocumentModel, Map<string, TimelineMetrics>>();
const templateKeywordCache = new WeakMap<TemplateModel, Record<Milestone, string[]>>();

/**
 * A team template can teach its own wording: a timeline row tagged in the template
 * (`| HH:MM | [Kunde meldet Fehler] {detected} |`) makes its text a keyword of that milestone.
 */
export function templateKeywords(template: TemplateModel): Record<Milestone, string[]> {
  const cached = templateKeywordCache.get(template);
  if (cached) return cached;
  const found = Object.fromEntries(MILESTONES.map((m) => [m, [] as string[]])) as Record<Milestone, string[]>;
  const table = templateTimelineTable(template);
  for (const row of table?.rows ?? []) {
    const event = row.slice(1).join(' ');
    const words = event.replace(MILESTONE_TAG, '').replace(/[\[\]]/g, '').trim();
    MILESTONE_TAG.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = MILESTONE_TAG.exec(event))) if (words) found[(m[1] as string).toLowerCase() as Milestone].push(words);
  }
  templateKeywordCache.set(template, found);
  return found;
}

export function timelineMetrics(
  doc: DocumentModel,
  template: TemplateModel,
  keywords: Partial<Record<Milestone, string[]>> = {},
): TimelineMetrics {
  const cacheKey = JSON.stringify(keywords);
  let byKey = cache.get(doc);
  if (!byKey) cache.set(doc, (byKey = new Map()));
  const hit = byKey.get(cacheKey);
  if (hit && byKey.size < 8) return hit;

  const timeline = readTimeline(doc, template);
  const result: TimelineMetrics = { timeline, milestones: {}, metrics: {} };
  byKey.set(cacheKey, result);
  if (!timeline) return result;

  // Undated tables each count from their own midnight: only one of them can be compared with itself.
  const allDated = timeline.entries.every((e) => e.minutes === undefined || e.dated);
  const source = allDated ? timeline.entries : (timeline.tables[0]?.entries ?? []);
  const entries = source.filter((e) => e.minutes !== undefined);
  if (entries.length === 0) return result;

  const fromTemplate = templateKeywords(template);
  const matchers = Object.fromEntries(
    MILESTONES.map((m) => [m, keywordMatcher([...(keywords[m] ?? DEFAULT_MILESTONE_KEYWORDS[m]), ...fromTemplate[m]])]),
  ) as Record<Milestone, RegExp | undefined>;

  // Tags win over keywords; among keywords the first matching row (in time order) wins.
  const byTime = [...entries].sort((a, b) => (a.minutes as number) - (b.minutes as number) || a.index - b.index);
  for (const entry of byTime) {
    MILESTONE_TAG.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = MILESTONE_TAG.exec(entry.eventText))) {
      const milestone = (m[1] as string).toLowerCase() as Milestone;
      if (!result.milestones[milestone]?.tagged) result.milestones[milestone] = { milestone, entry, tagged: true };
    }
  }
  for (const milestone of MILESTONES) {
    if (result.milestones[milestone]) continue;
    const re = matchers[milestone];
    const entry = re && byTime.find((e) => re.test(e.eventText.replace(MILESTONE_TAG, '')));
    if (entry) result.milestones[milestone] = { milestone, entry, tagged: false };
  }
  result.milestones.start ??= { milestone: 'start', entry: byTime[0] as TimelineEntry, tagged: false };

  for (const [name, span] of Object.entries(METRIC_SPANS) as [MetricName, (typeof METRIC_SPANS)[MetricName]][]) {
    const from = result.milestones[span.from];
    const to = span.to.map((m) => result.milestones[m]).find((x) => x !== undefined);
    if (!from || !to) continue;
    const minutes = (to.entry.minutes as number) - (from.entry.minutes as number);
    if (minutes < 0) continue;
    result.metrics[name] = { name, label: span.label, minutes, from, to };
  }
  return result;
}

/** Metrics as plain data (for the CLI, the CodeLens and JSON output). */
export interface DerivedMetric {
  name: MetricName;
  label: string;
  minutes: number;
  from: { milestone: Milestone; time: string; event: string; line: number };
  to: { milestone: Milestone; time: string; event: string; line: number };
}

export interface MetricsSummary {
  /** 1-based line of the timeline section's heading, when there is one. */
  timelineLine: number | undefined;
  metrics: DerivedMetric[];
}

export function summarizeMetrics(doc: DocumentModel, derived: TimelineMetrics): MetricsSummary {
  const heading = derived.timeline?.sections[0];
  const row = (m: MilestoneRow) => ({
    milestone: m.milestone,
    time: m.entry.timeText,
    event: m.entry.eventText,
    line: doc.lines.point(m.entry.span.start).line,
  });
  return {
    timelineLine: heading ? doc.lines.point(heading.start).line : undefined,
    metrics: Object.values(derived.metrics).map((m) => ({ name: m.name, label: m.label, minutes: m.minutes, from: row(m.from), to: row(m.to) })),
  };
}
