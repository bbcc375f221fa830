// Resolving a rule's severity and options from the configuration.
import type { Rule } from './rule';
import type { PostmortemConfig, SeverityOrOff } from './types';

export interface ResolvedRule {
  rule: Rule;
  severity: SeverityOrOff;
  options: Record<string, unknown>;
}

export function resolveRule(rule: Rule, config: PostmortemConfig | undefined): ResolvedRule {
  const setting = config?.rules?.[rule.id];
  if (setting === undefined) return { rule, severity: rule.defaultSeverity, options: { ...rule.defaultOptions } };
  if (typeof setting === 'string') return { rule, severity: setting, options: { ...rule.defaultOptions } };
  return {
    rule,
    severity: setting.severity ?? rule.defaultSeverity,
    options: { ...rule.defaultOptions, ...(setting.options ?? {}) },
  };
}
