// Fix-all, the same for `postmortem --fix` and the editor's source.fixAll: apply every finding's safe
// fix, lint again, and repeat while fixes appear (one fix can make another possible, e.g. an inserted
// section whose metrics the timeline can fill), up to MAX_FIX_PASSES.
import { applyFixes, lint, type LintRunOptions } from './lint';
import type { Finding } from './types';

export const MAX_FIX_PASSES = 10;

export interface FixAllResult {
  text: string;
  /** The findings of the final text. */
  findings: Finding[];
  passes: number;
}

export function fixAll(text: string, options: LintRunOptions = {}): FixAllResult {
  let current = text;
  let findings = lint(current, options);
  let passes = 0;
  while (passes < MAX_FIX_PASSES && findings.some((f) => f.fix)) {
    const next = applyFixes(current, findings);
    if (next === current) break;
    passes++;
    current = next;
    findings = lint(current, options);
  }
  return { text: current, findings, passes };
}
