// missing-section: a template section or subsection that the document lacks.
import type { Node } from 'unist';
import { endOf, isHtmlComment, normalizeTitle, startOf, type DocumentModel, type Section } from '../markdown/document';
import { editDistance } from '../markdown/text';
import type { TemplateSection } from '../template/model';
import { stringListOption, type Rule } from './rule';
import { matchSections, missingSections, sectionInsertion, type SectionMatch } from '../template/sectionMatch';

export interface MissingSectionOptions {
  optional: string[];
}

export const missingSection: Rule<MissingSectionOptions> = {
  id: 'missing-section',
  description: 'Every section and subsection of the template is present.',
  defaultSeverity: 'warning',
  fixable: true,
  hasSuggestions: true,
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
    const missing = missingSections(doc, template);
    const nearMisses = nearlyTitled(doc, matches, missing);
    for (const m of missing) {
      const t = m.template;
      if (optional.has(t.key)) continue;
      // A heading that is nearly its title ("Apendix") is where it is: say so, and offer the spelling.
      const nearly = nearMisses.get(t);
      if (nearly) {
        ctx.report({
          message: `Missing section "${'#'.repeat(t.depth)} ${t.title}": the heading "${nearly.title}" looks like it. Fix its spelling if it is meant to be that section.`,
          start: nearly.start,
          end: nearly.headingEnd,
          suggestions: [{ title: `Rename the heading to "${t.title}"`, edits: [ctx.edit(nearly.textStart, nearly.textEnd, t.title)] }],
        });
        continue;
      }
      // Point at the section that lacks it: the parent for a subsection, else the next section present,
      // else the previous one (a nearly-titled heading counts as present for this).
      let anchor = t.parentKey !== undefined ? matches.find((x) => x.template.key === t.parentKey)?.found[0] : undefined;
      let where = anchor ? `in "${anchor.title}"` : '';
      if (!anchor) {
        const next = matches.slice(t.index + 1).find((x) => x.template.depth === t.depth && x.found.length);
        anchor = next?.found[0];
        if (anchor) where = `before "${anchor.title}"`;
      }
      if (!anchor) {
        const prev = matches
          .slice(0, t.index)
          .reverse()
          .find((x) => x.template.depth <= t.depth && (x.found.length || nearMisses.has(x.template)));
        anchor = prev ? (prev.found[0] ?? nearMisses.get(prev.template)?.section) : undefined;
        if (anchor) where = `after "${anchor.title}"`;
      }
      const start = anchor ? anchor.start : doc.title ? startOf(doc.title) : firstContent ? startOf(firstContent) : fallback;
      const end = anchor ? anchor.headingEnd : doc.title ? endOf(doc.title) : start;
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

interface NearMiss {
  section: Section;
  title: string;
  start: number;
  headingEnd: number;
  /** The heading's text, where a rename goes. */
  textStart: number;
  textEnd: number;
}

/**
 * Missing top-level template sections whose title an unmatched top-level heading nearly spells (at
 * most one typo per five letters, two at most; titles of five letters or more): "Apendix", "Appendinx".
 */
function nearlyTitled(doc: DocumentModel, matches: readonly SectionMatch[], missing: readonly SectionMatch[]): Map<TemplateSection, NearMiss> {
  const used = new Set(matches.flatMap((m) => m.found));
  const out = new Map<TemplateSection, NearMiss>();
  const taken = new Set<Section>();
  for (const m of missing) {
    if (m.template.parentKey !== undefined) continue;
    const want = m.template.key;
    if (want.length < 5) continue;
    const max = Math.min(2, Math.floor(want.length / 5));
    const section = doc.sections.find((s) => s.parent === undefined && !used.has(s) && !taken.has(s) && s.key !== want && editDistance(s.key, want, max) <= max);
    const text = section?.heading.children;
    if (!section || !text?.length) continue;
    taken.add(section);
    out.set(m.template, {
      section,
      title: section.title,
      start: section.start,
      headingEnd: section.headingEnd,
      textStart: startOf(text[0] as Node),
      textEnd: endOf(text[text.length - 1] as Node),
    });
  }
  return out;
}

