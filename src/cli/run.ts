// The `postmortem` command, as a function of its arguments and its output streams (main.ts wires it to the process).
import { parseArgs } from 'node:util';
import { applyFixes, lint } from '../core/lint';
import type { Finding, LintOptions, Severity } from '../core/types';
import { ConfigError, ConfigResolver, CONFIG_FILE_NAME, type LoadedConfig } from './configFiles';
import { displayPath, errorCode, expandInputs } from './inputs';
import { readMarkdownFile, writeMarkdownFile } from './markdownFile';
import { TOOL_NAME, TOOL_VERSION } from './packageInfo';
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

/** lint + fix rounds before giving up on fixes that keep producing new fixable findings. */
const MAX_FIX_PASSES = 10;

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const HELP = `Usage: ${TOOL_NAME} lint [options] <file|folder|glob>...

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
  -q, --quiet            report error-severity findings only; no summary, no notes
  -h, --help             show this help
  -v, --version          print the version

Configuration:
  Each file uses the nearest ${CONFIG_FILE_NAME} in its folder or above. Its "ignore" globs skip
  files and its "template" names a team template; both are relative to the config file.

Output:
  text: "file:line:column severity rule message" per finding on stdout, a summary on stderr.

Exit codes:
  0  no error-severity finding (warnings and info do not fail the run)
  1  at least one error-severity finding
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
function internalError(file: string, error: unknown): Finding {
  return {
    file,
    ruleId: 'internal-error',
    severity: 'error',
    message: `Linting failed on this document: ${error instanceof Error ? error.message : String(error)}`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    offset: 0,
    endOffset: 0,
  };
}

function safeLint(text: string, options: LintOptions, file: string): Finding[] {
  try {
    return lint(text, options);
  } catch (error) {
    return [internalError(file, error)];
  }
}

/** Lints and fixes until nothing fixable is left (or MAX_FIX_PASSES): returns the final text and its findings. */
function lintAndFix(text: string, options: LintOptions, file: string): { text: string; findings: Finding[] } {
  let current = text;
  let findings = safeLint(current, options, file);
  for (let pass = 0; pass < MAX_FIX_PASSES && findings.some((f) => f.fix); pass++) {
    const next = applyFixes(current, findings);
    if (next === current) break;
    current = next;
    findings = safeLint(current, options, file);
  }
  return { text: current, findings };
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
  if (command === undefined) return usageError('missing command: expected "lint"');
  if (command !== 'lint') return usageError(`unknown command "${command}": expected "lint"`);
  if (paths.length === 0) return usageError('no files given: name files, folders or globs to lint');
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) return usageError(`unknown format "${values.format}": expected one of ${FORMATS.join(', ')}`);
  const quiet = values.quiet === true;

  const expanded = expandInputs(paths, io.cwd);
  if (expanded.problems.length) {
    for (const p of expanded.problems) io.stderr(`${TOOL_NAME}: ${p}\n`);
    return EXIT_USAGE;
  }

  const resolver = new ConfigResolver(io.cwd, values.config);
  const errors: string[] = [];
  const notes: string[] = [];
  const findings: Finding[] = [];
  let linted = 0;
  let fixedFiles = 0;

  for (const input of expanded.files) {
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

    if (!values.fix) {
      findings.push(...safeLint(file.text, options, shown));
      continue;
    }
    const result = lintAndFix(file.text, options, shown);
    if (result.text !== file.text) {
      if (!file.lossless) {
        notes.push(`${shown}: not fixed, the file is not valid UTF-8`);
        findings.push(...safeLint(file.text, options, shown));
        continue;
      }
      try {
        writeMarkdownFile(input.path, result.text, file.bom);
        fixedFiles++;
      } catch (error) {
        errors.push(`${shown}: cannot write the fixes (${errorCode(error)})`);
        findings.push(...safeLint(file.text, options, shown));
        continue;
      }
    }
    findings.push(...result.findings);
  }

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
  if (errors.length) return EXIT_USAGE;
  return counts.error > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
}
