// lint(text) -> findings: one parse, one walk to build the document model, then every enabled rule.
import { computeCompletion, type Completion } from './completion';
import { resolveRule } from './config';
import { summarizeMetrics, timelineMetrics, type Milestone, type MetricsSummary } from './metrics';
import { validateConfig } from './configValidation';
import { buildDocument } from './document';
import { parseMarkdown } from './parse';
import { detectEol, LineIndex } from './positions';
import type { Report, RuleContext } from './rule';
import { rules } from './rules/index';
import { readStatus, strictnessFor, type DocumentStatus } from './status';
import { isSuppressed, readDirectives } from './suppressions';
import { templateFor } from './template/model';
import type { Finding, LintOptions, PostmortemConfig, Severity, TextEdit } from './types';

/** Documents larger than this (in UTF-16 code units) are not parsed: remark needs ~8 s and 1.9 GB for 4 MB, ~30 s and 3 GB for 10 MB. */
export const DEFAULT_MAX_DOCUMENT_SIZE = 4 * 1024 * 1024;

export interface LintRunOptions extends LintOptions {
  /** Overrides DEFAULT_MAX_DOCUMENT_SIZE. */
  maxDocumentSize?: number;
}

export interface LintResult {
  findings: Finding[];
  /** The document's Status field, when it has one (drives strictness and the status gate). */
  status: DocumentStatus | undefined;
  completion: Completion;
  /** TTD, TTA, TTM, TTR, Duration, Duration of Impact as the timeline gives them. */
  metrics: MetricsSummary;
}

const EMPTY_COMPLETION: Completion = {
  sectionsFilled: 0,
  sectionsTotal: 0,
  percent: 0,
  placeholders: 0,
  findings: { error: 0, warning: 0, info: 0 },
};

export function lint(text: string, options: LintRunOptions = {}): Finding[] {
  return lintDocument(text, options).findings;
}

/** Sections filled / total, placeholders left, findings by severity. */
export function completion(text: string, options: LintRunOptions = {}): Completion {
  return lintDocument(text, options).completion;
}

export function lintDocument(text: string, options: LintRunOptions = {}): LintResult {
  const file = options.file ?? '<text>';
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const toFinding = (ruleId: string, severity: Severity, r: Report): Finding => {
    const start = lines.point(r.start);
    const end = lines.point(Math.max(r.start, r.end));
    const finding: Finding = {
      file,
      ruleId,
      severity,
      message: r.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      offset: start.offset,
      endOffset: end.offset,
    };
    if (r.fix) finding.fix = r.fix;
    if (r.suggestions && r.suggestions.length) finding.suggestions = r.suggestions;
    if (r.related && r.related.length) {
      finding.related = r.related.map((rel) => {
        const a = lines.point(rel.start);
        const b = lines.point(rel.end);
        return { message: rel.message, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
      });
    }
    return finding;
  };

  let config: PostmortemConfig | undefined;
  if (options.config !== undefined) {
    const checked = validateConfig(options.config);
    if (checked.errors.length) {
      findings.push(
        toFinding('config', 'error', {
          message: `Invalid configuration (linting with defaults): ${checked.errors.join('; ')}`,
          start: 0,
          end: 0,
        }),
      );
    } else {
      config = checked.config;
    }
  }

  const maxSize = options.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE;
  if (text.length > maxSize) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    findings.push(
      toFinding('document-size', 'warning', {
        message: `Document not linted: it is ${mb(text.length)} MB, over the ${mb(maxSize)} MB limit. Split it, or move logs and data into attachments.`,
        start: 0,
        end: lines.lineEnd(1),
      }),
    );
    return {
      findings,
      status: undefined,
      completion: { ...EMPTY_COMPLETION, findings: { error: 0, warning: 1, info: 0 } },
      metrics: { timelineLine: undefined, metrics: [] },
    };
  }

  const template = templateFor(options.templateText);
  const tree = parseMarkdown(text);
  const doc = buildDocument(text, tree, lines);
  const eol = detectEol(text);
  const edit = (start: number, end: number, newText: string): TextEdit => ({ range: lines.range(start, end), text: newText });
  const status = readStatus(doc, template);
  const byStatus = strictnessFor(status, config);

  for (const rule of rules) {
    const resolved = resolveRule(rule, config, byStatus);
    if (resolved.severity === 'off') continue;
    const severity = resolved.severity;
    const ctx: RuleContext = {
      text,
      doc,
      lines,
      template,
      options: resolved.options,
      status,
      eol,
      edit,
      report: (r) => findings.push(toFinding(rule.id, r.severity ?? severity, r)),
    };
    try {
      rule.check(ctx);
    } catch (error) {
      // A rule must never take the whole lint down: report it where the user can see it.
      findings.push(
        toFinding('internal-error', 'error', {
          message: `Rule ${rule.id} failed on this document: ${error instanceof Error ? error.message : String(error)}`,
          start: 0,
          end: 0,
        }),
      );
    }
  }

  const directives = readDirectives(doc.htmlComments, lines);
  const kept = directives.length ? findings.filter((f) => !isSuppressed(f, directives)) : findings;
  kept.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId));
  // Same keywords as the metrics rule, so the cached timeline reading is reused.
  const metricsRule = rules.find((r) => r.id === 'metrics');
  const keywords = (metricsRule ? resolveRule(metricsRule, config).options['keywords'] : undefined) as
    | Partial<Record<Milestone, string[]>>
    | undefined;
  const metrics = summarizeMetrics(doc, timelineMetrics(doc, template, keywords ?? {}));
  return { findings: kept, status, completion: computeCompletion(doc, template, kept), metrics };
}

/** Applies the `fix` of each finding (never `suggestions`); overlapping edits after the first are skipped. */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const edits: TextEdit[] = [];
  for (const f of findings) if (f.fix) edits.push(...f.fix.edits);
  return applyEdits(text, edits);
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
  let out = '';
  let cursor = 0;
  for (const e of sorted) {
    const s = e.range.start.offset;
    const t = e.range.end.offset;
    if (s < cursor) continue; // overlaps an edit already taken
    out += text.slice(cursor, s) + e.text;
    cursor = t;
  }
  return out + text.slice(cursor);
}
