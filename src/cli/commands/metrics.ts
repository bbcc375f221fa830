// `postmortem metrics`: the durations each post-mortem's timeline gives, as text (metrics.ts) or JSON.
import { lintDocument, type LintOptions } from '../../core/index';
import { ConfigError, ConfigResolver } from '../configFiles';
import { displayPath, errorCode, expandInputs } from '../inputs';
import { EXIT_OK, EXIT_USAGE, type CliIo } from '../io';
import { readMarkdownFile } from '../markdownFile';
import { formatMetricsText, type FileMetrics } from '../metrics';
import { TOOL_NAME } from '../packageInfo';

export interface MetricsCommandOptions {
  paths: readonly string[];
  format: 'text' | 'json';
  configPath: string | undefined;
}

export function runMetrics({ paths, format, configPath }: MetricsCommandOptions, io: CliIo): number {
  const expanded = expandInputs(paths, io.cwd);
  if (expanded.problems.length) {
    for (const p of expanded.problems) io.stderr(`${TOOL_NAME}: ${p}\n`);
    return EXIT_USAGE;
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
  return errors.length ? EXIT_USAGE : EXIT_OK;
}
