// `postmortem report`: the incident report over many post-mortems. Files are chosen as `lint` chooses
// them (folders, globs, !globs, .gitignore / .postmortemignore, each file's config), read in worker
// threads (--concurrency), and put together in this process: markdown, json, csv or html, on stdout
// or into --output (never over an existing file).
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import {
  buildReport,
  isPostmortem,
  isSkipped,
  reportCsv,
  reportHtml,
  reportJson,
  reportMarkdown,
  templateFor,
  type IncidentReading,
  type LintOptions,
  type ReportGrouping,
} from '../../core/index';
import { ConfigError, ConfigResolver } from '../configFiles';
import { displayPath, errorCode, expandInputs } from '../inputs';
import { EXIT_OK, EXIT_USAGE, type CliIo } from '../io';
import { WorkerLinter } from '../lintInWorker';
import { readMarkdownFile } from '../markdownFile';
import { TOOL_NAME } from '../packageInfo';

export const REPORT_FORMATS = ['markdown', 'json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportCommandOptions {
  paths: readonly string[];
  format: ReportFormat;
  configPath: string | undefined;
  gitignore: boolean;
  by: ReportGrouping | undefined;
  /** YYYY-MM-DD */
  since: string | undefined;
  /** YYYY-MM-DD: overdue is "due before this day" (default: today, UTC). */
  today: string;
  output: string | undefined;
  concurrency: number;
  timeoutSeconds: number;
}

/** Today in UTC, YYYY-MM-DD. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

interface Job {
  shown: string;
  text: string;
  options: LintOptions;
}

/** The post-mortems to report on, read in order; notes for what was left out, errors for what could not be read. */
function collect(options: ReportCommandOptions, io: CliIo, notes: string[], errors: string[]): Job[] | undefined {
  const expanded = expandInputs(options.paths, io.cwd, { gitignore: options.gitignore });
  if (expanded.stdin) expanded.problems.push('-: report reads files, not standard input');
  if (expanded.problems.length) {
    for (const p of expanded.problems) io.stderr(`${TOOL_NAME}: ${p}\n`);
    return undefined;
  }
  notes.push(...expanded.skipped);
  const resolver = new ConfigResolver(io.cwd, options.configPath);
  const jobs: Job[] = [];
  for (const input of expanded.files) {
    const shown = displayPath(input.path, io.cwd);
    try {
      const loaded = resolver.forFile(input.path);
      if (loaded?.ignored.has(input.path)) {
        if (input.explicit) notes.push(`${shown}: skipped, ignored by ${displayPath(loaded.path, io.cwd)}`);
        continue;
      }
      const file = readMarkdownFile(input.path);
      if (file.kind === 'binary') continue;
      // A folder holds READMEs too: only what reads as a post-mortem counts, unless named.
      if (!input.explicit && !isPostmortem(file.text, templateFor(loaded?.templateText))) continue;
      const lintOptions: LintOptions = { file: shown };
      if (loaded) lintOptions.config = loaded.config;
      if (loaded?.templateText !== undefined) lintOptions.templateText = loaded.templateText;
      jobs.push({ shown, text: file.text, options: lintOptions });
    } catch (error) {
      const message = error instanceof ConfigError ? error.message : `${shown}: cannot read (${errorCode(error)})`;
      if (!errors.includes(message)) errors.push(message);
    }
  }
  return jobs;
}

/** The HTML page links each incident to its file, relative to where the page is (the --output folder, else the working folder). */
export function formatReport(format: ReportFormat, report: ReturnType<typeof buildReport>, pageFolder?: string, cwd?: string): string {
  switch (format) {
    case 'json':
      return reportJson(report);
    case 'csv':
      return reportCsv(report);
    case 'html':
      return reportHtml(report, {
        link: pageFolder === undefined || cwd === undefined ? undefined : (file) => encodeURI(relative(pageFolder, resolve(cwd, file)).split(sep).join('/')),
      });
    case 'markdown':
      return reportMarkdown(report);
  }
}

export function runReport(options: ReportCommandOptions, io: CliIo): number {
  const notes: string[] = [];
  const errors: string[] = [];
  const output = options.output === undefined ? undefined : resolve(io.cwd, options.output);
  if (output !== undefined && existsSync(output)) {
    io.stderr(`${TOOL_NAME}: ${options.output}: already exists, not overwritten: remove it or choose another --output\n`);
    return EXIT_USAGE;
  }
  const jobs = collect(options, io, notes, errors);
  if (!jobs) return EXIT_USAGE;
  const linter = new WorkerLinter(Math.round(options.timeoutSeconds * 1000), options.concurrency);
  const answers = linter.callAll('reportIncident', jobs.map((j) => [j.text, j.options] as const));
  const readings: IncidentReading[] = [];
  answers.forEach((answer, i) => {
    const { shown } = jobs[i] as Job;
    if (answer.kind === 'timed-out') notes.push(`${shown}: left out, not read within ${options.timeoutSeconds} s`);
    else if (answer.kind === 'failed') errors.push(`${shown}: could not be read (${(answer.error.split('\n')[0] as string).replace(/^\w*Error: /, '')})`);
    else if (isSkipped(answer.result)) notes.push(`${shown}: left out, ${answer.result.skipped}`);
    else readings.push(answer.result);
  });
  const report = buildReport(readings, { today: options.today, by: options.by, since: options.since });
  if (report.undatedLeftOut) notes.push(`${report.undatedLeftOut} post-mortem${report.undatedLeftOut === 1 ? '' : 's'} without a date left out by --since`);
  const text = formatReport(options.format, report, output === undefined ? io.cwd : dirname(output), io.cwd);
  if (output === undefined) io.stdout(text);
  else {
    try {
      // flag wx: never over a file that appeared since the check above.
      writeFileSync(output, text, { encoding: 'utf8', flag: 'wx' });
      notes.push(`report of ${report.incidents.length} post-mortem${report.incidents.length === 1 ? '' : 's'} written to ${displayPath(output, io.cwd)}`);
    } catch (error) {
      errors.push(`${options.output}: cannot write (${errorCode(error)})`);
    }
  }
  for (const e of errors) io.stderr(`${TOOL_NAME}: ${e}\n`);
  for (const n of notes) io.stderr(`${TOOL_NAME}: ${n}\n`);
  return errors.length ? EXIT_USAGE : EXIT_OK;
}
