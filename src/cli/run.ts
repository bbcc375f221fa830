// The `postmortem` command, as a function of its arguments and its output streams (main.ts wires it to the process).
import { parseArgs } from 'node:util';
import { COMPLETE_STATUS_KEY, lintTimeoutFinding, scanStatus, unlintedFinding, type DocumentStatus, type Finding, type LintOptions, type Severity } from '../core/index';
import { ConfigError, ConfigResolver, CONFIG_FILE_NAME, type LoadedConfig } from './configFiles';
import { displayPath, errorCode, expandInputs, type InputFile } from './inputs';
import { WorkerLinter } from './lintInWorker';
import { readMarkdownFile, writeMarkdownFile } from './markdownFile';
import { TOOL_NAME, TOOL_VERSION } from './packageInfo';
import { runMetrics } from './metrics';
import { runNew } from './newCommand';
import { toSarif } from './sarif';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Folder that relative paths and globs start from, and that output paths are relative to. */
  cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_USAGE = 2;

/** Seconds a file may take (--timeout): a 1 MB post-mortem lints in about 2 s; Markdown that remark needs minutes for does not finish. */
export const DEFAULT_TIMEOUT_SECONDS = 30;

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const HELP = `Usage: ${TOOL_NAME} lint [options] <file|folder|glob>...
       ${TOOL_NAME} metrics [--format text|json] [--config FILE] <file|folder|glob>...
       ${TOOL_NAME} new [--severity SEV2] [--date YYYY-MM-DD] [--id INC-1234] [--dir DIR] [--name PATTERN] "<title>"

Lint incident post-mortems written in Markdown against the post-mortem template.

Arguments:
  file    a file, linted whatever its extension
  folder  every **/*.md below it (hidden folders and node_modules are skipped)
  glob    e.g. "docs/postmortems/**/*.md" (quote it, so the shell does not expand it);
          as in a shell, * and ** do not enter hidden folders unless the glob names them

Options:
  -f, --format <format>  text (default), json (an array of findings) or sarif (SARIF 2.1.0)
  -c, --config <file>    use this config for every file instead of the nearest ${CONFIG_FILE_NAME}
      --fix              apply the safe fixes in place, then report the findings that remain
      --status-gate      exit 1 only when a post-mortem whose Status is Complete has an
                         error-severity finding, or could not be checked (over the size limit,
                         out of time, or the linter failed on it); Draft and In Review documents
                         are reported but do not fail the run: for CI on merge
      --timeout <s>      give up on a file after this many seconds (default ${DEFAULT_TIMEOUT_SECONDS}; 0: no
                         limit): it gets one lint-timeout error instead of its findings
  -q, --quiet            report error-severity findings only; no summary, no notes
  -h, --help             show this help
  -v, --version          print the version

Configuration:
  Each file uses the nearest ${CONFIG_FILE_NAME} in its folder or above. Its "ignore" globs skip
  files and its "template" names a team template; both are relative to the config file.

New:
  "new" writes a post-mortem from the template (a config's "template" if any) with the title,
  severity, date (default: today, UTC) and incident ID filled in, status Draft, into
  --dir (default docs/postmortems) as --name (default {date}-{slug}.md; also {id}, {title}).
  It never overwrites a file: an existing name gets -2, -3, ... It prints the path.

Metrics:
  "metrics" prints TTD, TTA, TTM, TTR, Duration and Duration of Impact as each file's timeline
  gives them, with the rows used (json: an array of { file, status, metrics }).

Output:
  text: "file:line:column severity rule message" per finding on stdout, a summary on stderr.

Exit codes:
  0  no error-severity finding (warnings and info do not fail the run)
  1  at least one error-severity finding (with --status-gate: in a Complete post-mortem); a file
     not linted within --timeout counts as one
  2  bad usage; a path that does not exist or a folder or glob that matches no file (so a typo
     cannot make CI pass on nothing); an invalid config or template; a file that cannot be read
     or written. Files skipped by a config's "ignore" are not an error.
`;

interface Counts {
  error: number;
  warning: number;
  info: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summaryLine(counts: Counts, files: number, fixedFiles: number): string {
  const parts = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info in ${plural(files, 'file')}`;
  return fixedFiles ? `${parts} (${plural(fixedFiles, 'file')} fixed)` : parts;
}

export function formatText(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}\n`).join('');
}

/** A finding for a document the linter itself failed on: the run goes on with the other files. */
function internalError(file: string, message: string): Finding {
  return unlintedFinding(file, 'internal-error', `Linting failed on this document: ${message}`);
}

interface Linted {
  text: string;
  findings: Finding[];
  status: DocumentStatus | undefined;
  /** Why the findings do not cover the document (it was not linted, or not all of it), for --status-gate. */
  unchecked?: string;
}

/** Not linted: the Status its first lines say (a Complete one cannot pass the status gate). */
function notLinted(text: string, finding: Finding, unchecked: string): Linted {
  return { text, findings: [finding], status: scanStatus(text), unchecked };
}

/** Lints (or, with fix, lints and fixes until nothing fixable is left, as the editor's fix-all) one file. */
function lintFile(linter: WorkerLinter, text: string, options: LintOptions, file: string, fix: boolean): Linted {
  const answer = fix ? linter.call('fixAll', [text, options]) : linter.call('lint', [text, options]);
  if (answer.kind === 'timed-out') {
    const seconds = linter.timeoutMs / 1000;
    return notLinted(text, lintTimeoutFinding(file, seconds), `it was not linted within ${seconds} s`);
  }
  if (answer.kind === 'failed') return notLinted(text, internalError(file, (answer.error.split('\n')[0] as string).replace(/^\w*Error: /, '')), 'linting it failed');
  const result = 'passes' in answer.result ? answer.result.result : answer.result;
  const linted: Linted = { text: 'passes' in answer.result ? answer.result.text : text, findings: result.findings, status: result.status };
  // Over the size limit the core returns its document-size finding without reading the document.
  if (result.findings.some((f) => f.ruleId === 'document-size')) {
    linted.status ??= scanStatus(text);
    linted.unchecked = 'it is over the size limit and was not linted';
  }
  return linted;
}

/** `--status-gate`: a document that claims to be Complete must have no error-severity finding, and must have been checked. */
function statusGateFailure(linted: Linted): string | undefined {
  if (linted.status?.key !== COMPLETE_STATUS_KEY) return undefined;
  if (linted.unchecked) return `Status is ${linted.status.value} but it could not be verified: ${linted.unchecked}`;
  const errorCount = linted.findings.filter((f) => f.severity === 'error').length;
  return errorCount > 0 ? `Status is ${linted.status.value} but ${plural(errorCount, 'error')} remain` : undefined;
}

/** --timeout: seconds, 0 for none. */
function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return DEFAULT_TIMEOUT_SECONDS;
  if (!/^\d+(?:\.\d+)?$/.test(value.trim())) return undefined;
  return Number(value);
}

export function run(argv: readonly string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        fix: { type: 'boolean' },
        'status-gate': { type: 'boolean' },
        timeout: { type: 'string' },
        title: { type: 'string' },
        severity: { type: 'string' },
        date: { type: 'string' },
        id: { type: 'string' },
        dir: { type: 'string' },
        name: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.stderr(`${TOOL_NAME}: ${error instanceof Error ? error.message : String(error)}\nRun "${TOOL_NAME} --help" for usage.\n`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout(`${TOOL_VERSION}\n`);
    return EXIT_OK;
  }
  const [command, ...paths] = positionals;
  const usageError = (message: string) => {
    io.stderr(`${TOOL_NAME}: ${message}\nRun "${TOOL_NAME} --help" for usage.\n`);
    return EXIT_USAGE;
  };
  if (command === undefined) return usageError('missing command: expected "lint", "metrics" or "new"');
  if (command === 'new') {
    return runNew(
      {
        title: values.title ?? (paths.length ? paths.join(' ') : undefined),
        severity: values.severity,
        date: values.date,
        id: values.id,
        dir: values.dir,
        name: values.name,
        config: values.config,
      },
      io,
    );
  }
  if (values.title !== undefined || values.severity !== undefined || values.date !== undefined || values.id !== undefined || values.dir !== undefined || values.name !== undefined)
    return usageError('--title, --severity, --date, --id, --dir and --name go with "new"');
  if (command !== 'lint' && command !== 'metrics') return usageError(`unknown command "${command}": expected "lint", "metrics" or "new"`);
  if (paths.length === 0) return usageError(`no files given: name files, folders or globs to ${command === 'lint' ? 'lint' : 'measure'}`);
  if (command === 'metrics') {
    if (values.format !== undefined && values.format !== 'text' && values.format !== 'json')
      return usageError(`unknown format "${values.format}" for metrics: expected text or json`);
    if (values.fix || values['status-gate'] || values.timeout !== undefined) return usageError('--fix, --status-gate and --timeout go with "lint"');
    return runMetrics(paths, values.format === 'json' ? 'json' : 'text', values.config, io);
  }
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) return usageError(`unknown format "${values.format}": expected one of ${FORMATS.join(', ')}`);
  const statusGate = values['status-gate'] === true;
  const quiet = values.quiet === true;
  const timeoutSeconds = parseTimeout(values.timeout);
  if (timeoutSeconds === undefined) return usageError(`invalid --timeout "${values.timeout}": expected a number of seconds (0: no limit)`);

  const expanded = expandInputs(paths, io.cwd);
  if (expanded.problems.length) {
    for (const p of expanded.problems) io.stderr(`${TOOL_NAME}: ${p}\n`);
    return EXIT_USAGE;
  }

  const linter = new WorkerLinter(Math.round(timeoutSeconds * 1000));
  return lintFiles(expanded.files, { io, configPath: values.config, fix: values.fix === true, statusGate, quiet, format, linter });
}

interface LintRun {
  io: CliIo;
  configPath: string | undefined;
  fix: boolean;
  statusGate: boolean;
  quiet: boolean;
  format: Format;
  linter: WorkerLinter;
}

function lintFiles(files: readonly InputFile[], { io, configPath, fix, statusGate, quiet, format, linter }: LintRun): number {
  const resolver = new ConfigResolver(io.cwd, configPath);
  const errors: string[] = [];
  const notes: string[] = [];
  const findings: Finding[] = [];
  let linted = 0;
  let fixedFiles = 0;
  const gateFailures: string[] = [];

  for (const input of files) {
    const shown = displayPath(input.path, io.cwd);
    let loaded: LoadedConfig | undefined;
    try {
      loaded = resolver.forFile(input.path);
    } catch (error) {
      const message = error instanceof ConfigError ? error.message : String(error);
      if (!errors.includes(message)) errors.push(message);
      continue;
    }
    if (loaded?.ignored.has(input.path)) {
      // Only worth a word when the user named the file: folders and globs skip ignored files silently.
      if (input.explicit) notes.push(`${shown}: skipped, ignored by ${displayPath(loaded.path, io.cwd)}`);
      continue;
    }
    let file;
    try {
      file = readMarkdownFile(input.path);
    } catch (error) {
      errors.push(`${shown}: cannot read (${errorCode(error)})`);
      continue;
    }
    if (file.kind === 'binary') {
      notes.push(`${shown}: skipped, binary file`);
      continue;
    }
    const options: LintOptions = { file: shown };
    if (loaded) options.config = loaded.config;
    if (loaded?.templateText !== undefined) options.templateText = loaded.templateText;
    linted++;

    let result = lintFile(linter, file.text, options, shown, fix);
    if (result.text !== file.text) {
      if (!file.lossless) {
        notes.push(`${shown}: not fixed, the file is not valid UTF-8`);
        result = lintFile(linter, file.text, options, shown, false);
      } else {
        try {
          writeMarkdownFile(input.path, result.text, file.bom);
          fixedFiles++;
        } catch (error) {
          errors.push(`${shown}: cannot write the fixes (${errorCode(error)})`);
          result = lintFile(linter, file.text, options, shown, false);
        }
      }
    }
    findings.push(...result.findings);
    const gateFailure = statusGateFailure(result);
    if (gateFailure) gateFailures.push(`${shown}: ${gateFailure}`);
  }
  if (linter.unavailable && linted > 0) notes.push(linter.unavailable);

  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity satisfies Severity]++;
  const reported = quiet ? findings.filter((f) => f.severity === 'error') : findings;

  if (format === 'json') io.stdout(`${JSON.stringify(reported, null, 2)}\n`);
  else if (format === 'sarif') io.stdout(`${JSON.stringify(toSarif(reported, { cwd: io.cwd, errors, notes }), null, 2)}\n`);
  else io.stdout(formatText(reported));

  for (const e of errors) io.stderr(`${TOOL_NAME}: ${e}\n`);
  if (!quiet) {
    for (const n of notes) io.stderr(`${TOOL_NAME}: ${n}\n`);
    if (linted === 0 && errors.length === 0) io.stderr(`${TOOL_NAME}: no file linted: every file matched is ignored or skipped\n`);
    if (linted > 0 || errors.length === 0) io.stderr(`${summaryLine(counts, linted, fixedFiles)}\n`);
  }
  if (statusGate) for (const g of gateFailures) io.stderr(`${TOOL_NAME}: status gate: ${g}\n`);
  if (errors.length) return EXIT_USAGE;
  if (statusGate) return gateFailures.length > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
  return counts.error > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
}
