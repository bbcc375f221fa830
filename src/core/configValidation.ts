// Validates a parsed .postmortemrc.json. (Replaced by the precompiled ajv validator.)
import type { PostmortemConfig } from './types';

export interface ConfigCheck {
  config: PostmortemConfig | undefined;
  /** Human-readable problems ("rules.timeline: must be one of off, info, warning, error"). */
  errors: string[];
}

export function validateConfig(raw: unknown): ConfigCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config: undefined, errors: ['the configuration must be a JSON object'] };
  }
  return { config: raw as PostmortemConfig, errors: [] };
}
