// `postmortem metrics`: the durations each post-mortem's timeline gives (TTD, TTA, TTM, TTR,
// Duration, Duration of Impact), with the rows they come from.
import { formatDuration, lintDocument, METRIC_NAMES, METRIC_SHORT_NAMES, readingText, type DerivedMetric, type LintOptions, type MetricName, type NotDerivedMetric } from '../core/index';
import { ConfigError, ConfigResolver } from './configFiles';
import { displayPath, errorCode, expandInputs } from './inputs';
import { readMarkdownFile } from './markdownFile';
import { TOOL_NAME } from './packageInfo';
import type { CliIo } from './run';

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

export function runMetrics(paths: readonly string[], format: 'text' | 'json', configPath: string | undefined, io: CliIo): number {
  const expanded = expandInputs(paths, io.cwd);
  if (expanded.problems.length) {
    for (const p of expanded.problems) io.stderr(`${TOOL_NAME}: ${p}\n`);
    return 2;
  }
  const resolver = new ConfigResolver(io.cwd, configPath);
  const errors: string[] = [];
  const results: FileMetrics[] = [];
  for (const input of expanded.files) {
    const shown = displayPath(input.path, io.cwd);
    try {
      const loaded = resolver.forFile(input.path);
      if (loaded?.ignored.has(input.path) && !input.explicit) continue;
      const file = readMarkdownFile(input.path);
      if (file.kind === 'binary') continue;
      const options: LintOptions = { file: shown };
      if (loaded) options.config = loaded.config;
      if (loaded?.templateText !== undefined) options.templateText = loaded.templateText;
      const result = lintDocument(file.text, options);
      const { timelineLine, metrics, notDerived = [] } = result.metrics;
      results.push({ file: shown, status: result.status?.value, timelineLine, metrics, notDerived });
    } catch (error) {
      errors.push(error instanceof ConfigError ? error.message : `${shown}: cannot read (${errorCode(error)})`);
    }
  }
  io.stdout(format === 'json' ? `${JSON.stringify(results, null, 2)}\n` : formatMetricsText(results));
  for (const e of errors) io.stderr(`${TOOL_NAME}: ${e}\n`);
  return errors.length ? 2 : 0;
}
