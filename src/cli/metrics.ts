// `postmortem metrics`: the durations each post-mortem's timeline gives (TTD, TTA, TTM, TTR,
// Duration, Duration of Impact), with the rows they come from.
import { formatDuration } from '../core/duration';
import { lintDocument } from '../core/lint';
import { METRIC_SPANS, type DerivedMetric, type MetricName } from '../core/metrics';
import type { LintOptions } from '../core/types';
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
}

const SHORT: Record<MetricName, string> = {
  ttd: 'TTD',
  tta: 'TTA',
  ttm: 'TTM',
  ttr: 'TTR',
  duration: 'Duration',
  impactDuration: 'Impact',
};

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function formatText(results: readonly FileMetrics[]): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(`${r.file}${r.status ? ` (Status: ${r.status})` : ''}`);
    if (r.timelineLine === undefined) {
      out.push('  no timeline table: nothing to derive');
      continue;
    }
    for (const [name, span] of Object.entries(METRIC_SPANS) as [MetricName, (typeof METRIC_SPANS)[MetricName]][]) {
      const m = r.metrics.find((x) => x.name === name);
      const label = SHORT[name].padEnd(9);
      if (!m) {
        out.push(`  ${label}-             needs a ${span.from} and a ${span.to.join(' or ')} row (keywords, or tag rows {${span.from}} {${span.to[0]}})`);
        continue;
      }
      const row = (x: DerivedMetric['from']) => `${x.time} "${shorten(x.event.replace(/\s*\{[a-z]+\}/gi, ''))}" (line ${x.line})`;
      out.push(`  ${label}${formatDuration(m.minutes).padEnd(22)}${row(m.from)} -> ${row(m.to)}`);
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
      results.push({ file: shown, status: result.status?.value, timelineLine: result.metrics.timelineLine, metrics: result.metrics.metrics });
    } catch (error) {
      errors.push(error instanceof ConfigError ? error.message : `${shown}: cannot read (${errorCode(error)})`);
    }
  }
  io.stdout(format === 'json' ? `${JSON.stringify(results, null, 2)}\n` : formatText(results));
  for (const e of errors) io.stderr(`${TOOL_NAME}: ${e}\n`);
  return errors.length ? 2 : 0;
}
