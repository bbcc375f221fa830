// empty-section: a template section whose heading is there but nothing under it.
import { hasOwnContent } from '../markdown/document';
import { NO_OPTIONS, type Rule } from './rule';
import { matchSections } from '../template/sectionMatch';
import { isTemplateDocument } from '../template/templateDocument';

export const emptySection: Rule = {
  id: 'empty-section',
  description: 'A template section has content (text, a list, a table) or subsections.',
  defaultSeverity: 'warning',
  fixable: false,
  hasSuggestions: false,
  layout: true,
  optionsSchema: NO_OPTIONS,
  defaultOptions: {},
  check(ctx) {
    // A template's sections are empty by design.
    if (isTemplateDocument(ctx.doc, ctx.template)) return;
    for (const m of matchSections(ctx.doc, ctx.template)) {
      // A placeholder heading ("### [Date and time]") stands for sections the author names: no section of its own.
      if (m.template.repeatable) continue;
      for (const s of m.found) {
        if (s.children.length) continue;
        if (hasOwnContent(s)) continue;
        ctx.report({
          message: `Section "${s.title}" is empty: write its content, or remove the heading if it does not apply.`,
          start: s.start,
          end: s.headingEnd,
        });
      }
    }
  },
};
