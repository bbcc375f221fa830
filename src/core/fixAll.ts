// Fix-all, the same for `postmortem --fix` and the editor's source.fixAll: apply every finding's safe
// fix, lint again, and repeat while fixes appear (one fix can make another possible, e.g. an inserted
// section whose metrics the timeline can fill), up to MAX_FIX_PASSES.
import { applyFixes, lintDocument, type LintResult, type LintRunOptions } from './lint';
import type { Finding } from './types';

export const MAX_FIX_PASSES = 10;

export interface FixAllResult {
  text: string;
  /** The findings of the final text. */
  findings: Finding[];
  /** The whole lint result of the final text (status, completion, metrics). */
  result: LintResult;
  passes: number;
}

export function fixAll(text: string, options: LintRunOptions = {}): FixAllResult {
  let current = text;
  let result = lintDocument(current, options);
  let passes = 0;
  while (passes < MAX_FIX_PASSES && result.findings.some((f) => f.fix)) {
    const next = applyFixes(current, result.findings);
    if (next === current) break;
    passes++;
    current = next;
    result = lintDocument(current, options);
  }
  return { text: current, findings: result.findings, result, passes };
}
