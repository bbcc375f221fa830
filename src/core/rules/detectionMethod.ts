// detection-method: the "How Was It Detected?" checklist has an answer, and an open option such as
// "Other: [specify]" says what it was when checked.
import { documentChecklists, labelKey, optionList } from '../postmortem/checklist';
import { normalizeTitle } from '../markdown/document';
import { scanBracketPlaceholders } from '../template/placeholders';
import { stringListOption, type Rule } from './rule';
import type { TemplateChecklist, TemplateModel } from '../template/model';

// By default the rule checks the template checklists whose section title speaks of detection
// ("How Was It Detected?", "Detection Method"); the `sections` option names others.
function detectionChecklists(template: TemplateModel, sections: readonly string[]): TemplateChecklist[] {
  if (sections.length) {
    const keys = new Set(sections.map(normalizeTitle));
    return template.checklists.filter((c) => keys.has(c.sectionKey));
  }
  return template.checklists.filter((c) => /\bdetect/.test(c.sectionKey));
}

export interface DetectionMethodOptions {
  sections: string[];
}

export const detectionMethod: Rule<DetectionMethodOptions> = {
  id: 'detection-method',
  description: 'How the incident was detected is checked, and an "Other" answer says what it was.',
  defaultSeverity: 'warning',
  fixable: false,
  hasSuggestions: true,
  optionsSchema: {
    type: 'object',
    properties: {
      sections: stringListOption('Titles of the checklist sections to check; empty: the template checklists whose section title mentions detection.'),
    },
    additionalProperties: false,
  },
  defaultOptions: { sections: [] },
  check(ctx) {
    const { doc, template } = ctx;
    const { text } = doc;
    const checklists = detectionChecklists(template, ctx.options.sections);
    if (checklists.length === 0) return;
    for (const checklist of checklists) {
      // Options the template writes with a hint after a colon ("Other: [specify]") ask for an answer there.
      const openOptions = new Set(checklist.options.filter((o) => o.hint !== undefined).map((o) => labelKey(o.label)));
      // Sections without checkboxes answered in prose: nothing to check.
      for (const { section, items } of documentChecklists(doc, template, checklist)) {
        const checked = items.filter((i) => i.checked);
        if (checked.length === 0) {
          ctx.report({
            message: `Nothing is checked under "${section.title}": check one of ${optionList(items)}.`,
            start: section.start,
            end: section.headingEnd,
            suggestions: items.map((i) => ({
              title: `Check "${i.label.label}"`,
              edits: [ctx.edit(i.boxStart, i.boxEnd, '[x]')],
            })),
          });
        }
        for (const item of checked) {
          if (!openOptions.has(labelKey(item.label.label))) continue;
          const after = item.label.after;
          const answer = after ? text.slice(after.start, after.end) : '';
          if (answer !== '' && scanBracketPlaceholders(answer).length === 0) continue;
          ctx.report({
            message: `"${item.label.label}" is checked but does not say what: write it after "${item.label.label}:".`,
            start: item.textStart,
            end: item.textEnd,
          });
        }
      }
    }
  },
};
