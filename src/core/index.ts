// The only door into the core: src/cli, src/vscode and library users (dist/core.js, typed by
// dist/core.d.ts) import from here and nowhere else. Grouped by layer, top down.
export type * from './types';

// engine: lint, fix-all, config, suppression comments, completion
export { lint, lintDocument, completion, applyFixes, applyEdits, DEFAULT_MAX_DOCUMENT_SIZE } from './engine/lint';
export type { LintRunOptions, LintResult } from './engine/lint';
export { createLinter } from './engine/incremental';
export type { IncrementalLinter } from './engine/incremental';
export type { Completion } from './engine/completion';
export { fixAll, MAX_FIX_PASSES } from './engine/fixAll';
export type { FixAllResult } from './engine/fixAll';
export { validateConfig } from './engine/configValidation';
export { disableRuleFix } from './engine/disableComment';
export { lintTimeoutFinding, lintTimeoutResult, unlintedFinding } from './engine/lintTimeout';

// report: the incident report over many post-mortems (readIncident per file, buildReport over them)
export { readIncident, isSkipped, REPORT_METRICS } from './report/incident';
export type { IncidentReading, IncidentSkip, ReportActionItem, ReportMetric } from './report/incident';
export { buildReport, groupKey, REPORT_GROUPINGS } from './report/build';
export type { ActionItemState, FactorCount, GroupSummary, IncidentReport, IncidentRow, OverdueItem, ReportGrouping, ReportOptions } from './report/build';
export { distribution, nearestRank } from './report/stats';
export type { Distribution } from './report/stats';
export { reportJson, reportCsv, reportMarkdown, csvField, markdownCell } from './report/formats';
export { reportHtml } from './report/html';
export { escapeHtml } from './report/charts';
export type { HtmlReportOptions } from './report/html';

// rules: the registry and the contract
export { rules, ruleById } from './rules/index';
export { fixKindsNote } from './rules/rule';

// postmortem: a document read against its template
export { readStatus, scanStatus, DEFAULT_STRICTNESS, COMPLETE_STATUS_KEY } from './postmortem/status';
export type { DocumentStatus } from './postmortem/status';
export { timelineMetrics, summarizeMetrics } from './postmortem/metrics';
export type { DerivedMetric, MetricsSummary, MetricsOptions, NotDerivedMetric } from './postmortem/metrics';
export { readingText, METRIC_SPANS, METRIC_NAMES, METRIC_LABELS, METRIC_SHORT_NAMES, STANDARD_READINGS } from './postmortem/metricDefinitions';
export type { MetricName, MetricReading } from './postmortem/metricDefinitions';
export { DEFAULT_MILESTONE_KEYWORDS } from './postmortem/milestones';
export type { Milestone } from './postmortem/milestones';
export { formatDuration, parseDuration } from './postmortem/duration';
export { parseIsoDate } from './postmortem/times';
export { isPostmortem, recognizePostmortem } from './postmortem/recognize';
export { beadsReferences, scanBeadsIds } from './postmortem/beadsReferences';
export type { BeadsActionRow, BeadsDocumentReferences, BeadsReference, CellPlace } from './postmortem/beadsReferences';
export { issueState, closedAsWontDo } from './postmortem/beadsStatus';
export type { Recognition } from './postmortem/recognize';

// template: the template model
export { builtinTemplate, buildTemplateModel, templateFor, templateProblem, builtinTemplateText } from './template/model';
export type { TemplateModel, TemplateSection, SummaryField, TemplateTable, TemplateChecklist } from './template/model';
export { withSectionAliases } from './template/sectionTitles';
export type { SectionAliases } from './template/sectionTitles';

// authoring: scaffold, snippets, section and timeline-entry insertion
export { scaffoldSnippet, scaffoldText, fileNameFor, numberedNames, slugify } from './authoring/scaffold';
export type { ScaffoldAnswers } from './authoring/scaffold';
export { buildSnippets } from './authoring/snippets';
export { timelineEntryInsertion } from './authoring/timelineEntry';
export type { TimelineEntryInsertion } from './authoring/timelineEntry';
export { missingSectionInsertions } from './authoring/sectionInsert';
export type { SectionInsertion } from './authoring/sectionInsert';
export { deriveTemplate } from './authoring/deriveTemplate';

// markdown: positions and edits, for adapters that convert ranges
export { LineIndex } from './markdown/positions';
export { disjointEdits, replacementEdit } from './markdown/edits';
