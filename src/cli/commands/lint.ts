// `postmortem lint`: each file linted (and with --fix, fixed in place) against the nearest config,
// then one report of every finding (stylish, compact, json, sarif, github, junit, codequality) and the exit code.
import { resolve } from 'node:path';
import { lintTimeoutFinding, scanStatus, templateFor, unlintedFinding, type DocumentStatus, type Finding, type fixAll, type lintDocument, type LintOptions } from '../../core/index';
import { BeadsFinder } from '../../beads/index';
import { ConfigError, ConfigResolver, type LoadedConfig } from '../configFiles';
import { countFindings, formatCodeQuality, formatCompact, formatGithub, formatJunit, formatStylish, plural, summaryLine } from '../formats';
import { displayPath, errorCode, expandInputs } from '../inputs';
import { EXIT_ERRORS_FOUND, EXIT_OK, EXIT_USAGE, type CliIo } from '../io';
import { WorkerLinter, type Answer } from '../lintInWorker';
import { decodeMarkdown, readMarkdownFile, writeMarkdownFile, type MarkdownFile } from '../markdownFile';
import { TOOL_NAME } from '../packageInfo';
import { toSarif } from '../sarif';

/** `text` is the former name of `compact`. */
export const LINT_FORMATS = ['stylish', 'compact', 'json', 'sarif', 'github', 'junit', 'codequality', 'text'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** The name standard input goes by without --stdin-filename. */
export const STDIN_NAME = '<stdin>';

export interface LintCommandOptions {
  paths: readonly string[];
  format: LintFormat;
  configPath: string | undefined;
  /** Honour .gitignore (--no-gitignore: false); .postmortemignore is always read. */
  gitignore: boolean;
  /** --stdin-filename: the path standard input (`-`) stands for, for config lookup and messages. */
  stdinFilename: string | undefined;
  fix: boolean;
  statusGate: boolean;
  quiet: boolean;
  /** 0: no limit. */
  timeoutSeconds: number;
  /** Most worker threads to lint with (--concurrency; default os.availableParallelism()). */
  concurrency: number;
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

/** Not linted: the Status its first lines say, in the template's words (a complete one cannot pass the status gate). */
function notLinted(text: string, finding: Finding, unchecked: string, templateText: string | undefined): Linted {
  return { text, findings: [finding], status: scanStatus(text, templateFor(templateText)), unchecked };
}

type LintAnswer = Answer<ReturnType<typeof lintDocument> | ReturnType<typeof fixAll>>;

/** Lints (or, with fix, lints and fixes until nothing fixable is left, as the editor's fix-all) one file. */
function lintFile(linter: WorkerLinter, text: string, options: LintOptions, file: string, fix: boolean): Linted {
  return linted(linter, fix ? linter.call('fixAll', [text, options]) : linter.call('lint', [text, options]), text, options, file);
}

/** What the linter answered for one file, as the command uses it. */
function linted(linter: WorkerLinter, answer: LintAnswer, text: string, options: LintOptions, file: string): Linted {
  if (answer.kind === 'timed-out') {
    const seconds = linter.timeoutMs / 1000;
    return notLinted(text, lintTimeoutFinding(file, seconds), `it was not linted within ${seconds} s`, options.templateText);
  }
  if (answer.kind === 'failed') {
    return notLinted(text, internalError(file, (answer.error.split('\n')[0] as string).replace(/^\w*Error: /, '')), 'linting it failed', options.templateText);
  }
  const result = 'passes' in answer.result ? answer.result.result : answer.result;
  const linted: Linted = { text: 'passes' in answer.result ? answer.result.text : text, findings: result.findings, status: result.status };
  // Over the size limit the core returns its document-size finding without reading the document.
  if (result.findings.some((f) => f.ruleId === 'document-size')) {
    linted.status ??= scanStatus(text, templateFor(options.templateText));
    linted.unchecked = 'it is over the size limit and was not linted';
  }
  return linted;
}

/** `--status-gate`: a document whose Status is the template's last (complete) stage must have no error-severity finding, and must have been checked. */
function statusGateFailure(linted: Linted): string | undefined {
  if (!linted.status || linted.status.stage !== 'complete') return undefined;
  if (linted.unchecked) return `Status is ${linted.status.value} but it could not be verified: ${linted.unchecked}`;
  const errorCount = linted.findings.filter((f) => f.severity === 'error').length;
  return errorCount > 0 ? `Status is ${linted.status.value} but ${plural(errorCount, 'error')} remain` : undefined;
}

export function runLint(options: LintCommandOptions, io: CliIo): number {
  return lintAndReport(options, io).code;
}

/** runLint, also giving what was found (none when the arguments were wrong): the GitHub Action reports it again. */
export function lintAndReport(options: LintCommandOptions, io: CliIo): { code: number; outcome: LintOutcome | undefined } {
  const expanded = expandInputs(options.paths, io.cwd, { gitignore: options.gitignore });
  if (!expanded.stdin && options.stdinFilename !== undefined) expanded.problems.push('--stdin-filename names standard input: give "-" among the paths');
  if (expanded.stdin && !io.readStdin) expanded.problems.push('-: standard input cannot be read here');
  if (expanded.problems.length) {
    for (const p of expanded.problems) io.stderr(`${TOOL_NAME}: ${p}\n`);
    return { code: EXIT_USAGE, outcome: undefined };
  }
  const sources: Source[] = expanded.files.map((file) => ({ path: file.path, shown: displayPath(file.path, io.cwd), read: () => readMarkdownFile(file.path), stdin: false, explicit: file.explicit }));
  if (expanded.stdin && io.readStdin) {
    const readStdin = io.readStdin;
    const name = options.stdinFilename;
    sources.push({ path: resolve(io.cwd, name ?? STDIN_NAME), shown: name === undefined ? STDIN_NAME : displayPath(resolve(io.cwd, name), io.cwd), read: () => decodeMarkdown(readStdin()), stdin: true, explicit: true });
  }
  const linter = new WorkerLinter(Math.round(options.timeoutSeconds * 1000), options.concurrency);
  const outcome = lintFiles(sources, options, linter, io.cwd);
  outcome.notes.unshift(...expanded.skipped);
  return { code: report(outcome, options, io), outcome };
}

/** A file to lint, or standard input. */
interface Source {
  /** Absolute path (for standard input: the --stdin-filename, or <stdin> in the working folder): the config is looked up from it. */
  path: string;
  shown: string;
  /** Throws the file system's error. */
  read(): MarkdownFile;
  stdin: boolean;
  /** Named on the command line (not found through a folder or glob). */
  explicit: boolean;
}

/** A file that was linted: its name as shown, its Status, and why it fails the status gate. */
export interface LintedFile {
  file: string;
  status: string | undefined;
  gateFailure: string | undefined;
}

/** What linting the files gave, before it is reported. */
export interface LintOutcome {
  findings: Finding[];
  /** Configs, files or fixes that failed: the run exits 2. */
  errors: string[];
  /** Files skipped or not fixed, and why. */
  notes: string[];
  gateFailures: string[];
  /** The files linted, in report order. */
  linted: LintedFile[];
  fixedFiles: number;
  /** --fix on standard input: the fixed text, printed instead of written. */
  fixedStdin?: { text: string; bom: boolean };
}

function lintFiles(sources: readonly Source[], { configPath, fix }: LintCommandOptions, linter: WorkerLinter, cwd: string): LintOutcome {
  const resolver = new ConfigResolver(cwd, configPath);
  const beads = new BeadsFinder({ env: process.env });
  const outcome: LintOutcome = { findings: [], errors: [], notes: [], gateFailures: [], linted: [], fixedFiles: 0 };
  const { errors, notes } = outcome;

  // Configs and files are read here, in order; the linting is spread over the workers; the answers are
  // then taken in the same order, so the report does not depend on which worker finished first.
  const jobs: { source: Source; file: Extract<MarkdownFile, { kind: 'text' }>; options: LintOptions }[] = [];
  for (const source of sources) {
    const { shown } = source;
    let loaded: LoadedConfig | undefined;
    try {
      loaded = resolver.forFile(source.path);
    } catch (error) {
      const message = error instanceof ConfigError ? error.message : String(error);
      if (!errors.includes(message)) errors.push(message);
      continue;
    }
    if (!source.stdin && loaded?.ignored.has(source.path)) {
      // Only worth a word when the user named the file: folders and globs skip ignored files silently.
      if (source.explicit) notes.push(`${shown}: skipped, ignored by ${displayPath(loaded.path, cwd)}`);
      continue;
    }
    let file;
    try {
      file = source.read();
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
    // The repository's Beads issues travel with the options (plain data), to a worker too.
    const found = beads.forDocument(source.path, file.text);
    if (found.data) options.beads = found.data;
    notes.push(...found.notes);
    jobs.push({ source, file, options });
  }

  const answers: LintAnswer[] = fix
    ? linter.callAll('fixAll', jobs.map(({ file, options }) => [file.text, options] as const))
    : linter.callAll('lint', jobs.map(({ file, options }) => [file.text, options] as const));
  for (const [i, { source, file, options }] of jobs.entries()) {
    const { shown } = source;
    let result = linted(linter, answers[i] as LintAnswer, file.text, options, shown);
    if (source.stdin && fix) {
      outcome.fixedStdin = { text: result.text, bom: file.bom };
    } else if (result.text !== file.text) {
      if (!file.lossless) {
        notes.push(`${shown}: not fixed, the file is not valid UTF-8`);
        result = lintFile(linter, file.text, options, shown, false);
      } else {
        try {
          writeMarkdownFile(source.path, result.text, file.bom);
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
    outcome.linted.push({ file: shown, status: result.status?.value, gateFailure });
  }
  if (linter.unavailable && outcome.linted.length > 0) notes.push(linter.unavailable);
  return outcome;
}

export function formatFindings(findings: readonly Finding[], outcome: LintOutcome, format: LintFormat, io: CliIo): string {
  switch (format) {
    case 'stylish':
      return formatStylish(findings, io.color === true);
    case 'compact':
    case 'text':
      return formatCompact(findings);
    case 'json':
      return `${JSON.stringify(findings, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(toSarif(findings, { cwd: io.cwd, errors: outcome.errors, notes: outcome.notes }), null, 2)}\n`;
    case 'github':
      return formatGithub(findings);
    case 'junit':
      return formatJunit(findings, outcome.linted.map((l) => l.file));
    case 'codequality':
      return formatCodeQuality(findings);
  }
}

/**
 * The findings on stdout in the chosen format (with --fix on standard input, the fixed text is on stdout
 * and the findings on stderr); errors, notes, the summary and the gate on stderr; the exit code.
 */
function report(outcome: LintOutcome, { format, quiet, statusGate }: LintCommandOptions, io: CliIo): number {
  const { findings, errors, notes, gateFailures, fixedFiles } = outcome;
  const lintedFiles = outcome.linted;
  const counts = countFindings(findings);
  const reported = quiet ? findings.filter((f) => f.severity === 'error') : findings;

  const formatted = formatFindings(reported, outcome, format, io);
  if (outcome.fixedStdin) {
    io.stdout((outcome.fixedStdin.bom ? '\uFEFF' : '') + outcome.fixedStdin.text);
    io.stderr(formatted);
  } else {
    io.stdout(formatted);
  }

  for (const e of errors) io.stderr(`${TOOL_NAME}: ${e}\n`);
  if (!quiet) {
    for (const n of notes) io.stderr(`${TOOL_NAME}: ${n}\n`);
    if (lintedFiles.length === 0 && errors.length === 0) io.stderr(`${TOOL_NAME}: no file linted: every file matched is ignored or skipped\n`);
    if (lintedFiles.length > 0 || errors.length === 0) io.stderr(`${summaryLine(counts, lintedFiles.length, fixedFiles)}\n`);
  }
  if (statusGate) for (const g of gateFailures) io.stderr(`${TOOL_NAME}: status gate: ${g}\n`);
  if (errors.length) return EXIT_USAGE;
  if (statusGate) return gateFailures.length > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
  return counts.error > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
}
