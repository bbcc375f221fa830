// missing-section: a template section or subsection that the document lacks.
import { endOf, isHtmlComment, normalizeTitle, startOf, type Section } from '../markdown/document';
import { stringListOption, type Rule } from './rule';
import { matchSections, missingSections, sectionInsertion } from '../template/sectionMatch';

export interface MissingSectionOptions {
  optional: string[];
}

export const missingSection: Rule<MissingSectionOptions> = {
  id: 'missing-section',
  description: 'Every section and subsection of the template is present.',
  defaultSeverity: 'warning',
  fixable: true,
  hasSuggestions: false,
  layout: true,
  optionsSchema: {
    type: 'object',
    properties: {
      optional: stringListOption('Section titles that may be left out (e.g. ["Appendix", "Where We Got Lucky"]).'),
    },
    additionalProperties: false,
  },
  defaultOptions: { optional: [] },
  check(ctx) {
    const { doc, template } = ctx;
    if (template.sections.length === 0) return;
    // Titles as the template's section keys are made: "What Didn't Go Well" names the section whatever its apostrophe.
    const optional = new Set(ctx.options.optional.map(normalizeTitle));
    const matches = matchSections(doc, template);
    // Without a heading to point at, the start of the document's first block (after front matter and
    // comments), else its front matter or its end: places a disable comment can cover.
    const firstContent = doc.tree.children.find((n) => n.type !== 'yaml' && !isHtmlComment(n));
    const fallback = doc.frontmatter ? startOf(doc.frontmatter) : ctx.doc.text.length;
    for (const m of missingSections(doc, template)) {
      const t = m.template;
      if (optional.has(t.key)) continue;
      // Point at the section that lacks it: the parent for a subsection, else the next section present.
      let anchor = t.parentKey !== undefined ? matches.find((x) => x.template.key === t.parentKey)?.found[0] : undefined;
      let where = anchor ? `in "${anchor.title}"` : '';
      if (!anchor) {
        const next = matches.slice(t.index + 1).find((x) => x.template.depth === t.depth && x.found.length);
        anchor = next?.found[0];
        if (anchor) where = `before "${anchor.title}"`;
      }
      let at = anchor;
      if (!anchor) {
        // After the template sections before it, written in whatever order: the last of them in the
        // document, pointing at the heading that follows it, where the section would go.
        const before = matches.slice(0, t.index).filter((x) => x.template.depth <= t.depth && x.found.length).map((x) => x.found[0] as Section);
        anchor = before.reduce<Section | undefined>((last, s) => (!last || s.start > last.start ? s : last), undefined);
        if (anchor) {
          where = `after "${anchor.title}"`;
          const end = anchor.end;
          at = doc.sections.find((s) => s.start >= end) ?? anchor;
        }
      }
      const start = at ? at.start : doc.title ? startOf(doc.title) : firstContent ? startOf(firstContent) : fallback;
      const end = at ? at.headingEnd : doc.title ? endOf(doc.title) : start;
      const ins = sectionInsertion(doc, template, t, ctx.eol);
      const level = '#'.repeat(t.depth);
      ctx.report({
        message: `Missing section "${level} ${t.title}"${where ? ` (expected ${where})` : ''}.`,
        start,
        end,
        fix: { title: `Insert section "${t.title}"`, edits: [ctx.edit(ins.offset, ins.offset, ins.text)] },
      });
    }
  },
};
