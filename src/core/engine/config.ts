// Resolving a rule's severity and options from the configuration.
import type { Rule } from '../rules/rule';
import type { PostmortemConfig, SeverityOrOff } from '../types';

export interface ResolvedRule {
  rule: Rule;
  severity: SeverityOrOff;
  options: Record<string, unknown>;
}

/**
 * A rule's severity: the config's explicit setting, else the document status's strictness, else the
 * rule's default.
 */
export function resolveRule(
  rule: Rule,
  config: PostmortemConfig | undefined,
  byStatus: Record<string, SeverityOrOff> = {},
): ResolvedRule {
  const setting = config?.rules?.[rule.id];
  const fallback = byStatus[rule.id] ?? rule.defaultSeverity;
  if (setting === undefined) return { rule, severity: fallback, options: { ...rule.defaultOptions } };
  if (typeof setting === 'string') return { rule, severity: setting, options: { ...rule.defaultOptions } };
  return {
    rule,
    severity: setting.severity ?? fallback,
    options: { ...rule.defaultOptions, ...(setting.options ?? {}) },
  };
}
