// The library entry (dist/core.js): everything the CLI, the extension and other tools use.
export { lint, lintDocument, completion, applyFixes, applyEdits, DEFAULT_MAX_DOCUMENT_SIZE } from './lint';
export type { LintRunOptions, LintResult } from './lint';
export type { Completion } from './completion';
export { readStatus, DEFAULT_STRICTNESS } from './status';
export type { DocumentStatus } from './status';
export { rules } from './rules/index';
export { builtinTemplate, buildTemplateModel, templateFor, builtinTemplateText } from './template/model';
export type { TemplateModel, TemplateSection, SummaryField, TemplateTable, TemplateChecklist } from './template/model';
export { validateConfig } from './configValidation';
export type * from './types';
export { scaffoldSnippet, scaffoldText, fileNameFor, slugify } from './scaffold';
export type { ScaffoldAnswers } from './scaffold';
export { buildSnippets } from './snippets';
export { timelineMetrics, summarizeMetrics, DEFAULT_MILESTONE_KEYWORDS, METRIC_SPANS } from './metrics';
export type { DerivedMetric, MetricsSummary, Milestone, MetricName } from './metrics';
export { formatDuration, parseDuration } from './duration';
export { timelineEntryInsertion } from './timelineEntry';
export type { TimelineEntryInsertion } from './timelineEntry';
