// contributing-factors: the factors checklist and its Details list agree. At least one factor is
// checked, every checked factor is explained in Details, and Details explain only checked factors.
import { documentChecklists, factorChecklists, labelKey, optionList, readLabelledEntries, type LabelSpan } from '../postmortem/checklist';
import { scanBracketPlaceholders } from '../template/placeholders';
import { NO_OPTIONS, type Rule } from './rule';

export const contributingFactors: Rule = {
  id: 'contributing-factors',
  description: 'At least one contributing factor is checked, and the Details list explains exactly the checked factors.',
  defaultSeverity: 'warning',
  fixable: false,
  hasSuggestions: true,
  optionsSchema: NO_OPTIONS,
  defaultOptions: {},
  check(ctx) {
    const { doc, template } = ctx;
    const { text } = doc;
    const checklists = factorChecklists(template);
    if (checklists.length === 0) return;
    for (const { checklist, placeholders } of checklists) {
      // Sections without checkboxes wrote the factors in their own form: nothing to compare.
      for (const { section, items } of documentChecklists(doc, template, checklist)) {
        const checked = items.filter((i) => i.checked);
        if (checked.length === 0) {
          ctx.report({
            message: `No contributing factor is checked under "${section.title}": check at least one with [x].`,
            start: section.start,
            end: section.headingEnd,
            suggestions: items.map((i) => ({
              title: `Check "${i.label.label}"`,
              edits: [ctx.edit(i.boxStart, i.boxEnd, '[x]')],
            })),
          });
        }

        // A Details entry may name several factors: "Testing Gap / Code Defect: ...".
        const templateLabels = new Map(checklist.options.map((o) => [labelKey(o.label), o.label]));
        const itemsByKey = new Map(items.map((i) => [labelKey(i.label.label), i]));
        const isFactor = (key: string) => itemsByKey.has(key) || templateLabels.has(key);
        const explained = new Set<string>();
        let expected: string | undefined;
        for (const entry of readLabelledEntries(text, section)) {
          if (isPlaceholder(text, entry, placeholders)) continue;
          for (const factor of splitFactors(entry, isFactor)) {
            const key = labelKey(factor.label);
            explained.add(key);
            const item = itemsByKey.get(key);
            if (item?.checked) continue;
            if (item || templateLabels.has(key)) {
              const name = item?.label.label ?? (templateLabels.get(key) as string);
              ctx.report({
                message: `Details explain "${factor.label}", but "${name}" is not checked: check it, or remove the entry.`,
                start: factor.start,
                end: factor.end,
                ...(item ? { suggestions: [{ title: `Check "${name}"`, edits: [ctx.edit(item.boxStart, item.boxEnd, '[x]')] }] } : {}),
              });
            } else {
              ctx.report({
                message: `Details entry "${factor.label}" is not a listed contributing factor: expected one of ${(expected ??= optionList(items))}.`,
                start: factor.start,
                end: factor.end,
              });
            }
          }
        }

        for (const item of checked) {
          if (explained.has(labelKey(item.label.label))) continue;
          ctx.report({
            message: `Contributing factor "${item.label.label}" is checked but not explained: add "- ${item.label.label}: <explanation>" to the Details list.`,
            start: item.label.start,
            end: item.label.end,
          });
        }
      }
    }
  },
};

/** A Details entry still as the template wrote it: "[Factor 1]: [Explanation]". */
function isPlaceholder(text: string, entry: LabelSpan, placeholders: ReadonlySet<string>): boolean {
  const bracketed = text.slice(entry.start - 1, entry.end + 1);
  if (text[entry.start - 1] === '[' && placeholders.has(bracketed)) return true;
  return scanBracketPlaceholders(entry.label, placeholders).length > 0;
}

/** The factors an entry names: all of its parts when every part is a factor, else the whole label. */
function splitFactors(entry: LabelSpan, isFactor: (key: string) => boolean): LabelSpan[] {
  if (isFactor(labelKey(entry.label))) return [entry];
  const parts: LabelSpan[] = [];
  const separator = /\s*(?:[,/&+;]|\band\b)\s*/g;
  let from = 0;
  const push = (to: number) => {
    const raw = entry.label.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const label = raw.trim();
    if (label) parts.push({ label, start: entry.start + from + lead, end: entry.start + from + lead + label.length, after: entry.after });
  };
  let m: RegExpExecArray | null;
  while ((m = separator.exec(entry.label))) {
    if (m[0].length === 0) {
      separator.lastIndex++;
      continue;
    }
    push(m.index);
    from = m.index + m[0].length;
  }
  push(entry.label.length);
  return parts.length > 1 && parts.every((p) => isFactor(labelKey(p.label))) ? parts : [entry];
}
