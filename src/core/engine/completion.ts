// How finished a post-mortem is, at a glance: sections filled out of the template's, placeholders
// left, findings by severity. Computed from one lint run (no second parse).
import { isHtmlComment, type DocumentModel } from '../markdown/document';
import { matchSections } from '../template/sectionMatch';
import type { TemplateModel } from '../template/model';
import type { Finding, Severity } from '../types';

export interface Completion {
  /** Template sections (leaves: sections without subsections) present, non-empty, free of placeholders and unchecked checklists. */
  sectionsFilled: number;
  sectionsTotal: number;
  /** 0-100, rounded down. */
  percent: number;
  placeholders: number;
  findings: Record<Severity, number>;
}

// Findings that mean "not filled in yet" (rather than "filled in wrongly").
const UNFILLED = new Set(['placeholder', 'empty-section', 'detection-method', 'contributing-factors', 'sign-off']);

export function computeCompletion(doc: DocumentModel, template: TemplateModel, findings: readonly Finding[]): Completion {
  const placeholders = findings.filter((f) => f.ruleId === 'placeholder');
  const unfilledFindings = findings.filter((f) => UNFILLED.has(f.ruleId));
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) bySeverity[f.severity]++;

  const leaves = matchSections(doc, template).filter((m) => m.template.childKeys.length === 0);
  let filled = 0;
  for (const m of leaves) {
    const section = m.found[0];
    if (!section) continue;
    const hasContent = section.nodes.some((n) => !isHtmlComment(n));
    if (!hasContent) continue;
    const unfilled = unfilledFindings.some((p) => p.offset >= section.start && p.offset < section.contentEnd);
    if (!unfilled) filled++;
  }
  const total = leaves.length;
  return {
    sectionsFilled: filled,
    sectionsTotal: total,
    percent: total ? Math.floor((filled / total) * 100) : 0,
    placeholders: placeholders.length,
    findings: bySeverity,
  };
}
