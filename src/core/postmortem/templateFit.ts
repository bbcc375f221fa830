// How far a document follows its template: the share of the template's top-level sections it has.
// A document that matches fewer than half of them, with sections of its own, was written to another layout (another team's
// template, a blog post): checking it section by section against this template is noise.
import type { DocumentModel } from '../markdown/document';
import type { TemplateModel } from '../template/model';
import { matchSections } from '../template/sectionMatch';

export interface TemplateFit {
  /** Top-level template sections the document has. */
  matched: number;
  /** Top-level template sections. */
  total: number;
  /** Top-level document sections that are no template section: the document's own layout. */
  own: number;
}

export function templateFit(doc: DocumentModel, template: TemplateModel): TemplateFit {
  let matched = 0;
  let total = 0;
  const templateSections = new Set<object>();
  for (const m of matchSections(doc, template)) {
    for (const s of m.found) templateSections.add(s);
    if (m.template.parentKey !== undefined) continue;
    total++;
    if (m.found.length > 0) matched++;
  }
  const own = doc.sections.filter((s) => s.parent === undefined && !templateSections.has(s)).length;
  return { matched, total, own };
}

/**
 * Whether the document follows the template: it has at least `minShare` of its top-level sections, or
 * it is a post-mortem just started or cut short: no sections of its own and one or two of the
 * template's. Its missing sections are what its author needs to hear about; a document with three or
 * five sections of its own choosing (Summary, Timeline, Follow-ups) was written to another layout.
 */
const JUST_STARTED = 2;

export function followsTemplate(fit: TemplateFit, minShare: number): boolean {
  return fit.total === 0 || fit.matched >= fit.total * minShare || (fit.own === 0 && fit.matched <= JUST_STARTED);
}
