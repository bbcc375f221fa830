// How finished a post-mortem is, at a glance. The percentage counts what the template asks to be
// filled: each placeholder, Summary field, choice list and table cell the template leaves open (its
// slots), each checklist, and each section (leaf) that has content; so every value filled in moves
// it. Computed from one lint run (no second parse).
import { isHtmlComment, type DocumentModel } from '../markdown/document';
import { matchSections, type SectionMatch } from '../template/sectionMatch';
import type { TemplateModel } from '../template/model';
import { templateSlots } from '../template/slots';
import type { Finding, Severity } from '../types';

export interface Completion {
  /** Template sections (leaves: sections without subsections) present, non-empty, free of placeholders and unchecked checklists. */
  sectionsFilled: number;
  sectionsTotal: number;
  /** 0-100, rounded down: `filled` out of `total`. */
  percent: number;
  /** What the percentage counts: the template's slots, checklists and leaf sections (absent where nothing was linted)... */
  total?: number;
  /** ...and how many of them are filled. */
  filled?: number;
  placeholders: number;
  findings: Record<Severity, number>;
}

// Findings that mean "not filled in yet" (rather than "filled in wrongly").
const UNFILLED = new Set(['placeholder', 'empty-section', 'detection-method', 'contributing-factors', 'sign-off']);
// Findings that mean a checklist has nothing checked (or a checked option left unexplained).
const CHECKLIST_UNFILLED = new Set(['detection-method', 'contributing-factors']);

export function computeCompletion(doc: DocumentModel, template: TemplateModel, findings: readonly Finding[]): Completion {
  const placeholders = findings.filter((f) => f.ruleId === 'placeholder');
  const unfilledFindings = findings.filter((f) => UNFILLED.has(f.ruleId));
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) bySeverity[f.severity]++;

  const matches = matchSections(doc, template);
  const leaves = matches.filter((m) => m.template.childKeys.length === 0);
  let sectionsFilled = 0;
  for (const m of leaves) {
    const section = m.found[0];
    if (!section) continue;
    const hasContent = section.nodes.some((n) => !isHtmlComment(n));
    if (!hasContent) continue;
    const unfilled = unfilledFindings.some((p) => p.offset >= section.start && p.offset < section.contentEnd);
    if (!unfilled) sectionsFilled++;
  }

  const slots = slotsFilled(template, matches, placeholders.length);
  const checklists = checklistsFilled(template, matches, findings);
  const total = slots.total + checklists.total + leaves.length;
  const filled = slots.filled + checklists.filled + sectionsFilled;
  return {
    sectionsFilled,
    sectionsTotal: leaves.length,
    percent: total ? Math.floor((filled / total) * 100) : 0,
    total,
    filled,
    placeholders: placeholders.length,
    findings: bySeverity,
  };
}

/**
 * The template's slots filled: those not left as placeholders. A missing section's slots are not
 * filled (deleting a section does not fill it); placeholders the author added (new rows) count
 * against the total, never below nothing filled.
 */
function slotsFilled(template: TemplateModel, matches: readonly SectionMatch[], placeholdersLeft: number): { total: number; filled: number } {
  const { slots, sectionSpans } = templateSlots(template);
  let missing = 0;
  for (const m of matches) {
    if (m.template.childKeys.length > 0 || m.found.length > 0 || m.coveredBy?.length) continue;
    const span = sectionSpans[m.template.index];
    if (span) missing += slots.filter((s) => s.start >= span.start && s.end <= span.end).length;
  }
  const total = slots.length;
  return { total, filled: Math.max(0, total - placeholdersLeft - missing) };
}

/** The template's checklists with something checked (and explained): no checklist finding in their section. */
function checklistsFilled(template: TemplateModel, matches: readonly SectionMatch[], findings: readonly Finding[]): { total: number; filled: number } {
  let filled = 0;
  for (const checklist of template.checklists) {
    const section = matches.find((m) => m.template.key === checklist.sectionKey)?.found[0];
    if (!section) continue;
    const open = findings.some((f) => CHECKLIST_UNFILLED.has(f.ruleId) && f.offset >= section.start && f.offset < section.end);
    if (!open) filled++;
  }
  return { total: template.checklists.length, filled };
}
