// The command line -> what to run: the command and its options, or why the arguments are wrong.
// Only the arguments are read here; the commands (commands/*.ts) read files and configs.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { CONFIG_FILE_NAME } from './configFiles';
import { LINT_FORMATS, type LintCommandOptions, type LintFormat } from './commands/lint';
import type { MetricsCommandOptions } from './commands/metrics';
import type { InitOptions } from './commands/init';
import type { ReportCommandOptions } from './commands/report';
import { REPORT_HELP, reportOptions } from './reportArgs';
import type { NewOptions } from './commands/new';
import { TOOL_NAME } from './packageInfo';

/** Seconds a file may take (--timeout): a 1 MB post-mortem lints in about 2 s; Markdown that remark needs minutes for does not finish. */
export const DEFAULT_TIMEOUT_SECONDS = 30;

export const HELP = `Usage: ${TOOL_NAME} lint [options] <file|folder|glob|!glob|->...
       ${TOOL_NAME} metrics [--format text|json] [--config FILE] <file|folder|glob>...
       ${TOOL_NAME} new [--severity SEV2] [--date YYYY-MM-DD] [--id INC-1234] [--dir DIR] [--name PATTERN] "<title>"
       ${TOOL_NAME} init [--from FILE] [--template PATH]
       ${TOOL_NAME} report [--format markdown|json|csv|html] [--by severity|month|quarter] [--since DATE] [--output FILE] <file|folder|glob>...

Lint incident post-mortems written in Markdown against the post-mortem template.

Arguments:
  file    a file, linted whatever its extension
  folder  every **/*.md below it (hidden folders and node_modules are skipped)
  glob    e.g. "docs/postmortems/**/*.md" (quote it, so the shell does not expand it);
          as in a shell, * and ** do not enter hidden folders unless the glob names them
  !glob   leave out what the glob matches, from every other argument: "docs/**/*.md" "!docs/archive/**"
  -       read the document from standard input (name it with --stdin-filename)

  Files ignored by a .gitignore or a .postmortemignore (same syntax) are skipped, from the file's
  folder up to the repository root; a file named on the command line gets a note saying so.

Options:
  -f, --format <format>  stylish (default: grouped by file), compact (one line a finding; also "text"),
                         json (an array of findings), sarif (SARIF 2.1.0), github (workflow commands:
                         annotations), junit (JUnit XML) or codequality (GitLab Code Quality)
  -c, --config <file>    use this config for every file instead of the nearest ${CONFIG_FILE_NAME}
      --fix              apply the safe fixes in place, then report the findings that remain; on
                         standard input, print the fixed text on stdout and the findings on stderr
      --no-gitignore     do not read .gitignore files (.postmortemignore still applies)
      --stdin-filename <path>  the path standard input stands for: its config, its name in messages
      --status-gate      exit 1 only when a post-mortem whose Status is Complete has an
                         error-severity finding, or could not be checked (over the size limit,
                         out of time, or the linter failed on it); Draft and In Review documents
                         are reported but do not fail the run: for CI on merge
      --concurrency <n>  lint in at most n worker threads (default: auto, the machine's
                         os.availableParallelism(); 1: one worker); output order does not change
      --timeout <s>      give up on a file after this many seconds (default ${DEFAULT_TIMEOUT_SECONDS}; 0: no
                         limit): it gets one lint-timeout error instead of its findings
  -q, --quiet            report error-severity findings only; no summary, no notes
  -h, --help             show this help
  -v, --version          print the version

Configuration:
  Each file uses the nearest ${CONFIG_FILE_NAME} (comments allowed), .postmortemrc.yaml or "postmortem"
  key of a package.json in its folder or above. Its "ignore" globs skip files and its "template" names
  a team template; both are relative to the config file. "extends" builds on other configs (a path,
  or an npm package name: a shared preset with its template); "overrides" set rules for the files
  their globs match.

New:
  "new" writes a post-mortem from the template (a config's "template" if any) with the title,
  severity, date (default: today, UTC) and incident ID filled in, status Draft, into
  --dir (default docs/postmortems) as --name (default {date}-{slug}.md; also {id}, {title}).
  It never overwrites a file: an existing name gets -2, -3, ... It prints the path.

Init:
  "init" sets the folder up with a team template: it writes the template and a ${CONFIG_FILE_NAME}
  whose "template" names it. --from FILE derives the template from one of your post-mortems (its
  headings, field labels, table headers and checklists; what the author wrote becomes placeholders),
  written to --template (default docs/postmortems/TEMPLATE.md). Without --from, --template names an
  existing template to use as it is; with neither, the built-in template is written there to edit.
  It never overwrites or changes a file (there is no --force): if the config or the template file
  exists it writes nothing, says what to change instead, and exits 2.

${REPORT_HELP}
Metrics:
  "metrics" prints TTD, TTA, TTM, TTR, Duration and Duration of Impact as each file's timeline
  gives them, with the rows used (json: an array of { file, status, metrics }).

Output:
  stylish: each file's findings under its name, colours on a terminal (NO_COLOR, FORCE_COLOR);
  compact: "file:line:column severity rule message" per finding. The summary is on stderr.

Exit codes:
  0  no error-severity finding (warnings and info do not fail the run)
  1  at least one error-severity finding (with --status-gate: in a Complete post-mortem); a file
     not linted within --timeout counts as one
  2  bad usage; a path that does not exist or a folder or glob that matches no file (so a typo
     cannot make CI pass on nothing); an invalid config or template; a file that cannot be read
     or written. Files skipped by a config's "ignore" are not an error.
`;

export type Invocation =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'lint'; options: LintCommandOptions }
  | { command: 'metrics'; options: MetricsCommandOptions }
  | { command: 'new'; options: NewOptions }
  | { command: 'init'; options: InitOptions }
  | { command: 'report'; options: ReportCommandOptions }
  /** Printed with a pointer to --help; the run exits 2. */
  | { command: 'usage-error'; message: string };

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  fix: { type: 'boolean' },
  'no-gitignore': { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'status-gate': { type: 'boolean' },
  timeout: { type: 'string' },
  concurrency: { type: 'string' },
  title: { type: 'string' },
  severity: { type: 'string' },
  date: { type: 'string' },
  id: { type: 'string' },
  dir: { type: 'string' },
  name: { type: 'string' },
  from: { type: 'string' },
  template: { type: 'string' },
  force: { type: 'boolean' },
  by: { type: 'string' },
  since: { type: 'string' },
  today: { type: 'string' },
  output: { type: 'string', short: 'o' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

const usageError = (message: string): Invocation => ({ command: 'usage-error', message });

/** --timeout: seconds, 0 for none. */
function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return DEFAULT_TIMEOUT_SECONDS;
  if (!/^\d+(?:\.\d+)?$/.test(value.trim())) return undefined;
  return Number(value);
}

/** --concurrency: a number of worker threads, or auto (the default): as many as the machine runs at once. */
export function parseConcurrency(value: string | undefined): number | undefined {
  if (value === undefined || value === 'auto') return availableParallelism();
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) return undefined;
  return Number(value);
}

export function parseCommandLine(argv: readonly string[]): Invocation {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) return usageError('missing command: expected "lint", "metrics", "report", "new" or "init"');
  if (command === 'init') return initInvocation(values, paths);
  if (values.from !== undefined || values.template !== undefined || values.force) return usageError('--from, --template and --force go with "init"');
  if (command === 'new') return { command: 'new', options: newOptions(values, paths) };
  if (command === 'report') return reportInvocation(values, paths);
  if (values.by !== undefined || values.since !== undefined || values.today !== undefined || values.output !== undefined) return usageError('--by, --since, --today and --output go with "report"');
  if (values.title !== undefined || values.severity !== undefined || values.date !== undefined || values.id !== undefined || values.dir !== undefined || values.name !== undefined)
    return usageError('--title, --severity, --date, --id, --dir and --name go with "new"');
  if (command !== 'lint' && command !== 'metrics') return usageError(`unknown command "${command}": expected "lint", "metrics", "report", "new" or "init"`);
  if (paths.length === 0) return usageError(`no files given: name files, folders or globs to ${command === 'lint' ? 'lint' : 'measure'}`);
  return command === 'metrics' ? metricsInvocation(values, paths) : lintInvocation(values, paths);
}

function newOptions(values: Values, words: readonly string[]): NewOptions {
  return {
    title: values.title ?? (words.length ? words.join(' ') : undefined),
    severity: values.severity,
    date: values.date,
    id: values.id,
    dir: values.dir,
    name: values.name,
    config: values.config,
  };
}

function reportInvocation(values: Values, paths: string[]): Invocation {
  if (paths.length === 0) return usageError('no files given: name the post-mortems (files, folders or globs) to report on');
  if (values.fix || values['status-gate'] || values['stdin-filename'] !== undefined) return usageError('--fix, --status-gate and --stdin-filename go with "lint"');
  const parsed = reportOptions(values, paths);
  if ('error' in parsed) return usageError(parsed.error);
  const concurrency = parseConcurrency(values.concurrency);
  if (concurrency === undefined) return usageError(`invalid --concurrency "${values.concurrency}": expected a number of worker threads (1 or more) or auto`);
  const timeoutSeconds = parseTimeout(values.timeout);
  if (timeoutSeconds === undefined) return usageError(`invalid --timeout "${values.timeout}": expected a number of seconds (0: no limit)`);
  return { command: 'report', options: { ...parsed.options, concurrency, timeoutSeconds } };
}

function initInvocation(values: Values, words: readonly string[]): Invocation {
  if (values.force) return usageError('init never overwrites a file, so it has no --force: move the existing file aside, or name another path with --template');
  if (words.length) return usageError(`init takes no file arguments: to derive the template from ${words[0]}, run init --from ${words[0]}`);
  const others = (['format', 'config', 'fix', 'no-gitignore', 'stdin-filename', 'status-gate', 'timeout', 'concurrency', 'title', 'severity', 'date', 'id', 'dir', 'name', 'quiet'] as const).filter((k) => values[k] !== undefined);
  if (others.length) return usageError(`--${others[0]} does not go with "init" (it takes --from FILE and --template PATH)`);
  return { command: 'init', options: { from: values.from, template: values.template } };
}

function metricsInvocation(values: Values, paths: string[]): Invocation {
  if (values.format !== undefined && values.format !== 'text' && values.format !== 'json')
    return usageError(`unknown format "${values.format}" for metrics: expected text or json`);
  if (values.fix || values['status-gate'] || values.timeout !== undefined || values['no-gitignore'] || values['stdin-filename'] !== undefined || values.concurrency !== undefined)
    return usageError('--fix, --status-gate, --timeout, --concurrency, --no-gitignore and --stdin-filename go with "lint"');
  return { command: 'metrics', options: { paths, format: values.format === 'json' ? 'json' : 'text', configPath: values.config } };
}

function lintInvocation(values: Values, paths: string[]): Invocation {
  const format = (values.format ?? 'stylish') as LintFormat;
  if (!LINT_FORMATS.includes(format)) return usageError(`unknown format "${values.format}": expected one of ${LINT_FORMATS.join(', ')}`);
  const concurrency = parseConcurrency(values.concurrency);
  if (concurrency === undefined) return usageError(`invalid --concurrency "${values.concurrency}": expected a number of worker threads (1 or more) or auto`);
  const timeoutSeconds = parseTimeout(values.timeout);
  if (timeoutSeconds === undefined) return usageError(`invalid --timeout "${values.timeout}": expected a number of seconds (0: no limit)`);
  return {
    command: 'lint',
    options: {
      paths,
      format,
      configPath: values.config,
      gitignore: values['no-gitignore'] !== true,
      stdinFilename: values['stdin-filename'],
      fix: values.fix === true,
      statusGate: values['status-gate'] === true,
      quiet: values.quiet === true,
      timeoutSeconds,
      concurrency,
    },
  };
}
