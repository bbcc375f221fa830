// The result the adapters give for a document whose lint ran out of time. Linting itself stays
// synchronous (the core never watches a clock): the CLI and the editor run it in a worker thread and
// stop the worker after a time budget, then report this instead. Markdown such as lists nested a
// thousand deep or long runs of `[[[[` or `*a*a*a` takes remark minutes to parse.
import type { LintResult } from './lint';
import { scanStatus } from '../postmortem/status';
import type { TemplateModel } from '../template/model';
import type { Finding } from '../types';

export const LINT_TIMEOUT_RULE = 'lint-timeout';

export function lintTimeoutMessage(seconds: number): string {
  return `Post-mortem not linted: it took longer than ${seconds} s to parse. Large nested lists or long runs of brackets or emphasis make Markdown slow to parse; split the document.`;
}

/** An error about a whole document that was not linted (or not all of it), at its start. */
export function unlintedFinding(file: string, ruleId: string, message: string): Finding {
  return { file, ruleId, severity: 'error', message, line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
}

/** The one finding for a document not linted in time: an error, since nothing in it was checked. */
export function lintTimeoutFinding(file: string, seconds: number): Finding {
  return unlintedFinding(file, LINT_TIMEOUT_RULE, lintTimeoutMessage(seconds));
}

/** A lint result holding only the timeout finding; the Status as the document's first lines say it (in the template's Status words). */
export function lintTimeoutResult(text: string, file: string, seconds: number, template?: TemplateModel): LintResult {
  return {
    findings: [lintTimeoutFinding(file, seconds)],
    status: scanStatus(text, template),
    completion: { sectionsFilled: 0, sectionsTotal: 0, percent: 0, placeholders: 0, findings: { error: 1, warning: 0, info: 0 } },
    metrics: { timelineLine: undefined, metrics: [] },
  };
}
