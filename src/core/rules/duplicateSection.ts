// duplicate-section: the same template section twice in one place.
import { NO_OPTIONS, type Rule } from './rule';
import { matchSections } from '../template/sectionMatch';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  description: 'A template section appears at most once.',
  defaultSeverity: 'warning',
  fixable: false,
  hasSuggestions: false,
  layout: true,
  optionsSchema: NO_OPTIONS,
  defaultOptions: {},
  check(ctx) {
    for (const m of matchSections(ctx.doc, ctx.template)) {
      const [first, ...rest] = m.found;
      if (!first) continue;
      for (const dup of rest) {
        if (dup.parent?.key !== first.parent?.key) continue; // same title under another parent is fine
        const line = ctx.doc.lines.point(first.start).line;
        ctx.report({
          message: `Duplicate section "${dup.title}": it already appears at line ${line}. Merge the two.`,
          start: dup.start,
          end: dup.headingEnd,
          related: [{ message: 'first occurrence', start: first.start, end: first.headingEnd }],
        });
      }
    }
  },
};
