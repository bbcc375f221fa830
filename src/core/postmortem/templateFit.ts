// How far a document follows its template: the share of the template's top-level sections it has.
// A document that matches fewer than half of them was written to another layout (another team's
// template, a blog post): checking it section by section against this template is noise.
import type { DocumentModel } from '../markdown/document';
import type { TemplateModel } from '../template/model';
import { matchSections } from '../template/sectionMatch';

export interface TemplateFit {
  /** Top-level template sections the document has. */
  matched: number;
  /** Top-level template sections. */
  total: number;
}

export function templateFit(doc: DocumentModel, template: TemplateModel): TemplateFit {
  let matched = 0;
  let total = 0;
  for (const m of matchSections(doc, template)) {
    if (m.template.parentKey !== undefined) continue;
    total++;
    if (m.found.length > 0) matched++;
  }
  return { matched, total };
}

/** Whether the document follows the template: it has at least `minShare` of its top-level sections. */
export function followsTemplate(fit: TemplateFit, minShare: number): boolean {
  return fit.total === 0 || fit.matched >= fit.total * minShare;
}
