// The review workflow: a post-mortem's Status moves through the template's Status choices (built-in:
// Draft -> In Review -> Complete), and how far along it is decides how strict the lint is. The status
// is read from the Summary field (any layout readSummary reads: `**Status:** Draft`, `Status: Draft`,
// a table row, `## Status`) or the front matter's `status:`.
import metadataSchema from '../../../schemas/postmortem-metadata.schema.json';
import type { DocumentModel } from '../markdown/document';
import { scanFieldLines, type FieldLine } from '../markdown/fields';
import type { TemplateModel } from '../template/model';
import type { PostmortemConfig, SeverityOrOff } from '../types';
import { canonicalFieldName, schemaProperty } from './fieldNames';
import { fieldValue, readSummary } from './summary';

export type Strictness = Record<string, Record<string, SeverityOrOff>>;

/** How far along its review a post-mortem is: the template's first Status choice, its last, or one between. */
export type ReviewStage = 'draft' | 'review' | 'complete';

/** Default severities by review stage for the rules whose weight depends on how finished the document is. */
const STAGE_STRICTNESS: Record<ReviewStage, Record<string, SeverityOrOff>> = {
  draft: { placeholder: 'info', 'missing-section': 'info', 'empty-section': 'info' },
  review: { placeholder: 'warning', 'missing-section': 'warning', 'empty-section': 'warning' },
  complete: { placeholder: 'error', 'missing-section': 'error', 'empty-section': 'error', 'sign-off': 'error' },
};

/** The built-in template's Status choices as the metadata schema lists them (schemas.test.ts checks they agree): no template parse. */
const BUILTIN_STATUSES: readonly string[] = metadataSchema.properties.status.enum;

/** A template's Status choices, in review order; the built-in ones for a template that offers none. */
export function statusChoices(template: TemplateModel | undefined): readonly string[] {
  return template?.summaryFields.find((f) => f.name === statusFieldName(template))?.choices ?? BUILTIN_STATUSES;
}

/** The name of the template's field that holds the Status ("status", or a team's "Incident status"). */
function statusFieldName(template: TemplateModel | undefined): string {
  return (template && template.summaryFields.find((f) => schemaProperty(f.name, template) === 'status')?.name) ?? 'status';
}

function stageOf(key: string, choices: readonly string[]): ReviewStage | undefined {
  const index = choices.findIndex((c) => statusKey(c) === key);
  if (index < 0) return undefined;
  return index === choices.length - 1 ? 'complete' : index === 0 ? 'draft' : 'review';
}

/** The default strictness table of the built-in template, by status key (the config schema shows it). */
export const DEFAULT_STRICTNESS: Strictness = Object.fromEntries(
  BUILTIN_STATUSES.map((s) => [statusKey(s), STAGE_STRICTNESS[stageOf(statusKey(s), BUILTIN_STATUSES) as ReviewStage]]),
);

/** The status key of a built-in post-mortem that claims to be finished; with any template, DocumentStatus.stage says it. */
export const COMPLETE_STATUS_KEY = statusKey(BUILTIN_STATUSES[BUILTIN_STATUSES.length - 1] as string);

export interface DocumentStatus {
  /** As written ("In Review"), without markup wrapped round it. */
  value: string;
  /** Lower-cased, spaces collapsed ("in review"): the key into a configured strictness table. */
  key: string;
  /** Where the template's Status choices put it; undefined for a value that is not one of them. */
  stage: ReviewStage | undefined;
  start: number;
  end: number;
}

/** "In Review", "in-review", "IN_REVIEW" -> "in review". */
export function statusKey(value: string): string {
  return value.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

function documentStatus(value: string, start: number, end: number, choices: readonly string[]): DocumentStatus {
  const key = statusKey(value);
  return { value, key, stage: stageOf(key, choices), start, end };
}

const FRONT_MATTER_STATUS = /^status:[ \t]*["']?([^"'\r\n#]*?)["']?[ \t]*$/im;

/** The `status:` of a front matter block whose value starts at `base` in the document. */
function frontMatterStatus(value: string, base: number, choices: readonly string[]): DocumentStatus | undefined {
  const m = FRONT_MATTER_STATUS.exec(value);
  if (!m || !m[1]) return undefined;
  const start = base + m.index + m[0].indexOf(m[1]);
  return documentStatus(m[1], start, start + m[1].length, choices);
}

/** A Status field line's value; a choice list left from the template ("Draft | Complete") says none. */
function fieldStatus(fields: readonly FieldLine[], choices: readonly string[], name: string): DocumentStatus | undefined {
  const field = fields.find((f) => f.name === name);
  if (!field) return undefined;
  const { text, start, end } = fieldValue(field);
  if (!text || text.includes('|')) return undefined;
  return documentStatus(text, start, end, choices);
}

export function readStatus(doc: DocumentModel, template: TemplateModel): DocumentStatus | undefined {
  const choices = statusChoices(template);
  const fm = doc.frontmatter;
  if (fm?.position) {
    // yaml node value starts after the opening "---" line.
    const found = frontMatterStatus(fm.value, doc.text.indexOf(fm.value, fm.position.start.offset), choices);
    if (found) return found;
  }
  return fieldStatus(readSummary(doc, template).fields, choices, statusFieldName(template));
}

/** How much of a document scanStatus reads: a Summary sits in the first lines. */
export const STATUS_SCAN_LENGTH = 64 * 1024;

/**
 * The Status of a document that is not parsed (over the size limit, or too slow to parse), read
 * from its first STATUS_SCAN_LENGTH characters only: the front matter's `status:`, else the first
 * `**Status:** value` or `Status: value` line, as readStatus reads them. Code blocks are not told apart: a document
 * nobody could lint is better taken at its word. Its stage is read against `template` (default: the built-in one).
 */
export function scanStatus(text: string, template?: TemplateModel): DocumentStatus | undefined {
  const choices = statusChoices(template);
  let head = text.length > STATUS_SCAN_LENGTH ? text.slice(0, STATUS_SCAN_LENGTH) : text;
  if (head.length < text.length) head = head.slice(0, Math.max(0, head.lastIndexOf('\n')));
  const open = /^---[ \t]*\r?\n/.exec(head);
  if (open) {
    const close = /^---[ \t]*$/m.exec(head.slice(open[0].length));
    if (close) {
      const found = frontMatterStatus(head.slice(open[0].length, open[0].length + close.index), open[0].length, choices);
      if (found) return found;
    }
  }
  const fields = scanFieldLines(head).map((f) => (template ? { ...f, name: canonicalFieldName(f.label, template) } : f));
  return fieldStatus(fields, choices, statusFieldName(template));
}

/** The severity table for a status: the config's `strictness` by status (false: none), else the default for its stage. */
export function strictnessFor(status: DocumentStatus | undefined, config: PostmortemConfig | undefined): Record<string, SeverityOrOff> {
  if (!status || config?.strictness === false) return {};
  if (config?.strictness) {
    for (const [name, severities] of Object.entries(config.strictness)) if (statusKey(name) === status.key) return severities;
    return {};
  }
  return status.stage ? STAGE_STRICTNESS[status.stage] : {};
}
