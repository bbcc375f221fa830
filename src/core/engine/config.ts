// Resolving a rule's severity and options from the configuration.
import type { Rule } from '../rules/rule';
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
