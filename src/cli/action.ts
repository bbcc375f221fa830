// The GitHub Action (action.yml runs dist/cli.js with node20 and no arguments; its inputs arrive as
// INPUT_* variables): lint as `postmortem lint` would, print the report in the chosen format (or write it
// to `output`, e.g. a SARIF file for code scanning), annotate the findings on the lines the pull request
// or push changed (workflow commands), add a table to the job summary and set the step's outputs.
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Finding } from '../core/index';
import { DEFAULT_TIMEOUT_SECONDS, parseConcurrency } from './args';
import { lintAndReport, LINT_FORMATS, type LintFormat, type LintOutcome } from './commands/lint';
import { countFindings, formatGithub, summaryLine } from './formats';
import { EXIT_USAGE, type CliIo } from './io';
import { TOOL_NAME } from './packageInfo';

type Env = Readonly<Record<string, string | undefined>>;

/** Run by the action: no arguments, inside GitHub Actions, with this action's inputs set. */
export function isActionRun(argv: readonly string[], env: Env): boolean {
  return argv.length === 0 && env.GITHUB_ACTIONS === 'true' && env['INPUT_STATUS-GATE'] !== undefined;
}

/** An input as the runner passes it: INPUT_ and the name in upper case, spaces as underscores. */
function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function booleanInput(env: Env, name: string): boolean | undefined {
  const value = input(env, name).toLowerCase();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return undefined;
}

/** File -> the line numbers the event changed in it; undefined when they cannot be known (no event, a shallow clone). */
export type ChangedLines = Map<string, Set<number>>;

/** The changed lines of a pull request (base..head) or a push (before..after), from `git diff` in the working folder. */
export function changedLines(env: Env, cwd: string): ChangedLines | undefined {
  let event: { pull_request?: { base?: { sha?: string }; head?: { sha?: string } }; before?: string; after?: string };
  try {
    event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8'));
  } catch {
    return undefined;
  }
  const range = event.pull_request ? [event.pull_request.base?.sha, event.pull_request.head?.sha] : [event.before, event.after];
  const [from, to] = range;
  if (!from || !to || /^0+$/.test(from)) return undefined;
  // --relative: paths relative to the working folder, as the findings' are.
  const diff = spawnSync('git', ['diff', '--unified=0', '--no-color', '--no-ext-diff', '--relative', from, to, '--'], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (diff.status !== 0) return undefined;
  const changed: ChangedLines = new Map();
  let lines: Set<number> | undefined;
  for (const line of diff.stdout.split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = line.slice(4);
      lines = path === '/dev/null' ? undefined : new Set();
      if (lines) changed.set(path.replace(/^b\//, ''), lines);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && lines) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) lines.add(n);
    }
  }
  return changed;
}

/** The findings to annotate: on the changed lines when those are known, else all. */
export function onChangedLines(findings: readonly Finding[], changed: ChangedLines | undefined): Finding[] {
  if (!changed) return [...findings];
  return findings.filter((f) => {
    const lines = changed.get(f.file);
    if (!lines) return false;
    for (let n = f.line; n <= f.endLine; n++) if (lines.has(n)) return true;
    return false;
  });
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The job summary: a heading with the totals, then one row per post-mortem. */
export function jobSummary(outcome: LintOutcome, statusGate: boolean): string {
  const heading = `### ${TOOL_NAME}: ${summaryLine(countFindings(outcome.findings), outcome.linted.length, outcome.fixedFiles)}\n\n`;
  const rows = outcome.linted.map(({ file, status, gateFailure }) => {
    const counts = countFindings(outcome.findings.filter((f) => f.file === file));
    const gate = statusGate ? ` ${gateFailure ? `❌ ${cell(gateFailure)}` : '✅'} |` : '';
    return `| \`${cell(file)}\` | ${cell(status ?? '')} | ${counts.error} | ${counts.warning} | ${counts.info} |${gate}\n`;
  });
  const header = `| Post-mortem | Status | Errors | Warnings | Info |${statusGate ? ' Status gate |' : ''}\n|---|---|---:|---:|---:|${statusGate ? '---|' : ''}\n`;
  const problems = [...outcome.errors.map((e) => `- ❌ ${e}\n`), ...outcome.notes.map((n) => `- ${n}\n`)].join('');
  return heading + (rows.length ? header + rows.join('') : '') + (problems ? `\n${problems}` : '') + '\n';
}

/** The action's run: the exit code of the lint (1 fails the step; with status-gate, only for complete post-mortems). */
export function runAction(env: Env, io: CliIo): number {
  const format = (input(env, 'format') || 'stylish') as LintFormat;
  const statusGate = booleanInput(env, 'status-gate');
  const fix = booleanInput(env, 'fix');
  const problems: string[] = [];
  if (!LINT_FORMATS.includes(format)) problems.push(`input format: "${format}" is not one of ${LINT_FORMATS.join(', ')}`);
  if (statusGate === undefined) problems.push(`input status-gate: "${input(env, 'status-gate')}" is not true or false`);
  if (fix === undefined) problems.push(`input fix: "${input(env, 'fix')}" is not true or false`);
  const globs = input(env, 'globs').split(/\r?\n/).map((g) => g.trim()).filter(Boolean);
  if (globs.length === 0) problems.push('input globs: name at least one file, folder or glob (one a line)');
  if (problems.length) {
    for (const p of problems) io.stdout(`::error title=${TOOL_NAME}::${p}\n`);
    return EXIT_USAGE;
  }

  const output = input(env, 'output');
  let report = '';
  const reportIo: CliIo = { ...io, stdout: output ? (text) => (report += text) : io.stdout, color: io.color ?? !env.NO_COLOR };
  const config = input(env, 'config');
  const { code, outcome } = lintAndReport(
    { paths: globs, format, configPath: config || undefined, gitignore: true, stdinFilename: undefined, fix: fix === true, statusGate: statusGate === true, quiet: false, timeoutSeconds: DEFAULT_TIMEOUT_SECONDS, concurrency: parseConcurrency(undefined) ?? 1 },
    reportIo,
  );
  if (output) writeFileSync(resolve(io.cwd, output), report);
  if (!outcome) return code;

  // The report in the log is already made of workflow commands when the format is github.
  if (format !== 'github' || output) io.stdout(formatGithub(onChangedLines(outcome.findings, changedLines(env, io.cwd))));
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, jobSummary(outcome, statusGate === true));
  if (env.GITHUB_OUTPUT) {
    const counts = countFindings(outcome.findings);
    appendFileSync(env.GITHUB_OUTPUT, `errors=${counts.error}\nwarnings=${counts.warning}\ninfo=${counts.info}\nfiles=${outcome.linted.length}\nstatus-gate-failures=${outcome.gateFailures.length}\n`);
  }
  return code;
}
