// The library entry (dist/core.js): everything the CLI, the extension and other tools use.
export { lint, applyFixes, applyEdits, DEFAULT_MAX_DOCUMENT_SIZE } from './lint';
export type { LintRunOptions } from './lint';
export { rules } from './rules/index';
export { builtinTemplate, buildTemplateModel, templateFor, builtinTemplateText } from './template/model';
export type { TemplateModel, TemplateSection, SummaryField, TemplateTable, TemplateChecklist } from './template/model';
export { validateConfig } from './configValidation';
export type * from './types';
