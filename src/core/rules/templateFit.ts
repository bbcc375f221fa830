// template-fit: a document that does not follow the template gets ONE note at its title, instead of a
// finding per missing section and a metadata error; the content checks still run on it.
import { followsTemplate, templateFit } from '../postmortem/templateFit';
import type { Rule } from './rule';

export const DEFAULT_MIN_SHARE = 0.5;

export interface TemplateFitOptions {
  minShare: number;
}

export const templateFitRule: Rule<TemplateFitOptions> = {
  id: 'template-fit',
  description: 'A document that matches fewer than half of the template\'s top-level sections gets one note instead of the section-by-section checks.',
  defaultSeverity: 'info',
  fixable: false,
  hasSuggestions: false,
  optionsSchema: {
    type: 'object',
    properties: {
      minShare: {
        type: 'number',
        minimum: 0,
        maximum: 1,
        description: 'Share of the template\'s top-level sections a document must have to be checked section by section (default 0.5).',
      },
    },
    additionalProperties: false,
  },
  defaultOptions: { minShare: DEFAULT_MIN_SHARE },
  check(ctx) {
    const fit = templateFit(ctx.doc, ctx.template);
    if (followsTemplate(fit, ctx.options.minShare)) return;
    // At the title (the H1), else the first heading, else the first line.
    const title = ctx.doc.title?.position;
    const first = ctx.doc.sections[0];
    const start = title ? title.start.offset ?? 0 : (first?.start ?? 0);
    const end = title ? title.end.offset ?? 0 : (first?.headingEnd ?? ctx.doc.lines.lineEnd(1));
    ctx.report({
      message: `This document does not follow the template (${fit.matched} of ${fit.total} sections): set "template" in .postmortemrc.json to your team's template.`,
      start,
      end,
    });
  },
};
