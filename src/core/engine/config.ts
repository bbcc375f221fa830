// Resolving a rule's severity and options from the configuration.
import type { Rule } from '../rules/rule';
import type { TemplateModel } from '../template/model';
import { titleKey, type SectionAliases } from '../template/sectionTitles';
import type { PostmortemConfig, SeverityOrOff } from '../types';

export interface ResolvedRule<Options extends object> {
  rule: Rule<Options>;
  severity: SeverityOrOff;
  options: Options;
}

/**
 * A rule's severity: the config's explicit setting, else the document status's strictness, else the
 * rule's default.
 */
export function resolveRule<Options extends object>(
  rule: Rule<Options>,
  config: PostmortemConfig | undefined,
  byStatus: Record<string, SeverityOrOff> = {},
): ResolvedRule<Options> {
  const setting = config?.rules?.[rule.id];
  const fallback = byStatus[rule.id] ?? rule.defaultSeverity;
  if (setting === undefined) return { rule, severity: fallback, options: { ...rule.defaultOptions } };
  if (typeof setting === 'string') return { rule, severity: setting, options: { ...rule.defaultOptions } };
  // `config` passed validateConfig, which checks each rule's options against its optionsSchema, and
  // Options describes that schema: the merged object has the declared types.
  const options = { ...rule.defaultOptions, ...(setting.options ?? {}) } as Options;
  return { rule, severity: setting.severity ?? fallback, options };
}

/**
 * The config's `aliases` that cannot apply to this template: a key that names none of its sections, or
 * an alias that is itself the title of another template section (it would take that section's headings).
 */
export function aliasProblems(template: TemplateModel, aliases: SectionAliases | undefined): string[] {
  if (!aliases) return [];
  const byKey = new Map(template.sections.map((s) => [titleKey(s.title), s.title]));
  const problems: string[] = [];
  for (const [title, list] of Object.entries(aliases)) {
    if (!byKey.has(titleKey(title))) {
      const top = template.sections.filter((s) => s.parentKey === undefined).map((s) => s.title);
      problems.push(`aliases[${JSON.stringify(title)}]: the template has no section of this title (its sections: ${top.join(', ')})`);
      continue;
    }
    for (const alias of list) {
      const other = byKey.get(titleKey(alias));
      if (other !== undefined && titleKey(other) !== titleKey(title)) problems.push(`aliases[${JSON.stringify(title)}]: "${alias}" is the template's own section "${other}"`);
    }
  }
  return problems;
}
