// lint(text) -> findings: one parse, one walk to build the document model, then every enabled rule.
import { computeCompletion, type Completion } from './completion';
import { aliasProblems, resolveRule } from './config';
import { editOrder } from '../markdown/edits';
import { summarizeMetrics, timelineMetrics, type MetricsSummary } from '../postmortem/metrics';
import { validateConfig } from './configValidation';
import { buildDocument, endOf, startOf, type DocumentModel } from '../markdown/document';
import { parseDocumentText } from '../markdown/parse';
import type { PieceCache } from '../markdown/splitParse';
import { closingBlockFirst, isBeforeOpenBlock, openBlockAtEnd, type OpenBlock } from '../markdown/openBlocks';
import { bomLength, detectEol, LineIndex, shiftPoint, shiftRange, withLineFeeds } from '../markdown/positions';
import type { Report, Rule, RuleContext } from '../rules/rule';
import { rules } from '../rules/index';
import { templateFitRule } from '../rules/templateFit';
import { timeline as timelineRule } from '../rules/timeline';
import { metrics as metricsRule } from '../rules/metrics';
import { followsTemplate, templateFit } from '../postmortem/templateFit';
import { readStatus, scanStatus, strictnessFor, type DocumentStatus } from '../postmortem/status';
import { isSuppressed, readDirectives } from './suppressions';
import { templateFor, templateProblem } from '../template/model';
import { withSectionAliases } from '../template/sectionTitles';
import { headerWordsOf } from '../template/timelineColumns';
import { isTemplateDocument } from '../template/templateDocument';
import type { Finding, Fix, LintOptions, PostmortemConfig, Severity, TextEdit } from '../types';

/**
 * Documents larger than this (in UTF-16 code units) are not parsed. Parsed section by section, a lint is
 * linear: a 10 MB post-mortem peaks under 1 GB (a whole remark parse: ~70 s and 2 GB; `npm run bench`).
 * The editor may pass a smaller LintRunOptions.maxDocumentSize to lint as you type.
 */
export const DEFAULT_MAX_DOCUMENT_SIZE = 10 * 1024 * 1024;

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

/**
 * Every finding of the document. Offsets, lines and columns are those of the text as given, a leading
 * byte-order mark included (remark drops it: the rules see the text after it), and fixes keep it.
 */
export function lintDocument(text: string, options: LintRunOptions = {}): LintResult {
  return lintDocumentReusing(text, options, undefined);
}

/** lintDocument, reusing the parses of unchanged pieces kept in `pieces` (createLinter keeps one per document). */
export function lintDocumentReusing(text: string, options: LintRunOptions, pieces: PieceCache | undefined): LintResult {
  const bom = bomLength(text);
  const result = lintText(text, bom, options, pieces);
  return bom === 0 ? result : { ...result, findings: result.findings.map((f) => shiftFinding(f, bom)) };
}

/** Findings with offsets in the text after its byte-order mark (what remark's offsets count). */
function lintText(original: string, bom: number, options: LintRunOptions, pieces: PieceCache | undefined): LintResult {
  const text = withLineFeeds(original.slice(bom));
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
  const templateTooBig = templateProblem(options.templateText);
  if (templateTooBig) findings.push(toFinding('config', 'error', { message: templateTooBig, start: 0, end: 0 }));

  const template = withSectionAliases(templateFor(options.templateText), config?.aliases);
  for (const problem of aliasProblems(template, config?.aliases)) findings.push(toFinding('config', 'warning', { message: `Configuration: ${problem}`, start: 0, end: 0 }));
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
      status: scanStatus(text, template),
      completion: { ...EMPTY_COMPLETION, findings: { error: 0, warning: 1, info: 0 } },
      metrics: { timelineLine: undefined, metrics: [] },
    };
  }

  const { tree } = parseDocumentText(original, pieces);
  const doc = buildDocument(text, tree, lines);
  const eol = detectEol(original);
  const edit = (start: number, end: number, newText: string): TextEdit => ({ range: lines.range(start, end), text: newText });
  const status = readStatus(doc, template);
  const byStatus = strictnessFor(status, config);
  const minShare = resolveRule(templateFitRule, config).options.minShare;
  const fits = followsTemplate(templateFit(doc, template), minShare);
  const timelineWords = headerWordsOf(resolveRule(timelineRule, config).options);

  // A template (the team's own file, or another team's blank template) is not a post-mortem: its
  // placeholders and empty sections are meant to be there. One note says so; no rule runs on it.
  const isTemplate = isTemplateDocument(doc, template);
  const fitSeverity = resolveRule(templateFitRule, config, byStatus).severity;
  if (isTemplate && fitSeverity !== 'off') {
    findings.push(
      toFinding(templateFitRule.id, fitSeverity, {
        message: 'This is a post-mortem template, not a post-mortem: its placeholders and empty sections are meant to be there, so it is not checked. Lint the documents written from it.',
        start: doc.title ? startOf(doc.title) : 0,
        end: doc.title ? endOf(doc.title) : 0,
      }),
    );
  }

  for (const rule of isTemplate ? [] : rules) {
    const resolved = resolveRule(rule, config, byStatus);
    if (resolved.severity === 'off' || (rule.layout && !fits)) continue;
    const severity = resolved.severity;
    // A failing rule's findings are all left out, not only those after the failure.
    const reported: Finding[] = [];
    const ctx: RuleContext<object> = {
      doc,
      template,
      options: resolved.options,
      status,
      timelineWords,
      followsTemplate: fits,
      eol,
      ...(options.beads ? { beads: options.beads } : {}),
      edit,
      report: (r) => {
        validateReport(rule, r);
        reported.push(toFinding(rule.id, r.severity ?? severity, r));
      },
    };
    try {
      rule.check(ctx);
      findings.push(...reported);
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

  const open = openBlockAtEnd(text, tree);
  if (open) for (const f of findings) keepOutOfOpenBlock(f, open, text, eol);

  const directives = readDirectives(doc.htmlComments, lines);
  const frontMatter = frontMatterSuppressionLine(doc);
  const suppressed = (f: Finding) =>
    isSuppressed(f, directives) || (frontMatter !== undefined && f.offset < frontMatter.end && isSuppressed({ ...f, line: frontMatter.line }, directives));
  const kept = directives.length ? findings.filter((f) => !suppressed(f)) : findings;
  kept.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId));
  // The metrics rule's options (keywords, definitions, maxMinutes), so the cached timeline reading is reused.
  const metrics = summarizeMetrics(doc, timelineMetrics(doc, template, resolveRule(metricsRule, config).options));
  return { findings: kept, status, completion: computeCompletion(doc, template, kept), metrics };
}

/**
 * The report contract (as ESLint's validateRuleReport): a safe fix only from a rule that says it is
 * fixable, suggestions only from one that says it has them. Throws, which reports internal-error.
 */
export function validateReport(rule: Pick<Rule, 'id' | 'fixable' | 'hasSuggestions'>, report: Report): void {
  if (report.fix && !rule.fixable) throw new Error(`rule ${rule.id} reported a fix ("${report.fix.title}") but its meta says fixable: false`);
  if (report.suggestions?.length && !rule.hasSuggestions) {
    throw new Error(`rule ${rule.id} reported suggestions ("${report.suggestions[0]?.title}") but its meta says hasSuggestions: false`);
  }
}

/**
 * In a document that ends inside an unclosed block, a fix that inserts at its end would vanish into
 * the block: it becomes a suggestion that closes the block first (or is dropped when it edits inside).
 */
function keepOutOfOpenBlock(finding: Finding, open: OpenBlock, text: string, eol: string): void {
  const outside = (fix: Fix) => (isBeforeOpenBlock(fix, open) ? fix : closingBlockFirst(fix, open, text, eol));
  const moved = finding.fix && !isBeforeOpenBlock(finding.fix, open) ? finding.fix : undefined;
  if (!moved && !finding.suggestions?.some((s) => !isBeforeOpenBlock(s, open))) return;
  if (moved) delete finding.fix;
  const suggestions = [...(moved ? [moved] : []), ...(finding.suggestions ?? [])]
    .map(outside)
    .filter((s): s is Fix => s !== undefined);
  if (suggestions.length) finding.suggestions = suggestions;
  else delete finding.suggestions;
}

/**
 * Nothing can stand above the front matter, so a suppression comment right below it covers it: its
 * findings are suppressed as if they were on the line that comment points at.
 */
function frontMatterSuppressionLine(doc: DocumentModel): { end: number; line: number } | undefined {
  const fm = doc.frontmatter;
  const end = fm?.position?.end.offset;
  if (!fm || end === undefined) return undefined;
  const next = doc.tree.children[doc.tree.children.indexOf(fm) + 1];
  if (!next || next.type !== 'html' || !doc.htmlComments.includes(next)) return undefined;
  const nextLine = next.position?.start.line ?? 0;
  if (nextLine !== (fm.position?.end.line ?? 0) + 1) return undefined;
  return { end, line: (next.position?.end.line ?? nextLine) + 1 };
}

/** A finding of the text after a byte-order mark, moved to the text with it. */
function shiftFinding(finding: Finding, by: number): Finding {
  const start = shiftPoint({ line: finding.line, column: finding.column, offset: finding.offset }, by);
  const end = shiftPoint({ line: finding.endLine, column: finding.endColumn, offset: finding.endOffset }, by);
  const shiftFix = (fix: Fix): Fix => ({
    ...fix,
    edits: fix.edits.map((e) => ({ ...e, range: shiftRange(e.range, by) })),
  });
  const shifted: Finding = { ...finding, column: start.column, offset: start.offset, endColumn: end.column, endOffset: end.offset };
  if (finding.fix) shifted.fix = shiftFix(finding.fix);
  if (finding.suggestions) shifted.suggestions = finding.suggestions.map(shiftFix);
  if (finding.related) {
    shifted.related = finding.related.map((r) => ({
      ...r,
      column: r.line === 1 ? r.column + by : r.column,
      endColumn: r.endLine === 1 ? r.endColumn + by : r.endColumn,
    }));
  }
  return shifted;
}

/** Applies the `fix` of each finding (never `suggestions`); overlapping edits after the first are skipped. */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const edits: TextEdit[] = [];
  for (const f of findings) if (f.fix) edits.push(...f.fix.edits);
  return applyEdits(text, edits);
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let cursor = 0;
  for (const e of takenEdits(edits)) {
    out += text.slice(cursor, e.range.start.offset) + e.text;
    cursor = e.range.end.offset;
  }
  return out + text.slice(cursor);
}

/** The edits applyEdits applies, in order: sorted by editOrder (stable), each one starting before the previous one's end skipped. */
export function takenEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort(editOrder);
  const taken: TextEdit[] = [];
  let cursor = 0;
  for (const e of sorted) {
    if (e.range.start.offset < cursor) continue; // overlaps an edit already taken
    taken.push(e);
    cursor = e.range.end.offset;
  }
  return taken;
}
