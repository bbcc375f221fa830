// `postmortem lint`: each file linted (and with --fix, fixed in place) against the nearest config,
// then one report of every finding (text, json or sarif) and the exit code.
import { COMPLETE_STATUS_KEY, lintTimeoutFinding, scanStatus, unlintedFinding, type DocumentStatus, type Finding, type LintOptions, type Severity } from '../../core/index';
import { ConfigError, ConfigResolver, type LoadedConfig } from '../configFiles';
import { displayPath, errorCode, expandInputs, type InputFile } from '../inputs';
import { EXIT_ERRORS_FOUND, EXIT_OK, EXIT_USAGE, type CliIo } from '../io';
import { WorkerLinter } from '../lintInWorker';
import { readMarkdownFile, writeMarkdownFile } from '../markdownFile';
import { TOOL_NAME } from '../packageInfo';
import { toSarif } from '../sarif';

export const LINT_FORMATS = ['text', 'json', 'sarif'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface LintCommandOptions {
  paths: readonly string[];
  format: LintFormat;
  configPath: string | undefined;
  fix: boolean;
  statusGate: boolean;
  quiet: boolean;
  /** 0: no limit. */
  timeoutSeconds: number;
}

interface Counts {
  error: number;
  warning: number;
  info: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summaryLine(counts: Counts, files: number, fixedFiles: number): string {
  const parts = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info in ${plural(files, 'file')}`;
  return fixedFiles ? `${parts} (${plural(fixedFiles, 'file')} fixed)` : parts;
}

function formatText(findings: readonly Finding[]): string {
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

export function runLint(options: LintCommandOptions, io: CliIo): number {
  const expanded = expandInputs(options.paths, io.cwd);
  if (expanded.problems.length) {
    for (const p of expanded.problems) io.stderr(`${TOOL_NAME}: ${p}\n`);
    return EXIT_USAGE;
  }
  const linter = new WorkerLinter(Math.round(options.timeoutSeconds * 1000));
  const outcome = lintFiles(expanded.files, options, linter, io.cwd);
  return report(outcome, options, io);
}

/** What linting the files gave, before it is reported. */
interface LintOutcome {
  findings: Finding[];
  /** Configs, files or fixes that failed: the run exits 2. */
  errors: string[];
  /** Files skipped or not fixed, and why. */
  notes: string[];
  gateFailures: string[];
  linted: number;
  fixedFiles: number;
}

function lintFiles(files: readonly InputFile[], { configPath, fix }: LintCommandOptions, linter: WorkerLinter, cwd: string): LintOutcome {
  const resolver = new ConfigResolver(cwd, configPath);
  const outcome: LintOutcome = { findings: [], errors: [], notes: [], gateFailures: [], linted: 0, fixedFiles: 0 };
  const { errors, notes } = outcome;

  for (const input of files) {
    const shown = displayPath(input.path, cwd);
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
      if (input.explicit) notes.push(`${shown}: skipped, ignored by ${displayPath(loaded.path, cwd)}`);
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
    outcome.linted++;

    let result = lintFile(linter, file.text, options, shown, fix);
    if (result.text !== file.text) {
      if (!file.lossless) {
        notes.push(`${shown}: not fixed, the file is not valid UTF-8`);
        result = lintFile(linter, file.text, options, shown, false);
      } else {
        try {
          writeMarkdownFile(input.path, result.text, file.bom);
          outcome.fixedFiles++;
        } catch (error) {
          errors.push(`${shown}: cannot write the fixes (${errorCode(error)})`);
          result = lintFile(linter, file.text, options, shown, false);
        }
      }
    }
    outcome.findings.push(...result.findings);
    const gateFailure = statusGateFailure(result);
    if (gateFailure) outcome.gateFailures.push(`${shown}: ${gateFailure}`);
  }
  if (linter.unavailable && outcome.linted > 0) notes.push(linter.unavailable);
  return outcome;
}

/** The findings on stdout in the chosen format; errors, notes, the summary and the gate on stderr; the exit code. */
function report({ findings, errors, notes, gateFailures, linted, fixedFiles }: LintOutcome, { format, quiet, statusGate }: LintCommandOptions, io: CliIo): number {
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
