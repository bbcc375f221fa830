// The report formats of `postmortem lint` other than json and sarif: stylish (people), compact (one line a
// finding, for problem matchers), github (workflow commands), junit (CI test reports) and codequality
// (GitLab Code Quality). Each takes the findings in report order and the files linted.
import { createHash } from 'node:crypto';
import { styleText } from 'node:util';
import type { Finding, Severity } from '../core/index';
import { TOOL_NAME } from './packageInfo';

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function countFindings(findings: readonly Finding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity satisfies Severity]++;
  return counts;
}

export function summaryLine(counts: Counts, files: number, fixedFiles: number): string {
  const parts = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info in ${plural(files, 'file')}`;
  return fixedFiles ? `${parts} (${plural(fixedFiles, 'file')} fixed)` : parts;
}

/**
 * Colours as NO_COLOR (no-color.org) and FORCE_COLOR (Node, chalk) ask: FORCE_COLOR=0 or a non-empty
 * NO_COLOR turn them off, another FORCE_COLOR turns them on, else only on a terminal.
 */
export function useColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY && env.TERM !== 'dumb';
}

type Style = Parameters<typeof styleText>[0];

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** `file:line:column severity rule message`, one line a finding: the format the $postmortem problem matcher reads. */
export function formatCompact(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}\n`).join('');
}

/** ESLint's stylish: a heading per file, then `line:column  severity  message  rule` in aligned columns. */
export function formatStylish(findings: readonly Finding[], color: boolean): string {
  // The decision is made once, by useColor (the output may not be process.stdout): styleText must not second-guess it.
  const paint = (style: Style, text: string) => (color ? styleText(style, text, { validateStream: false }) : text);
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  let out = '';
  for (const [file, list] of byFile) {
    const rows = list.map((f) => [`${f.line}:${f.column}`, f.severity, f.message, f.ruleId] as const);
    const width = (i: 0 | 1 | 2) => Math.max(...rows.map((r) => r[i].length));
    const [w0, w1, w2] = [width(0), width(1), width(2)];
    out += `${paint('underline', file)}\n`;
    for (const [i, [at, severity, message, ruleId]] of rows.entries()) {
      const f = list[i] as Finding;
      out += `  ${paint('dim', at.padEnd(w0))}  ${paint(SEVERITY_STYLE[f.severity], severity.padEnd(w1))}  ${message.padEnd(w2)}  ${paint('dim', ruleId)}\n`;
    }
    out += '\n';
  }
  return out;
}

/** Escaping of workflow command data and properties (as @actions/core does). */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** One GitHub Actions workflow command a finding: an annotation on its lines in the pull request. */
export function formatGithub(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const properties = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.line}`,
        `endLine=${f.endLine}`,
        // Columns only within one line: GitHub ignores them on a multi-line range.
        ...(f.line === f.endLine ? [`col=${f.column}`, `endColumn=${f.endColumn}`] : []),
        `title=${escapeProperty(`${TOOL_NAME} ${f.ruleId}`)}`,
      ];
      return `::${GITHUB_COMMAND[f.severity]} ${properties.join(',')}::${escapeData(f.message)}\n`;
    })
    .join('');
}

/**
 * A fingerprint per finding that survives edits elsewhere in the file: the file, the rule, the message
 * and which occurrence of that triple it is, not the line number. Code Quality and SARIF carry it.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = `${f.file}\u0000${f.ruleId}\u0000${f.message}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex');
  });
}

const CODE_QUALITY_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

/** GitLab Code Quality (a subset of Code Climate's issue format): one issue a finding. */
export function formatCodeQuality(findings: readonly Finding[]): string {
  const prints = fingerprints(findings);
  const issues = findings.map((f, i) => ({
    type: 'issue',
    check_name: f.ruleId,
    description: f.message,
    categories: ['Style'],
    severity: CODE_QUALITY_SEVERITY[f.severity],
    fingerprint: prints[i],
    location: { path: f.file, lines: { begin: f.line, end: f.endLine } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}

const escapeXml = (s: string) =>
  // Characters XML 1.0 cannot hold at all are dropped; the five special ones escaped.
  // eslint-disable-next-line no-control-regex
  s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);

/**
 * JUnit XML: one testcase per linted file, a <failure> per error-severity finding; warnings and info
 * are listed in the testcase's <system-out>, so the report shows them without failing the file.
 */
export function formatJunit(findings: readonly Finding[], files: readonly string[]): string {
  const byFile = new Map<string, Finding[]>(files.map((file) => [file, []]));
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const line = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`;
  let failures = 0;
  const cases = [...byFile].map(([file, list]) => {
    const errors = list.filter((f) => f.severity === 'error');
    const others = list.filter((f) => f.severity !== 'error');
    failures += errors.length;
    const body = [
      ...errors.map((f) => `      <failure message="${escapeXml(`${f.ruleId}: ${f.message}`)}" type="${escapeXml(f.ruleId)}">${escapeXml(line(f))}</failure>\n`),
      ...(others.length ? [`      <system-out>${escapeXml(others.map(line).join('\n'))}</system-out>\n`] : []),
    ].join('');
    const open = `    <testcase classname="${escapeXml(TOOL_NAME)}" name="${escapeXml(file)}" time="0"`;
    return body ? `${open}>\n${body}    </testcase>\n` : `${open}/>\n`;
  });
  const counts = `tests="${byFile.size}" failures="${failures}" errors="0"`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="${TOOL_NAME}" ${counts}>\n` +
    `  <testsuite name="${TOOL_NAME} lint" ${counts} skipped="0" time="0">\n` +
    cases.join('') +
    '  </testsuite>\n' +
    '</testsuites>\n'
  );
}
