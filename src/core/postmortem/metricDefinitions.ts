// The metrics a post-mortem reports and the readings teams give them: which milestones TTD, TTA,
// TTM, TTR, Duration and Duration of Impact count from and to, with their names. The one home of
// these definitions; ./metrics derives the values from the timeline.
import type { Milestone } from './milestones';

export type MetricName = 'ttd' | 'tta' | 'ttm' | 'ttr' | 'duration' | 'impactDuration';
export const METRIC_NAMES: readonly MetricName[] = ['ttd', 'tta', 'ttm', 'ttr', 'duration', 'impactDuration'];

/** Which milestones a metric counts from and to. */
export interface MetricReading {
  from: Milestone;
  to: Milestone;
}

export const METRIC_LABELS: Record<MetricName, string> = {
  ttd: 'Time to Detection (TTD)',
  tta: 'Time to Acknowledgment (TTA)',
  ttm: 'Time to Mitigation (TTM)',
  ttr: 'Time to Resolution (TTR)',
  duration: 'Duration',
  impactDuration: 'Duration of Impact',
};

/** "TTD", "Duration of Impact": the metric in a list of several. */
export const METRIC_SHORT_NAMES: Record<MetricName, string> = {
  ttd: 'TTD',
  tta: 'TTA',
  ttm: 'TTM',
  ttr: 'TTR',
  duration: 'Duration',
  impactDuration: 'Duration of Impact',
};

/** The reading from one milestone to another. */
export const reading = (from: Milestone, to: Milestone): MetricReading => ({ from, to });

/**
 * The readings incident teams use for each metric, the default first. TTA counts from the alert
 * (PagerDuty, Atlassian); the others from impact start (Rootly, Google SRE), TTR to restoration first.
 */
export const STANDARD_READINGS: Record<MetricName, readonly MetricReading[]> = {
  ttd: [reading('start', 'detected')],
  tta: [reading('detected', 'acknowledged'), reading('start', 'acknowledged')],
  ttm: [reading('start', 'mitigated'), reading('detected', 'mitigated')],
  ttr: [reading('start', 'restored'), reading('start', 'closed'), reading('detected', 'restored'), reading('detected', 'closed')],
  duration: [reading('start', 'closed'), reading('start', 'restored')],
  impactDuration: [reading('start', 'restored'), reading('start', 'mitigated')],
};

/** The default reading's milestones, and the ends a summary falls back to (the readings from the same start). */
export const METRIC_SPANS: Record<MetricName, { label: string; from: Milestone; to: Milestone[] }> = Object.fromEntries(
  METRIC_NAMES.map((name) => {
    const from = (STANDARD_READINGS[name][0] as MetricReading).from;
    const to = STANDARD_READINGS[name].filter((r) => r.from === from).map((r) => r.to);
    return [name, { label: METRIC_LABELS[name], from, to }];
  }),
) as Record<MetricName, { label: string; from: Milestone; to: Milestone[] }>;

/** 30 days: a longer metric is a wrong date, not an incident. */
export const DEFAULT_MAX_MINUTES = 30 * 1440;

/** "start->acknowledged" */
export function readingText(r: MetricReading): string {
  return `${r.from}->${r.to}`;
}

export function sameReading(a: MetricReading, b: MetricReading): boolean {
  return a.from === b.from && a.to === b.to;
}
